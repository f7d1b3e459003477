// The embedded presets (core/status/presets/*.json, built into generated/presets.inc). Each is read and
// validated once, on first use, by the same code as a custom definition; the parsed definitions are
// immutable afterwards, so this is a cache of constant data, not state between calls.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "machine.hpp"

namespace op::status {

struct Preset {
    std::string_view name;
    std::string_view source;    // the JSON text
    Definition definition;
    std::vector<Issue> errors;  // empty for a good preset (a test asserts this for every one)
    std::vector<Issue> warnings;
};

const std::vector<Preset>& presets();
// nullptr when no preset has this name.
const Preset* find_preset(std::string_view name);
std::string preset_names();  // "29next, elasticpath, shopware, v1"

}  // namespace op::status
