// The plan: the exact server calls that carry an edit out, in the seed's order — line updates and removals,
// then additions, then order-level updates, then collect-payment when the customer owes (seed 000); the
// v1 calls of seed 002; Elastic Path's single PUT of seed 004.
#include "../order/fields.hpp"
#include "edit.hpp"
#include "refund.hpp"
#include "render.hpp"

namespace op {
namespace {

constexpr std::string_view k29nextVersionHeader = "X-29Next-Api-Version";
constexpr std::string_view k29nextVersion = "2024-04-01";

class Plan {
public:
    Plan(json::Writer& w, const OrderContext& ctx, Platform rules) : w_(w), rules_(rules) {
        const Order& o = ctx.order;
        if (rules == Platform::v1) base_ = "/api/v1/orders/" + (o.id.present() ? o.id.text : std::string("{id}"));
        else if (rules == Platform::elasticpath) base_ = "/v2/orders/" + (o.id.present() ? o.id.text : std::string("{orderID}"));
        else base_ = "/api/admin/orders/" + (o.number.empty() ? std::string("{number}") : o.number);
    }

    // Starts a call; the caller writes the body (or not) and calls end().
    void call(std::string_view method, const std::string& path, std::string_view operation) {
        w_.object();
        w_.field("method", method);
        w_.field("path", path);
        w_.field("operation", operation);
        w_.key("headers").object();
        if (rules_ == Platform::n29next) w_.field(k29nextVersionHeader, k29nextVersion);
        w_.field("Content-Type", "application/json");
        w_.end_object();
    }
    json::Writer& body() { return w_.key("body"); }
    void end() { w_.end_object(); }
    const std::string& base() const { return base_; }
    json::Writer& w() { return w_; }

private:
    json::Writer& w_;
    Platform rules_;
    std::string base_;
};

void line_calls(Plan& p, const EditState& s, Platform rules, int e) {
    const bool v1 = rules == Platform::v1;
    for (const auto& l : s.lines) {
        if (!l.original) continue;
        const std::string path = p.base() + (v1 ? "/line_items/" : "/lines/") + l.id.text + (v1 ? "" : "/");
        if (l.removed) {
            p.call("DELETE", path, v1 ? "removeLineItem" : "ordersLinesDestroy");
            p.end();
        } else if (l.quantity_changed || l.price_changed) {
            p.call(v1 ? "PUT" : "PATCH", path, v1 ? "updateLineItem" : "ordersLinesPartialUpdate");
            p.body().object();
            p.w().field("quantity", l.quantity);
            if (v1 && l.unit_price) p.w().amount_field("price", *l.unit_price, e);
            if (!v1 && !l.reason.empty()) p.w().field("reason", l.reason);
            p.w().end_object();
            p.end();
        }
    }
    for (const auto& l : s.lines) {
        if (l.original) continue;
        p.call("POST", p.base() + (v1 ? "/line_items" : "/lines/"), v1 ? "addLineItem" : "ordersLinesCreate");
        p.body().object();
        if (v1) {
            p.w().key("variant_id");
            write_id(p.w(), l.product_id);
        } else {
            p.w().key("product_id");
            write_id(p.w(), l.product_id);
        }
        p.w().field("quantity", l.quantity);
        if (l.unit_price) {
            // Seed 000 sends the new line's price as a JSON number ("price": 89.99); the digits are exact.
            if (v1) p.w().amount_field("price", *l.unit_price, e);
            else p.w().key("price").raw_number(format_amount(*l.unit_price, e));
        }
        if (!v1 && !l.reason.empty()) p.w().field("reason", l.reason);
        p.w().end_object();
        p.end();
    }
}

void order_call(Plan& p, const EditState& s, Platform rules) {
    if (!s.shipping_address && s.fields.empty()) return;
    const bool ep = rules == Platform::elasticpath;
    p.call(rules == Platform::n29next ? "PATCH" : "PUT", p.base() + (rules == Platform::n29next ? "/" : ""),
           rules == Platform::n29next ? "ordersPartialUpdate" : "updateOrder");
    p.body().object();
    if (ep) p.w().key("data").object().field("type", "order");
    if (s.shipping_address) p.w().key("shipping_address").copy(s.shipping_address);
    for (std::size_t i = 0; i < s.fields.size(); ++i) {
        bool later = false;
        for (std::size_t j = i + 1; j < s.fields.size(); ++j) later = later || s.fields[j].first == s.fields[i].first;
        if (!later) p.w().key(s.fields[i].first).copy(s.fields[i].second);
    }
    if (ep) p.w().end_object();
    p.w().end_object();
    p.end();
}

// When the merchant owes: spread the amount over refundable transactions, and when only removed units
// explain it, the calculateRefund request that removes them with a refund instead (seed 000 "Order Refunds").
void write_refund(json::Writer& w, const OrderContext& ctx, const EditState& s, std::int64_t owed, Diagnostics& d) {
    const Order& o = ctx.order;
    w.key("refund").object();
    w.amount_field("amount", owed, o.exponent);
    Diagnostics local;
    std::vector<TransactionAllocation> allocation;
    allocate_refund(o, ctx.profile, owed, local, allocation);
    for (const auto& issue : local.errors()) d.warning(issue.code, issue.message);
    w.key("transactions").array();
    for (const auto& a : allocation) {
        w.object();
        w.key("id");
        write_id(w, a.transaction->id);
        w.amount_field("amount", a.amount, o.exponent);
        w.end_object();
    }
    w.end_array();
    bool only_removals = true;
    for (const auto& l : s.lines)
        only_removals = only_removals && l.original && !l.price_changed && l.quantity <= l.original->current_quantity;
    w.key("request");
    if (!only_removals) {
        w.null();
        w.end_object();
        return;
    }
    const bool v1 = o.dialect == Dialect::v1;
    w.object().key(v1 ? "refund_line_items" : "refund_lines").array();
    for (const auto& l : s.lines) {
        const std::int64_t removed = l.original->current_quantity - l.quantity;
        if (removed <= 0) continue;
        w.object();
        w.key(v1 ? "line_item_id" : "line_id");
        write_id(w, l.id);
        w.field("quantity", removed);
        if (v1) w.field("restock", true);
        else w.field("restock_type", "cancel");
        w.end_object();
    }
    w.end_array().end_object();
    w.end_object();
}

}  // namespace

void write_edit_plan(json::Writer& w, const OrderContext& ctx, Platform rules, const EditState& s, std::int64_t balance,
                     Diagnostics& d) {
    if (balance < 0) write_refund(w, ctx, s, -balance, d);
    else w.key("refund").null();
    w.key("plan").array();
    Plan plan(w, ctx, rules);
    if (rules != Platform::elasticpath) line_calls(plan, s, rules, ctx.order.exponent);
    order_call(plan, s, rules);
    if (balance > 0) {
        if (rules == Platform::n29next) {
            bool notify = false;
            Diagnostics ignore;
            read_bool(ctx.call_options, "send_payment_notification", ignore, notify);
            plan.call("POST", plan.base() + "/collect-payment/", "ordersCollectPaymentCreate");
            plan.body().object().field("send_payment_notification", notify).end_object();
            plan.end();
        } else {
            d.warning(Code::PAYMENT_REQUIRED, "The customer owes " + format_amount(balance, ctx.order.exponent) +
                                                  "; this platform has no collect-payment call, so charge it through your payment provider.");
        }
    }
    w.end_array();
}

}  // namespace op
