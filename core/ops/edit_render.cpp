// previewEdit's result: the order after the edits in its own dialect, totals before/after/delta, the
// balance against what was paid, and the plan of server calls (seed 000 swap flow, seed 002, seed 004).
#include <algorithm>

#include "../api/call.hpp"
#include "edit.hpp"
#include "refund.hpp"
#include "render.hpp"

namespace op {
namespace {

Totals totals_after(const EditState& s) {
    Totals t;
    for (const auto& l : s.lines) {
        t.lines_excl_tax += l.amount_excl_tax;
        t.lines_tax += l.total_tax;
        t.lines_incl_tax += l.amount_incl_tax;
        t.discounts += l.discount;
    }
    t.total_excl_tax = t.lines_excl_tax + s.shipping.amount_excl_tax;
    t.total_tax = t.lines_tax + s.shipping.total_tax;
    t.total_incl_tax = t.lines_incl_tax + s.shipping.amount_incl_tax;
    return t;
}

void write_delta(json::Writer& w, const Totals& a, const Totals& b, int e) {
    w.key("delta").object();
    w.amount_field("lines_excl_tax", b.lines_excl_tax - a.lines_excl_tax, e);
    w.amount_field("lines_tax", b.lines_tax - a.lines_tax, e);
    w.amount_field("lines_incl_tax", b.lines_incl_tax - a.lines_incl_tax, e);
    w.amount_field("total_excl_tax", b.total_excl_tax - a.total_excl_tax, e);
    w.amount_field("total_tax", b.total_tax - a.total_tax, e);
    w.amount_field("total_incl_tax", b.total_incl_tax - a.total_incl_tax, e);
    w.end_object();
}

std::string_view line_status(const EditedLine& l) {
    if (!l.original) return "added";
    if (l.removed) return "removed";
    if (l.quantity_changed || l.price_changed) return "changed";
    return "unchanged";
}

bool line_changed(const EditedLine& l) { return !l.original || l.removed || l.quantity_changed || l.price_changed; }

// ---- the order after the edits, in its dialect ----

bool skipped(std::string_view key, std::initializer_list<std::string_view> keys) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

void copy_members_except(json::Writer& w, json::Value obj, std::initializer_list<std::string_view> keys) {
    for (auto it = obj.begin(); it != obj.end(); ++it)
        if (!skipped(it.key(), keys)) w.key(it.key()).copy(*it);
}

void write_line_29next(json::Writer& w, const EditedLine& l, int e) {
    w.object();
    if (l.original) {
        const Line& o = *l.original;
        copy_members_except(w, l.source, {"quantity", "current_quantity", "fulfillable_quantity", "editable_quantity",
                                          "price_excl_tax", "price_incl_tax", "price_excl_tax_excl_discounts",
                                          "price_incl_tax_excl_discounts"});
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
    w.end_object();
}

void write_line_v1(json::Writer& w, const EditedLine& l, int e) {
    w.object();
    if (l.original) {
        copy_members_except(w, l.source, {"quantity", "current_quantity", "fulfillable_quantity", "price", "total"});
        w.field("quantity", l.quantity);
    } else {
        w.key("id").string(l.id.text);
        w.field("preview", true);
        w.key("product_id");
        write_id(w, l.product_id);
        w.field("title", l.title);
        w.field("quantity", l.quantity);
        w.field("requires_shipping", !l.digital);
    }
    // The unit price is unchanged unless the edit set one; total = quantity x price.
    std::int64_t unit = 0;
    if (l.unit_price) {
        unit = *l.unit_price;
    } else if (l.source) {
        parse_amount(l.source.get("price").text(), e, unit);
    }
    w.amount_field("price", unit, e);
    w.key("total").amount(static_cast<std::int64_t>(static_cast<i128>(unit) * l.quantity), e);
    w.end_object();
}

void write_order_after(json::Writer& w, const OrderContext& ctx, const EditState& s, const Totals& after) {
    const Order& o = ctx.order;
    const int e = o.exponent;
    const bool v1 = o.dialect == Dialect::v1;
    std::vector<std::string_view> replaced = {v1 ? "line_items" : "lines"};
    if (s.shipping_address) replaced.push_back("shipping_address");
    for (const auto& [key, value] : s.fields) replaced.push_back(key);
    const std::initializer_list<std::string_view> totals29 = {"total_excl_tax", "total_incl_tax", "total_tax"};
    const std::initializer_list<std::string_view> totals_v1 = {"subtotal_price", "total_tax", "total_price"};
    w.key("order").object();
    for (auto it = ctx.root.begin(); it != ctx.root.end(); ++it) {
        const std::string_view k = it.key();
        if (std::find(replaced.begin(), replaced.end(), k) != replaced.end()) continue;
        if (skipped(k, v1 ? totals_v1 : totals29)) continue;
        w.key(k).copy(*it);
    }
    w.key(v1 ? "line_items" : "lines").array();
    for (const auto& l : s.lines) {
        if (v1 && l.removed) continue;  // v1 DELETE removes the line item
        if (v1) write_line_v1(w, l, e);
        else write_line_29next(w, l, e);
    }
    w.end_array();
    if (s.shipping_address) w.key("shipping_address").copy(s.shipping_address);
    for (std::size_t i = 0; i < s.fields.size(); ++i) {
        // Later edits of the same field win: write only the last one.
        bool later = false;
        for (std::size_t j = i + 1; j < s.fields.size(); ++j) later = later || s.fields[j].first == s.fields[i].first;
        if (!later) w.key(s.fields[i].first).copy(s.fields[i].second);
    }
    if (v1) {
        w.amount_field("subtotal_price", o.tax_inclusive ? after.lines_incl_tax : after.lines_excl_tax, e);
        w.amount_field("total_tax", after.total_tax, e);
        w.amount_field("total_price", after.total_incl_tax, e);
    } else {
        w.amount_field("total_excl_tax", after.total_excl_tax, e);
        w.amount_field("total_incl_tax", after.total_incl_tax, e);
        w.amount_field("total_tax", after.total_tax, e);
    }
    w.end_object();
}

}  // namespace

// include_order: false leaves out the echo of the whole order, so a session preview on every keystroke
// costs work proportional to the edit, not to the order's size.
bool echoes_order(const OrderContext& ctx) {
    const json::Value include = ctx.call_options.get("include_order");
    return !(include.is_bool() && !include.boolean());
}

void write_edit_result(json::Writer& w, const OrderContext& ctx, Platform rules, const EditState& s, Diagnostics& d) {
    const Order& o = ctx.order;
    const int e = o.exponent;
    const Totals before = o.totals;
    const Totals after = totals_after(s);
    bool lines_changed = false;
    for (const auto& l : s.lines) lines_changed = lines_changed || line_changed(l);
    if (lines_changed && (o.has_order_level_offers || before.discounts > 0))
        d.warning(Code::OFFERS_NOT_REEVALUATED,
                  "Discounts stay as the order has them (per unit on existing lines); order-level offers and vouchers are not "
                  "re-evaluated by the preview — the server may re-price.");
    w.object();
    const bool echo = echoes_order(ctx);
    if (echo) write_order_after(w, ctx, s, after);
    w.key("lines").array();
    for (const auto& l : s.lines) {
        if (!echo && !line_changed(l)) continue;  // without the echo, only the lines the edits touch
        w.object();
        w.key("line_id");
        write_id(w, l.id);
        w.field("status", line_status(l));
        w.field("preview", l.original == nullptr);
        w.field("quantity_before", l.original ? l.original->current_quantity : std::int64_t{0});
        w.field("quantity_after", l.quantity);
        w.amount_field("amount_excl_tax", l.amount_excl_tax, e);
        w.amount_field("total_tax", l.total_tax, e);
        w.amount_field("amount_incl_tax", l.amount_incl_tax, e);
        w.end_object();
    }
    w.end_array();
    write_totals(w, "totals_before", before, o.shipping, e);
    write_totals(w, "totals_after", after, s.shipping, e);
    write_delta(w, before, after, e);
    const std::int64_t paid = o.payments.paid();
    const std::int64_t balance_before = before.total_incl_tax - o.refunded_in_place_amount - paid;
    const std::int64_t balance = after.total_incl_tax - o.refunded_in_place_amount - paid;
    w.amount_field("paid", paid, e);
    w.amount_field("balance_before", balance_before, e);
    w.amount_field("balance", balance, e);
    w.field("balance_due_by", balance > 0 ? "customer" : balance < 0 ? "merchant" : "none");
    write_edit_plan(w, ctx, rules, s, balance, d);
    write_result_footer(w, o);
    w.end_object();
}

}  // namespace op
