// The Shopware 6 platform: its orders (Admin API), returns (commercial Return Management) and capture refunds.
// Refund calculations, edits and cancellations in the other platforms' terms do not apply (nullptr): the
// operations answer OPERATION_NOT_SUPPORTED.
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

}  // namespace
}  // namespace shopware

extern const Platform kShopware;
const Platform kShopware{"shopware", 3, "transactionState", &shopware::kReading, nullptr, nullptr,
                         nullptr, nullptr, nullptr, &shopware::kReturns, &shopware::kCaptureRefunds, &shopware::kEntities};

}  // namespace op
