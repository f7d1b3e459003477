// The 29next platform: its orders, refunds, edits, cancellations and status words in one table.
#include "platform.hpp"

namespace op {
namespace n29next {
namespace {

constexpr std::string_view kTotalsKeys[] = {"total_excl_tax", "total_incl_tax", "total_tax"};
constexpr std::string_view kAddressRequired[] = {"line1", "line4", "postcode", "country"};

constexpr OrderReading kReading{nullptr, read_order, [] { return Profile{}; }, "lines"};
constexpr RefundSpeech kRefund{"send_refund_notification", write_refund_calculation, "refund_lines", write_removal_line};
constexpr EditEcho kEcho{write_edited_line, true, kTotalsKeys, write_totals_after};
constexpr EditRules kEdit{
    false,
    "29next line updates accept quantity changes only; remove the line and add one with the new price (seed 000).",
    "",
    "",
    true,
    "Fulfilment is processing. First POST /api/admin/fulfillment-orders/{id}/cancellation-request/ "
    "(cancellationRequestSend), update the address, then POST /api/admin/fulfillment-orders/{id}/fulfillment-request/ "
    "(fulfillmentRequestSend) (seed 000).",
    nullptr,
    4096,
    "",
    kAddressRequired,
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
