// Elastic Path refunds are amounts against one transaction, in integer minor units (contract
// refundATransaction): the request names items or an amount, the result lists one POST per transaction.
#include "../../order/fields.hpp"
#include "platform.hpp"

namespace op::elasticpath {
namespace {

constexpr std::string_view kRequestKeys[] = {"items", "amount", "transaction_id"};

void read_item(json::Value v, Diagnostics& d, RefundLineRequest& out) {
    const std::size_t before = d.error_count();
    if (expect_object(v, d)) {
        require(read_id(v, "item_id", d, out.line_id), "item_id", d);
        if (require(read_count(v, "quantity", d, out.quantity), "quantity", d) && out.quantity == 0)
            d.error_at("quantity", Code::INVALID_QUANTITY, "A refund quantity must be positive.");
        for (auto it = v.begin(); it != v.end(); ++it)
            if (it.key() != "item_id" && it.key() != "quantity")
                d.warning_at(it.key(), Code::UNKNOWN_FIELD,
                             {"'", Part::excerpt(it.key(), 40),
                              "' is not part of an item refund "
                              "(Elastic Path refunds restock nothing)."});
    }
    out.valid = d.error_count() == before;
}

}  // namespace

bool read_refund_request(json::Value v, const Order& order, Diagnostics& d, RefundRequest& out) {
    const std::size_t before = d.error_count();
    out.lines_key = "items";
    out.id_key = "item_id";
    if (!v || v.is_null()) {
        d.error(Code::MISSING_FIELD, "No refund request was given.");
        return false;
    }
    if (!expect_object(v, d)) return false;
    for (auto it = v.begin(); it != v.end(); ++it) {
        bool known = false;
        for (auto k : kRequestKeys) known = known || k == it.key();
        if (!known)
            d.warning_at(it.key(), Code::UNKNOWN_FIELD,
                         {"'", Part::excerpt(it.key(), 40),
                          "' is not part of an Elastic Path refund "
                          "request ({items} or {amount}, transaction_id)."});
    }
    json::Value items;
    if (read_array(v, "items", d, items) && items) {
        if (items.size() > order.lines.size() * 2 + 16) {
            d.error_at("items", Code::LIMIT_EXCEEDED, "The request lists more items than the order can have.");
            return false;
        }
        auto at = d.at("items");
        std::size_t i = 0;
        for (auto it = items.begin(); it != items.end(); ++it, ++i) {
            auto at_i = d.at(i);
            RefundLineRequest line;
            line.index = i;
            read_item(*it, d, line);
            out.lines.push_back(std::move(line));
        }
    }
    // The amount is money in the currency's units ("12.34"), like every amount the engine is given; a JSON
    // number is refused so that 1234 meant as cents cannot become 1,234.00 (the result shows the integer).
    if (const json::Value amount = v.get("amount"); amount && !amount.is_null()) {
        std::int64_t minor = 0;
        if (!amount.is_string()) {
            d.error_at("amount", Code::WRONG_TYPE, "Give the amount as a decimal string (\"12.34\"); the refund body then carries "
                                                   "it in minor units (1234).");
        } else if (read_amount(v, "amount", order.exponent, d, minor) == Read::ok) {
            if (minor <= 0) d.error_at("amount", Code::INVALID_AMOUNT, "A refund amount must be positive.");
            else out.amount = minor;
        }
    }
    read_id(v, "transaction_id", d, out.transaction_id);
    return d.error_count() == before;
}

// RF3: refunds only when the order is complete and paid, or cancelled. RF8/RF9: the manual gateway and
// manually captured payments only record a refund; the money moves at the provider.
void check_refund(const Order& order, const RefundRequest&, const RefundCalculation& calc, Diagnostics& d) {
    const bool complete_paid = order.status == "complete" && order.payment_status == "paid";
    if (!complete_paid && order.status != "cancelled")
        d.error_exact(Code::ORDER_NOT_REFUNDABLE,
                      "Elastic Path refunds a transaction only when the order is complete and paid, or cancelled; this one is "
                      "status '" + order.status + "', payment '" + order.payment_status + "'.",
                      "order.data.status");
    for (const auto& a : calc.transactions) {
        const Transaction& tx = *a.transaction;
        if (tx.manual_capture)
            d.error(Code::REFUND_RECORDED_ONLY,
                    {"Transaction ", tx.id.text,
                     " was captured manually: Elastic Path refuses an automatic refund of it (400 "
                     "'Unable to automatically refund a manually capture transaction'). Refund it at the provider and "
                     "mark it "
                     "refunded (POST …/refund without an amount)."});
        else if (tx.gateway == "manual")
            d.warning(
                Code::REFUND_RECORDED_ONLY,
                {"Transaction ", tx.id.text, " is on the manual gateway: the refund is only recorded; return the ",
                 Part::amount(a.amount, order.exponent), " ", order.currency, " to the customer yourself."});
    }
}

void write_refund_calculation(json::Writer& w, const Order& order, const RefundCalculation& calc) {
    const int e = order.exponent;
    w.field("currency", order.currency);
    w.amount_field("amount", calc.amount_incl_tax, e);
    w.key("amount_excl_tax");
    if (calc.amount_only) w.null();
    else w.amount(calc.amount_excl_tax, e);
    w.key("total_tax");
    if (calc.amount_only) w.null();
    else w.amount(calc.total_tax, e);
    w.key("items").array();
    for (const auto& l : calc.lines) {
        w.object();
        w.key("item_id");
        write_id(w, l.line->id);
        w.field("quantity", l.quantity);
        w.amount_field("amount", l.amount_incl_tax, e);
        w.amount_field("amount_excl_tax", l.amount_excl_tax, e);
        w.amount_field("total_tax", l.total_tax, e);
        w.end_object();
    }
    w.end_array();
    w.key("transactions").array();
    for (const auto& a : calc.transactions) {
        w.object();
        w.key("id");
        write_id(w, a.transaction->id);
        w.amount_field("amount", a.amount, e);
        w.amount_field("refundable_amount", a.transaction->refundable, e);
        w.field("gateway", a.transaction->gateway);
        w.end_object();
    }
    w.end_array();
    w.key("requests").array();
    PlanWriter p(w);
    for (const auto& a : calc.transactions) {
        p.call("POST", transaction_path(order, *a.transaction, "refund"), "refundATransaction");
        p.body().object().key("data").object().field("amount", a.amount).end_object().end_object();
        p.end();
    }
    w.end_array();
}

// The body toRefundCreateRequest gives: the amount per transaction in minor units, and optionally the calls,
// which must be those amounts on those transactions' refund paths.
void read_create_body(json::Value body, const Order& order, Diagnostics& d, RefundCalculation& calc) {
    calc.amount_only = true;
    if (!body || body.is_null()) {
        d.error(Code::MISSING_FIELD, "No refund body was given.");
        return;
    }
    if (!expect_object(body, d)) return;
    for (auto it = body.begin(); it != body.end(); ++it)
        if (it.key() != "transactions" && it.key() != "requests")
            d.warning_at(it.key(), Code::UNKNOWN_FIELD,
                         {"'", Part::excerpt(it.key(), 40),
                          "' is not part of the refund calls "
                          "({transactions, requests} from toRefundCreateRequest)."});
    json::Value txs;
    if (!read_array(body, "transactions", d, txs)) return;
    if (!txs || txs.size() == 0) {
        d.error_at("transactions", Code::MISSING_FIELD, "The body needs the transactions to refund (from the calculation).");
        return;
    }
    {
        auto at = d.at("transactions");
        for_each_object(txs, d, [&](json::Value v, std::size_t) {
            Id id;
            std::int64_t amount = 0;
            if (!require(read_id(v, "id", d, id), "id", d)) return;
            if (!require(read_minor(v, "amount", d, amount), "amount", d)) return;
            const Transaction* tx = order.find_transaction(id);
            if (!tx) {
                d.error_at("id", Code::TRANSACTION_NOT_FOUND, {"The order has no transaction ", id.text, "."});
            } else if (amount <= 0) {
                d.error_at("amount", Code::INVALID_AMOUNT, "A refund amount must be positive.");
            } else if (tx->kind == TxKind::authorization) {
                d.error_at("id", Code::PAYMENT_NOT_CAPTURED,
                           {"Transaction ", id.text, " is an authorisation: void it instead."});
            } else if (!tx->is_payment()) {
                d.error_at("id", Code::PAYMENT_NOT_CAPTURED, {"Transaction ", id.text, " is not a completed payment."});
            } else {
                for (const auto& a : calc.transactions)
                    if (a.transaction == tx) {
                        d.error_at("id", Code::DUPLICATE_ID, {"Transaction ", id.text, " is listed twice."});
                        return;
                    }
                if (amount > tx->refundable)
                    d.error_at("amount", Code::REFUND_EXCEEDS_TOTAL,
                               {"Transaction ", id.text, " has ", Part::amount(tx->refundable, order.exponent),
                                " left to refund."});
                else {
                    calc.transactions.push_back({tx, amount});
                    calc.amount_incl_tax += amount;
                }
            }
        });
    }
    calc.amount_excl_tax = calc.amount_incl_tax;
    json::Value requests;
    if (!read_array(body, "requests", d, requests) || !requests) return;
    if (requests.size() != txs.size()) {
        d.error_at("requests", Code::REFUND_MISMATCH,
                   {"The body lists ", txs.size(), " transaction(s) but ", requests.size(), " call(s)."});
        return;
    }
    auto at = d.at("requests");
    std::size_t i = 0;
    for (auto it = requests.begin(); it != requests.end() && i < calc.transactions.size(); ++it, ++i) {
        auto at_i = d.at(i);
        const json::Value call = *it;
        const TransactionAllocation& a = calc.transactions[i];
        const json::Value path = call.is_object() ? call.get("path") : json::Value();
        const json::Value b = call.is_object() ? call.get("body") : json::Value();
        const json::Value data = b.is_object() ? b.get("data") : json::Value();
        std::int64_t amount = -1;
        if (data.is_object()) {
            Diagnostics local;
            read_minor(data, "amount", local, amount);
        }
        if (!path.is_string() || path.text() != transaction_path(order, *a.transaction, "refund") || amount != a.amount)
            d.error(Code::REFUND_MISMATCH,
                    {"Call ", i, " must be POST ", transaction_path(order, *a.transaction, "refund"), " with amount ",
                     a.amount, ", as transactions[", i, "] says."});
    }
}

void write_removal_line(json::Writer& w, const Id& line, std::int64_t quantity) {
    w.object();
    w.key("item_id");
    write_id(w, line);
    w.field("quantity", quantity);
    w.end_object();
}

}  // namespace op::elasticpath
