// Exact money: signed 64-bit minor units, 128-bit intermediates, named rounding.
// Every function that rounds takes the mode explicitly so each rounding site is visible at its call.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace op {

using i128 = __int128;

// |amount| above this many minor units is AMOUNT_OUT_OF_RANGE (SPEC 2).
constexpr std::int64_t kMaxMinorUnits = 1'000'000'000'000'000LL;

enum class Rounding : std::uint8_t { half_up, half_even };
enum class Proration : std::uint8_t { half_up, floor };

enum class AmountError : std::uint8_t { none, invalid, too_many_digits, out_of_range };

// Parses "59.99", "-3", "0.10" (or a JSON number's source text) into minor units of a currency with
// `exponent` digits. Trailing zeros beyond the exponent are accepted ("1.500" in USD); non-zero ones are not.
// Rejects exponent notation, signs other than a leading '-', whitespace, empty text, NaN/Infinity.
AmountError parse_amount(std::string_view text, int exponent, std::int64_t& out);

// Exactly `exponent` fractional digits: format_amount(399, 2) == "3.99", format_amount(1200, 0) == "1200".
std::string format_amount(std::int64_t minor, int exponent);
void append_amount(std::string& out, std::int64_t minor, int exponent);
// The same for a magnitude and a sign (also how unsigned counts are written: exponent 0).
void append_decimal(std::string& out, std::uint64_t magnitude, bool negative, int exponent);

// num / den rounded to an integer; den > 0. Half-up rounds halves away from zero.
i128 div_round(i128 num, i128 den, Rounding mode);
i128 div_floor(i128 num, i128 den);

// Cumulative proration: f(n) = round(total * n / basis) with f(0) = 0 and f(basis) = total, so the amount
// for units a..b is f(b) - f(a) and any partition of the units sums exactly to `total`.
std::int64_t prorate_cumulative(std::int64_t total, std::int64_t basis, std::int64_t n, Proration mode);
// Amount for units (from, from + count].
std::int64_t prorate_units(std::int64_t total, std::int64_t basis, std::int64_t from, std::int64_t count,
                           Proration mode);

// Splits `amount` over parts in proportion to non-negative `weights` (largest remainder, ties by input
// order). Parts sum exactly to `amount`. All-zero weights: split evenly the same way.
std::vector<std::int64_t> allocate(std::int64_t amount, const std::vector<std::int64_t>& weights);

std::int64_t pow10(int exponent);

}  // namespace op
