// ISO 4217 currencies and their minor-unit exponents. The table is data (currency_table.inc).
#pragma once

#include <optional>
#include <string_view>

namespace op {

struct Currency {
    std::string_view code;
    int numeric;
    int exponent;  // digits after the decimal point: JPY 0, USD 2, KWD 3, CLF 4
};

// Active ISO 4217 entry for an upper-case alphabetic code, or nullopt.
std::optional<Currency> find_currency(std::string_view code);
std::size_t currency_count();

}  // namespace op
