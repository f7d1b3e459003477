// The canonical order: what the engine understood from any platform's order. Every operation reads this, never
// the raw JSON, so the rules are written once. Amounts are minor units of `exponent` digits.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "../money/cash_rounding.hpp"
#include "../money/profile.hpp"
#include "../money/rate.hpp"

namespace op {

// Ids are echoed with the JSON type they came in: 1000 stays a number, "abc" stays a string.
struct Id {
    bool is_string = false;
    std::string text;  // string contents or integer digits
    bool present() const { return !text.empty() || is_string; }
};
inline bool same_id(const Id& a, const Id& b) { return a.is_string == b.is_string && a.text == b.text; }
// A key that keeps 1000 and "1000" apart.
inline std::string id_key(const Id& id) { return (id.is_string ? "s:" : "n:") + id.text; }

// What a line is, where a platform says so: goods, a custom amount, a container of child lines, a discount
// (promotion) or a credit. Platforms that do not say leave `item`.
enum class LineKind : std::uint8_t { item, custom, container, discount, credit, other };
std::string_view line_kind_name(LineKind k);

// One tax rate's part of a price: the tax, and the amount it was computed on (gross or net per the order).
struct TaxPart {
    Rate rate;  // a fraction: 19 % is {19, 2}
    std::int64_t tax = 0;
    std::int64_t base = 0;
};
// A tax rule: the rate, and the share of a price it applies to (1 for a plain rule; a promotion over goods at
// two rates carries two rules whose shares add up to 1). Shares are fractions with kShareScale digits.
struct TaxShare {
    Rate rate;
    std::int64_t share = 0;
};
constexpr int kShareScale = 9;
constexpr std::int64_t kWholeShare = 1'000'000'000;

// A discount line's record of what it took from which line: `target` names the line by its cart identifier.
struct DiscountPart {
    std::string target;
    std::int64_t quantity = 0;
    std::int64_t amount = 0;  // positive; in minor units scaled by 10^kShareScale (the platform keeps it unrounded)
};

// A unit-level record of a refund's line: which line, how many units, how much.
struct RefundPosition {
    Id id;
    Id line_id;
    std::int64_t quantity = 0;
    std::int64_t amount = 0;
};

enum class TxKind : std::uint8_t { sale, authorization, capture, refund, void_ };
enum class TxStatus : std::uint8_t { succeeded, pending, failed };
std::string_view tx_kind_name(TxKind k);
std::string_view tx_status_name(TxStatus s);

struct Line {
    Id id;
    Id product_id;
    std::string title;
    // Catalog facts the server echoes in refund results; empty when the order does not carry them.
    Id variant_id;
    std::string variant_title;
    std::string sku;
    std::string product_image;
    std::string product_url;
    bool digital = false;          // requires_shipping false or a gift card
    std::uint32_t source_index = 0;  // position in the input array, for paths

    // Units (SPEC 3 and seed 000 "Line Item Quantities Explained").
    std::int64_t quantity = 0;              // ever added
    std::int64_t current_quantity = 0;      // not removed
    std::int64_t fulfillable_quantity = 0;  // not yet fulfilled
    std::int64_t editable_quantity = 0;     // not fulfilled, not in fulfilment, not removed
    std::int64_t fulfilled_quantity = 0;    // current - fulfillable
    std::int64_t refunded_quantity = 0;     // all earlier refunds of the line
    std::int64_t refunded_in_place = 0;     // refunded units still counted in current_quantity (return/no_restock)
    std::int64_t refundable_quantity = 0;   // current - refunded_in_place

    // Line totals over current_quantity units, discounts already applied.
    std::int64_t amount_excl_tax = 0;
    std::int64_t total_tax = 0;
    std::int64_t amount_incl_tax = 0;
    std::int64_t discount = 0;  // excl-tax discount already inside the totals
    bool has_rate = false;
    Rate tax_rate;

    std::int64_t refunded_excl_tax = 0;  // from earlier refunds, as the server recorded them
    std::int64_t refunded_incl_tax = 0;

    std::vector<std::string_view> derived;  // names of facts the engine derived instead of reading

    // Where the platform gives them (otherwise left empty): the line's kind and unit price, its tax rules and
    // taxes, the cart identifier discounts refer to, a discount's parts, the containing line, the line's own
    // state and the units returned by earlier returns.
    LineKind kind = LineKind::item;
    std::int64_t unit_price = 0;
    std::vector<TaxShare> tax_rules;
    std::vector<TaxPart> taxes;
    std::string identifier;
    std::vector<DiscountPart> discount_parts;
    Id parent_id;
    std::string state;
    std::int64_t returned_quantity = 0;
};

struct Shipping {
    std::int64_t amount_excl_tax = 0;
    std::int64_t total_tax = 0;
    std::int64_t amount_incl_tax = 0;
    std::int64_t refunded_excl_tax = 0;
    std::int64_t refunded_incl_tax = 0;
    std::int64_t remaining_excl_tax() const { return amount_excl_tax - refunded_excl_tax; }
};

struct Transaction {
    Id id;
    Id parent_id;
    TxKind kind = TxKind::sale;
    TxStatus status = TxStatus::succeeded;
    std::int64_t amount = 0;
    std::uint32_t source_index = 0;
    std::string_view source_list;  // "transactions" or "refunds[i].transactions" (for paths)
    // As the order names them, for results that echo them: empty when absent.
    std::string kind_text;
    Id gateway_id;
    std::string gateway_name;
    std::string payment_method;

    // Derived: for sale/capture, what earlier refunds took back and what is left;
    // for an authorisation, what was captured against it and whether it was voided.
    std::int64_t refunded = 0;
    std::int64_t refundable = 0;
    std::int64_t captured = 0;
    bool voided = false;

