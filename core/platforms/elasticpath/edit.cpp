// Elastic Path's order update (PUT /v2/orders/{id}, contract updateAnOrder) and cancellation: items never
// change after checkout; the body is one of address/references, cancel or fulfil, so the plan sends one PUT
// per intent: first the address and references, then the status change (docs/rules.md "Elastic Path").
#include "../../order/fields.hpp"
#include "platform.hpp"

namespace op::elasticpath {
namespace {

constexpr std::string_view kOperation = "updateAnOrder";

json::Value edited(const EditState& s, std::string_view key) {
    json::Value last;
    for (const auto& [k, v] : s.fields)
        if (k == key) last = v;
    return last;
}

void open_put(PlanWriter& p, const Order& o) {
    p.call("PUT", order_path(o), kOperation);
    p.body().object().key("data").object().field("type", "order");
}

void close_put(PlanWriter& p) {
    p.w().end_object().end_object();
    p.end();
}

void write_edit_calls(json::Writer& w, const EditPlanInput& in, Diagnostics& d) {
    PlanWriter p(w);
    const EditState& s = in.state;
    const json::Value order_number = edited(s, "order_number");
    const json::Value external_ref = edited(s, "external_ref");
    const json::Value status = edited(s, "status");
    const json::Value shipping = edited(s, "shipping");
    if (status && shipping) {
        d.error_at("edits", Code::INVALID_STATUS_TRANSITION,
                   "An order cannot be both cancelled and fulfilled: cancelling needs it unfulfilled, fulfilling needs it "
                   "not cancelled. Preview one of them.");
        return;
    }
    const bool intent = status || shipping;
    // external_ref rides with the status change when nothing else needs the address-shaped body.
    const bool address_call = s.shipping_address || order_number || (external_ref && !intent);
    if (address_call) {
        open_put(p, in.order);
        // OrdersAddressData requires shipping_address; an empty object leaves the address as it is (partial update).
        p.w().key("shipping_address");
        if (s.shipping_address) p.w().copy(s.shipping_address);
        else p.w().object().end_object();
        if (order_number) p.w().key("order_number").copy(order_number);
        if (external_ref) p.w().key("external_ref").copy(external_ref);
        close_put(p);
    }
    if (intent) {
        open_put(p, in.order);
        if (status) p.w().key("status").copy(status);
        if (shipping) p.w().key("shipping").copy(shipping);
        if (external_ref && !address_call) p.w().key("external_ref").copy(external_ref);
        close_put(p);
    }
}

void read_cancel_request(json::Value v, Diagnostics& d, CancelRequest&) {
    if (!v || v.is_null()) return;  // nothing to ask: a cancellation is a status change
    if (!expect_object(v, d)) return;
    bool full_refund = false;
    if (read_bool(v, "full_refund", d, full_refund) == Read::ok && full_refund)
        d.warning_at("full_refund", Code::CANCEL_KEEPS_PAYMENT,
                     "Elastic Path never refunds on cancel: full_refund is ignored; the refunds are listed in follow_up.");
}

void write_cancel_statuses(json::Writer& w, const Order& o, std::string_view) {
    // Cancelling changes the order status only: payment and shipping stay as they are.
    w.field("status", "cancelled").field("payment", o.payment_status).field("shipping", o.fulfillment_status);
}

void write_cancel_call(json::Writer& w, const Order& o, const CancelRequest&) {
    w.field("method", "PUT");
    w.field("path", order_path(o));
    w.key("body").object().key("data").object().field("type", "order").field("status", "cancelled").end_object().end_object();
}

// What stays captured or authorised, and the calls that would release it: a void per open authorisation
// where the gateway can void, a refund per payment with money left.
void write_follow_up(json::Writer& w, const Order& o, Diagnostics& d) {
    const int e = o.exponent;
    std::int64_t captured = 0, authorised = 0;
    for (const auto& tx : o.transactions) {
        if (tx.is_payment()) captured += tx.refundable;
        if (tx.kind == TxKind::authorization && tx.status == TxStatus::succeeded && !tx.voided) authorised += tx.amount - tx.captured;
    }
    w.key("keeps").object();
    w.amount_field("captured", captured, e);
    w.amount_field("authorized", authorised, e);
    w.end_object();
    w.key("follow_up").array();
    PlanWriter p(w);
    for (const auto& tx : o.transactions) {
        if (tx.kind != TxKind::authorization || tx.status != TxStatus::succeeded || tx.voided || tx.captured >= tx.amount) continue;
        if (!gateway_voids(tx)) {
            d.warning(Code::PAYMENT_NOT_CAPTURED,
                      {"Authorisation ", tx.id.text, " (", Part::amount(tx.amount, e), ") stays open: the ",
                       (tx.gateway.empty() ? std::string_view("unnamed") : std::string_view(tx.gateway)),
                       " gateway cannot cancel (void) it; release it at the payment provider."});
            continue;
        }
        p.call("POST", transaction_path(o, tx, "cancel"), "cancelATransaction");
        p.body().object().key("data").object().end_object().end_object();
        p.end();
    }
    for (const auto& tx : o.transactions) {
        if (!tx.is_payment() || tx.refundable <= 0) continue;
        p.call("POST", transaction_path(o, tx, "refund"), "refundATransaction");
        p.body().object().key("data").object().field("amount", tx.refundable).end_object().end_object();
        p.end();
    }
    w.end_array();
}

// An order's status may only become "cancelled"; shipping only "fulfilled", and only when paid.
bool check_status_field(std::string_view key, std::string_view t, const Order& order, Diagnostics& d) {
    if (key == "status" && t != "cancelled") {
        d.error_at(key, Code::INVALID_STATUS_TRANSITION, "Elastic Path only lets an order's status become 'cancelled' (updateAnOrder).");
        return false;
    }
    if (key == "shipping") {
        if (t != "fulfilled") {
            d.error_at(key, Code::INVALID_STATUS_TRANSITION, "Elastic Path only lets shipping become 'fulfilled' (updateAnOrder).");
            return false;
        }
        if (order.payment_status != "paid") {
            d.error_at(key, Code::PAYMENT_REQUIRED,
                       {"Elastic Path fulfils paid orders only; payment is '", order.payment_status, "'."});
            return false;
        }
    }
    return true;
}

constexpr std::string_view kOrderFields[] = {"order_number", "external_ref", "status", "shipping"};
constexpr std::string_view kAddressMembers[] = {"first_name", "last_name", "phone_number", "company_name", "line_1", "line_2",
                                                "city", "county", "region", "postcode", "country", "instructions"};

}  // namespace

std::string order_path(const Order& o) { return join({"/v2/orders/", path_id(o.id, "{orderID}")}); }

std::string transaction_path(const Order& o, const Transaction& tx, std::string_view action) {
    return join({order_path(o), "/transactions/", path_id(tx.id, "{transactionID}"), "/", action});
}

// Voids (POST …/cancel) work on Stripe and PayPal gateways; the manual gateway answers 422 "Unsupported
// gateway operation". Decision: any other named gateway is offered the call; an unnamed one is not.
bool gateway_voids(const Transaction& tx) { return !tx.gateway.empty() && tx.gateway != "manual"; }

constexpr std::string_view kAddedProductKeys[] = {"product_id"};  // items never change: read only to report

const EditRules kEditRules{
    false,
    "",
    "Elastic Path order items never change after checkout: only the shipping address, order_number, external_ref, "
    "the status (to cancelled) and shipping (to fulfilled) can be updated (updateAnOrder).",
    "Elastic Path updates shipping, shipping_address and status only while the order is not fulfilled (updateAnOrder).",
    false,
    "",
    check_status_field,
    64,
    " on Elastic Path (updateAnOrder: external_ref)",
    {},
    kAddedProductKeys,
    nullptr,
    false,
    write_edit_calls,
    kOrderFields,
    kAddressMembers,
    " (decision: Elastic Path documents no limit for order_number; the engine keeps external_ref's 64)",
};

const CancelRules kCancelRules{read_cancel_request,
                               "Elastic Path cancels an order only if it has not been fulfilled (updateAnOrder).",
                               "Cancelling does not refund on Elastic Path: refund each transaction (follow_up).",
                               write_cancel_statuses, write_cancel_call, write_follow_up};

}  // namespace op::elasticpath
