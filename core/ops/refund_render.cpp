// The refund calculation rendered in the order's dialect: 29next exactly as the seed 000
// ordersRefundCalculateCreate response; v1 as documented in docs/api.md.
#include "render.hpp"
#include "refund.hpp"

namespace op {
namespace {

void write_29next(json::Writer& w, const Order& o, const RefundCalculation& c) {
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

void write_v1(json::Writer& w, const Order& o, const RefundCalculation& c) {
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
        w.amount_field("maximum_refundable", t.transaction->refundable, e);
        w.end_object();
    }
    w.end_array();
    w.amount_field("subtotal", c.amount_excl_tax, e);
    w.amount_field("total_tax", c.total_tax, e);
    w.amount_field("amount", c.amount_incl_tax, e);
    w.field("currency", o.currency);
}

}  // namespace

void write_refund_calculation(json::Writer& w, const Order& order, const RefundCalculation& calc) {
    if (order.dialect == Dialect::v1)
        write_v1(w, order, calc);
    else
        write_29next(w, order, calc);
}

}  // namespace op
