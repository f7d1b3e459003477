// Cash rounding: an amount rounded to the currency's digits, then to a multiple of the smallest coin or note
// that changes hands (0.05 in Switzerland, 0.10 in Hong Kong, 0.50 in Denmark, 1.00 in Sweden). Some platforms
// store this per order (an item rounding for unit prices, line totals and taxes; a total rounding for the
// order total); docs/rules.md names each place it applies.
#pragma once

#include <cstdint>

#include "money.hpp"

namespace op {

struct CashRounding {
    int decimals = 2;            // the digits amounts are kept in (the minor-unit exponent)
    std::int64_t interval = 1;   // in minor units of `decimals`: 0.05 at 2 digits is 5
    bool round_for_net = true;   // net amounts also land on the interval (else only on the digits)
};

// Two stages, both half away from zero: first num/den (an amount in minor units, as a fraction; den > 0) to
// whole minor units; then, when `decimals` <= 2, to the nearest multiple of `interval`. Above two decimals the
// interval is ignored. So 19.445 with interval 0.10 becomes 19.45 then 19.50 (not 19.40).
std::int64_t cash_round(i128 num, i128 den, const CashRounding& c);
// The second stage alone, for an amount already in whole minor units.
inline std::int64_t cash_round(std::int64_t minor, const CashRounding& c) { return cash_round(minor, 1, c); }
// The first stage alone (what a platform uses for taxes, and for net amounts without round_for_net).
inline std::int64_t math_round(i128 num, i128 den) {
    return static_cast<std::int64_t>(div_round(num, den, Rounding::half_up));
}

}  // namespace op
