// Where each entity's state sits in the order (docs/rules.md S50) and the call that transitions it: the
// order, delivery and transaction actions (orderStateTransition, orderDeliveryStateTransition,
// orderTransactionStateTransition), the generic state-machine action for captures, capture refunds and returns
// (transitionEntityState), and the commercial line-state actions (not in the contract).
#include <algorithm>

#include "parts.hpp"

namespace op::shopware {

namespace {

bool found(const std::string& s, std::string& state, std::string& problem, std::string_view what) {
    if (s.empty()) {
        problem = join({what,
                        " has no loaded state: load it with its state association (stateMachineState, or state for "
                        "returns and lines)."});
        return false;
    }
    state = s;
    return true;
}

const Transaction* find_kind(const Order& o, const Id& id, TxKind kind, bool top) {
    const Transaction* t = o.find_transaction(id);
    if (!t) return nullptr;
    if (top) return t->source_list == "transactions" ? t : nullptr;
    return t->kind == kind ? t : nullptr;
}

// retour vs retour_partially: the units in returns (not cancelled) against the units the delivery carried —
// its positions, else every physical goods line of the order (rules S54).
void advise_retour(const Order& o, const Id& id, std::string_view action, Diagnostics& d) {
    const Delivery* dl = nullptr;
    for (const auto& x : o.deliveries)
        if (same_id(x.id, id)) dl = &x;
    if (!dl || !o.returns_listed) return;  // without its returns the order cannot tell what came back
    std::int64_t delivered = 0, returned = 0;
    const auto count = [&](const Line& l, std::int64_t quantity) {
        delivered += quantity;
        returned += std::min(l.returned_quantity, quantity);
    };
    if (dl->has_positions) {
        for (const auto& [line, quantity] : dl->positions)
            if (const Line* l = o.find_line(line)) count(*l, quantity);
    } else {
        for (const auto& l : o.lines)
            if ((l.kind == LineKind::item || l.kind == LineKind::custom || l.kind == LineKind::container) && !l.digital)
                count(l, l.quantity);
    }
    if (delivered <= 0) return;
    const std::string units = join({returned, " of the ", delivered, " delivered units"});
    if (action == "retour" && returned < delivered)
        d.warning(Code::INCONSISTENT_QUANTITIES,
                  {"Only ", units, " are in returns: retour_partially describes the delivery."});
    else if (action == "retour_partially" && returned >= delivered)
        d.warning(Code::INCONSISTENT_QUANTITIES, {"All ", units, " are in returns: retour describes the delivery."});
    else if (action == "retour_partially" && returned == 0)
        d.warning(Code::INCONSISTENT_QUANTITIES,
                  {"None of the ", delivered, " delivered units is in a return (load the order with its returns)."});
}

}  // namespace

bool entity_state(const Order& o, std::string_view type, const Id& id, std::string& state, std::string& problem) {
    const std::string what = join({type, " ", id.text});
    if (type == "order") {
        if (id.present() && !same_id(id, o.id)) {
            problem = join({"The order's id is ", o.id.text, ", not ", id.text, "."});
            return false;
        }
        return found(o.status, state, problem, what);
    }
    if (type == "order_delivery") {
        for (const auto& dl : o.deliveries)
            if (same_id(dl.id, id)) return found(dl.state, state, problem, what);
    } else if (type == "order_transaction") {
        if (const Transaction* t = find_kind(o, id, TxKind::sale, true)) return found(t->state, state, problem, what);
    } else if (type == "order_transaction_capture") {
        if (const Transaction* t = find_kind(o, id, TxKind::capture, false)) return found(t->state, state, problem, what);
    } else if (type == "order_transaction_capture_refund") {
        if (const Transaction* t = find_kind(o, id, TxKind::refund, false)) return found(t->state, state, problem, what);
    } else if (type == "order_return") {
        for (const auto& r : o.returns)
            if (same_id(r.id, id)) return found(r.state, state, problem, what);
    } else if (type == "order_return_line_item") {
        for (const auto& r : o.returns)
            for (const auto& l : r.lines)
                if (same_id(l.id, id)) return found(l.state, state, problem, what);
    } else if (type == "order_line_item") {
        if (const Line* l = o.find_line(id)) return found(l->state, state, problem, what);
    } else {
        problem = join({"'", type,
                        "' is not an entity with a state; use order, order_delivery, order_transaction, "
                        "order_transaction_capture, order_transaction_capture_refund, order_return, "
                        "order_return_line_item or order_line_item."});
        return false;
    }
    problem = join({"The order lists no ", what, "."});
    return false;
}

void write_transition_call(json::Writer& w, const Order& o, std::string_view type, const Id& id, std::string_view action) {
    PlanWriter plan(w, "sw-version-id", kLiveVersion);
    const std::string a(action);
    const std::string entity_id = type == "order" ? path_id(o.id, "{orderId}") : path_id(id, "{id}");
    if (type == "order") {
        plan.call("POST", "/api/_action/order/" + entity_id + "/state/" + a, "orderStateTransition");
    } else if (type == "order_delivery") {
        plan.call("POST", "/api/_action/order_delivery/" + entity_id + "/state/" + a, "orderDeliveryStateTransition");
    } else if (type == "order_transaction") {
        plan.call("POST", "/api/_action/order_transaction/" + entity_id + "/state/" + a, "orderTransactionStateTransition");
    } else if (type == "order_line_item" || type == "order_return_line_item") {
        // Commercial line-state routes (not in the published contract): {ids: [...]}.
        plan.call("POST", std::string("/api/_action/") + (type == "order_line_item" ? "order-line-item" : "order-return-line-item") +
                              "/state/" + a, "");
        w.key("body").object().key("ids").array();
        write_id(w, id);
        w.end_array().end_object();
        plan.end();
        return;
    } else {
        plan.call("POST", "/api/_action/state-machine/" + std::string(type) + "/" + entity_id + "/state/" + a, "transitionEntityState");
    }
    w.key("body").object().end_object();
    plan.end();
}

// Shopware core guards none of these transitions; what the order shows is said as warnings (rules S53).
void advise_transition(const Order& o, std::string_view type, const Id& id, std::string_view action, Diagnostics& d) {
    std::int64_t captured = 0, refunded = 0;
    bool unpaid = false;
    for (const auto& t : o.transactions) {
        if (t.kind == TxKind::capture && t.status == TxStatus::succeeded) captured += t.amount;
        if (t.kind == TxKind::sale && t.status == TxStatus::succeeded) captured += t.amount;
        if (t.kind == TxKind::refund && t.status == TxStatus::succeeded) refunded += t.amount;
        if (t.source_list == "transactions" && t.state != "paid" && t.state != "refunded" && t.state != "refunded_partially" &&
            t.state != "cancelled" && t.state != "failed")
            unpaid = true;
    }
    const int e = o.exponent;
    if (type == "order" && action == "cancel" && captured > refunded)
        d.warning(Code::CANCEL_KEEPS_PAYMENT,
                  {"Cancelling the order does not refund: ", Part::amount(captured - refunded, e),
                   " captured stays with the merchant; refund the captures (previewCaptureRefund)."});
    if (type == "order" && action == "complete") {
        bool shipped = !o.deliveries.empty();
        for (const auto& dl : o.deliveries) shipped = shipped && dl.state == "shipped";
        if (unpaid) d.warning(Code::PAYMENT_REQUIRED, "A transaction of the order is not paid; the server completes the order anyway.");
        if (!shipped) d.warning(Code::ORDER_FULFILLED, "Not every delivery is shipped; the server completes the order anyway.");
    }
    if (type == "order_delivery" && (action == "retour" || action == "retour_partially")) advise_retour(o, id, action, d);
    if (type == "order_transaction") {
        std::int64_t tx_captured = 0, tx_refunded = 0;
        for (const auto& c : o.transactions) {
            if (c.kind != TxKind::capture || !same_id(c.parent_id, id) || c.status != TxStatus::succeeded) continue;
            tx_captured += c.amount;
            for (const auto& r : o.transactions)
                if (r.kind == TxKind::refund && same_id(r.parent_id, c.id) && r.status == TxStatus::succeeded) tx_refunded += r.amount;
        }
        if (action == "refund" && tx_captured > 0 && tx_refunded < tx_captured)
            d.warning(Code::REFUND_MISMATCH,
                      {"Refunds so far (", Part::amount(tx_refunded, e), ") are below what was captured (",
                       Part::amount(tx_captured, e), "): refund_partially describes the payment."});
        if (action == "refund_partially" && tx_captured > 0 && tx_refunded >= tx_captured)
            d.warning(Code::REFUND_MISMATCH, "Everything captured is refunded: refund describes the payment.");
    }
}

}  // namespace op::shopware
