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
    w.end_object();
}

}  // namespace op
