// Reading a refund request in either dialect: 29next {refund_lines[{line_id, quantity, restock_type}],
// refund_shipping{full_refund, amount_excl_tax}} or v1 {refund_line_items[{line_item_id, quantity, restock}],
// shipping: "full" | {full_refund} | {amount}}.
#include "../order/fields.hpp"
#include "refund.hpp"

namespace op {
namespace {

constexpr std::string_view kRequestKeys[] = {"refund_lines", "refund_line_items", "refund_shipping", "shipping",
                                             "note", "send_refund_notification", "notify_customer", "transactions",
                                             "currency"};

bool known_request_key(std::string_view k) {
    for (auto known : kRequestKeys)
        if (known == k) return true;
    return false;
}

void read_line_fields(json::Value v, Diagnostics& d, RefundLineRequest& out);

void read_line_request(json::Value v, Diagnostics& d, RefundLineRequest& out) {
    const std::size_t before = d.error_count();
    read_line_fields(v, d, out);
    out.valid = d.error_count() == before;
}

void read_line_fields(json::Value v, Diagnostics& d, RefundLineRequest& out) {
    if (!expect_object(v, d)) return;
    const std::string_view id_key = v.get("line_item_id") ? "line_item_id" : "line_id";
    require(read_id(v, id_key, d, out.line_id), id_key, d);
    const Read q = read_count(v, "quantity", d, out.quantity);
    if (require(q, "quantity", d) && out.quantity == 0)
        d.error_at("quantity", Code::INVALID_QUANTITY, "A refund quantity must be positive.");
    std::string restock;
    if (read_text(v, "restock_type", d, restock, 32) == Read::ok) {
        Restock r;
        if (parse_restock(restock, r))
            out.restock = r;
        else
            d.error_at("restock_type", Code::INVALID_RESTOCK_TYPE,
                       {"'", restock, "' is not a restock type; use cancel, return or no_restock."});
    }
    bool goods = false;
    if (read_bool(v, "restock", d, goods) == Read::ok) out.restock_goods = goods;
}

void read_shipping_request(json::Value v, std::string_view key, const Order& order, Diagnostics& d, ShippingRequest& out) {
    if (!v || v.is_null()) return;
    out.present = true;
    if (v.is_string()) {
        if (v.text() == "full") {
            out.full = true;
            return;
        }
        d.error_at(key, Code::INVALID_VALUE, "shipping must be \"full\" or an object.");
        return;
    }
    auto at = d.at(key);
    if (!expect_object(v, d)) return;
    bool full = false;
    if (read_bool(v, "full_refund", d, full) == Read::ok) out.full = full;
    std::int64_t amount = 0;
    const std::string_view amount_key = v.get("amount") ? "amount" : "amount_excl_tax";
    if (read_amount(v, amount_key, order.exponent, d, amount) == Read::ok) {
        if (amount < 0)
            d.error_at(amount_key, Code::INVALID_AMOUNT, "A shipping refund must not be negative.");
        else
            out.amount_excl_tax = amount;
    }
    if (out.full && out.amount_excl_tax)
        d.warning_at(amount_key, Code::INVALID_VALUE, "full_refund is true, so the amount is ignored.");
}

}  // namespace

bool read_refund_request(json::Value v, const Order& order, Diagnostics& d, RefundRequest& out) {
    const std::size_t before = d.error_count();
    if (!v || v.is_null()) {
        d.error(Code::MISSING_FIELD, "No refund request was given.");
        return false;
    }
    if (!expect_object(v, d)) return false;
    for (auto it = v.begin(); it != v.end(); ++it)
        if (!known_request_key(it.key()))
            d.warning_at(it.key(), Code::UNKNOWN_FIELD, {"'", it.key(), "' is not part of a refund request."});

    out.lines_key = v.get("refund_line_items") ? "refund_line_items" : "refund_lines";
    json::Value lines;
    if (read_array(v, out.lines_key, d, lines) && lines) {
        if (lines.size() > order.lines.size() * 2 + 16) {
            d.error_at(out.lines_key, Code::LIMIT_EXCEEDED, "The request lists more refund lines than the order can have.");
            return false;
        }
        auto at = d.at(out.lines_key);
        if (out.lines_key == "refund_line_items") {
            out.id_key = "line_item_id";
            out.restock_key = "restock";
        }
        std::size_t i = 0;
        for (auto it = lines.begin(); it != lines.end(); ++it, ++i) {
            auto at_i = d.at(i);
            RefundLineRequest line;
            line.index = i;
            read_line_request(*it, d, line);
            out.lines.push_back(std::move(line));
        }
    }
    out.shipping_key = v.get("shipping") ? "shipping" : "refund_shipping";
    if (const json::Value s = v.get(out.shipping_key); s.is_object() && s.get("amount")) out.amount_key = "amount";
    read_shipping_request(v.get(out.shipping_key), out.shipping_key, order, d, out.shipping);
    return d.error_count() == before;
}

}  // namespace op
