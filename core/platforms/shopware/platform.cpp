// The Shopware 6 platform: its orders (Admin API), versioned order edits with the server's recalculation,
// returns (commercial Return Management) and capture refunds. Refund calculations and cancellations in the other
// platforms' terms do not apply (nullptr): the operations answer OPERATION_NOT_SUPPORTED, naming previewReturn,
// previewCaptureRefund and transition() instead. No echo of the edited order (nullptr): the server recomputes
// the whole order in its version, so the preview lists the changed lines and the totals, not a rebuilt order.
#include "parts.hpp"

namespace op {
namespace shopware {
namespace {

constexpr std::string_view kBlockingLineStates[] = {"cancelled", "returned", "returned_partially"};
constexpr std::string_view kRefundableTransactionStates[] = {"paid", "paid_partially", "refunded_partially"};
constexpr std::string_view kCountedRefundStates[] = {"open", "in_progress", "completed"};

constexpr OrderReading kReading{claims, read_order, [] { return Profile{}; }, "lineItems"};
constexpr ReturnRules kReturns{read_return_request, returnable, kBlockingLineStates, true, write_return_result,
                               write_return_plan};
constexpr CaptureRefundRules kCaptureRefunds{read_capture_refund_request, kRefundableTransactionStates,
                                             kCountedRefundStates, "completed", write_capture_refund_result};
constexpr EntityStates kEntities{entity_state, ".state", write_transition_call, advise_transition};
constexpr std::string_view kAddedProductKeys[] = {"product_id"};
const EditRules kEdit{
    false,
    "previewEdit does not change the unit price of a Shopware line (the Administration rewrites its priceDefinition); "
    "it previews quantities, removals and added products.",
    "",
    "",
    false,
    "",
    nullptr,
    64,
    "",
    {},
    kAddedProductKeys,
    edit_field_refusal,
    false,
    write_edit_calls,
    {},
    {},
    "",
    edit_line_refusal,
    recalculate_edit,
};

}  // namespace
}  // namespace shopware

extern const Platform kShopware;
const Platform kShopware{"shopware", 3, "transactionState", &shopware::kReading, nullptr, nullptr,
                         &shopware::kEdit, nullptr, nullptr, &shopware::kReturns, &shopware::kCaptureRefunds, &shopware::kEntities};

}  // namespace op
