// Capture refunds (core): the create body of POST /api/order-transaction-capture-refund
// (createOrderTransactionCaptureRefund), the process call (orderTransactionCaptureRefund) and the transaction's
// state action that should follow (orderTransactionStateTransition).
#include "parts.hpp"

namespace op::shopware {

namespace {

// A client-generated id (Shopware accepts any 32 hex digits): stable for the same order, capture and amount, so
// the process call in the plan can name the refund before it exists.
std::string make_id(std::uint64_t seed, std::string_view salt, std::int64_t n) {
    std::uint64_t h1 = 0xcbf29ce484222325ULL ^ seed, h2 = 0x84222325cbf29ce4ULL ^ (seed * 31 + static_cast<std::uint64_t>(n));
    for (unsigned char c : salt) {
        h1 = (h1 ^ c) * 0x100000001b3ULL;
        h2 = (h2 ^ c) * 0x100000001b3ULL;
    }
    h1 = (h1 ^ static_cast<std::uint64_t>(n)) * 0x100000001b3ULL;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    for (int i = 15; i >= 0; --i) s += kHex[(h1 >> (4 * i)) & 15];
    for (int i = 15; i >= 0; --i) s += kHex[(h2 >> (4 * i)) & 15];
    return s;
}

void write_price(json::Writer& w, const LinePrice& p, int e) {
    write_calculated_price(w, p.unit, p.quantity, p.total, p.taxes, p.rules, e);
}

}  // namespace

void read_capture_refund_request(json::Value request, json::Value options, const Order& order, Diagnostics& d,
                                 CaptureRefundRequest& out) {
    if (!request || request.is_null()) {
        d.error(Code::MISSING_FIELD, "previewCaptureRefund needs a request {captureId, positions: [...]}.");
        return;
    }
    if (!expect_object(request, d)) return;
    require(read_id(request, "captureId", d, out.capture_id), "captureId", d);
    const Read r = op::read_amount(request, "amount", order.exponent, d, out.amount);
    out.has_amount = r == Read::ok;
    read_text(request, "reason", d, out.reason, 5000);
    read_text(request, "stateId", d, out.state_id, 64);
    if (options.is_object()) {
        auto at = d.at("options");
        std::string mode;
        if (read_text(options, "position_amount", d, mode, 32) == Read::ok) {
            if (mode == "discounted")
                out.discounted_positions = true;
            else if (mode != "unit_price")
                d.error_at("position_amount", Code::INVALID_OPTION,
                           {"position_amount is unit_price or discounted, not '", mode, "'."});
        }
    }
    json::Value positions;
    if (!read_array(request, "positions", d, positions) || !positions) return;
    auto at = d.at("positions");
    for_each_object(positions, d, [&](json::Value v, std::size_t i) {
        CaptureRefundPositionRequest p;
        p.index = static_cast<std::uint32_t>(i);
        if (!require(read_id(v, "orderLineItemId", d, p.line_id), "orderLineItemId", d)) return;
        if (!require(read_count(v, "quantity", d, p.quantity), "quantity", d)) return;
        const Read ar = op::read_amount(v, "amount", order.exponent, d, p.amount);
        if (ar == Read::bad) return;
        p.has_amount = ar == Read::ok;
        out.positions.push_back(p);
    });
}

namespace {

void write_body(json::Writer& w, const Order& o, const CaptureRefundPreview& p, const std::string& refund_id) {
    const int e = o.exponent;
    w.object();
    w.field("id", refund_id);
    w.key("captureId");
    write_id(w, p.capture->id);
    if (!p.state_id.empty()) w.field("stateId", p.state_id);
    if (!p.reason.empty()) w.field("reason", p.reason);
    w.key("amount");
    write_calculated_price(w, p.amount, 1, p.amount, {}, {}, e);
    w.key("positions").array();
    std::int64_t n = 0;
    for (const auto& pos : p.positions) {
        w.object();
        w.field("id", make_id(o.fingerprint, refund_id, ++n));
        w.field("refundId", refund_id);
        w.key("orderLineItemId");
        write_id(w, pos.line_id);
        w.field("quantity", pos.quantity);
        if (!p.reason.empty()) w.field("reason", p.reason);
        w.key("amount");
        write_price(w, pos.amount, e);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

}  // namespace

void write_capture_refund_result(json::Writer& w, const Order& o, const CaptureRefundPreview& p) {
    const int e = o.exponent;
    const std::string refund_id = make_id(o.fingerprint, p.capture->id.text, p.amount);
    w.key("body");
    write_body(w, o, p, refund_id);
    w.key("body_missing").array();
    // The id of state 'open' of order_transaction_capture_refund.state differs per installation.
    if (p.state_id.empty()) w.string("stateId");
    w.end_array();
    w.key("capture").object();
    w.key("id");
    write_id(w, p.capture->id);
    w.field("state", p.capture->state);
    w.amount_field("amount", p.capture->amount, e);
    w.amount_field("refunded_before", p.refunded_before, e);
    w.amount_field("refundable_before", p.refundable_before, e);
    w.amount_field("refund", p.amount, e);
    w.amount_field("refundable_after", p.refundable_after, e);
    w.amount_field("beyond_positions", p.free_amount, e);
    w.end_object();
    w.key("transaction").object();
    w.key("id");
    if (p.transaction) write_id(w, p.transaction->id);
    else w.null();
    w.field("state", p.transaction ? p.transaction->state : std::string());
    w.key("suggested_action");
    if (p.suggested_action.empty()) w.null();
    else w.string(p.suggested_action);
    w.end_object();
    w.key("plan").array();
    PlanWriter plan(w, "sw-version-id", kLiveVersion);
    plan.call("POST", "/api/order-transaction-capture-refund", "createOrderTransactionCaptureRefund");
    plan.body();
    write_body(w, o, p, refund_id);
    plan.end();
    plan.call("POST", "/api/_action/order_transaction_capture_refund/" + refund_id, "orderTransactionCaptureRefund");
    plan.end();
    if (!p.suggested_action.empty() && p.transaction) {
        plan.call("POST", "/api/_action/order_transaction/" + p.transaction->id.text + "/state/" + std::string(p.suggested_action),
                  "orderTransactionStateTransition");
        w.key("body").object().end_object();
        plan.end();
    }
    w.end_array();
}

}  // namespace op::shopware
