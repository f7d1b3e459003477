#include "number_range.hpp"

#include <cstdint>

namespace op::json {
namespace {

// 2^1024 - 2^970: halfway between DBL_MAX and 2^1024, in decimal, trailing zeros dropped. A value at or above it
// rounds to infinity (a tie goes to the even neighbour, 2^1024). Its leading digit stands for 10^308.
constexpr std::string_view kHalfwayDigits =
    "1797693134862315807937289714053034150799341327100378269361737789804449682927647509466490179775872070963302864166928879"
    "1094655554785194040263065748867150582068190890200070838367627385484581771153176447573027006985557136695962284291481986"
    "0834936475292719074168444365510704342711559699508093042880177904174497792";
constexpr std::int64_t kHalfwayExponent = 308;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool decimal_overflows_double(std::string_view text) {
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    // The significant digits (leading zeros skipped) and the power of ten of the first one.
    std::string_view digits;
    std::size_t first = 0, last = 0;  // [first, last) of significant digits, dot included
    std::int64_t integer_digits = 0, leading_fraction_zeros = 0;
    bool seen_dot = false, seen_significant = false;
    for (; i < text.size() && (is_digit(text[i]) || text[i] == '.'); ++i) {
        if (text[i] == '.') {
            seen_dot = true;
            continue;
        }
        if (!seen_significant && text[i] == '0') {
            if (seen_dot) ++leading_fraction_zeros;
            continue;
        }
        if (!seen_significant) first = i;
        seen_significant = true;
        last = i + 1;
        if (!seen_dot) ++integer_digits;
    }
    if (!seen_significant) return false;  // zero
    digits = text.substr(first, last - first);
    std::int64_t exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool negative = false;
        if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
        for (; i < text.size() && is_digit(text[i]); ++i)
            if (exponent < 1'000'000'000) exponent = exponent * 10 + (text[i] - '0');  // saturates far beyond any boundary
        if (negative) exponent = -exponent;
    }
    // The first significant digit stands for 10^power.
    const std::int64_t power = (integer_digits > 0 ? integer_digits - 1 : -leading_fraction_zeros - 1) + exponent;
    if (power != kHalfwayExponent) return power > kHalfwayExponent;
    // Same power: compare digit by digit (the dot skipped, trailing zeros of either side count as zeros).
    std::size_t h = 0;
    for (const char c : digits) {
        if (c == '.') continue;
        if (h == kHalfwayDigits.size()) return true;  // equal so far, and these digits are not all zeros below
        if (c != kHalfwayDigits[h]) return c > kHalfwayDigits[h];
        ++h;
    }
    return h == kHalfwayDigits.size();  // equal to the halfway point: the tie rounds to 2^1024
}

}  // namespace op::json
