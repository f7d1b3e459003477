#include "render.hpp"

namespace op {

void write_profile(json::Writer& w, const Profile& p) {
    w.object();
    w.field("rounding", rounding_name(p.rounding));
    w.field("proration", proration_name(p.proration));
    w.field("tax_granularity", tax_granularity_name(p.tax_granularity));
    w.field("inclusive_split", inclusive_split_name(p.inclusive_split));
    w.field("refund_allocation", refund_allocation_name(p.refund_allocation));
    w.key("currency_exponents").object();
    for (const auto& [code, exponent] : p.currency_exponents) w.field(code, exponent);
    w.end_object();
    w.key("default_tax_rate");
    if (p.default_tax_rate) w.string(format_rate(*p.default_tax_rate));
    else w.null();
    if (p.vertical_tax) w.field("tax_calculation", *p.vertical_tax ? "vertical" : "horizontal");
    w.end_object();
}

void write_totals(json::Writer& w, std::string_view key, const Totals& t, const Shipping& s, int e, bool with_discounts) {
    w.key(key).object();
    w.amount_field("lines_excl_tax", t.lines_excl_tax, e);
    w.amount_field("lines_tax", t.lines_tax, e);
    w.amount_field("lines_incl_tax", t.lines_incl_tax, e);
    if (with_discounts) w.amount_field("discounts", t.discounts, e);
    w.amount_field("shipping_excl_tax", s.amount_excl_tax, e);
    w.amount_field("shipping_tax", s.total_tax, e);
    w.amount_field("total_excl_tax", t.total_excl_tax, e);
    w.amount_field("total_tax", t.total_tax, e);
    w.amount_field("total_incl_tax", t.total_incl_tax, e);
    w.end_object();
}

}  // namespace op
