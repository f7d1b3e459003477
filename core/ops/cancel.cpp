// previewCancel: what cancelling does under the platform's rules: the statuses after, the refund per
// transaction when the platform refunds on cancel, units restocked, authorisations to void, and the call.
#include "../order/fields.hpp"
#include "call.hpp"
#include "ops.hpp"
#include "refund.hpp"
#include "render.hpp"

namespace op {
namespace {

struct UnitCounts {
    std::int64_t fulfilled = 0;
    std::int64_t unfulfilled = 0;
};

UnitCounts count_units(const Order& o) {
    UnitCounts c;
    for (const auto& l : o.lines) {
        c.fulfilled += l.fulfilled_quantity;
        c.unfulfilled += l.fulfillable_quantity;
    }
    return c;
}

void write_units(json::Writer& w, std::string_view key, const Order& o, bool fulfilled_units) {
    w.key(key).array();
    for (const auto& l : o.lines) {
        const std::int64_t q = fulfilled_units ? l.fulfilled_quantity - l.refunded_in_place : l.fulfillable_quantity;
        if (q <= 0) continue;
        w.object();
        w.key("line_id");
        write_id(w, l.id);
        w.field("quantity", q);
        w.end_object();
    }
    w.end_array();
}

std::string payment_status_after(const Order& o, std::int64_t refund, bool voids) {
    const std::int64_t captured = o.payments.captured;
    if (captured == 0) return voids ? "voided" : o.payment_status;
    if (refund > 0 && o.payments.refunded + refund >= captured) return "refunded";
    if (refund > 0 || o.payments.refunded > 0) return "partially_refunded";
    return o.payment_status;
}

}  // namespace

std::string cancel_result(const OrderContext& ctx, json::Value request, Diagnostics& d) {
    const Order& o = ctx.order;
    const Platform& rules = rules_for(ctx, "previewCancel", d);
    if (!platform_supports(rules.cancel, ctx, "previewCancel", d)) return {};
    const CancelRules& cancel = *rules.cancel;
    CancelRequest req;
    cancel.read_request(request, d, req);
    if (o.status == "cancelled" || o.status == "canceled")
        d.error(Code::ORDER_ALREADY_CANCELLED, "The order is already cancelled.");
    else if (o.status == "closed" || o.status == "archived")
        d.error(Code::ORDER_ALREADY_CLOSED, {"The order is ", o.status, "; reopen it before cancelling."});
    const UnitCounts units = count_units(o);
    if (units.fulfilled > 0) {
        if (!cancel.fulfilled_refusal.empty())
            d.error(Code::ORDER_FULFILLED, std::string(cancel.fulfilled_refusal));
        else
            d.warning(Code::ORDER_FULFILLED, {units.fulfilled,
                                              " unit(s) are fulfilled: cancelling does not bring them back; refund "
                                              "them with restock_type return to restock."});
    }
    std::vector<TransactionAllocation> refunds;
    std::int64_t refund_amount = 0;
    if (req.full_refund) {
        for (const auto& tx : o.transactions)
            if (tx.is_payment() && tx.refundable > 0) {
                refunds.push_back({&tx, tx.refundable});
                refund_amount += tx.refundable;
            }
    } else if (o.payments.paid() > 0 && cancel.keeps_payment_note.empty()) {
        d.warning(Code::CANCEL_KEEPS_PAYMENT,
                  {Part::amount(o.payments.paid(), o.exponent),
                   " stays captured: cancelling without full_refund does not return money."});
    }
    if (!cancel.keeps_payment_note.empty() && o.payments.paid() > 0)
        d.warning(Code::CANCEL_KEEPS_PAYMENT, std::string(cancel.keeps_payment_note));
    const int e = o.exponent;
    std::string out;
    json::Writer w(out);
    w.object();
    w.key("statuses_after").object();
    const bool voids = o.payments.authorized_uncaptured > 0;
    cancel.write_statuses(w, o, payment_status_after(o, refund_amount, voids));
    w.end_object();
    w.key("refund").object();
    w.amount_field("amount", refund_amount, e);
    w.key("transactions").array();
    for (const auto& r : refunds) {
        w.object().key("id");
        write_id(w, r.transaction->id);
        w.amount_field("amount", r.amount, e).amount_field("refundable_amount", r.transaction->refundable, e).end_object();
    }
    w.end_array().end_object();
    w.key("voids").array();
    for (const auto& tx : o.transactions)
        if (tx.kind == TxKind::authorization && tx.status == TxStatus::succeeded && !tx.voided && tx.captured < tx.amount) {
            w.object().key("id");
            write_id(w, tx.id);
            w.amount_field("amount", tx.amount - tx.captured, e).end_object();
        }
    w.end_array();
    // Unfulfilled units go back to stock unless the request says not to (where the platform lets it).
    if (req.restock) write_units(w, "restocked", o, false);
    else w.key("restocked").array().end_array();
    write_units(w, "not_restocked", o, true);
    w.key("request").object();
    cancel.write_call(w, o, req);
    w.end_object();
    if (cancel.write_follow_up) cancel.write_follow_up(w, o, d);
    write_result_footer(w, o, rules);
    w.end_object();
    return out;
}

}  // namespace op
