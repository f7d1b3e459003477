// Money and rates: parse_amount / format_amount and parse_rate / format_rate against a reference model, plus
// the allocation and tax-split identities. Input: a mode byte (check = mode % 4, exponent = mode / 4 % 5), then
//   0  amount text: parse_amount accepts exactly -?digits(.digits)? with no non-zero digit past the exponent and
//      |value| <= kMaxMinorUnits; the value is the text's; it re-formats to text that parses to the same value
//   1  rate text: parse_rate accepts exactly digits{1,2}(.digits{1,9})? in [0, 10]; format_rate round-trips
//   2  8 bytes, a minor-unit amount: format_amount never fails and, in range, parses back to the same value
//   3  bytes for allocate / split_inclusive / prorate_units: parts always sum to the whole
#include <algorithm>
#include <cstring>
#include <optional>

#include "fuzz_support.hpp"
#include "money/money.hpp"
#include "money/rate.hpp"

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

struct Decimal {
    bool negative = false;
    std::string int_part;  // no leading zeros ("" for zero)
    std::string frac;      // as written
};

// -?digits(.digits)? or nothing.
std::optional<Decimal> plain_decimal(std::string_view t) {
    Decimal d;
    std::size_t i = 0;
    if (i < t.size() && t[i] == '-') {
        d.negative = true;
        ++i;
    }
    const std::size_t int_start = i;
    while (i < t.size() && is_digit(t[i])) ++i;
    if (i == int_start) return std::nullopt;
    d.int_part = std::string(t.substr(int_start, i - int_start));
    if (i < t.size() && t[i] == '.') {
        const std::size_t f = ++i;
        while (i < t.size() && is_digit(t[i])) ++i;
        if (i == f) return std::nullopt;
        d.frac = std::string(t.substr(f, i - f));
    }
    if (i != t.size()) return std::nullopt;
    d.int_part.erase(0, std::min(d.int_part.find_first_not_of('0'), d.int_part.size()));
    return d;
}

void check_amount(std::string_view text, int exponent) {
    std::int64_t value = 0;
    const op::AmountError error = op::parse_amount(text, exponent, value);
    const auto d = plain_decimal(text);
    if (!d) {
        fuzz::require(error == op::AmountError::invalid, "parse_amount", "accepted text that is not a plain decimal");
        return;
    }
    const std::string frac = d->frac.size() > static_cast<std::size_t>(exponent) ? d->frac : d->frac + std::string(exponent - d->frac.size(), '0');
    if (frac.find_first_not_of('0', exponent) != std::string::npos) {
        fuzz::require(error == op::AmountError::too_many_digits, "parse_amount", "missed a non-zero digit past the exponent");
        return;
    }
    std::string digits = d->int_part + frac.substr(0, exponent);
    digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size()));
    const std::string max = std::to_string(op::kMaxMinorUnits);
    if (digits.size() > max.size() || (digits.size() == max.size() && digits > max)) {
        fuzz::require(error == op::AmountError::out_of_range, "parse_amount", "missed an amount out of range");
        return;
    }
    fuzz::require(error == op::AmountError::none, "parse_amount", "refused a good amount");
    const std::int64_t magnitude = digits.empty() ? 0 : std::stoll(digits);
    fuzz::require(value == (d->negative ? -magnitude : magnitude), "parse_amount", "read the wrong value");
    const std::string formatted = op::format_amount(value, exponent);
    std::int64_t again = 0;
    fuzz::require(op::parse_amount(formatted, exponent, again) == op::AmountError::none && again == value, "format_amount",
                  "the formatted amount does not parse back to the same value");
    fuzz::require(op::format_amount(again, exponent) == formatted, "format_amount", "formatting is not stable");
}

