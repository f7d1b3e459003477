// previewCancel: what cancelling does (seed 000 ordersCancelCreate, seed 002 cancel, seed 004 Elastic Path):
// the statuses after, the refund per transaction when full_refund, units restocked, authorisations to void.
#include <algorithm>
#include <iterator>

#include "../api/call.hpp"
#include "../api/engine.hpp"
#include "../order/fields.hpp"
#include "ops.hpp"
#include "refund.hpp"
#include "render.hpp"

namespace op {
namespace {

struct CancelRequest {
    std::string reason;
    bool full_refund = false;
    bool notify = false;
    bool restock = true;
};

void read_request(json::Value v, Platform rules, Diagnostics& d, CancelRequest& out) {
    if (!v || v.is_null()) return;  // every field is optional
    if (!expect_object(v, d)) return;
    if (rules == Platform::v1) {
        static constexpr std::string_view kReasons[] = {"customer_request", "fraudulent", "inventory", "other"};
        if (read_text(v, "reason", d, out.reason, 100) == Read::ok &&
            std::find(std::begin(kReasons), std::end(kReasons), out.reason) == std::end(kReasons))
            d.error_at("reason", Code::INVALID_VALUE, "'" + out.reason + "' is not a cancel reason; use customer_request, fraudulent, inventory or other (seed 002).");
        read_bool(v, "restock", d, out.restock);
        read_bool(v, "notify_customer", d, out.notify);
        out.full_refund = false;  // a v1 cancel does not refund; refunds are their own call (seed 002)
        return;
    }
    if (rules == Platform::n29next) {
        if (read_text(v, "cancel_reason", d, out.reason, 1000) == Read::absent)
            d.warning_at("cancel_reason", Code::MISSING_FIELD, "Give a cancel_reason: the seed's cancel request carries one.");
        read_bool(v, "full_refund", d, out.full_refund);
        read_bool(v, "send_cancel_notification", d, out.notify);
    }
}

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

void write_call(json::Writer& w, const OrderContext& ctx, Platform rules, const CancelRequest& req) {
    const Order& o = ctx.order;
    w.key("request").object();
    if (rules == Platform::elasticpath) {
        w.field("method", "PUT");
        w.field("path", "/v2/orders/" + (o.id.present() ? o.id.text : std::string("{orderID}")));
        w.key("body").object().key("data").object().field("type", "order").field("status", "cancelled").end_object().end_object();
    } else if (rules == Platform::v1) {
        w.field("method", "POST");
        w.field("path", "/api/v1/orders/" + (o.id.present() ? o.id.text : std::string("{id}")) + "/cancel");
        w.key("body").object();
        if (!req.reason.empty()) w.field("reason", req.reason);
        w.field("restock", req.restock).field("notify_customer", req.notify).end_object();
    } else {
        w.field("method", "POST");
        w.field("path", "/api/admin/orders/" + (o.number.empty() ? std::string("{number}") : o.number) + "/cancel/");
        w.key("headers").object().field("X-29Next-Api-Version", "2024-04-01").end_object();
        w.key("body").object();
        if (!req.reason.empty()) w.field("cancel_reason", req.reason);
        w.field("full_refund", req.full_refund).field("send_cancel_notification", req.notify).end_object();
    }
    w.end_object();
}

}  // namespace

std::string cancel_result(const OrderContext& ctx, json::Value request, Diagnostics& d) {
    const Order& o = ctx.order;
    const Platform rules = platform_for(ctx, "previewCancel", d);
    CancelRequest req;
    read_request(request, rules, d, req);
    if (o.status == "cancelled" || o.status == "canceled")
        d.error(Code::ORDER_ALREADY_CANCELLED, "The order is already cancelled.");
    else if (o.status == "closed" || o.status == "archived")
        d.error(Code::ORDER_ALREADY_CLOSED, "The order is " + o.status + "; reopen it before cancelling (seed 002: cancel an open order).");
    const UnitCounts units = count_units(o);
    if (units.fulfilled > 0) {
        if (rules == Platform::elasticpath)
            d.error(Code::ORDER_FULFILLED, "Elastic Path cancels an order only if it has not been fulfilled (seed 004).");
        else
            d.warning(Code::ORDER_FULFILLED, std::to_string(units.fulfilled) +
                                                 " unit(s) are fulfilled: cancelling does not bring them back; refund them with restock_type return to restock.");
    }
    std::vector<TransactionAllocation> refunds;
    std::int64_t refund_amount = 0;
    if (req.full_refund) {
        for (const auto& tx : o.transactions)
            if (tx.is_payment() && tx.refundable > 0) {
                refunds.push_back({&tx, tx.refundable});
                refund_amount += tx.refundable;
            }
    } else if (o.payments.paid() > 0 && rules != Platform::elasticpath) {
        d.warning(Code::CANCEL_KEEPS_PAYMENT, format_amount(o.payments.paid(), o.exponent) +
                                                  " stays captured: cancelling without full_refund does not return money.");
    }
    if (rules == Platform::elasticpath && o.payments.paid() > 0)
        d.warning(Code::CANCEL_KEEPS_PAYMENT, "Cancelling does not refund on Elastic Path; refund the order manually (seed 004).");
    const int e = o.exponent;
    std::string out;
    json::Writer w(out);
    w.object();
    w.key("statuses_after").object();
    const bool voids = o.payments.authorized_uncaptured > 0;
    if (rules == Platform::elasticpath) {
        w.field("status", "cancelled").field("payment", o.payment_status).field("shipping", o.fulfillment_status);
    } else {
        w.field("status", rules == Platform::v1 ? "cancelled" : "canceled");
        w.field(rules == Platform::v1 ? "financial_status" : "payment_status", payment_status_after(o, refund_amount, voids));
        w.field("fulfillment_status", o.fulfillment_status);
    }
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
    // Unfulfilled units go back to stock (29next cancel restocks; v1 only with restock true).
    const bool restock = rules == Platform::v1 ? req.restock : true;
    if (restock) write_units(w, "restocked", o, false);
    else w.key("restocked").array().end_array();
    write_units(w, "not_restocked", o, true);
    write_call(w, ctx, rules, req);
    write_result_footer(w, o);
    w.end_object();
    return out;
}

std::string preview_cancel(std::string_view order, std::string_view request, std::string_view options) {
    return run_with_order(order, request, options, cancel_result);
}

}  // namespace op
