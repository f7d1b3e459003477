#include "presets.hpp"

namespace op::status {
namespace {

struct Embedded {
    std::string_view name;
    std::string_view json;
};

constexpr Embedded kEmbedded[] = {
#define OP_PRESET(name, text) {name, text},
#include "presets.inc"
#undef OP_PRESET
};

Preset load(const Embedded& e) {
    Preset p;
    p.name = e.name;
    p.source = e.json;
    Diagnostics d;
    json::Document doc;
    if (doc.parse(e.json, json::Limits{}, d)) {
        auto at = d.at("preset");
        load_definition(doc.root(), {}, d, p.definition);
    }
    p.definition.preset = std::string(e.name);
    p.errors = d.errors();
    p.warnings = d.warnings();
    return p;
}

}  // namespace

const std::vector<Preset>& presets() {
    static const std::vector<Preset> all = [] {
        std::vector<Preset> v;
        for (const auto& e : kEmbedded) v.push_back(load(e));
        return v;
    }();
    return all;
}

const Preset* find_preset(std::string_view name) {
    for (const auto& p : presets())
        if (p.name == name) return &p;
    return nullptr;
}

std::string preset_names() {
    std::string out;
    for (const auto& p : presets()) {
        if (!out.empty()) out += ", ";
        out += p.name;
    }
    return out;
}

}  // namespace op::status
