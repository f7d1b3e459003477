// inspectOrder: what the engine understood from the order, so a developer can see why a preview came out
// as it did. Every quantity and amount here is the one later operations use.
#include "call.hpp"
#include "ops.hpp"
#include "render.hpp"

namespace op {
namespace {

void write_line(json::Writer& w, const Line& l, int e) {
    w.object();
    w.key("line_id");
    write_id(w, l.id);
    w.key("product_id");
    write_id(w, l.product_id);
    w.field("title", l.title);
    w.field("kind", l.digital ? "digital" : "physical");
    w.field("quantity", l.quantity);
    w.field("current_quantity", l.current_quantity);
    w.field("fulfilled_quantity", l.fulfilled_quantity);
    w.field("fulfillable_quantity", l.fulfillable_quantity);
    w.field("editable_quantity", l.editable_quantity);
    w.field("refunded_quantity", l.refunded_quantity);
    w.field("refundable_quantity", l.refundable_quantity);
    w.amount_field("amount_excl_tax", l.amount_excl_tax, e);
    w.amount_field("total_tax", l.total_tax, e);
    w.amount_field("amount_incl_tax", l.amount_incl_tax, e);
    w.amount_field("discount", l.discount, e);
    w.key("tax_rate");
    if (l.has_rate)
        w.string(format_rate(l.tax_rate));
    else
        w.null();
    w.amount_field("refunded_amount_excl_tax", l.refunded_excl_tax, e);
    w.key("derived").array();
    for (auto name : l.derived) w.string(name);
    w.end_array();
    // Facts only some platforms state.
    if (l.kind != LineKind::item) w.field("line_kind", line_kind_name(l.kind));
    if (!l.state.empty()) w.field("state", l.state);
    if (l.returned_quantity != 0) w.field("returned_quantity", l.returned_quantity);
    if (l.unit_price != 0) w.amount_field("unit_price", l.unit_price, e);
    w.end_object();
}

void write_rounding(json::Writer& w, std::string_view key, const CashRounding& c, int e) {
    w.key(key).object();
    w.field("decimals", c.decimals);
    w.amount_field("interval", c.interval, e);
    w.field("round_for_net", c.round_for_net);
    w.end_object();
}

void write_stated_facts(json::Writer& w, const Order& o) {
    const int e = o.exponent;
    if (o.states_rounding) {
        write_rounding(w, "item_rounding", o.item_rounding, e);
        write_rounding(w, "total_rounding", o.total_rounding, e);
        w.field("tax_free", o.tax_free);
        w.field("tax_calculation", o.vertical_tax ? "vertical" : "horizontal");
        w.field("tax_calculation_source", o.tax_calculation_source);
        w.amount_field("raw_total", o.raw_total, e);
    }
    if (!o.child_lines.empty()) {
        w.key("child_lines").array();
        for (const auto& l : o.child_lines) {
            w.object();
            w.key("line_id");
            write_id(w, l.id);
            w.key("parent_id");
            write_id(w, l.parent_id);
            w.field("title", l.title);
            w.field("quantity", l.quantity);
            w.end_object();
        }
        w.end_array();
    }
    if (!o.deliveries.empty()) {
        w.key("deliveries").array();
        for (const auto& dl : o.deliveries) {
            w.object();
            w.key("id");
            write_id(w, dl.id);
            w.field("state", dl.state);
            w.amount_field("shipping_total", dl.shipping_total, e);
            w.end_object();
        }
        w.end_array();
    }
    if (!o.returns.empty()) {
        w.key("returns").array();
        for (const auto& r : o.returns) {
            w.object();
            w.key("id");
            write_id(w, r.id);
            w.field("number", r.number);
            w.field("state", r.state);
            w.amount_field("amount_total", r.amount_total, e);
            w.key("lines").array();
            for (const auto& l : r.lines) {
                w.object();
                w.key("line_id");
                write_id(w, l.line_id);
                w.field("quantity", l.quantity);
                w.amount_field("refund_amount", l.refund_amount, e);
                w.field("state", l.state);
                w.end_object();
            }
            w.end_array();
            w.end_object();
        }
        w.end_array();
    }
}

void write_transaction(json::Writer& w, const Transaction& t, int e) {
    w.object();
    w.key("id");
    write_id(w, t.id);
    w.field("type", tx_kind_name(t.kind));
    w.field("status", tx_status_name(t.status));
    w.amount_field("amount", t.amount, e);
    w.key("parent_id");
    write_id(w, t.parent_id);
    if (t.kind == TxKind::authorization) {
        w.amount_field("captured", t.captured, e);
        w.field("voided", t.voided);
    }
    w.amount_field("refunded", t.refunded, e);
    w.amount_field("refundable_amount", t.refundable, e);
    if (!t.state.empty()) w.field("state", t.state);
    w.end_object();
}

void write_inspection(json::Writer& w, const Order& o, const Platform& platform, const Profile& profile) {
    const int e = o.exponent;
    w.object();
    w.field("dialect", platform.name);
    w.field("currency", o.currency);
    w.field("currency_exponent", e);
    w.field("tax_inclusive", o.tax_inclusive);
    w.key("profile");
    write_profile(w, profile);
    w.key("statuses").object();
    w.field("status", o.status);
    w.field(platform.payment_status_key, o.payment_status);
    w.field("fulfillment_status", o.fulfillment_status);
    w.end_object();
    w.key("lines").array();
    for (const auto& l : o.lines) write_line(w, l, e);
    w.end_array();
    const auto& s = o.shipping;
    w.key("shipping").object();
    w.amount_field("amount_excl_tax", s.amount_excl_tax, e);
    w.amount_field("total_tax", s.total_tax, e);
    w.amount_field("amount_incl_tax", s.amount_incl_tax, e);
    w.amount_field("refunded_excl_tax", s.refunded_excl_tax, e);
    w.amount_field("refundable_amount", s.remaining_excl_tax(), e);
    w.end_object();
    w.key("transactions").array();
    for (const auto& t : o.transactions) write_transaction(w, t, e);
    w.end_array();
    const auto& p = o.payments;
    w.key("payments").object();
    w.amount_field("authorized_uncaptured", p.authorized_uncaptured, e);
    w.amount_field("captured", p.captured, e);
    w.amount_field("refunded", p.refunded, e);
    w.amount_field("paid", p.paid(), e);
    w.amount_field("refundable", p.refundable, e);
    w.end_object();
    write_totals(w, "totals", o.totals, s, e, true);
    write_stated_facts(w, o);
    write_result_footer(w, o, platform);
    w.end_object();
}

}  // namespace

std::string inspect_result(const OrderContext& ctx, json::Value, Diagnostics&) {
    std::string result;
    json::Writer w(result);
    write_inspection(w, ctx.order, ctx.platform, ctx.profile);
    return result;
}

}  // namespace op
