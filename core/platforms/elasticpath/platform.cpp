// Elastic Path Commerce Cloud: its orders ({data, included, transactions}), refunds, order updates,
// cancellations and status words in one table. Its rules also apply, as options.preset "elasticpath", to
// orders read by another platform.
#include "platform.hpp"

namespace op {
namespace elasticpath {
namespace {

constexpr OrderReading kReading{claims_order, read_order, [] { return Profile{}; }, "items"};
constexpr RefundSpeech kRefund{"", write_refund_calculation, "items", write_removal_line, read_refund_request, check_refund,
                               read_create_body};
constexpr StatusVocabulary kStatuses{"payment", StatusWords::balance, "shipping", "status", "data"};

}  // namespace
}  // namespace elasticpath

extern const Platform kElasticPath;
const Platform kElasticPath{"elasticpath", 2, "payment", &elasticpath::kReading, &elasticpath::kRefund, nullptr,
                            &elasticpath::kEditRules, &elasticpath::kCancelRules, &elasticpath::kStatuses, nullptr, nullptr, nullptr};

}  // namespace op