void check_rate(std::string_view text) {
    op::Rate rate;
    const bool ok = op::parse_rate(text, rate);
    const auto d = plain_decimal(text);
    const std::size_t int_digits = text.find('.') == std::string_view::npos ? text.size() : text.find('.');
    const bool shape = d && !d->negative && int_digits <= 2 && d->frac.size() <= static_cast<std::size_t>(op::kMaxRateScale);
    // value <= 10: integer part below 10, or exactly 10 with only zeros after the point.
    const bool in_range = shape && (d->int_part.size() < 2 || (d->int_part == "10" && d->frac.find_first_not_of('0') == std::string::npos));
    fuzz::require(ok == in_range, "parse_rate", ok ? "accepted a rate it should refuse" : "refused a good rate");
    if (!ok) return;
    fuzz::require(rate.scale >= 0 && rate.scale <= op::kMaxRateScale && rate.units >= 0 &&
                      rate.units <= 10 * op::pow10(rate.scale) && (rate.scale == 0 || rate.units % 10 != 0),
                  "parse_rate", "the rate is not normalised");
    op::Rate again;
    fuzz::require(op::parse_rate(op::format_rate(rate), again) && again.units == rate.units && again.scale == rate.scale,
                  "format_rate", "the formatted rate does not parse back to the same rate");
}

std::int64_t take_int(std::string_view& text) {
    std::uint64_t v = 0;
    const std::size_t n = std::min<std::size_t>(8, text.size());
    std::memcpy(&v, text.data(), n);
    text.remove_prefix(n);
    return static_cast<std::int64_t>(v);
}

// An amount in the engine's range (SPEC 2), from any 64 bits.
std::int64_t in_range(std::int64_t v) {
    return static_cast<std::int64_t>(static_cast<op::i128>(v) % (op::kMaxMinorUnits + 1));
}

void check_format(std::string_view text, int exponent) {
    const std::int64_t minor = take_int(text);
    const std::string s = op::format_amount(minor, exponent);
    const auto d = plain_decimal(s);
    fuzz::require(d && d->frac.size() == static_cast<std::size_t>(exponent) && (exponent == 0) == (s.find('.') == std::string::npos),
                  "format_amount", "not a decimal with exactly `exponent` digits");
    if (minor < -op::kMaxMinorUnits || minor > op::kMaxMinorUnits) return;
    std::int64_t back = 0;
    fuzz::require(op::parse_amount(s, exponent, back) == op::AmountError::none && back == minor, "format_amount",
                  "does not parse back to the same value");
}

void check_splits(std::string_view text, std::uint8_t mode) {
    const std::int64_t amount = in_range(take_int(text));
    std::vector<std::int64_t> weights;
    while (!text.empty() && weights.size() < 32) weights.push_back(take_int(text) >> (mode % 64));
    const auto parts = op::allocate(amount, weights);
    op::i128 sum = 0;
    for (const auto p : parts) {
        sum += p;
        fuzz::require(amount >= 0 ? p >= 0 : p <= 0, "allocate", "a part has the wrong sign");
    }
    fuzz::require(parts.size() == weights.size() && (weights.empty() || sum == amount), "allocate", "parts do not sum to the amount");

    const int scale = static_cast<int>(weights.size() % (op::kMaxRateScale + 1));
    const op::Rate rate{weights.empty() ? 0 : static_cast<std::int64_t>(static_cast<std::uint64_t>(weights[0]) % (10 * op::pow10(scale) + 1)), scale};
    for (const auto split : {op::InclusiveSplit::tax_first, op::InclusiveSplit::net_first})
        for (const auto rounding : {op::Rounding::half_up, op::Rounding::half_even}) {
            const auto [net, tax] = op::split_inclusive(amount, rate, split, rounding);
            fuzz::require(static_cast<op::i128>(net) + tax == amount, "split_inclusive", "net + tax != gross");
        }
    const std::int64_t basis = 1 + static_cast<std::int64_t>(mode % 64);
    for (const auto proration : {op::Proration::half_up, op::Proration::floor}) {
        op::i128 total = 0;
        for (std::int64_t u = 0; u < basis; ++u) total += op::prorate_units(amount, basis, u, 1, proration);
        fuzz::require(total == amount, "prorate_units", "the units' amounts do not sum to the total");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = fuzz::text_of(data, size);
    const std::uint8_t mode = fuzz::take_mode(text);
    const int exponent = (mode / 4) % 5;
    switch (mode % 4) {
        case 0: check_amount(text, exponent); break;
        case 1: check_rate(text); break;
        case 2: check_format(text, exponent); break;
        default: check_splits(text, mode); break;
    }
    return 0;
}
