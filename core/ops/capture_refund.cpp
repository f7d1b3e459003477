// previewCaptureRefund: a refund recorded against one capture, with positions per line — the exact create
// body, amounts per position, what the capture has left before and after, the state action that follows and
// the plan. The engine refuses a refund above what the capture has left even where the server would not.
#include <unordered_set>

#include "../order/fields.hpp"
#include "call.hpp"
#include "ops.hpp"

namespace op {
namespace {

const Transaction* find_capture(const Order& o, const Id& id) {
    const Transaction* t = o.find_transaction(id);
    return t && t->kind == TxKind::capture ? t : nullptr;
}

std::int64_t discounted_total(const Order& o, const Line& line, std::int64_t quantity, std::int64_t total) {
    i128 taken = 0;
    for (const auto& other : o.lines) {
        if (other.kind != LineKind::discount || line.identifier.empty()) continue;
        for (const auto& part : other.discount_parts)
            if (part.target == line.identifier && part.quantity > 0)
                taken += div_round(static_cast<i128>(part.amount) * quantity, part.quantity, Rounding::half_up);
    }
    return total - math_round(taken, kWholeShare);
}

void check_capture(const CaptureRefundRules& rules, CaptureRefundPreview& p, const Order& o, Diagnostics& d) {
    const Transaction& cap = *p.capture;
    if (cap.state != rules.capture_done_state)
        d.error_at("captureId", Code::PAYMENT_NOT_CAPTURED,
                   {"Capture ", cap.id.text, " is ",
                    (cap.state.empty() ? std::string_view("without a state") : std::string_view(cap.state)),
                    "; only a ", rules.capture_done_state, " capture can be refunded."});
    p.transaction = o.find_transaction(cap.parent_id);
    if (p.transaction && !rules.refundable_transaction_states.contains(p.transaction->state))
        d.error_at("captureId", Code::PAYMENT_NOT_CAPTURED,
                   {"The capture's transaction is ", p.transaction->state,
                    "; refunds are for transactions that are paid, paid_partially or refunded_partially."});
    for (const auto& t : o.transactions)
        if (t.kind == TxKind::refund && same_id(t.parent_id, cap.id) && rules.counted_refund_states.contains(t.state))
            p.refunded_before += t.amount;
    p.refundable_before = cap.amount > p.refunded_before ? cap.amount - p.refunded_before : 0;
}

void suggest_action(CaptureRefundPreview& p, const Order& o) {
    if (!p.transaction) return;
    std::int64_t captured = 0, refunded = 0;
    for (const auto& t : o.transactions) {
        if (t.kind != TxKind::capture || !same_id(t.parent_id, p.transaction->id) || t.status != TxStatus::succeeded) continue;
        captured += t.amount;
        for (const auto& r : o.transactions)
            if (r.kind == TxKind::refund && same_id(r.parent_id, t.id) && r.status != TxStatus::failed) refunded += r.amount;
    }
    const std::string& s = p.transaction->state;
    if (refunded + p.amount >= captured)
        p.suggested_action = "refund";
    else if (s == "paid" || s == "paid_partially")
        p.suggested_action = "refund_partially";
}

}  // namespace

std::string capture_refund_result(const OrderContext& ctx, json::Value request, Diagnostics& d) {
    if (!platform_supports(ctx.platform.capture_refunds, ctx, "previewCaptureRefund", d)) return {};
    const CaptureRefundRules& rules = *ctx.platform.capture_refunds;
    const Order& o = ctx.order;
    CaptureRefundRequest req;
    rules.read_request(request, ctx.call_options, o, d, req);
    if (!request.is_object()) return {};
    CaptureRefundPreview p;
    p.reason = req.reason;
    p.state_id = req.state_id;
    p.capture = find_capture(o, req.capture_id);
    if (!p.capture) {
        if (req.capture_id.present())
            d.error_at(
                "captureId", Code::TRANSACTION_NOT_FOUND,
                {"The order lists no capture ", req.capture_id.text, " (load transactions.captures with the order)."});
        return {};
    }
    check_capture(rules, p, o, d);
    const PriceContext pc = price_context(o);
    std::unordered_set<std::string> seen;
    std::int64_t positions_total = 0;
    for (const auto& pos : req.positions) {
        auto at = d.at("positions");
        auto at_i = d.at(pos.index);
        const Line* line = o.find_line(pos.line_id);
        if (!line) {
            d.error_at("orderLineItemId", Code::LINE_ITEM_NOT_FOUND,
                       {"The order has no top-level line item ", pos.line_id.text, "."});
            continue;
        }
        if (!seen.insert(id_key(pos.line_id)).second) {
            d.error_at("orderLineItemId", Code::DUPLICATE_REFUND_LINE, "The line is already a position of this refund.");
            continue;
        }
        const std::int64_t left = line->quantity - line->refunded_quantity;
        if (pos.quantity < 1 || pos.quantity > left) {
            d.error_at("quantity", Code::INVALID_QUANTITY,
                       {"The line has ", left, " units not yet refunded (", line->quantity, " ordered, ",
                        line->refunded_quantity, " in earlier refunds); quantity must be 1 to that."});
            continue;
        }
        CaptureRefundPosition out;
        out.line_id = line->id;
        out.quantity = pos.quantity;
        out.index = pos.index;
        const LinePrice at_unit = price_line(line->unit_price, exact_rules(line->tax_rules), pos.quantity, pc);
        if (pos.has_amount || req.discounted_positions) {
            const std::int64_t total = pos.has_amount ? pos.amount : discounted_total(o, *line, pos.quantity, at_unit.total);
            if (total < 0 || total > at_unit.total) {
                d.error_at("amount", Code::REFUND_EXCEEDS_TOTAL,
                           {"A position may refund 0 to ", Part::amount(at_unit.total, o.exponent),
                            ", what its units were sold for."});
                continue;
            }
            out.amount = price_line(total, exact_rules(line->tax_rules), 1, pc);
        } else {
            out.amount = at_unit;
        }
        positions_total += out.amount.total;
        p.positions.push_back(std::move(out));
    }
    p.amount = req.has_amount ? req.amount : positions_total;
    if (req.has_amount && req.amount < positions_total)
        d.error_at("amount", Code::REFUND_MISMATCH,
                   {"The amount ", Part::amount(req.amount, o.exponent), " is below the positions' sum ",
                    Part::amount(positions_total, o.exponent), "."});
    p.free_amount = p.amount - positions_total;
    if (p.amount <= 0 && !d.has_errors()) d.error(Code::NOTHING_TO_REFUND, "The refund has no amount and no positions.");
    if (p.amount > p.refundable_before)
        d.error_at(req.has_amount ? "amount" : "positions", Code::REFUND_EXCEEDS_TOTAL,
                   {"The refund (", Part::amount(p.amount, o.exponent), ") is more than capture ", p.capture->id.text,
                    " has left (", Part::amount(p.refundable_before, o.exponent),
                    "). The server itself would not stop this: its core checks no amounts."});
    if (d.has_errors()) return {};
    p.refundable_after = p.refundable_before - p.amount;
    suggest_action(p, o);
    std::string out;
    json::Writer w(out);
    w.object();
    rules.write_result(w, o, p);
    write_result_footer(w, o, ctx.platform);
    w.end_object();
    return out;
}

}  // namespace op
