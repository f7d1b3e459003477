#include "order_facts.hpp"

namespace op {

OrderFacts compute_order_facts(const Order& order, json::Value lines) {
    OrderFacts f;
    f.line_sources.reserve(order.lines.size());
    f.line_positions.reserve(order.lines.size());
    json::Value sources;
    if (lines.is_array()) sources = lines;
    auto source = sources.begin();
    std::uint32_t position = 0;
    for (const auto& l : order.lines) {
        // Lines that failed to read are not in the model; keep sources aligned by id.
        while (source != sources.end() && !((*source).is_object() && (*source).get("id") &&
                                            (*source).get("id").text() == l.id.text)) {
            ++source;
            ++position;
        }
        f.line_sources.push_back(source != sources.end() ? *source : json::Value());
        f.line_positions.push_back(source != sources.end() ? position : OrderFacts::kNoPosition);
        f.lines_excl_tax += l.amount_excl_tax;
        f.lines_tax += l.total_tax;
        f.lines_incl_tax += l.amount_incl_tax;
        f.discounts += l.discount;
        f.magnitude += static_cast<i128>(l.amount_incl_tax) + l.amount_excl_tax + l.discount;
        f.any_line_tax = f.any_line_tax || l.total_tax != 0;
        if (l.digital) continue;
        f.physical_units += l.current_quantity;
        f.in_fulfilment_units += l.fulfillable_quantity - l.editable_quantity;
        f.fulfilled_units += l.fulfilled_quantity;
    }
    return f;
}

}  // namespace op
