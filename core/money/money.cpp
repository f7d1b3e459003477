#include "money.hpp"

#include <algorithm>
#include <numeric>

namespace op {

std::int64_t pow10(int exponent) {
    std::int64_t p = 1;
    for (int i = 0; i < exponent; ++i) p *= 10;
    return p;
}

namespace {
// Past 10^20 (far beyond kMaxMinorUnits) the digits no longer matter: the amount is out of range.
constexpr i128 kOverflowGuard = static_cast<i128>(100'000'000'000'000'000LL) * 1000;
}  // namespace

AmountError parse_amount(std::string_view text, int exponent, std::int64_t& out) {
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && text[i] == '-') {
        negative = true;
        ++i;
    }
    const std::size_t int_start = i;
    // Accumulate in 128 bits; beyond 10^20 the value is out of range whatever follows.
    i128 value = 0;
    bool overflow = false;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (value < kOverflowGuard)
            value = value * 10 + (text[i] - '0');
        else
            overflow = true;
        ++i;
    }
    const std::size_t int_digits = i - int_start;
    std::size_t frac_digits = 0;
    int kept = 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        const std::size_t frac_start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            if (kept < exponent) {
                value = value * 10 + (text[i] - '0');
                ++kept;
            } else if (text[i] != '0') {
                // Remember the problem but finish scanning so a malformed tail is reported as invalid first.
                frac_digits = static_cast<std::size_t>(-1);
            }
            ++i;
        }
        if (i == frac_start) return AmountError::invalid;  // "3."
        if (frac_digits != static_cast<std::size_t>(-1)) frac_digits = i - frac_start;
    }
    if (int_digits == 0 || i != text.size()) return AmountError::invalid;
    if (frac_digits == static_cast<std::size_t>(-1)) return AmountError::too_many_digits;
    for (; kept < exponent; ++kept) value *= 10;
    if (overflow || value > kMaxMinorUnits) return AmountError::out_of_range;
    out = static_cast<std::int64_t>(negative ? -value : value);
    return AmountError::none;
}

void append_amount(std::string& out, std::int64_t minor, int exponent) {
    // The magnitude fits 64 unsigned bits (INT64_MIN too), so each digit is a 64-bit division: in wasm a 128-bit
    // division is a library call per digit.
    const std::uint64_t magnitude =
        minor < 0 ? 0 - static_cast<std::uint64_t>(minor) : static_cast<std::uint64_t>(minor);
    append_decimal(out, magnitude, minor < 0, exponent);
}

void append_decimal(std::string& out, std::uint64_t magnitude, bool negative, int exponent) {
    // Digits are written backwards into a buffer and appended once.
    char buf[48];
    char* const end = buf + sizeof buf;
    char* p = end;
    int frac = 0;
    do {
        *--p = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
        if (++frac == exponent) *--p = '.';
    } while (magnitude != 0 || frac <= exponent);
    if (*p == '.') *--p = '0';
    if (negative) *--p = '-';
    out.append(p, static_cast<std::size_t>(end - p));
}

std::string format_amount(std::int64_t minor, int exponent) {
    std::string s;
    append_amount(s, minor, exponent);
    return s;
}

i128 div_floor(i128 num, i128 den) {
    i128 q = num / den;
    if ((num % den != 0) && ((num < 0) != (den < 0))) --q;
    return q;
}

i128 div_round(i128 num, i128 den, Rounding mode) {
    const bool negative = num < 0;
    const i128 a = negative ? -num : num;
    i128 q = a / den;
    const i128 r = a % den;
    const i128 twice = r * 2;
    if (twice > den || (twice == den && (mode == Rounding::half_up || (q % 2) == 1))) ++q;
    return negative ? -q : q;
}

std::int64_t prorate_cumulative(std::int64_t total, std::int64_t basis, std::int64_t n, Proration mode) {
    if (basis <= 0 || n <= 0) return 0;
    if (n >= basis) return total;
    const i128 num = static_cast<i128>(total) * n;
    const i128 q = mode == Proration::floor ? div_floor(num, basis) : div_round(num, basis, Rounding::half_up);
    return static_cast<std::int64_t>(q);
}

std::int64_t prorate_units(std::int64_t total, std::int64_t basis, std::int64_t from, std::int64_t count,
                           Proration mode) {
    return prorate_cumulative(total, basis, from + count, mode) - prorate_cumulative(total, basis, from, mode);
}

std::vector<std::int64_t> allocate(std::int64_t amount, const std::vector<std::int64_t>& weights) {
    const std::size_t n = weights.size();
    std::vector<std::int64_t> parts(n, 0);
    if (n == 0) return parts;
    i128 sum = 0;
    for (auto w : weights) sum += w > 0 ? w : 0;
    const bool even = sum == 0;
    if (even) sum = static_cast<i128>(n);

    const bool negative = amount < 0;
    const i128 magnitude = negative ? -static_cast<i128>(amount) : amount;
    std::vector<i128> remainders(n);
    i128 given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const i128 w = even ? 1 : (weights[i] > 0 ? weights[i] : 0);
        const i128 num = magnitude * w;
        parts[i] = static_cast<std::int64_t>(num / sum);
        remainders[i] = num % sum;
        given += parts[i];
    }
    // Largest remainder first; a stable sort keeps input order among equal remainders.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    for (std::size_t k = 0; given < magnitude; ++k, ++given) ++parts[order[k % n]];
    if (negative)
        for (auto& p : parts) p = -p;
    return parts;
}

}  // namespace op
