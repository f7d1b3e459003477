// Whether a JSON number's text, converted to IEEE binary64 as strtod does, would be infinite. The parser only
// needs that one fact about a decimal number (the engine keeps every number's source text; money is never read
// through a binary fraction), so the wasm build answers it without linking libc's strtod and its software
// floating-point arithmetic (wasm/libc_slim.cpp).
#pragma once
#include <string_view>

namespace op::json {

// `text` is a number in JSON syntax: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?. True when the value's
// magnitude rounds to infinity in binary64 (it is at least DBL_MAX + half an ulp), exactly as strtod decides.
bool decimal_overflows_double(std::string_view text);

}  // namespace op::json
