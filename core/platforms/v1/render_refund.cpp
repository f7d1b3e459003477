// The refund calculation of the v1 Orders API, as documented in docs/api.md.
#include "../plan.hpp"
#include "platform.hpp"

namespace op::v1 {

void write_refund_calculation(json::Writer& w, const Order& o, const RefundCalculation& c) {
    const int e = o.exponent;
    w.key("refund_line_items").array();
    for (const auto& l : c.lines) {
        w.object();
        w.key("line_item_id");
        write_id(w, l.line->id);
        w.field("quantity", l.quantity);
        w.field("restock", l.restock_goods);
        w.field("restock_type", restock_name(l.restock));
        w.field("refundable_quantity", l.refundable_quantity);
        w.amount_field("subtotal", l.amount_excl_tax, e);
        w.amount_field("total_tax", l.total_tax, e);
        w.amount_field("amount", l.amount_incl_tax, e);
        w.end_object();
    }
    w.end_array();
    w.key("shipping").object();
    w.amount_field("amount", c.shipping.amount_excl_tax, e);
    w.amount_field("tax", c.shipping.total_tax, e);
    w.amount_field("amount_incl_tax", c.shipping.amount_incl_tax, e);
    w.amount_field("maximum_refundable", c.shipping.refundable_amount, e);
    w.end_object();
    w.key("transactions").array();
    for (const auto& t : c.transactions) {
        w.object();
        w.key("parent_id");
        write_id(w, t.transaction->id);
        w.amount_field("amount", t.amount, e);
        w.field("kind", "refund");
        if (!t.transaction->gateway_name.empty()) w.field("gateway", t.transaction->gateway_name);
        w.amount_field("maximum_refundable", t.transaction->refundable, e);
        w.end_object();
    }
    w.end_array();
    w.amount_field("subtotal", c.amount_excl_tax, e);
    w.amount_field("total_tax", c.total_tax, e);
    w.amount_field("amount", c.amount_incl_tax, e);
    w.field("currency", o.currency);
}

}  // namespace op::v1
