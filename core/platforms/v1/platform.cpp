// The generic "v1" Orders API platform: its orders, refunds, edits, cancellations and status words.
#include "platform.hpp"

namespace op {
namespace v1 {
namespace {

bool has_line_items_only(json::Value order) { return order.get("line_items") && !order.get("lines"); }

void write_removal_line(json::Writer& w, const Id& line, std::int64_t quantity) {
    w.object();
    w.key("line_item_id");
    write_id(w, line);
    w.field("quantity", quantity);
    w.field("restock", true);
    w.end_object();
}

constexpr std::string_view kTotalsKeys[] = {"subtotal_price", "total_tax", "total_price"};
constexpr std::string_view kAddressRequired[] = {"address1", "city", "zip", "country"};
constexpr std::string_view kAddedProductKeys[] = {"variant_id", "product_id"};

constexpr OrderReading kReading{has_line_items_only, read_order, [] { return Profile{}; }, "line_items", ""};
constexpr RefundSpeech kRefund{"notify_customer", write_refund_calculation, "refund_line_items", write_removal_line};
constexpr EditEcho kEcho{write_edited_line, false, kTotalsKeys, write_totals_after, edited_line_is_source};
constexpr EditRules kEdit{
    true, "", "", "", true,
    "Fulfilment is processing; the server will not take a new shipping address until it is cancelled.",
    nullptr, 4096, "", kAddressRequired, kAddedProductKeys, nullptr, false, write_edit_calls,
};
constexpr CancelRules kCancel{read_cancel_request, "", "", write_cancel_statuses, write_cancel_call};
constexpr StatusVocabulary kStatuses{"financial_status", StatusWords::basic};

}  // namespace
}  // namespace v1

extern const Platform kV1;
const Platform kV1{"v1", 1, "financial_status", &v1::kReading, &v1::kRefund, &v1::kEcho,
                   &v1::kEdit, &v1::kCancel, &v1::kStatuses, nullptr, nullptr, nullptr};

}  // namespace op
