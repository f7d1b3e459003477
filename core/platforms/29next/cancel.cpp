// Cancelling a 29next order: ordersCancelCreate with cancel_reason, full_refund and the notification flag.
#include "../../order/fields.hpp"
#include "platform.hpp"

namespace op::n29next {

void read_cancel_request(json::Value v, Diagnostics& d, CancelRequest& out) {
    if (v && !v.is_null() && !expect_object(v, d)) return;
    if (!v || v.is_null()) {
        d.error_at("cancel_reason", Code::MISSING_FIELD, "ordersCancelCreate requires a cancel_reason (CancelOrder).");
        return;
    }
    if (read_text(v, "cancel_reason", d, out.reason, 1000) == Read::absent)
        d.error_at("cancel_reason", Code::MISSING_FIELD, "ordersCancelCreate requires a cancel_reason (CancelOrder).");
    read_bool(v, "full_refund", d, out.full_refund);
    read_bool(v, "send_cancel_notification", d, out.notify);
}

void write_cancel_statuses(json::Writer& w, const Order& o, std::string_view payment_status_after) {
    w.field("status", "canceled");
    w.field("payment_status", payment_status_after);
    w.field("fulfillment_status", o.fulfillment_status);
}

void write_cancel_call(json::Writer& w, const Order& o, const CancelRequest& req) {
    w.field("method", "POST");
    w.field("path", "/api/admin/orders/" + path_text(o.number, "{number}") + "/cancel/");
    w.key("headers").object().field(kApiVersionHeader, kApiVersion).end_object();
    w.key("body").object();
    if (!req.reason.empty()) w.field("cancel_reason", req.reason);
    w.field("full_refund", req.full_refund).field("send_cancel_notification", req.notify).end_object();
}

}  // namespace op::n29next
