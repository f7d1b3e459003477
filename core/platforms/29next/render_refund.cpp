// The refund calculation as 29next's ordersRefundsCalculateCreate responds (CalculateRefundResponse).
#include "../plan.hpp"
#include "platform.hpp"

namespace op::n29next {
namespace {

// CalculateRefundResponse requires these members; the engine echoes the order's facts, and null where the
// order does not carry one (docs/rules.md F14).
void text_or_null(json::Writer& w, std::string_view key, const std::string& value) {
    w.key(key);
    if (value.empty()) w.null();
    else w.string(value);
}

void write_catalog_facts(json::Writer& w, const Line& l) {
    w.key("product_id");
    write_id(w, l.product_id);
    text_or_null(w, "product_title", l.title);
    text_or_null(w, "product_image", l.product_image);
    text_or_null(w, "product_url", l.product_url);
    text_or_null(w, "sku", l.sku);
    w.key("variant_id");
    write_id(w, l.variant_id);
    text_or_null(w, "variant_title", l.variant_title);
}

void write_gateway(json::Writer& w, const Transaction& t) {
    w.key("gateway_id");
    write_id(w, t.gateway_id);
    text_or_null(w, "gateway_name", t.gateway_name);
    text_or_null(w, "payment_method", t.payment_method);
    text_or_null(w, "type", t.kind_text);
}

}  // namespace

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
        write_catalog_facts(w, *l.line);
        w.end_object();
    }
    w.end_array();
    w.key("refund_shipping").object();
    w.amount_field("amount_incl_tax", c.shipping.amount_incl_tax, e);
    w.amount_field("amount_excl_tax", c.shipping.amount_excl_tax, e);
    w.amount_field("total_tax", c.shipping.total_tax, e);
    w.amount_field("refundable_amount", c.shipping.refundable_amount, e);
    w.field("currency", o.currency);
    text_or_null(w, "shipping_code", o.shipping_code);
    text_or_null(w, "shipping_method", o.shipping_method);
    w.end_object();
    w.key("transactions").array();
    for (const auto& t : c.transactions) {
        w.object();
        w.key("id");
        write_id(w, t.transaction->id);
        w.amount_field("amount", t.amount, e);
        w.amount_field("refundable_amount", t.transaction->refundable, e);
        write_gateway(w, *t.transaction);
        w.end_object();
    }
    w.end_array();
    w.amount_field("amount_excl_tax", c.amount_excl_tax, e);
    w.amount_field("amount_incl_tax", c.amount_incl_tax, e);
    w.amount_field("total_tax", c.total_tax, e);
    w.field("currency", o.currency);
}

}  // namespace op::n29next
