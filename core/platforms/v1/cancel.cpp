// Cancelling a v1 order: POST /orders/{id}/cancel with reason, restock and notify_customer. It never refunds;
// refunds are their own call.
#include <algorithm>
#include <iterator>

#include "../../order/fields.hpp"
#include "platform.hpp"

namespace op::v1 {

void read_cancel_request(json::Value v, Diagnostics& d, CancelRequest& out) {
    if (!v || v.is_null()) return;  // every field is optional
    if (!expect_object(v, d)) return;
    static constexpr std::string_view kReasons[] = {"customer_request", "fraudulent", "inventory", "other"};
    if (read_text(v, "reason", d, out.reason, 100) == Read::ok &&
        std::find(std::begin(kReasons), std::end(kReasons), out.reason) == std::end(kReasons))
        d.error_at(
            "reason", Code::INVALID_VALUE,
            {"'", out.reason, "' is not a cancel reason; use customer_request, fraudulent, inventory or other."});
    read_bool(v, "restock", d, out.restock);
    read_bool(v, "notify_customer", d, out.notify);
    out.full_refund = false;
}

void write_cancel_statuses(json::Writer& w, const Order& o, std::string_view payment_status_after) {
    w.field("status", "cancelled");
    w.field("financial_status", payment_status_after);
    w.field("fulfillment_status", o.fulfillment_status);
}

void write_cancel_call(json::Writer& w, const Order& o, const CancelRequest& req) {
    w.field("method", "POST");
    w.field("path", "/api/v1/orders/" + path_id(o.id, "{id}") + "/cancel");
    w.key("body").object();
    if (!req.reason.empty()) w.field("reason", req.reason);
    w.field("restock", req.restock).field("notify_customer", req.notify).end_object();
}

}  // namespace op::v1
