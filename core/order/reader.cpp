#include "reader.hpp"

#include "../money/currency.hpp"
#include "../money/money.hpp"
#include "fields.hpp"

namespace op {

bool read_order(json::Value root, const ReadOptions& options, PlatformOrderReader reader, std::uint8_t platform_tag,
                Diagnostics& d, Order& out) {
    out = Order{};
    out.platform_tag = platform_tag;
    if (!root || root.is_null()) {
        d.error(Code::ORDER_NOT_FOUND, "No order was given.");
        return false;
    }
    if (!expect_object(root, d)) return false;
    const std::size_t errors_before = d.error_count();
    if (!reader(root, options, d, out)) return false;
    detail::derive_payments(out, d);
    if (out.totals_keep_refunds) out.refunded_in_place_amount = out.payments.refunded;
    out.totals = compute_totals(out.lines, out.shipping);
    apply_order_discount(out.totals, out.order_discount_incl_tax);
    out.fingerprint = fingerprint(out);
    return d.error_count() == errors_before;
}

namespace detail {

bool currency_exponent(const ReadOptions& options, Order& out) {
    if (auto e = options.profile.exponent_override(out.currency)) {
        out.exponent = *e;
        return true;
    }
    if (auto c = find_currency(out.currency)) {
        out.exponent = c->exponent;
        return true;
    }
    return false;
}

bool read_currency(json::Value root, const ReadOptions& options, Diagnostics& d, Order& out) {
    if (!require(read_text(root, "currency", d, out.currency, 16), "currency", d)) return false;
    if (currency_exponent(options, out)) return true;
    d.error_at("currency", Code::UNKNOWN_CURRENCY,
               {"'", out.currency,
                "' is not an active ISO 4217 currency; add it to options.profile.currency_exponents "
                "if your payment provider uses it."});
    return false;
}

bool read_lines_array(json::Value root, std::string_view key, const ReadOptions& options, Diagnostics& d,
                      json::Value& out) {
    if (!read_array(root, key, d, out)) return false;
    if (!out) {
        d.error_at(key, Code::MISSING_FIELD, {"'", key, "' is required."});
        return false;
    }
    if (out.size() > options.max_lines) {
        d.error_at(key, Code::LIMIT_EXCEEDED,
                   {"The order has ", out.size(), " lines; the limit is ", options.max_lines, "."});
        return false;
    }
    return true;
}

bool parse_tx_kind(std::string_view s, TxKind& out) {
    struct Alias { std::string_view name; TxKind kind; };
    static constexpr Alias aliases[] = {
        {"sale", TxKind::sale},          {"payment", TxKind::sale},     {"capture", TxKind::capture},
        {"authorization", TxKind::authorization}, {"authorisation", TxKind::authorization},
        {"auth", TxKind::authorization}, {"authorize", TxKind::authorization}, {"refund", TxKind::refund},
        {"credit", TxKind::refund},      {"void", TxKind::void_},
    };
    for (const auto& a : aliases)
        if (a.name == s) {
            out = a.kind;
            return true;
        }
    return false;
}

bool parse_tx_status(std::string_view s, TxStatus& out) {
    struct Alias { std::string_view name; TxStatus status; };
    static constexpr Alias aliases[] = {
        {"succeeded", TxStatus::succeeded}, {"success", TxStatus::succeeded}, {"successful", TxStatus::succeeded},
        {"completed", TxStatus::succeeded}, {"pending", TxStatus::pending},   {"processing", TxStatus::pending},
        {"failed", TxStatus::failed},       {"failure", TxStatus::failed},    {"error", TxStatus::failed},
        {"declined", TxStatus::failed},
    };
    for (const auto& a : aliases)
        if (a.name == s) {
            out = a.status;
            return true;
        }
    return false;
}

// The gateway a payment went through: a name ("gateway": "stripe"), or payment_details.gateway {id, name} and
// payment_method. Only echoed in results; a missing one stays empty.
void read_gateway(json::Value v, Diagnostics& d, Transaction& tx) {
    if (const json::Value g = v.get("gateway"); g.is_string()) tx.gateway_name = std::string(g.text());
    if (const json::Value details = v.get("payment_details"); details.is_object()) {
        auto at = d.at("payment_details");
        if (const json::Value g = details.get("gateway"); g.is_object()) {
            auto at_g = d.at("gateway");
            read_id(g, "id", d, tx.gateway_id);
            read_text(g, "name", d, tx.gateway_name, 255);
        }
    }
    if (const json::Value m = v.get("payment_method"); m.is_string()) tx.payment_method = std::string(m.text());
}

void read_transaction_list(json::Value list, std::string_view list_name, Order& order, Diagnostics& d) {
    for_each_object(list, d, [&](json::Value v, std::size_t i) {
        Transaction tx;
        tx.source_index = static_cast<std::uint32_t>(i);
        tx.source_list = list_name;
        if (!require(read_id(v, "id", d, tx.id), "id", d)) return;
        read_id(v, "parent_id", d, tx.parent_id);
        // 29next names the kind "type"; v1 (and Shopify-like APIs) name it "kind".
        std::string kind_text;
        const std::string_view kind_key = v.get("kind") ? "kind" : "type";
        if (!require(read_text(v, kind_key, d, kind_text, 64), "type", d)) return;
        if (!parse_tx_kind(kind_text, tx.kind)) {
            d.error_at(kind_key, Code::INVALID_VALUE,
                       {"Unknown transaction ", kind_key, " '", kind_text,
                        "'; expected sale, authorization, capture, refund or void."});
            return;
        }
        tx.kind_text = std::move(kind_text);
        read_gateway(v, d, tx);
        std::string status_text;
        if (!require(read_text(v, "status", d, status_text, 64), "status", d)) return;
        if (!parse_tx_status(status_text, tx.status)) {
            d.error_at("status", Code::INVALID_VALUE,
                       {"Unknown transaction status '", status_text, "'; expected succeeded, pending or failed."});
            return;
        }
        if (!require(read_amount(v, "amount", order.exponent, d, tx.amount), "amount", d)) return;
        if (tx.amount < 0) {
            d.error_at("amount", Code::INVALID_AMOUNT, "A transaction amount must not be negative.");
            return;
        }
        std::string currency;
        if (read_text(v, "currency", d, currency, 16) == Read::ok && !currency.empty() && currency != order.currency)
            d.error_at("currency", Code::CURRENCY_MISMATCH,
                       {"The transaction is in ", currency, " but the order is in ", order.currency, "."});
        // The same refund transaction may be listed at the top level and inside its refund: keep it once.
        if (const Transaction* seen = order.find_transaction(tx.id)) {
            if (seen->amount != tx.amount || seen->kind != tx.kind)
                d.error_at("id", Code::DUPLICATE_ID,
                           {"Transaction id ", tx.id.text, " is listed twice with different facts."});
            return;
        }
        order.transaction_index.emplace(id_key(tx.id), static_cast<std::uint32_t>(order.transactions.size()));
        order.transactions.push_back(std::move(tx));
    });
}

// Every later sum (totals, payments, balances) stays in int64 only if the parts add up within the money range;
// an order that does not is refused here, once (found by fuzzing: 16,384 amounts of 10^15 minor units).
bool sums_in_range(const Order& order, Diagnostics& d) {
    i128 lines = 0, transactions = 0;
    for (const auto& l : order.lines) lines += static_cast<i128>(l.amount_incl_tax) + l.amount_excl_tax + l.discount;
    for (const auto& t : order.transactions) transactions += t.amount;
    const i128 shipping = static_cast<i128>(order.shipping.amount_incl_tax) + order.shipping.amount_excl_tax;
    if (lines + shipping <= kMaxMinorUnits && transactions <= kMaxMinorUnits) return true;
    d.error(Code::AMOUNT_OUT_OF_RANGE, "The order's lines, shipping or transactions add up to more than 10^15 minor units.");
    return false;
}

void derive_payments(Order& order, Diagnostics& d) {
    auto& txs = order.transactions;
    for (auto& tx : txs) tx.refunded = tx.refunded_in_place;
    for (auto& tx : txs) {
        if (tx.status != TxStatus::succeeded || !tx.parent_id.present()) continue;
        const auto at = order.transaction_index.find(id_key(tx.parent_id));
        Transaction* parent = at == order.transaction_index.end() ? nullptr : &txs[at->second];
        if (!parent) {
            if (tx.kind == TxKind::refund || tx.kind == TxKind::capture || tx.kind == TxKind::void_)
                d.warning(Code::TRANSACTION_NOT_FOUND, {"Transaction ", tx.id.text, " names parent ", tx.parent_id.text,
                                                        ", which the order does not list."});
            continue;
        }
        if (tx.kind == TxKind::refund) parent->refunded += tx.amount;
        if (tx.kind == TxKind::capture) parent->captured += tx.amount;
        if (tx.kind == TxKind::void_) parent->voided = true;
    }
    Payments p;
    for (auto& tx : txs) {
        if (tx.is_payment()) {
            tx.refundable = tx.amount > tx.refunded ? tx.amount - tx.refunded : 0;
            p.captured += tx.amount;
            p.refunded += tx.refunded_in_place;
            p.refundable += tx.refundable;
        } else if (tx.kind == TxKind::refund && tx.status == TxStatus::succeeded) {
            p.refunded += tx.amount;
        } else if (tx.kind == TxKind::authorization && tx.status == TxStatus::succeeded && !tx.voided &&
                   tx.captured < tx.amount) {
            p.authorized_uncaptured += tx.amount - tx.captured;
        }
    }
    order.payments = p;
}

// Also builds the id index every later lookup uses; the first line with an id keeps it.
void check_unique_line_ids(Order& order, std::string_view list_key, Diagnostics& d) {
    order.line_index.clear();
    order.line_index.reserve(order.lines.size());
    for (std::uint32_t i = 0; i < order.lines.size(); ++i) {
        if (order.line_index.emplace(id_key(order.lines[i].id), i).second) continue;
        auto a = d.at(list_key);
        auto b = d.at(order.lines[i].source_index);
        d.error_at("id", Code::DUPLICATE_ID, {"Line id ", order.lines[i].id.text, " is used by another line too."});
    }
}

void check_total(Diagnostics& d, std::string_view key, json::Value root, int exponent, std::int64_t computed) {
    std::int64_t given = 0;
    if (read_amount(root, key, exponent, d, given) != Read::ok || given == computed) return;
    d.warning_at(key, Code::INCONSISTENT_TOTALS,
                 {"The order says ", Part::amount(given, exponent), " but its lines and shipping add up to ",
                  Part::amount(computed, exponent), "; the engine uses the parts."});
}

void finish_line_quantities(Line& line, Diagnostics& d) {
    if (line.current_quantity > line.quantity || line.fulfillable_quantity > line.current_quantity ||
        line.editable_quantity > line.fulfillable_quantity) {
        d.error(Code::INCONSISTENT_QUANTITIES, {"Quantities must satisfy editable (", line.editable_quantity,
                                                ") <= fulfillable (", line.fulfillable_quantity, ") <= current (",
                                                line.current_quantity, ") <= quantity (", line.quantity, ")."});
        return;
    }
    line.fulfilled_quantity = line.current_quantity - line.fulfillable_quantity;
    if (line.refunded_in_place > line.fulfilled_quantity + line.fulfillable_quantity) {
        d.error(Code::INCONSISTENT_QUANTITIES, {"Earlier refunds take back ", line.refunded_in_place,
                                                " units but the line has ", line.current_quantity, "."});
        return;
    }
    line.refundable_quantity = line.current_quantity - line.refunded_in_place;
}

}  // namespace detail
}  // namespace op

namespace op {

bool member_is_integer(json::Value obj, std::string_view key, std::int64_t value) {
    std::int64_t v = 0;
    const json::Value m = obj.get(key);
    return m.is_integer() && m.as_int64(v) && v == value;
}

bool member_is_amount(json::Value obj, std::string_view key, std::int64_t minor, int exponent) {
    const json::Value m = obj.get(key);
    if (!m.is_string()) return false;
    std::string expected;
    append_amount(expected, minor, exponent);
    return m.text() == expected;
}

}  // namespace op
