#include "registry.hpp"

#include <algorithm>
#include <iterator>

namespace op {

// One line per platform; each is defined in its folder's platform.cpp. The first is the default shape.
extern const Platform k29next;
extern const Platform kV1;
extern const Platform kElasticPath;
extern const Platform kShopware;

namespace {

const Platform* const kPlatforms[] = {&k29next, &kV1, &kElasticPath, &kShopware};

}  // namespace

bool NameList::contains(std::string_view name) const { return std::find(begin(), end(), name) != end(); }

const Platform* find_platform(std::string_view name) {
    for (const Platform* p : kPlatforms)
        if (p->name == name) return p;
    return nullptr;
}

const Platform& detect_platform(json::Value order) {
    for (const Platform* p : kPlatforms)
        if (p->reading && p->reading->claims && p->reading->claims(order)) return *p;
    return *kPlatforms[0];
}

std::string platform_names(bool (*has)(const Platform&), std::string_view last_joiner) {
    std::string out;
    std::size_t listed = 0, total = 0;
    for (const Platform* p : kPlatforms) total += has(*p) ? 1 : 0;
    for (const Platform* p : kPlatforms) {
        if (!has(*p)) continue;
        if (listed > 0) out += listed + 1 == total ? last_joiner : ", ";
        out += p->name;
        ++listed;
    }
    return out;
}

}  // namespace op
