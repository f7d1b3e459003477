// Prices as platforms that keep a unit price, tax rules and cash rounding per order compute them: one line
// from a unit price, its tax rules and a quantity (taxes from the unrounded unit tax times the quantity, rounded
// once), and a total over lines and shipping (taxes summed per line, or per rate on the sums). Exact integers
// throughout; every rounding is named in docs/rules.md.
#pragma once

#include <cstdint>
#include <vector>

#include "order.hpp"

namespace op {

// How an order's prices are stated and rounded.
struct PriceContext {
    bool gross = true;       // prices include tax
    bool tax_free = false;   // no taxes at all
    bool vertical = false;   // totals: taxes per rate on the summed prices
    CashRounding item;
    CashRounding total;
};
PriceContext price_context(const Order& order);

// A tax rule as an exact fraction of the price: share = num / den (den > 0).
struct ExactRule {
    Rate rate;
    i128 num = 1;
    i128 den = 1;
};
std::vector<ExactRule> exact_rules(const std::vector<TaxShare>& rules);

struct LinePrice {
    std::int64_t unit = 0;
    std::int64_t quantity = 0;
    std::int64_t total = 0;
    std::vector<TaxPart> taxes;
    std::vector<TaxShare> rules;  // as written back (shares rounded to kShareScale)
    std::int64_t tax_sum() const;
};

// One line: unit = the given price on the rounding (cash rounding; net prices only with round_for_net), each
// rule's tax = round(unit × share × rate-part × quantity), base = round(unit × share × quantity),
// total = cash-rounded unit × quantity. Tax-free: no taxes, no rules.
LinePrice price_line(std::int64_t unit_price, const std::vector<ExactRule>& rules, std::int64_t quantity,
                     const PriceContext& ctx);

// Rules whose shares are each rate's part of the summed prices (by the taxes' bases); none when the sum <= 0.
std::vector<ExactRule> proportional_rules(const std::vector<LinePrice>& prices);
std::vector<TaxShare> rounded_shares(const std::vector<ExactRule>& rules);

struct CartPrice {
    std::int64_t net = 0;
    std::int64_t total = 0;
    std::int64_t raw_total = 0;      // before total rounding
    std::int64_t position_price = 0; // lines only
    std::vector<TaxPart> taxes;      // per rate
    std::vector<TaxShare> rules;     // each rate once (first rule per rate)
};
CartPrice price_cart(const std::vector<LinePrice>& lines, const std::vector<LinePrice>& shipping, const PriceContext& ctx);

}  // namespace op
