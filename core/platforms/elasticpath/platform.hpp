// Elastic Path Commerce Cloud: the module's parts, assembled into kElasticPath by platform.cpp.
// The order is GET /v2/orders/{id}?include=items ({data, included}) with GET /v2/orders/{id}/transactions
// as a sibling member `transactions` ({data: [...]}), so one document holds every fact the fingerprint covers.
#pragma once

#include "../../order/fields.hpp"
#include "../plan.hpp"
#include "../platform.hpp"

namespace op::elasticpath {

// The storefront convention for shipping added as a custom item (docs/rules.md "Elastic Path").
inline constexpr std::string_view kShippingSkuPrefix = "__shipping_";

bool claims_order(json::Value root);
bool read_order(json::Value root, const ReadOptions& options, Diagnostics& d, Order& out);

// Integer minor units, as every Elastic Path amount is: a fraction, an exponent or a string is refused.
Read read_minor(json::Value parent, std::string_view key, Diagnostics& d, std::int64_t& out);

std::string order_path(const Order& o);
std::string transaction_path(const Order& o, const Transaction& tx, std::string_view action);
bool gateway_voids(const Transaction& tx);  // the gateway can cancel (void) an authorisation

// Refunds: the request ({items: [{item_id, quantity}]} | {amount}, transaction_id?), the order-state and
// gateway rules, and the result with one refundATransaction call per transaction.
bool read_refund_request(json::Value v, const Order& order, Diagnostics& d, RefundRequest& out);
void check_refund(const Order& order, const RefundRequest& request, const RefundCalculation& calc, Diagnostics& d);
void write_refund_calculation(json::Writer& w, const Order& order, const RefundCalculation& calc);
void write_removal_line(json::Writer& w, const Id& line, std::int64_t quantity);
// validateRefund: the create body toRefundCreateRequest gives ({transactions: [{id, amount}], requests?}).
void read_create_body(json::Value body, const Order& order, Diagnostics& d, RefundCalculation& calc);

// Edits and cancellations (updateAnOrder).
extern const EditRules kEditRules;
extern const CancelRules kCancelRules;

}  // namespace op::elasticpath
