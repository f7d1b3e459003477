// The engine's public C++ API: one function per operation, JSON text in, envelope JSON text out.
// Nothing here throws for bad data; the wasm layer adds a catch-all for the unexpected.
#pragma once

#include <string>
#include <string_view>

namespace op {

std::string_view engine_version();
// {"codes":[{"code","description"}...]}
std::string codes_json();

std::string inspect_order(std::string_view order, std::string_view options);

}  // namespace op
