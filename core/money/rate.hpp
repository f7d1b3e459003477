// Tax rates as exact decimals ("0.0825", 0.1): value = units / 10^scale, never a binary fraction.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "money.hpp"

namespace op {

struct Rate {
    std::int64_t units = 0;  // 0.0825 -> units 825, scale 4
    int scale = 0;
};

constexpr int kMaxRateScale = 9;

// Accepts plain decimals in [0, 10] with at most kMaxRateScale fractional digits.
bool parse_rate(std::string_view text, Rate& out);
std::string format_rate(Rate rate);

enum class InclusiveSplit : std::uint8_t { tax_first, net_first };

// Tax on a net amount: round(net * rate).
std::int64_t tax_on_net(std::int64_t net, Rate rate, Rounding mode);

struct NetAndTax {
    std::int64_t net;
    std::int64_t tax;
};
// Splits a tax-inclusive gross. One part is rounded, the other is derived by subtraction, so net + tax == gross.
NetAndTax split_inclusive(std::int64_t gross, Rate rate, InclusiveSplit split, Rounding mode);

}  // namespace op
