#include "currency.hpp"

#include <algorithm>
#include <iterator>

namespace op {
namespace {

constexpr Currency kCurrencies[] = {
#define OP_CURRENCY(code, numeric, exponent) {code, numeric, exponent},
#include "currency_table.inc"
#undef OP_CURRENCY
};

}  // namespace

std::optional<Currency> find_currency(std::string_view code) {
    // The table is sorted by code, so a binary search keeps lookups cheap on every call.
    auto it = std::lower_bound(std::begin(kCurrencies), std::end(kCurrencies), code,
                               [](const Currency& c, std::string_view k) { return c.code < k; });
    if (it == std::end(kCurrencies) || it->code != code) return std::nullopt;
    return *it;
}

std::size_t currency_count() { return std::size(kCurrencies); }

}  // namespace op
