// What the operations computed, in canonical terms: the refund calculation, the edited order and the
// cancel request. Operations fill these; platforms render them in their own field names and calls.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../json/document.hpp"
#include "order.hpp"
#include "pricing.hpp"

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
    // An amount-only refund (incl. tax), for platforms whose refunds are amounts against transactions.
    std::optional<std::int64_t> amount;
    // Refund against this transaction only (absent: allocate over every refundable one).
    Id transaction_id;
    std::string_view transaction_key = "transaction_id";
};

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
    bool amount_only = false;  // an amount-only refund: no lines, no tax split
};

// One line as it stands after the edits.
struct EditedLine {
    const Line* original = nullptr;  // nullptr for an added line
    json::Value source;              // the input line object (absent for added lines)
    Id id;
    Id product_id;
    std::string title;
    bool digital = false;
    std::int64_t quantity = 0;  // current units after the edits
    std::int64_t amount_excl_tax = 0;
    std::int64_t total_tax = 0;
    std::int64_t amount_incl_tax = 0;
    std::int64_t discount = 0;
    std::optional<std::int64_t> unit_price;  // a new unit price (v1 update_line price, add_line)
    bool has_rate = false;
    Rate tax_rate;
    std::string reason;
    bool removed = false;
    std::size_t edit_index = 0;  // the last edit that touched the line (for paths)
    bool quantity_changed = false;
    bool price_changed = false;
    json::Value add_source;  // the add_line edit (for product_id etc.)
};

struct EditState {
    // Only the lines an edit touched (sparse, so an edit costs what it touches, not the order): existing lines
    // in the order's line order, then added lines in the order they were added. Every other line is as the
    // order has it; for_each_line_after (core/ops/edit.hpp) walks them all.
    std::vector<EditedLine> touched;
    Shipping shipping;
    json::Value shipping_address;          // the new address object, when changed
    std::size_t shipping_address_edit = 0;
    std::vector<std::pair<std::string_view, json::Value>> fields;  // simple field updates, last one wins
    std::vector<std::pair<std::string_view, std::size_t>> field_edits;
    // Set by a platform that recalculates the order (EditRules::recalculate): the totals as it computes them
    // (cash rounding, taxes per rate); absent, the operation sums the lines and shipping.
    std::optional<Totals> totals_before;
    std::optional<Totals> totals_after;
};

struct CancelRequest {
    std::string reason;
    bool full_refund = false;
    bool notify = false;
    bool restock = true;
};

// previewReturn: units the customer sends back, as a return record of their own (apart from refunds).
struct ReturnItemRequest {
    Id line_id;
    std::int64_t quantity = 0;
    bool has_refund_amount = false;
    std::int64_t refund_amount = 0;
    std::uint32_t index = 0;  // in the request, for paths
};
struct ReturnRequest {
    std::vector<ReturnItemRequest> items;
    bool has_shipping = false;
    std::int64_t shipping = 0;
    Id return_id;
    bool merge_duplicates = false;
};

// A capture refund: money back on one capture, with positions per line.
struct CaptureRefundPositionRequest {
    Id line_id;
    std::int64_t quantity = 0;
    bool has_amount = false;
    std::int64_t amount = 0;
    std::uint32_t index = 0;
};
struct CaptureRefundRequest {
    Id capture_id;
    std::vector<CaptureRefundPositionRequest> positions;
    bool has_amount = false;
    std::int64_t amount = 0;
    std::string reason;
    std::string state_id;  // the server's id of a new refund's initial state, when the caller knows it
    bool discounted_positions = false;  // options.position_amount "discounted" (else the unit price)
};

struct ReturnItem {
    Id line_id;
    Id return_line_id;          // an existing return line
    bool existing = false;      // already in the return
    std::int64_t quantity = 0;
    LinePrice price;            // the returned units at the line's own unit price
    std::int64_t refund_amount = 0;
    bool refund_edited = false; // the request set refundAmount
    LinePrice refund_price;     // refundAmount as one unit: what the total is computed from
    std::int64_t suggested = 0; // the units' price less their share of the order's discounts
    bool discounted = false;    // a discount took part of the line
    std::int64_t index = -1;    // in the request; -1 for existing lines
};
struct ReturnPreview {
    Id return_id;
    bool existing_return = false;
    std::vector<ReturnItem> items;
    std::int64_t shipping_input = 0;  // as typed (default currency when the order's is another)
    bool shipping_edited = false;
    LinePrice shipping;
    CartPrice price;
};

struct CaptureRefundPosition {
    Id line_id;
    std::int64_t quantity = 0;
    LinePrice amount;
    std::int64_t index = 0;
};
struct CaptureRefundPreview {
    const Transaction* capture = nullptr;
    const Transaction* transaction = nullptr;
    std::vector<CaptureRefundPosition> positions;
    std::int64_t amount = 0;
    std::int64_t free_amount = 0;        // beyond the positions (shipping, goodwill)
    std::int64_t refunded_before = 0;    // counted refunds of the capture: open, in progress, completed
    std::int64_t refundable_before = 0;
    std::int64_t refundable_after = 0;
    std::string reason;
    std::string state_id;
    std::string_view suggested_action;   // the transaction's next action, empty when none
};

}  // namespace op
