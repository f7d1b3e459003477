// The refund calculation as 29next's ordersRefundsCalculateCreate responds (CalculateRefundResponse).
#include "../plan.hpp"
#include "platform.hpp"

namespace op::n29next {

void write_refund_calculation(json::Writer& w, const Order& o, const RefundCalculation& c) {
    const int e = o.exponent;
    w.key("refund_lines").array();
    for (const auto& l : c.lines) {
        w.object();
        w.key("line_id");
        write_id(w, l.line->id);
        w.field("quantity", l.quantity);
        w.field("restock_type", restock_name(l.restock));
        w.field("refundable_quantity", l.refundable_quantity);
        w.amount_field("amount_excl_tax", l.amount_excl_tax, e);
        w.amount_field("amount_incl_tax", l.amount_incl_tax, e);
        w.amount_field("total_tax", l.total_tax, e);
        w.end_object();
    }
    w.end_array();
    w.key("refund_shipping").object();
    w.amount_field("amount_incl_tax", c.shipping.amount_incl_tax, e);
    w.amount_field("amount_excl_tax", c.shipping.amount_excl_tax, e);
    w.amount_field("total_tax", c.shipping.total_tax, e);
    w.amount_field("refundable_amount", c.shipping.refundable_amount, e);
    w.end_object();
    w.key("transactions").array();
    for (const auto& t : c.transactions) {
        w.object();
        w.key("id");
        write_id(w, t.transaction->id);
        w.amount_field("amount", t.amount, e);
        w.amount_field("refundable_amount", t.transaction->refundable, e);
        w.end_object();
    }
    w.end_array();
    w.amount_field("amount_excl_tax", c.amount_excl_tax, e);
    w.amount_field("amount_incl_tax", c.amount_incl_tax, e);
    w.amount_field("total_tax", c.total_tax, e);
    w.field("currency", o.currency);
}

}  // namespace op::n29next