    // Facts some servers record on the payment itself rather than as child transactions.
    std::int64_t refunded_in_place = 0;  // refunds the server accumulated on this payment (no refund children)
    std::string gateway;                 // the payment gateway's name, as the server gives it
    bool manual_capture = false;         // captured by hand outside the gateway: refunds cannot reach the gateway
    bool expired = false;                // an authorisation the gateway let expire: it can be voided, not captured
    bool voided_in_place = false;        // the server marked this authorisation cancelled itself (no void child)
    // Where the platform gives them: the platform's own state word, the refund's reason, and the positions
    // a refund lists per line.
    std::string state;
    std::string reason;
    std::vector<RefundPosition> positions;
    bool is_payment() const {
        return (kind == TxKind::sale || kind == TxKind::capture) && status == TxStatus::succeeded;
    }
};

struct Payments {
    std::int64_t authorized_uncaptured = 0;  // open authorisations: void or capture, not refund
    std::int64_t captured = 0;
    std::int64_t refunded = 0;
    std::int64_t paid() const { return captured - refunded; }
    std::int64_t refundable = 0;
};

struct Totals {
    std::int64_t lines_excl_tax = 0;
    std::int64_t lines_tax = 0;
    std::int64_t lines_incl_tax = 0;
    std::int64_t discounts = 0;
    std::int64_t total_excl_tax = 0;
    std::int64_t total_tax = 0;
    std::int64_t total_incl_tax = 0;
};

// A return of units the customer sends back (returns are records of their own on some platforms, apart from
// refunds): its lines, state and the amounts the server stored.
struct ReturnLine {
    Id id;
    Id line_id;
    std::int64_t quantity = 0;
    std::int64_t refund_amount = 0;
    std::string state;
};
struct OrderReturn {
    Id id;
    std::string number;
    std::string state;
    std::vector<ReturnLine> lines;
    std::int64_t amount_total = 0;
    std::int64_t shipping = 0;
    std::uint32_t source_index = 0;
};

// A shipment of the order (where a platform lists them): its state and shipping costs.
struct Delivery {
    Id id;
    std::string state;
    std::int64_t shipping_total = 0;
    std::vector<TaxPart> shipping_taxes;
    std::vector<TaxShare> shipping_rules;
    // Where the platform lists them: the lines the shipment carries (with their quantities) and how its shipping
    // method taxes the shipping costs ("auto", "highest", "fixed"; empty when not given).
    bool has_positions = false;
    std::vector<std::pair<Id, std::int64_t>> positions;
    std::string tax_type;
};

struct Order {
    std::uint8_t platform_tag = 0;  // the reading platform's fingerprint tag
    Id id;
    std::string number;
    std::string currency;
    int exponent = 2;
    bool tax_inclusive = false;

    std::string status;
    std::string payment_status;      // 29next payment_status, v1 financial_status
    std::string fulfillment_status;
    std::string shipping_method;  // as the order names them, for results that echo them
    std::string shipping_code;

    std::vector<Line> lines;
    Shipping shipping;
    std::vector<Transaction> transactions;  // top-level and those nested in refunds, each once
    Payments payments;
    Totals totals;
    // Refunds whose units or shipping are still counted in the totals (29next return/no_restock lines and
    // shipping; v1 every refund): an edit's balance subtracts them from the total the customer owes.
    std::int64_t refunded_in_place_amount = 0;
    bool totals_keep_refunds = false;  // the platform's totals never drop when money is refunded (v1)
    bool has_order_level_offers = false;
    // A discount on the whole order that no line carries (a promotion applied after tax as its own line):
    // the order's totals are the lines and shipping less this amount (incl. tax).
    std::int64_t order_discount_incl_tax = 0;
    bool refunds_prorate_gross = false;  // partial refunds prorate the gross line amount (tax derived by subtraction)
    bool anonymized = false;             // the server replaced the personal data; order details no longer change
    std::uint64_t fingerprint = 0;

    // Where the platform stores them with the order: the rounding of items and of the total, whether the
    // order is tax-free, whether taxes were summed per rate (vertical) instead of per line, the currency's
    // factor against the shop's default currency (and whether it is that currency), child lines of
    // containers, deliveries and returns.
    bool states_rounding = false;  // the order stated the two roundings below (inspectOrder shows them)
    CashRounding item_rounding;
    CashRounding total_rounding;
    bool tax_free = false;
    bool vertical_tax = false;
    std::string tax_calculation_source;
    bool default_currency = true;
    Rate currency_factor{1, 0};
    bool has_currency_factor = false;
    std::vector<Line> child_lines;
    std::vector<Delivery> deliveries;
    std::vector<OrderReturn> returns;
    bool returns_listed = false;  // the order carries its returns (an empty list: none), not merely none loaded
    std::int64_t raw_total = 0;

    // id (typed) -> position in lines, so lookups stay O(1) on 10,000-line orders.
    std::unordered_map<std::string, std::uint32_t> line_index;
    std::unordered_map<std::string, std::uint32_t> transaction_index;

    void index_lines();
    const Line* find_line(const Id& id) const;
    Line* find_line(const Id& id) { return const_cast<Line*>(static_cast<const Order*>(this)->find_line(id)); }
    const Transaction* find_transaction(const Id& id) const;
};

// Sums lines and shipping into totals; shared by readers and by edit previews.
Totals compute_totals(const std::vector<Line>& lines, const Shipping& shipping);
// Lowers the totals by an order-level discount that no line carries (Order::order_discount_incl_tax).
void apply_order_discount(Totals& totals, std::int64_t discount_incl_tax);

// A stable hash of every fact above that a computation may use; identical in native and wasm builds.
std::uint64_t fingerprint(const Order& order);
std::string fingerprint_text(std::uint64_t fp);

}  // namespace op
