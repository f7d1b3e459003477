#include "previews.hpp"

namespace op {
namespace {

constexpr std::string_view kRestockNames[] = {"cancel", "return", "no_restock"};

}  // namespace

std::string_view restock_name(Restock r) { return kRestockNames[static_cast<int>(r)]; }

bool parse_restock(std::string_view s, Restock& out) {
    for (int i = 0; i < 3; ++i)
        if (kRestockNames[i] == s) {
            out = static_cast<Restock>(i);
            return true;
        }
    return false;
}

}  // namespace op
