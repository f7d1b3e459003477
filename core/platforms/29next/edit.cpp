// A 29next order after an edit (its `lines` with the quantity members 29next keeps) and the calls of the
// swap-items flow: line updates and removals, then additions, then the order's own members, then
// collect-payment when the customer owes.
#include <algorithm>

#include "../../money/money.hpp"
#include "../../order/reader.hpp"
#include "../../order/fields.hpp"
#include "platform.hpp"

namespace op::n29next {
namespace {

constexpr std::string_view kRewrittenLineMembers[] = {
    "quantity", "current_quantity", "fulfillable_quantity", "editable_quantity", "price_excl_tax", "price_incl_tax",
    "price_excl_tax_excl_discounts", "price_incl_tax_excl_discounts"};

std::string order_path(const Order& o) { return join({"/api/admin/orders/", path_text(o.number, "{number}")}); }

void line_calls(PlanWriter& p, const Order& o, const EditState& s) {
    const int e = o.exponent;
    for (const auto& l : s.touched) {
        if (!l.original) continue;
        const std::string path = join({order_path(o), "/lines/", l.id.text, "/"});
        if (l.removed) {
            p.call("DELETE", path, "ordersLinesDestroy");
            p.end();
        } else if (l.quantity_changed || l.price_changed) {
            p.call("PATCH", path, "ordersLinesPartialUpdate");
            p.body().object();
            p.w().field("quantity", l.quantity);
            if (!l.reason.empty()) p.w().field("reason", l.reason);
            p.w().end_object();
            p.end();
        }
    }
    for (const auto& l : s.touched) {
        if (l.original) continue;
        p.call("POST", order_path(o) + "/lines/", "ordersLinesCreate");
        p.body().object();
        p.w().key("product_id");
        write_id(p.w(), l.product_id);
        p.w().field("quantity", l.quantity);
        if (l.unit_price) p.w().amount_field("price", *l.unit_price, e);
        if (!l.reason.empty()) p.w().field("reason", l.reason);
        p.w().end_object();
        p.end();
    }
}

constexpr std::string_view kNote[] = {"note"};

// The order's own members in one PATCH; a note is its own call (ordersNotesCreate), since PatchedUpdateOrder
// has no note.
void order_calls(PlanWriter& p, const Order& o, const EditState& s) {
    json::Value note;
    bool other_fields = false;
    for (const auto& [key, value] : s.fields) {
        if (key == "note") note = value;
        else other_fields = true;
    }
    if (s.shipping_address || other_fields) {
        p.call("PATCH", order_path(o) + "/", "ordersPartialUpdate");
        p.body().object();
        if (s.shipping_address) p.w().key("shipping_address").copy(s.shipping_address);
        write_edited_fields(p.w(), s, kNote);
        p.w().end_object();
        p.end();
    }
    if (note) {
        p.call("POST", order_path(o) + "/notes/", "ordersNotesCreate");
        p.body().object().key("message").copy(note).end_object();
        p.end();
    }
}

}  // namespace

void write_edited_line(json::Writer& w, const EditedLine& l, int e) {
    w.object();
    if (l.original) {
        const Line& o = *l.original;
        copy_members_except(w, l.source, kRewrittenLineMembers);
        const std::int64_t change = l.quantity - o.current_quantity;
        w.field("quantity", o.quantity + std::max<std::int64_t>(0, change));
        w.field("current_quantity", l.quantity);
        w.field("fulfillable_quantity", std::max<std::int64_t>(0, o.fulfillable_quantity + change));
        w.field("editable_quantity", std::max<std::int64_t>(0, o.editable_quantity + change));
    } else {
        w.key("id").string(l.id.text);
        w.field("preview", true);
        w.key("product").object();
        w.key("id");
        write_id(w, l.product_id);
        w.field("title", l.title);
        w.end_object();
        w.field("quantity", l.quantity);
        w.field("current_quantity", l.quantity);
        w.field("fulfillable_quantity", l.quantity);
        w.field("editable_quantity", l.quantity);
        w.field("requires_shipping", !l.digital);
        w.key("tax_lines").array();
        if (l.total_tax != 0 || (l.has_rate && l.tax_rate.units != 0)) {
            w.object();
            w.amount_field("amount", l.total_tax, e);
            w.field("rate", format_rate(l.tax_rate));
            w.end_object();
        }
        w.end_array();
    }
    w.amount_field("price_excl_tax", l.amount_excl_tax, e);
    w.amount_field("price_incl_tax", l.amount_incl_tax, e);
    w.amount_field("price_excl_tax_excl_discounts", l.amount_excl_tax + l.discount, e);
    // An unchanged line keeps its price before discounts with tax as the order states it; a changed line leaves it
    // out, because the engine keeps no tax on a discount to scale it with (docs/rules.md E21).
    if (l.original && l.quantity == l.original->current_quantity)
        if (const json::Value v = l.source.get("price_incl_tax_excl_discounts")) w.key("price_incl_tax_excl_discounts").copy(v);
    w.end_object();
}

// write_edited_line of an unchanged line rewrites the quantity and price members from the model: the echo is the
// input when the input states each of them as written and has no other rewritten member.
bool edited_line_is_source(const EditedLine& l, int e) {
    if (!l.original || !l.source.is_object()) return false;
    const Line& o = *l.original;
    const json::Value s = l.source;
    return l.quantity == o.current_quantity && member_is_integer(s, "quantity", o.quantity) &&
           member_is_integer(s, "current_quantity", l.quantity) &&
           member_is_integer(s, "fulfillable_quantity", o.fulfillable_quantity) &&
           member_is_integer(s, "editable_quantity", o.editable_quantity) &&
           member_is_amount(s, "price_excl_tax", l.amount_excl_tax, e) && member_is_amount(s, "price_incl_tax", l.amount_incl_tax, e) &&
           member_is_amount(s, "price_excl_tax_excl_discounts", l.amount_excl_tax + l.discount, e);
}

void write_totals_after(json::Writer& w, const Order& o, const Totals& after) {
    const int e = o.exponent;
    w.amount_field("total_excl_tax", after.total_excl_tax, e);
    w.amount_field("total_incl_tax", after.total_incl_tax, e);
    w.amount_field("total_tax", after.total_tax, e);
}

void write_edit_calls(json::Writer& w, const EditPlanInput& in, Diagnostics&) {
    PlanWriter plan(w, kApiVersionHeader, kApiVersion);
    line_calls(plan, in.order, in.state);
    order_calls(plan, in.order, in.state);
    if (in.balance <= 0) return;
    bool notify = false;
    Diagnostics ignore;
    read_bool(in.call_options, "send_payment_notification", ignore, notify);
    plan.call("POST", order_path(in.order) + "/collect-payment/", "ordersCollectPaymentCreate");
    plan.body().object().field("send_payment_notification", notify).end_object();
    plan.end();
}

}  // namespace op::n29next
