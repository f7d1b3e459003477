// The 29next platform: its orders, refunds, edits, cancellations and status words in one table.
#include "platform.hpp"

namespace op {
namespace n29next {
namespace {

constexpr std::string_view kTotalsKeys[] = {"total_excl_tax", "total_incl_tax", "total_tax"};
// PatchedUpdateOrder.shipping_address is a whole ShippingAddress: these are its required writable members.
constexpr std::string_view kAddressRequired[] = {"first_name", "last_name", "line1", "line4", "country"};
constexpr std::string_view kAddedProductKeys[] = {"product_id"};

// PatchedUpdateOrder's writable members are addresses, status, fulfillment_status, tags, metadata and
// attribution; notes have their own call (written by write_edit_calls).
std::string field_refusal(std::string_view key) {
    if (key == "email")
        return "29next keeps the email on the customer, not the order: ordersPartialUpdate (PatchedUpdateOrder) does not take "
               "it; update the customer (PATCH /api/admin/customers/{id}/) instead.";
    if (key == "order_number" || key == "external_ref")
        return join({"The order's ", key == "order_number" ? "number" : "external reference",
                     " is read-only on 29next: ordersPartialUpdate (PatchedUpdateOrder) does not take it."});
    return {};
}

// Webhooks (order.created, order.updated) deliver {api_version, data: {…order…}}.
constexpr OrderReading kReading{nullptr, read_order, [] { return Profile{}; }, "lines", "data"};
constexpr RefundSpeech kRefund{"send_refund_notification", write_refund_calculation, "refund_lines", write_removal_line};
constexpr EditEcho kEcho{write_edited_line, true, kTotalsKeys, write_totals_after, edited_line_is_source};
constexpr EditRules kEdit{
    false,
    "29next line updates accept quantity changes only; remove the line and add one with the new price.",
    "",
    "",
    true,
    "Fulfilment is processing. First POST /api/admin/fulfillment-orders/{id}/cancellation-request/ "
    "(cancellationRequestSend), update the address, then POST /api/admin/fulfillment-orders/{id}/fulfillment-request/ "
    "(fulfillmentRequestSend).",
    nullptr,
    4096,
    "",
    kAddressRequired,
    kAddedProductKeys,
    field_refusal,
    true,
    write_edit_calls,
};
constexpr CancelRules kCancel{read_cancel_request, "", "", write_cancel_statuses, write_cancel_call};
constexpr StatusVocabulary kStatuses{"payment_status", StatusWords::detailed};

}  // namespace

void write_removal_line(json::Writer& w, const Id& line, std::int64_t quantity) {
    w.object();
    w.key("line_id");
    write_id(w, line);
    w.field("quantity", quantity);
    w.field("restock_type", "cancel");
    w.end_object();
}

}  // namespace n29next

extern const Platform k29next;
const Platform k29next{"29next", 0, "payment_status", &n29next::kReading, &n29next::kRefund, &n29next::kEcho,
                       &n29next::kEdit, &n29next::kCancel, &n29next::kStatuses, nullptr, nullptr, nullptr};

}  // namespace op
