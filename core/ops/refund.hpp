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

namespace op {

enum class Restock : std::uint8_t { cancel, return_, no_restock };
std::string_view restock_name(Restock r);
bool parse_restock(std::string_view s, Restock& out);

struct RefundLineRequest {
    Id line_id;
    std::int64_t quantity = 0;
    std::optional<Restock> restock;       // 29next restock_type
    std::optional<bool> restock_goods;    // v1 restock boolean
    std::size_t index = 0;                // position in the request list (for paths)
    bool valid = true;                    // false when reading it reported an error: it is left out
};

struct ShippingRequest {
    bool present = false;
    bool full = false;
    std::optional<std::int64_t> amount_excl_tax;
};

struct RefundRequest {
    std::string_view lines_key = "refund_lines";  // or "refund_line_items" (v1), for paths
    std::string_view shipping_key = "refund_shipping";
    std::string_view id_key = "line_id";          // or "line_item_id"
    std::string_view restock_key = "restock_type";  // or "restock"
    std::string_view amount_key = "amount_excl_tax";  // or "amount" (v1 shipping)
    std::vector<RefundLineRequest> lines;
    ShippingRequest shipping;
};

// Reads either dialect's request shape (29next refund_lines / v1 refund_line_items) at the root path.
bool read_refund_request(json::Value v, const Order& order, Diagnostics& d, RefundRequest& out);

struct RefundLine {
    const Line* line = nullptr;
    std::size_t request_index = 0;
    std::int64_t quantity = 0;
    Restock restock = Restock::cancel;
    bool restock_goods = false;               // v1 view: do the units go back to stock
    std::int64_t refundable_quantity = 0;     // units of this restock pool refundable before this refund
    std::int64_t amount_excl_tax = 0;
    std::int64_t total_tax = 0;
    std::int64_t amount_incl_tax = 0;
};

struct RefundShipping {
    std::int64_t amount_excl_tax = 0;
    std::int64_t total_tax = 0;
    std::int64_t amount_incl_tax = 0;
    std::int64_t refundable_amount = 0;  // shipping excl tax left before this refund
    bool full = false;
};

struct TransactionAllocation {
    const Transaction* transaction = nullptr;
    std::int64_t amount = 0;
};

struct RefundCalculation {
    std::vector<RefundLine> lines;
    RefundShipping shipping;
    std::vector<TransactionAllocation> transactions;
    std::int64_t amount_excl_tax = 0;
    std::int64_t total_tax = 0;
    std::int64_t amount_incl_tax = 0;
};

// Computes the refund; every rule violation is reported at its request path and the valid parts are still
// computed. Returns false only when nothing could be computed.
bool calculate_refund(const Order& order, const Profile& profile, const RefundRequest& request, Diagnostics& d,
                      RefundCalculation& out);

// Spreads `amount` over the order's refundable payments in the profile's order; reports
// PAYMENT_NOT_CAPTURED / REFUND_EXCEEDS_TOTAL when it does not fit.
bool allocate_refund(const Order& order, const Profile& profile, std::int64_t amount, Diagnostics& d,
                     std::vector<TransactionAllocation>& out);

// The calculation in the order's dialect (29next: seed 000 response shape; v1: docs/api.md).
void write_refund_calculation(json::Writer& w, const Order& order, const RefundCalculation& calc);

}  // namespace op
