// The package's wasm replaces two libc functions that only nlohmann's parser calls, to keep their weight out of
// the module (docs/bench.md, "Where the bytes go"):
//   strtod    nlohmann converts every decimal number to a double and refuses the ones that overflow. The engine
//             keeps each number's source text and never reads money through a double, so only the overflow matters;
//             musl's strtod brings long-double arithmetic (compiler-rt's soft float) with it.
//   snprintf  nlohmann formats a control character in a parse error as "<U+XXXX>"; musl's printf core is the
//             only other user-facing formatter in the link and nothing else calls it.
// Native builds keep libc's own; tests/core/json_test.cpp checks decimal_overflows_double against strtod.
#include <cmath>
#include <cstdarg>
#include <cstddef>
#include <cstring>
#include <locale.h>

#include "json/number_range.hpp"

extern "C" {

double strtod(const char* text, char** end) {
    std::size_t n = 0;
    while (text[n] && std::strchr("+-0123456789.eE", text[n])) ++n;
    if (end) *end = const_cast<char*>(text + n);
    if (!op::json::decimal_overflows_double({text, n})) return 0.0;  // finite: its value is never used
    return text[0] == '-' ? -HUGE_VAL : HUGE_VAL;
}

// musl defines these in strtod's own object; libc++'s std::stof/std::stold refer to them (the engine calls
// neither). Defining them keeps that object out of the link; they convert nothing.
float strtof(const char* text, char** end) {
    if (end) *end = const_cast<char*>(text);
    return 0.0f;
}
long double strtold(const char* text, char** end) {
    if (end) *end = const_cast<char*>(text);
    return 0.0L;
}
float strtof_l(const char* text, char** end, locale_t) { return strtof(text, end); }
double strtod_l(const char* text, char** end, locale_t) { return strtod(text, end); }
long double strtold_l(const char* text, char** end, locale_t) { return strtold(text, end); }

// Only the format nlohmann uses, "<U+%.4X>" with one unsigned argument; any other format writes an empty string.
int snprintf(char* out, std::size_t size, const char* format, ...) {
    char text[16] = {0};
    std::size_t length = 0;
    if (std::strcmp(format, "<U+%.4X>") == 0) {
        va_list args;
        va_start(args, format);
        const unsigned value = va_arg(args, unsigned);
        va_end(args);
        static constexpr char kHex[] = "0123456789ABCDEF";
        char hex[8];
        int digits = 0;
        for (unsigned v = value; v != 0 || digits < 4; v >>= 4) hex[digits++] = kHex[v & 0xF];
        text[length++] = '<';
        text[length++] = 'U';
        text[length++] = '+';
        while (digits > 0) text[length++] = hex[--digits];
        text[length++] = '>';
    }
    if (size > 0) {
        const std::size_t copied = length < size - 1 ? length : size - 1;
        std::memcpy(out, text, copied);
        out[copied] = '\0';
    }
    return static_cast<int>(length);
}

}  // extern "C"
