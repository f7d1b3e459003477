// Elastic Path Commerce Cloud's order rules, applied (options.preset "elasticpath") to orders read by another
// platform: items never change after checkout; one PUT /v2/orders/{id} carries the order's own members.
#include "../../order/fields.hpp"
#include "../plan.hpp"
#include "../platform.hpp"

namespace op {
namespace elasticpath {
namespace {

std::string order_path(const Order& o) { return "/v2/orders/" + path_id(o.id, "{orderID}"); }

void write_edit_calls(json::Writer& w, const EditPlanInput& in, Diagnostics&) {
    PlanWriter p(w);
    const EditState& s = in.state;
    if (s.shipping_address || !s.fields.empty()) {
        p.call("PUT", order_path(in.order), "updateOrder");
        p.body().object().key("data").object().field("type", "order");
        if (s.shipping_address) p.w().key("shipping_address").copy(s.shipping_address);
        write_edited_fields(p.w(), s);
        p.w().end_object().end_object();
        p.end();
    }
}

void read_cancel_request(json::Value v, Diagnostics& d, CancelRequest&) {
    if (!v || v.is_null()) return;  // nothing to ask: a cancellation is a status change
    expect_object(v, d);
}

void write_cancel_statuses(json::Writer& w, const Order& o, std::string_view) {
    w.field("status", "cancelled").field("payment", o.payment_status).field("shipping", o.fulfillment_status);
}

void write_cancel_call(json::Writer& w, const Order& o, const CancelRequest&) {
    w.field("method", "PUT");
    w.field("path", order_path(o));
    w.key("body").object().key("data").object().field("type", "order").field("status", "cancelled").end_object().end_object();
}

// An order's status may only become "cancelled"; shipping only "fulfilled", and only when paid.
bool check_status_field(std::string_view key, std::string_view t, const Order& order, Diagnostics& d) {
    if (key == "status" && t != "cancelled") {
        d.error_at(key, Code::INVALID_STATUS_TRANSITION, "Elastic Path only lets an order's status become 'cancelled' (seed 004).");
        return false;
    }
    if (key == "shipping") {
        if (t != "fulfilled") {
            d.error_at(key, Code::INVALID_STATUS_TRANSITION, "Elastic Path only lets shipping become 'fulfilled' (seed 004).");
            return false;
        }
        if (order.payment_status != "paid") {
            d.error_at(key, Code::PAYMENT_REQUIRED, "Elastic Path fulfils paid orders only; payment is '" + order.payment_status + "' (seed 004).");
            return false;
        }
    }
    return true;
}

constexpr std::string_view kAddressRequired[] = {"first_name", "last_name", "line_1", "postcode", "country"};

constexpr EditRules kEdit{
    false,
    "",
    "Elastic Path orders cannot change their items: only custom data, shipping, the shipping address and the status "
    "may change (seed 004).",
    "Elastic Path updates only orders that are not fulfilled (seed 004).",
    false,
    "",
    check_status_field,
    64,
    " on Elastic Path (seed 004)",
    kAddressRequired,
    false,
    write_edit_calls,
};
constexpr CancelRules kCancel{read_cancel_request,
                              "Elastic Path cancels an order only if it has not been fulfilled (seed 004).",
                              "Cancelling does not refund on Elastic Path; refund the order manually (seed 004).",
                              write_cancel_statuses, write_cancel_call};

}  // namespace
}  // namespace elasticpath

extern const Platform kElasticPath;
const Platform kElasticPath{"elasticpath", 2, "payment", nullptr, nullptr, nullptr,
                            &elasticpath::kEdit, &elasticpath::kCancel, nullptr, nullptr, nullptr, nullptr};

}  // namespace op
