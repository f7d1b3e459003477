#include "pricing.hpp"

#include <algorithm>

namespace op {
namespace {

bool same_rate(Rate a, Rate b) {
    const int s = std::max(a.scale, b.scale);
    return static_cast<i128>(a.units) * pow10(s - a.scale) == static_cast<i128>(b.units) * pow10(s - b.scale);
}

i128 abs128(i128 v) { return v < 0 ? -v : v; }

// a * b, scaling both fraction terms down when the product would leave 128 bits (only absurd inputs do).
void mul_fraction(i128& num, i128& den, i128 factor) {
    i128 out;
    while (__builtin_mul_overflow(num, factor, &out)) {
        num /= 10;
        den /= 10;
        if (den == 0) den = 1;
    }
    num = out;
}

// round(amount × num / den × part), part = r or r / (1 + r) for a rate r = units / 10^scale.
std::int64_t tax_of(std::int64_t amount, const ExactRule& rule, bool gross) {
    i128 num = amount, den = rule.den;
    mul_fraction(num, den, rule.num);
    mul_fraction(num, den, rule.rate.units);
    const i128 base = pow10(rule.rate.scale);
    const i128 div = gross ? base + rule.rate.units : base;
    mul_fraction(den, num, div);  // den × div (num scaled with it if needed)
    return math_round(num, den);
}

std::int64_t base_of(std::int64_t amount, const ExactRule& rule) {
    i128 num = amount, den = rule.den;
    mul_fraction(num, den, rule.num);
    return math_round(num, den);
}

void merge(std::vector<TaxPart>& into, const TaxPart& t) {
    for (auto& x : into)
        if (same_rate(x.rate, t.rate)) {
            x.tax += t.tax;
            x.base += t.base;
            return;
        }
    into.push_back(t);
}

}  // namespace

std::int64_t LinePrice::tax_sum() const {
    std::int64_t s = 0;
    for (const auto& t : taxes) s += t.tax;
    return s;
}

PriceContext price_context(const Order& o) {
    PriceContext c;
    c.gross = o.tax_inclusive;
    c.tax_free = o.tax_free;
    c.vertical = o.vertical_tax;
    c.item = o.item_rounding;
    c.total = o.total_rounding;
    c.item.decimals = c.total.decimals = o.exponent;
    return c;
}

std::vector<ExactRule> exact_rules(const std::vector<TaxShare>& rules) {
    std::vector<ExactRule> out;
    out.reserve(rules.size());
    for (const auto& r : rules) out.push_back(ExactRule{r.rate, r.share, kWholeShare});
    return out;
}

std::vector<TaxShare> rounded_shares(const std::vector<ExactRule>& rules) {
    std::vector<TaxShare> out;
    for (const auto& r : rules) out.push_back(TaxShare{r.rate, math_round(r.num * kWholeShare, r.den)});
    return out;
}

LinePrice price_line(std::int64_t unit_price, const std::vector<ExactRule>& rules, std::int64_t quantity,
                     const PriceContext& ctx) {
    LinePrice p;
    p.quantity = quantity;
    const bool cash = ctx.gross || ctx.item.round_for_net;
    const auto round_item = [&](i128 v) { return cash ? cash_round(v, 1, ctx.item) : static_cast<std::int64_t>(v); };
    p.unit = round_item(unit_price);
    p.total = round_item(static_cast<i128>(p.unit) * quantity);
    if (ctx.tax_free) return p;
    p.rules = rounded_shares(rules);
    const std::int64_t amount = p.unit * quantity;  // ≤ line total range: unit and quantity are bounded by the reader
    for (const auto& r : rules) p.taxes.push_back(TaxPart{r.rate, tax_of(amount, r, ctx.gross), base_of(amount, r)});
    return p;
}

std::vector<ExactRule> proportional_rules(const std::vector<LinePrice>& prices) {
    std::int64_t total = 0;
    std::vector<TaxPart> merged;
    for (const auto& p : prices) {
        total += p.total;
        for (const auto& t : p.taxes) merge(merged, t);
    }
    std::vector<ExactRule> out;
    for (const auto& t : merged) out.push_back(ExactRule{t.rate, total > 0 ? t.base : 0, total > 0 ? total : 1});
    return out;
}

CartPrice price_cart(const std::vector<LinePrice>& lines, const std::vector<LinePrice>& shipping, const PriceContext& ctx) {
    CartPrice c;
    std::int64_t sum = 0;
    std::vector<TaxPart> merged;
    for (const auto* list : {&lines, &shipping})
        for (const auto& p : *list) {
            sum += p.total;
            for (const auto& t : p.taxes) merge(merged, t);
            for (const auto& r : p.rules) {
                const bool seen = std::any_of(c.rules.begin(), c.rules.end(), [&](const TaxShare& x) { return same_rate(x.rate, r.rate); });
                if (!seen) c.rules.push_back(TaxShare{r.rate, kWholeShare});
            }
        }
    for (const auto& p : lines) c.position_price += p.total;
    if (ctx.tax_free) {
        c.net = c.total = c.raw_total = sum;
        c.rules.clear();
        return c;
    }
    if (ctx.vertical) {
        // Per rate on the sum: the rate's share of the sum is its base over the sum, so its taxed part is its base.
        for (auto& t : merged) t.tax = tax_of(t.base, ExactRule{t.rate, 1, 1}, ctx.gross);
    }
    c.taxes = merged;
    std::int64_t tax = 0;
    for (const auto& t : merged) tax += t.tax;
    if (ctx.gross) {
        c.raw_total = sum;
        c.total = cash_round(sum, ctx.total);
        c.net = sum - tax;
    } else {
        c.net = sum;
        c.raw_total = sum + tax;
        c.total = cash_round(c.raw_total, ctx.total);
    }
    return c;
}

}  // namespace op
