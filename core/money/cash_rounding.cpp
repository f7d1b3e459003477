#include "cash_rounding.hpp"

namespace op {

std::int64_t cash_round(i128 num, i128 den, const CashRounding& c) {
    const i128 minor = div_round(num, den, Rounding::half_up);
    if (c.decimals > 2 || c.interval <= 1) return static_cast<std::int64_t>(minor);
    return static_cast<std::int64_t>(div_round(minor, c.interval, Rounding::half_up) * c.interval);
}

}  // namespace op
