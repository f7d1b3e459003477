// previewEdit's result: the order after the edits in its own dialect, totals before/after/delta, the
// balance against what was paid, and the plan of server calls (seed 000 swap flow, seed 002, seed 004).
#include <algorithm>

#include "call.hpp"
#include "edit.hpp"
#include "refund.hpp"
#include "render.hpp"

namespace op {
namespace {

// The order's line sums plus what the touched lines changed (the same integers as summing every line after).
Totals totals_after(const OrderFacts& facts, const EditState& s, std::int64_t order_discount) {
    Totals t;
    t.lines_excl_tax = facts.lines_excl_tax;
    t.lines_tax = facts.lines_tax;
    t.lines_incl_tax = facts.lines_incl_tax;
    t.discounts = facts.discounts;
    for (const auto& l : s.touched) {
        t.lines_excl_tax += l.amount_excl_tax;
        t.lines_tax += l.total_tax;
        t.lines_incl_tax += l.amount_incl_tax;
        t.discounts += l.discount;
        if (!l.original) continue;
        t.lines_excl_tax -= l.original->amount_excl_tax;
        t.lines_tax -= l.original->total_tax;
        t.lines_incl_tax -= l.original->amount_incl_tax;
        t.discounts -= l.original->discount;
    }
    t.total_excl_tax = t.lines_excl_tax + s.shipping.amount_excl_tax;
    t.total_tax = t.lines_tax + s.shipping.total_tax;
    t.total_incl_tax = t.lines_incl_tax + s.shipping.amount_incl_tax;
    apply_order_discount(t, order_discount);
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

// ---- the order after the edits, in the order's own shape ----

// `order`: the whole order after the edits. With order_echo: "changes" (asked by the JS package, which holds the
// caller's object and builds the same order from it, sharing what did not change) `order_changes` instead: the
// input's members to leave out (`skip`), the members that follow the kept ones in the echo's order (`tail`), where
// an unchanged line the echo would give back as it came is only its index in the input's lines array, and the
// wrapper member the order came in (`within`), if any.
void write_order_after(json::Writer& w, const OrderContext& ctx, const OrderFacts& facts, const EditState& s, const Totals& after,
                       bool changes_only) {
    const Order& o = ctx.order;
    if (!ctx.platform.echo) return;  // the platform has no echo of its order (its items never change)
    const EditEcho& echo = *ctx.platform.echo;
    const std::string_view lines_key = ctx.platform.reading->lines_key;
    std::vector<std::string_view> replaced = {lines_key};
    if (s.shipping_address) replaced.push_back("shipping_address");
    for (const auto& [key, value] : s.fields) replaced.push_back(key);
    const auto rewritten = [&](std::string_view k) {
        return std::find(replaced.begin(), replaced.end(), k) != replaced.end() || echo.totals_keys.contains(k);
    };
    if (changes_only) {
        w.key("order_changes").object();
        if (!ctx.root_within.empty()) w.field("within", ctx.root_within);
        w.field("lines_key", lines_key);
        w.key("skip").array();
        for (auto it = ctx.root.begin(); it != ctx.root.end(); ++it)
            if (rewritten(it.key())) w.string(it.key());
        w.end_array();
        w.key("tail").object();
    } else {
        w.key("order").object();
        for (auto it = ctx.root.begin(); it != ctx.root.end(); ++it)
            if (!rewritten(it.key())) w.key(it.key()).copy(*it);
    }
    w.key(lines_key).array();
    for_each_line_after(o, facts, s, [&](const EditedLine& l) {
        if (l.removed && !echo.keeps_removed_lines) return;  // the platform's DELETE removes the line
        if (changes_only && l.original && !line_changed(l) && echo.line_is_source && echo.line_is_source(l, o.exponent)) {
            const std::uint32_t position = facts.line_positions[static_cast<std::size_t>(l.original - o.lines.data())];
            if (position != OrderFacts::kNoPosition) {
                w.integer(position);
                return;
            }
        }
        echo.write_line(w, l, o.exponent);
    });
    w.end_array();
    if (s.shipping_address) w.key("shipping_address").copy(s.shipping_address);
    write_edited_fields(w, s);
    echo.write_totals(w, o, after);
    w.end_object();
    if (changes_only) w.end_object();
}

std::string edit_path(std::size_t index) { return join({"edits[", index, "]"}); }

// A changed line with its own discount keeps it per unit; order-level offers and vouchers are not re-evaluated.
// Each warning names the edit it concerns, so a UI can attach it there.
void warn_offers_kept(const Order& o, const EditState& s, Diagnostics& d) {
    const EditedLine* first_change = nullptr;
    for (const auto& l : s.touched) {
        if (!line_changed(l)) continue;
        if (!first_change || l.edit_index < first_change->edit_index) first_change = &l;
        if (l.original && l.original->discount > 0)
            d.warning_exact({Code::OFFERS_NOT_REEVALUATED,
                             "Line " + l.id.text + " has a discount of " + format_amount(l.original->discount, o.exponent) +
                                 "; the preview keeps it per unit, the server may re-price it.",
                             edit_path(l.edit_index)});
    }
    if (first_change && o.has_order_level_offers)
        d.warning_exact({Code::OFFERS_NOT_REEVALUATED,
                         "The order has order-level offers or vouchers; the preview does not re-evaluate them, the server may.",
                         edit_path(first_change->edit_index)});
}

}  // namespace

// include_order: false leaves out the echo of the whole order, so a session preview on every keystroke
// costs work proportional to the edit, not to the order's size.
bool echoes_order(const OrderContext& ctx) {
    const json::Value include = ctx.call_options.get("include_order");
    return !(include.is_bool() && !include.boolean());
}

bool echoes_changes_only(const OrderContext& ctx) { return ctx.call_options.get("order_echo").text() == "changes"; }

void write_edit_result(json::Writer& w, const OrderContext& ctx, const OrderFacts& facts, const Platform& rules,
                       const EditState& s, Diagnostics& d) {
    const Order& o = ctx.order;
    const int e = o.exponent;
    const Totals before = s.totals_before ? *s.totals_before : o.totals;
    const Totals after = s.totals_after ? *s.totals_after : totals_after(facts, s, o.order_discount_incl_tax);
    warn_offers_kept(o, s, d);
    w.object();
    const bool echo = echoes_order(ctx) && ctx.platform.echo;
    if (echo) write_order_after(w, ctx, facts, s, after, echoes_changes_only(ctx));
    w.key("lines").array();
    const auto write_line = [&](const EditedLine& l) {
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
    };
    if (echo) {
        for_each_line_after(o, facts, s, write_line);
    } else {
        for (const auto& l : s.touched)  // without the echo, only the lines the edits change
            if (line_changed(l)) write_line(l);
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
    write_result_footer(w, o, rules);
    w.end_object();
}

}  // namespace op
