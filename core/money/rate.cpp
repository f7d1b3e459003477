#include "rate.hpp"

namespace op {

bool parse_rate(std::string_view text, Rate& out) {
    std::size_t i = 0;
    std::int64_t units = 0;
    int scale = 0;
    std::size_t int_digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (++int_digits > 2) return false;
        units = units * 10 + (text[i] - '0');
        ++i;
    }
    if (int_digits == 0) return false;
    if (i < text.size() && text[i] == '.') {
        ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            if (scale == kMaxRateScale) return false;
            units = units * 10 + (text[i] - '0');
            ++scale;
            ++i;
        }
        if (i == start) return false;
    }
    if (i != text.size()) return false;
    // Normalise trailing zeros away so equal rates compare (and fingerprint) equal.
    while (scale > 0 && units % 10 == 0) {
        units /= 10;
        --scale;
    }
    if (units > 10 * pow10(scale)) return false;
    out = Rate{units, scale};
    return true;
}

std::string format_rate(Rate rate) {
    if (rate.scale == 0) return std::to_string(rate.units);
    return format_amount(rate.units, rate.scale);
}

std::int64_t tax_on_net(std::int64_t net, Rate rate, Rounding mode) {
    return static_cast<std::int64_t>(div_round(static_cast<i128>(net) * rate.units, pow10(rate.scale), mode));
}

NetAndTax split_inclusive(std::int64_t gross, Rate rate, InclusiveSplit split, Rounding mode) {
    const i128 one = pow10(rate.scale);
    const i128 denominator = one + rate.units;
    if (split == InclusiveSplit::tax_first) {
        const auto tax = static_cast<std::int64_t>(div_round(static_cast<i128>(gross) * rate.units, denominator, mode));
        return {gross - tax, tax};
    }
    const auto net = static_cast<std::int64_t>(div_round(static_cast<i128>(gross) * one, denominator, mode));
    return {net, gross - net};
}

}  // namespace op
