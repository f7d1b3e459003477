// Reading an Elastic Path order: GET /v2/orders/{id}?include=items (contract getAnOrder, OrderResponse and
// OrderItemResponse) with the transactions of GET /v2/orders/{id}/transactions (getOrderTransactions) as the
// sibling member `transactions`. Amounts are integer minor units; line totals come from each item's
// meta.display_price and are never recomputed. Every rule is in docs/rules.md "Elastic Path".
#include <algorithm>

#include "../../money/currency.hpp"
#include "../../order/fields.hpp"
#include "../../order/reader.hpp"
#include "platform.hpp"

namespace op::elasticpath {

using namespace op::detail;

Read read_minor(json::Value parent, std::string_view key, Diagnostics& d, std::int64_t& out) {
    const json::Value v = parent.get(key);
    if (!v || v.is_null()) return Read::absent;
    if (v.kind() == json::Kind::number) {
        d.error_at(key, Code::INVALID_AMOUNT,
                   {"'", key, "' is ", Part::excerpt(v.text(), 40),
                    ": Elastic Path amounts are whole numbers of minor units (cents)."});
        return Read::bad;
    }
    if (!v.is_integer()) {
        d.error_at(key, Code::WRONG_TYPE,
                   {"'", key, "' must be a whole number of minor units, not ", v.type_name(), "."});
        return Read::bad;
    }
    if (!v.as_int64(out) || out > kMaxMinorUnits || out < -kMaxMinorUnits) {
        d.error_at(key, Code::AMOUNT_OUT_OF_RANGE,
                   {"'", key, "' is ", Part::excerpt(v.text(), 40), ", beyond 10^15 minor units."});
        return Read::bad;
    }
    return Read::ok;
}

bool claims_order(json::Value root) {
    const json::Value data = root.get("data");
    return data.is_object() && data.get("type").is_string() && data.get("type").text() == "order";
}

namespace {

// `parent.key.amount` ({amount, currency, formatted}); `formatted` is display text and never read.
Read read_price(json::Value parent, std::string_view key, Diagnostics& d, std::int64_t& out) {
    const json::Value v = parent.get(key);
    if (!v || v.is_null()) return Read::absent;
    auto at = d.at(key);
    if (!expect_object(v, d)) return Read::bad;
    return read_minor(v, "amount", d, out);
}

// An item's meta.display_price.<key>.value.amount.
Read read_item_value(json::Value display, std::string_view key, Diagnostics& d, std::int64_t& out) {
    const json::Value v = display.get(key);
    if (!v || v.is_null()) return Read::absent;
    auto at = d.at(key);
    if (!expect_object(v, d)) return Read::bad;
    return read_price(v, "value", d, out);
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

enum class ItemKind : std::uint8_t { merchandise, promotion, shipping };

struct Item {
    ItemKind kind = ItemKind::merchandise;
    std::int64_t with_tax = 0, without_tax = 0, tax = 0;
    bool includes_tax = false;
    bool has_includes_tax = false;
};

ItemKind classify(json::Value v, std::int64_t unit_amount) {
    const json::Value type = v.get("type");
    if (type.is_string() && type.text() == "promotion_item") return ItemKind::promotion;
    if (v.get("promotion_source").is_string()) return ItemKind::promotion;
    if (unit_amount < 0) return ItemKind::promotion;
    const json::Value sku = v.get("sku");
    if (sku.is_string() && starts_with(sku.text(), kShippingSkuPrefix)) return ItemKind::shipping;
    return ItemKind::merchandise;
}

bool read_item(json::Value v, const Order& order, Diagnostics& d, Line& line, Item& item) {
    const std::size_t before = d.error_count();
    if (!expect_object(v, d)) return false;
    require(read_id(v, "id", d, line.id), "id", d);
    if (const json::Value product = v.get("product_id"); product.is_string() && !product.text().empty())
        line.product_id = Id{true, std::string(product.text())};
    read_text(v, "name", d, line.title);
    require(read_count(v, "quantity", d, line.quantity), "quantity", d);
    std::int64_t unit_amount = 0;
    if (const json::Value unit = v.get("unit_price"); unit.is_object()) {
        auto at = d.at("unit_price");
        read_minor(unit, "amount", d, unit_amount);
        if (read_bool(unit, "includes_tax", d, item.includes_tax) == Read::ok) item.has_includes_tax = true;
        std::string currency;
        if (read_text(unit, "currency", d, currency, 16) == Read::ok && !currency.empty() && currency != order.currency)
            d.error_at("currency", Code::CURRENCY_MISMATCH,
                       {"The item is priced in ", currency, " but the order is in ", order.currency, "."});
    }
    item.kind = classify(v, unit_amount);

    const json::Value meta = v.get("meta");
    const json::Value display = meta.is_object() ? meta.get("display_price") : json::Value();
    if (!display.is_object()) {
        d.error_at("meta", Code::MISSING_FIELD, "An item needs meta.display_price (its totals after discounts).");
        return false;
    }
    auto at_meta = d.at("meta");
    auto at_display = d.at("display_price");
    const Read with = read_item_value(display, "with_tax", d, item.with_tax);
    const Read without = read_item_value(display, "without_tax", d, item.without_tax);
    const Read tax = read_item_value(display, "tax", d, item.tax);
    if (with == Read::absent) d.error_at("with_tax", Code::MISSING_FIELD, "'with_tax.value.amount' (the item's total) is required.");
    if (d.error_count() != before) return false;
    if (without == Read::absent && tax == Read::absent) {
        d.error_at("tax", Code::MISSING_FIELD, "The item needs 'tax' or 'without_tax' to split its total into net and tax.");
        return false;
    }
    if (tax == Read::absent) {
        item.tax = item.with_tax - item.without_tax;
        line.derived.push_back("total_tax");
    } else if (without == Read::absent) {
        item.without_tax = item.with_tax - item.tax;
        line.derived.push_back("amount_excl_tax");
    } else if (item.with_tax != item.without_tax + item.tax) {
        d.error_at("with_tax", Code::INCONSISTENT_TOTALS,
                   {"with_tax ", item.with_tax, " is not without_tax ", item.without_tax, " + tax ", item.tax, "."});
        return false;
    }
    if (item.kind == ItemKind::promotion) return true;
    if (item.with_tax < 0 || item.without_tax < 0 || item.tax < 0) {
        d.error_at("with_tax", Code::INCONSISTENT_TOTALS, "A product or shipping item's totals must not be negative.");
        return false;
    }
    std::int64_t discount = 0;
    if (read_item_value(display, "discount", d, discount) == Read::ok) line.discount = -discount;
    if (d.error_count() != before) return false;
    line.amount_incl_tax = item.with_tax;
    line.amount_excl_tax = item.without_tax;
    line.total_tax = item.tax;
    // Elastic Path keeps no unit counts besides quantity: nothing is removed, and shipping is order-level.
    line.current_quantity = line.quantity;
    const bool fulfilled = order.fulfillment_status == "fulfilled";
    line.fulfillable_quantity = fulfilled ? 0 : line.quantity;
    line.editable_quantity = 0;  // items never change after checkout
    for (auto name : {"current_quantity", "fulfillable_quantity", "editable_quantity", "refunded_quantity"})
        line.derived.push_back(name);
    finish_line_quantities(line, d);
    return d.error_count() == before;
}

bool read_currency_of(json::Value data, json::Value items, const ReadOptions& options, Diagnostics& d, Order& out) {
    const json::Value meta = data.get("meta");
    const json::Value display = meta.is_object() ? meta.get("display_price") : json::Value();
    const json::Value with_tax = display.is_object() ? display.get("with_tax") : json::Value();
    json::Value currency = with_tax.is_object() ? with_tax.get("currency") : json::Value();
    if (!currency.is_string() || currency.text().empty()) {
        currency = {};
        if (items.is_array())
            for (auto it = items.begin(); it != items.end() && !currency; ++it)
                if (const json::Value unit = (*it).get("unit_price"); unit.is_object() && unit.get("currency").is_string())
                    currency = unit.get("currency");
    }
    if (!currency.is_string() || currency.text().empty() || currency.text().size() > 16) {
        d.error_at("data", Code::MISSING_FIELD, "The order's currency (data.meta.display_price.with_tax.currency) is required.");
        return false;
    }
    out.currency = std::string(currency.text());
    if (currency_exponent(options, out)) return true;
    d.error_at("data", Code::UNKNOWN_CURRENCY,
               {"'", out.currency,
                "' is not an active ISO 4217 currency; add it to "
                "options.profile.currency_exponents if the store uses it."});
    return false;
}

// Every item the order's relationships name must be included (shipping groups are not items).
void check_relationships(json::Value data, json::Value items, Diagnostics& d) {
    const json::Value rel = data.get("relationships");
    const json::Value rel_items = rel.is_object() ? rel.get("items") : json::Value();
    const json::Value list = rel_items.is_object() ? rel_items.get("data") : json::Value();
    if (!list.is_array()) return;
    auto a = d.at("data");
    auto b = d.at("relationships");
    auto c = d.at("items");
    auto e = d.at("data");
    std::size_t i = 0;
    for (auto it = list.begin(); it != list.end(); ++it, ++i) {
        const json::Value ref = *it;
        if (!ref.is_object() || !ref.get("id").is_string()) continue;
        const json::Value type = ref.get("type");
        if (type.is_string() && type.text() != "item" && type.text() != "promotion_item") continue;
        bool found = false;
        if (items.is_array())
            for (auto jt = items.begin(); jt != items.end() && !found; ++jt)
                found = (*jt).is_object() && (*jt).get("id").is_string() && (*jt).get("id").text() == ref.get("id").text();
        if (!found) {
            auto at = d.at(i);
            d.error_at("id", Code::LINE_ITEM_NOT_FOUND,
                       {"The order names item ", Part::excerpt(ref.get("id").text(), 80),
                        " but included.items does not carry it (request ?include=items)."});
        }
    }
}

bool parse_status(std::string_view s, TxStatus& status, bool& cancelled) {
    cancelled = false;
    if (s == "complete") status = TxStatus::succeeded;
    else if (s == "pending") status = TxStatus::pending;
    else if (s == "failed") status = TxStatus::failed;
    else if (s == "cancelled") { status = TxStatus::succeeded; cancelled = true; }
    else return false;
    return true;
}

// Elastic Path keeps one record per payment and changes its transaction_type as it moves on.
bool parse_type(std::string_view s, TxKind& kind, bool& setup) {
    setup = false;
    if (s == "purchase" || s == "refund") kind = TxKind::sale;
    else if (s == "capture") kind = TxKind::capture;
    else if (s == "authorize") kind = TxKind::authorization;
    else if (s == "purchase-setup" || s == "purchase_setup") { kind = TxKind::sale; setup = true; }
    else if (s == "authorize-setup" || s == "authorize_setup") { kind = TxKind::authorization; setup = true; }
    else return false;
    return true;
}

void read_transaction(json::Value v, std::size_t i, Order& order, Diagnostics& d, bool& any_refunded) {
    Transaction tx;
    tx.source_index = static_cast<std::uint32_t>(i);
    tx.source_list = "transactions.data";
    if (!require(read_id(v, "id", d, tx.id), "id", d)) return;
    std::string type, hyphen;
    const Read a = read_text(v, "transaction_type", d, type, 64);
    const Read b = read_text(v, "transaction-type", d, hyphen, 64);
    if (a == Read::bad || b == Read::bad) return;
    if (a == Read::ok && b == Read::ok && type != hyphen) {
        d.error_at("transaction-type", Code::INVALID_VALUE,
                   {"transaction_type '", type, "' and transaction-type '", hyphen,
                    "' disagree; the two spellings are one field."});
        return;
    }
    if (a != Read::ok) type = hyphen;
    const std::string_view type_key = a == Read::ok ? "transaction_type" : "transaction-type";
    if (a != Read::ok && b != Read::ok) {
        d.error_at("transaction_type", Code::MISSING_FIELD, "'transaction_type' is required.");
        return;
    }
    bool setup = false;
    if (!parse_type(type, tx.kind, setup)) {
        d.error_at(type_key, Code::INVALID_VALUE,
                   {"Unknown transaction type '", type,
                    "'; expected purchase, authorize, capture, "
                    "refund or a -setup type."});
        return;
    }
    std::string status;
    if (!require(read_text(v, "status", d, status, 64), "status", d)) return;
    bool cancelled = false;
    if (!parse_status(status, tx.status, cancelled)) {
        d.error_at("status", Code::INVALID_VALUE,
                   {"Unknown transaction status '", status, "'; expected complete, pending, failed or cancelled."});
        return;
    }
    if (setup && tx.status == TxStatus::succeeded) tx.status = TxStatus::pending;  // a setup moves no money
    if (cancelled) {
        if (tx.kind == TxKind::authorization) tx.voided = tx.voided_in_place = true;
        else tx.status = TxStatus::failed;  // a cancelled payment took nothing
    }
    if (!require(read_minor(v, "amount", d, tx.amount), "amount", d)) return;
    if (tx.amount < 0) {
        d.error_at("amount", Code::INVALID_AMOUNT, "A transaction amount must not be negative.");
        return;
    }
    if (read_minor(v, "refunded_amount", d, tx.refunded_in_place) == Read::bad) return;
    if (tx.refunded_in_place < 0 || tx.refunded_in_place > tx.amount) {
        d.error_at("refunded_amount", Code::INCONSISTENT_TOTALS, "refunded_amount must be between 0 and the transaction's amount.");
        return;
    }
    if (tx.kind == TxKind::authorization && tx.refunded_in_place > 0) {
        d.error_at("refunded_amount", Code::INCONSISTENT_TOTALS, "An authorisation cannot have been refunded.");
        return;
    }
    any_refunded = any_refunded || tx.refunded_in_place > 0;
    std::string currency;
    if (read_text(v, "currency", d, currency, 16) == Read::ok && !currency.empty() && currency != order.currency) {
        d.error_at("currency", Code::CURRENCY_MISMATCH,
                   {"The transaction is in ", currency, " but the order is in ", order.currency, "."});
        return;
    }
    read_text(v, "gateway", d, tx.gateway, 64);
    std::string mechanism;
    if (read_text(v, "capture_mechanism", d, mechanism, 64) == Read::ok) tx.manual_capture = mechanism == "manual";
    if (const json::Value details = v.get("payment_details"); details.is_object()) {
        const json::Value s = details.get("detailed_status");
        tx.expired = tx.kind == TxKind::authorization && s.is_string() && s.text() == "expired_uncaptured_charge";
    }
    if (tx.expired && !tx.voided && tx.status == TxStatus::succeeded)
        d.warning_at("payment_details", Code::AUTHORIZATION_EXPIRED,
                     {"Authorisation ", tx.id.text,
                      " has expired: it can no longer be captured; cancel it "
                      "(POST /v2/orders/{id}/transactions/{id}/cancel) and take a new payment."});
    if (order.find_transaction(tx.id)) {
        d.error_at("id", Code::DUPLICATE_ID, {"Transaction id ", tx.id.text, " is listed twice."});
        return;
    }
    order.transaction_index.emplace(id_key(tx.id), static_cast<std::uint32_t>(order.transactions.size()));
    order.transactions.push_back(std::move(tx));
}

void read_transactions(json::Value root, Order& order, Diagnostics& d) {
    const json::Value txs = root.get("transactions");
    if (!txs || txs.is_null()) {
        d.warning_at("transactions", Code::MISSING_FIELD,
                     "No transactions were given (GET /v2/orders/{id}/transactions as the member 'transactions'): "
                     "nothing counts as paid and refunds cannot be allocated.");
        return;
    }
    auto at = d.at("transactions");
    if (!expect_object(txs, d)) return;
    json::Value list;
    if (!read_array(txs, "data", d, list)) return;
    if (!list) {
        d.error_at("data", Code::MISSING_FIELD, "'transactions.data' is required.");
        return;
    }
    auto at_data = d.at("data");
    bool any_refunded = false;
    for_each_object(list, d, [&](json::Value v, std::size_t i) { read_transaction(v, i, order, d, any_refunded); });
    if (any_refunded)
        d.warning(Code::REFUNDED_ITEMS_UNKNOWN,
                  "Earlier refunds are amounts on transactions: Elastic Path does not record which items they returned, "
                  "so item refunds are capped only by what the transactions have left.");
}

// Line method: the order total is the product and shipping lines (promotion lines only inform). Simple
// method: promotion lines are real negative lines applied after tax. Neither: warn and use the lines.
void settle_promotions(json::Value data, std::int64_t lines_and_shipping, std::int64_t promotions, Order& out, Diagnostics& d) {
    const json::Value meta = data.get("meta");
    const json::Value display = meta.is_object() ? meta.get("display_price") : json::Value();
    auto a = d.at("data");
    auto b = d.at("meta");
    auto c = d.at("display_price");
    std::int64_t total = 0;
    const Read r = read_price(display, "with_tax", d, total);
    if (r == Read::absent) d.error_at("with_tax", Code::MISSING_FIELD, "data.meta.display_price.with_tax (the order total) is required.");
    if (r != Read::ok) return;
    if (total == lines_and_shipping) return;
    if (promotions != 0 && total == lines_and_shipping + promotions) {
        out.order_discount_incl_tax = -promotions;
        d.warning_at("with_tax", Code::INCONSISTENT_TOTALS,
                     "The order total includes its promotion lines (the simple calculation method): a refund of items "
                     "refunds their full amounts, not less their share of the promotion.");
        return;
    }
    d.warning_at("with_tax", Code::INCONSISTENT_TOTALS,
                 {"The order says ", Part::amount(total, out.exponent), " but its items and shipping add up to ",
                  Part::amount(lines_and_shipping, out.exponent), "; the engine uses the items."});
}

void read_order_facts(json::Value data, Order& out, Diagnostics& d) {
    auto at = d.at("data");
    read_id(data, "id", d, out.id);
    read_text(data, "order_number", d, out.number, 4096);
    read_text(data, "status", d, out.status, 100);
    read_text(data, "payment", d, out.payment_status, 100);
    read_text(data, "shipping", d, out.fulfillment_status, 100);
    read_bool(data, "anonymized", d, out.anonymized);
}

// Order-level shipping (shipping groups): the amount includes its tax, which the order does not split.
void read_order_shipping(json::Value data, Order& out, Diagnostics& d) {
    const json::Value meta = data.get("meta");
    const json::Value display = meta.is_object() ? meta.get("display_price") : json::Value();
    if (!display.is_object()) return;
    auto a = d.at("data");
    auto b = d.at("meta");
    auto c = d.at("display_price");
    std::int64_t shipping = 0;
    if (read_price(display, "shipping", d, shipping) != Read::ok || shipping == 0) return;
    if (shipping < 0) {
        d.error_at("shipping", Code::INCONSISTENT_TOTALS, "The order's shipping must not be negative.");
        return;
    }
    out.shipping.amount_incl_tax += shipping;
    out.shipping.amount_excl_tax += shipping;
}

// meta.display_price.paid / authorized / balance_owing as the server states them, against the transactions:
// paid = complete purchases and captures, authorized = complete open authorisations, balance_owing =
// with_tax - authorized - paid. A disagreement is a warning; the engine uses the transactions.
void check_payment_totals(json::Value data, const Order& out, Diagnostics& d) {
    const json::Value meta = data.get("meta");
    const json::Value display = meta.is_object() ? meta.get("display_price") : json::Value();
    if (!display.is_object()) return;
    std::int64_t paid = 0, authorized = 0;
    for (const auto& tx : out.transactions) {
        if (tx.is_payment()) paid += tx.amount;
        if (tx.kind == TxKind::authorization && tx.status == TxStatus::succeeded && !tx.voided) authorized += tx.amount - tx.captured;
    }
    std::int64_t total = 0;
    if (read_minor(display.get("with_tax"), "amount", d, total) != Read::ok) return;
    const std::int64_t owing = total - authorized - paid;
    auto a = d.at("data");
    auto b = d.at("meta");
    auto c = d.at("display_price");
    struct Stated { std::string_view key; std::int64_t derived; };
    for (const Stated s : {Stated{"paid", paid}, Stated{"authorized", authorized}, Stated{"balance_owing", owing}}) {
        std::int64_t stated = 0;
        if (read_price(display, s.key, d, stated) != Read::ok || stated == s.derived) continue;
        d.warning_at(s.key, Code::INCONSISTENT_TOTALS,
                     {s.key, " is ", Part::amount(stated, out.exponent), " but the transactions give ",
                      Part::amount(s.derived, out.exponent), "; the engine uses the transactions."});
    }
}

}  // namespace

bool read_order(json::Value root, const ReadOptions& options, Diagnostics& d, Order& out) {
    const json::Value data = root.get("data");
    if (!data.is_object()) {
        if (!data) d.error_at("data", Code::MISSING_FIELD, "'data' (the order) is required.");
        else d.error_at("data", Code::WRONG_TYPE, "'data' must be an object.");
        return false;
    }
    out.refunds_prorate_gross = true;
    std::string_view included_at = "included";
    json::Value included = root.get("included");
    if (!included && data.get("included")) {  // some published examples nest it inside data
        included = data.get("included");
        included_at = "data.included";
    }
    if (!included || included.is_null()) {
        d.error_at("included", Code::MISSING_FIELD, "'included.items' is required: read the order with ?include=items.");
        return false;
    }
    json::Value items;
    {
        auto at = d.at(included_at);
        if (!expect_object(included, d)) return false;
        if (!read_lines_array(included, "items", options, d, items)) return false;
    }
    if (!read_currency_of(data, items, options, d, out)) return false;
    read_order_facts(data, out, d);
    check_relationships(data, items, d);

    // Sums of up to max_lines items of up to 10^15 each: kept in 128 bits until they are known to be in range.
    i128 promotions = 0, ship_incl = 0, ship_excl = 0, ship_tax = 0;
    std::size_t inclusive = 0, exclusive = 0;
    const std::size_t errors_before_items = d.error_count();
    {
        auto at = d.at(included_at);
        auto at_items = d.at("items");
        std::size_t i = 0;
        for (auto it = items.begin(); it != items.end(); ++it, ++i) {
            auto at_item = d.at(i);
            Line line;
            Item item;
            line.source_index = static_cast<std::uint32_t>(i);
            if (!read_item(*it, out, d, line, item)) continue;
            if (item.kind == ItemKind::promotion) {
                promotions += item.with_tax;
                continue;
            }
            if (item.kind == ItemKind::shipping) {
                ship_incl += item.with_tax;
                ship_excl += item.without_tax;
                ship_tax += item.tax;
                continue;
            }
            if (item.has_includes_tax) (item.includes_tax ? inclusive : exclusive) += 1;
            out.lines.push_back(std::move(line));
        }
    }
    for (const i128 v : {promotions, ship_incl, ship_excl, ship_tax})
        if (v > kMaxMinorUnits || v < -kMaxMinorUnits) {
            d.error_at(included_at, Code::AMOUNT_OUT_OF_RANGE, "The items' promotions or shipping add up to more than 10^15 minor units.");
            return false;
        }
    out.shipping.amount_incl_tax = static_cast<std::int64_t>(ship_incl);
    out.shipping.amount_excl_tax = static_cast<std::int64_t>(ship_excl);
    out.shipping.total_tax = static_cast<std::int64_t>(ship_tax);
    check_unique_line_ids(out, "included.items", d);
    if (options.tax_inclusive) out.tax_inclusive = *options.tax_inclusive;
    else out.tax_inclusive = inclusive > 0 && exclusive == 0;
    if (inclusive > 0 && exclusive > 0 && !options.tax_inclusive)
        d.warning_at("included", Code::INVALID_VALUE, "Some items' prices include tax and others do not; the order is read as tax-exclusive "
                                                      "(refunds use each item's own totals either way).");
    read_order_shipping(data, out, d);
    read_transactions(root, out, d);
    if (!sums_in_range(out, d)) return false;
    std::int64_t lines_and_shipping = out.shipping.amount_incl_tax;  // in range: sums_in_range checked it
    for (const auto& l : out.lines) lines_and_shipping += l.amount_incl_tax;
    // An item that could not be read is already an error; the totals would only repeat it.
    if (d.error_count() == errors_before_items)
        settle_promotions(data, lines_and_shipping, static_cast<std::int64_t>(promotions), out, d);
    check_payment_totals(data, out, d);
    return true;
}

}  // namespace op::elasticpath
