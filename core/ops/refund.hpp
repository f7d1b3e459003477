// The refund calculation shared by calculateRefund, validateRefund, previewCancel and edit balances:
// which units of which lines, with which restock type, how much shipping, and over which transactions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "../diag/diagnostics.hpp"
#include "../json/document.hpp"
#include "../json/writer.hpp"
#include "../money/profile.hpp"
#include "../order/order.hpp"
#include "../order/previews.hpp"

namespace op {

// Reads a refund request (refund_lines / refund_line_items shapes) at the root path.
bool read_refund_request(json::Value v, const Order& order, Diagnostics& d, RefundRequest& out);

// Computes the refund; every rule violation is reported at its request path and the valid parts are still
// computed. Returns false only when nothing could be computed.
bool calculate_refund(const Order& order, const Profile& profile, const RefundRequest& request, Diagnostics& d,
                      RefundCalculation& out);

// Spreads `amount` over the order's refundable payments in the profile's order; reports
// PAYMENT_NOT_CAPTURED / REFUND_EXCEEDS_TOTAL when it does not fit.
// `only`: the one transaction the request names (absent: every refundable payment).
bool allocate_refund(const Order& order, const Profile& profile, std::int64_t amount, Diagnostics& d,
                     std::vector<TransactionAllocation>& out, const Id& only = Id{});


}  // namespace op
