// The plan of an edit: the platform writes its server calls; for a negative balance the refund that settles it
// (and, when only removed units explain it, the refund request that removes them instead).
#include "../order/fields.hpp"
#include "edit.hpp"
#include "refund.hpp"
#include "render.hpp"

namespace op {
namespace {

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
    for (const auto& l : s.touched)  // lines no edit touched are neither removals nor anything else
        only_removals = only_removals && l.original && !l.price_changed && l.quantity <= l.original->current_quantity;
    w.key("request");
    if (!only_removals || !ctx.platform.refund) {
        w.null();
        w.end_object();
        return;
    }
    const RefundSpeech& speech = *ctx.platform.refund;
    w.object().key(speech.lines_key).array();
    for (const auto& l : s.touched) {
        const std::int64_t removed = l.original->current_quantity - l.quantity;
        if (removed > 0) speech.write_removal_line(w, l.id, removed);
    }
    w.end_array().end_object();
    w.end_object();
}

}  // namespace

void write_edit_plan(json::Writer& w, const OrderContext& ctx, const Platform& rules, const EditState& s,
                     std::int64_t balance, Diagnostics& d) {
    if (balance < 0) write_refund(w, ctx, s, -balance, d);
    else w.key("refund").null();
    w.key("plan").array();
    rules.edit->write_calls(w, EditPlanInput{ctx.order, s, balance, ctx.call_options}, d);
    if (balance > 0 && !rules.edit->collects_payment)
        d.warning(Code::PAYMENT_REQUIRED,
                  {"The customer owes ", Part::amount(balance, ctx.order.exponent),
                   "; this platform has no collect-payment call, so charge it through your payment provider."});
    w.end_array();
}

}  // namespace op
