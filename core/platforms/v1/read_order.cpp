// Generic Orders API "v1" (seed 002): unit prices on line_items, taxes on the order, shipping_lines.
#include <algorithm>

#include "../../order/fields.hpp"
#include "../../order/reader.hpp"
#include "platform.hpp"

namespace op::v1 {

using namespace op::detail;

namespace {

struct V1Line {
    Line line;
    std::int64_t amount = 0;     // quantity x price - discount, in the order's tax mode
    bool has_own_tax = false;
    std::int64_t own_tax = 0;
    bool has_fulfillable = false;
};

// Tax lines: [{rate, price}] — the seed's order-level shape, also accepted on a line.
bool read_tax_lines(json::Value parent, int exponent, Diagnostics& d, std::int64_t& total, Rate& rate, bool& has_rate) {
    json::Value list;
    if (!read_array(parent, "tax_lines", d, list) || !list) return false;
    auto at = d.at("tax_lines");
    for_each_object(list, d, [&](json::Value item, std::size_t) {
        std::int64_t price = 0;
        if (require(read_amount(item, "price", exponent, d, price), "price", d)) total += price;
        Rate r;
        if (read_rate(item, "rate", d, r) == Read::ok) {
            if (!has_rate) {
                rate = r;
                has_rate = true;
            } else {
                const int scale = std::max(rate.scale, r.scale);
                rate = Rate{rate.units * pow10(scale - rate.scale) + r.units * pow10(scale - r.scale), scale};
            }
        }
    });
    return true;
}

bool read_line(json::Value v, const Order& order, Diagnostics& d, V1Line& out) {
    const std::size_t before = d.error_count();
    if (!expect_object(v, d)) return false;
    Line& line = out.line;
    require(read_id(v, "id", d, line.id), "id", d);
    read_id(v, "product_id", d, line.product_id);
    read_text(v, "title", d, line.title);
    bool gift_card = false, requires_shipping = true;
    read_bool(v, "is_gift_card", d, gift_card);
    read_bool(v, "requires_shipping", d, requires_shipping);
    line.digital = gift_card || !requires_shipping;

    require(read_count(v, "quantity", d, line.quantity), "quantity", d);
    if (read_count(v, "current_quantity", d, line.current_quantity) == Read::absent) {
        line.current_quantity = line.quantity;
        line.derived.push_back("current_quantity");
    }
    out.has_fulfillable = read_count(v, "fulfillable_quantity", d, line.fulfillable_quantity) == Read::ok;
    const int e = order.exponent;
    std::int64_t price = 0;
    require(read_amount(v, "price", e, d, price), "price", d);
    if (read_amount(v, "total_discount", e, d, line.discount) == Read::absent) line.discount = 0;
    if (d.error_count() != before) return false;
    // quantity x price stays well inside int64: both are bounded by the parser (10^9 x 10^15 needs 128 bits).
    const i128 gross = static_cast<i128>(price) * line.current_quantity - line.discount;
    if (gross > kMaxMinorUnits || gross < 0) {
        d.error_at("price", Code::AMOUNT_OUT_OF_RANGE, "quantity x price - total_discount is out of range.");
        return false;
    }
    out.amount = static_cast<std::int64_t>(gross);
    std::int64_t total = 0;
    if (read_amount(v, "total", e, d, total) == Read::ok && total != out.amount &&
        total != static_cast<std::int64_t>(static_cast<i128>(price) * line.current_quantity))
        d.warning_at("total", Code::INCONSISTENT_TOTALS,
                     {"total ", Part::amount(total, e), " differs from quantity x price (", Part::amount(out.amount, e),
                      " after discounts)."});
    out.has_own_tax = read_tax_lines(v, e, d, out.own_tax, line.tax_rate, line.has_rate);
    return d.error_count() == before;
}

// Fulfilled units per line from the order's fulfillments (cancelled fulfillments do not count).
void read_fulfillments(json::Value root, std::vector<V1Line>& lines, Diagnostics& d) {
    json::Value list;
    if (!read_array(root, "fulfillments", d, list) || !list) return;
    auto at = d.at("fulfillments");
    for_each_object(list, d, [&](json::Value fulfillment, std::size_t) {
        std::string status;
        read_text(fulfillment, "status", d, status, 64);
        if (status == "cancelled" || status == "canceled" || status == "failure") return;
        json::Value items;
        if (!read_array(fulfillment, "line_items", d, items) || !items) return;
        auto at_items = d.at("line_items");
        std::size_t i = 0;
        for (auto li = items.begin(); li != items.end(); ++li, ++i) {
            auto at_i = d.at(i);
            Id id;
            std::int64_t qty = 0;
            if (!require(read_id(*li, "id", d, id), "id", d) || !require(read_count(*li, "quantity", d, qty), "quantity", d))
                continue;
            bool found = false;
            for (auto& l : lines)
                if (same_id(l.line.id, id)) {
                    l.line.fulfilled_quantity += qty;
                    found = true;
                }
            if (!found)
                d.warning_at("id", Code::LINE_ITEM_NOT_FOUND,
                             {"The fulfilment names line ", id.text, ", which the order does not list."});
        }
    });
}

void apply_refunds(json::Value root, Order& order, Diagnostics& d) {
    json::Value refunds;
    if (!read_array(root, "refunds", d, refunds) || !refunds) return;
    auto at = d.at("refunds");
    for_each_object(refunds, d, [&](json::Value refund, std::size_t) {
        json::Value items;
        if (read_array(refund, "refund_line_items", d, items) && items) {
            auto at_items = d.at("refund_line_items");
            std::size_t i = 0;
            for (auto li = items.begin(); li != items.end(); ++li, ++i) {
                auto at_i = d.at(i);
                Id id;
                std::int64_t qty = 0;
                if (!require(read_id(*li, "line_item_id", d, id), "line_item_id", d) ||
                    !require(read_count(*li, "quantity", d, qty), "quantity", d))
                    continue;
                Line* line = order.find_line(id);
                if (!line) {
                    d.warning_at("line_item_id", Code::LINE_ITEM_NOT_FOUND,
                                 {"An earlier refund names line ", id.text, ", which the order does not list."});
                    continue;
                }
                // v1 lines keep their quantity after a refund, so every refunded unit stays counted in place.
                line->refunded_quantity += qty;
                line->refunded_in_place += qty;
                std::int64_t amount = 0;
                if (read_amount(*li, "subtotal", order.exponent, d, amount) == Read::ok) line->refunded_excl_tax += amount;
            }
        }
        if (const json::Value shipping = refund.get("shipping"); shipping.is_object()) {
            auto at_s = d.at("shipping");
            std::int64_t amount = 0;
            if (read_amount(shipping, "amount", order.exponent, d, amount) == Read::ok) {
                order.shipping.refunded_excl_tax += amount;
                order.shipping.refunded_incl_tax += amount;
            }
        }
        json::Value txs;
        if (read_array(refund, "transactions", d, txs) && txs) {
            auto at_t = d.at("transactions");
            read_transaction_list(txs, "refunds.transactions", order, d);
        }
    });
}

void read_shipping(json::Value root, Order& order, Diagnostics& d) {
    auto& s = order.shipping;
    json::Value list;
    if (read_array(root, "shipping_lines", d, list) && list) {
        auto at = d.at("shipping_lines");
        std::int64_t price_sum = 0, tax_sum = 0;
        for_each_object(list, d, [&](json::Value line, std::size_t) {
            std::int64_t price = 0;
            if (require(read_amount(line, "price", order.exponent, d, price), "price", d)) price_sum += price;
            Rate unused;
            bool has_rate = false;
            read_tax_lines(line, order.exponent, d, tax_sum, unused, has_rate);
        });
        s.total_tax = tax_sum;
        if (order.tax_inclusive) {
            s.amount_incl_tax = price_sum;
            s.amount_excl_tax = price_sum - tax_sum;
        } else {
            s.amount_excl_tax = price_sum;
            s.amount_incl_tax = price_sum + tax_sum;
        }
        return;
    }
    if (read_amount(root, "total_shipping", order.exponent, d, s.amount_excl_tax) == Read::ok)
        s.amount_incl_tax = s.amount_excl_tax;
}

}  // namespace

bool read_order(json::Value root, const ReadOptions& options, Diagnostics& d, Order& out) {
    out.totals_keep_refunds = true;  // v1 totals never drop when money is refunded: every refund is "in place"
    if (!read_currency(root, options, d, out)) return false;
    read_id(root, "id", d, out.id);
    read_text(root, "order_number", d, out.number, 256);
    read_text(root, "status", d, out.status, 100);
    read_text(root, "financial_status", d, out.payment_status, 100);
    read_text(root, "fulfillment_status", d, out.fulfillment_status, 100);
    if (options.tax_inclusive) out.tax_inclusive = *options.tax_inclusive;
    else read_bool(root, "taxes_included", d, out.tax_inclusive);

    json::Value items;
    if (!read_lines_array(root, "line_items", options, d, items)) return false;
    std::vector<V1Line> lines;
    lines.reserve(items.size());
    {
        auto at = d.at("line_items");
        std::size_t i = 0;
        for (auto it = items.begin(); it != items.end(); ++it, ++i) {
            auto at_line = d.at(i);
            V1Line l;
            l.line.source_index = static_cast<std::uint32_t>(i);
            if (read_line(*it, out, d, l)) lines.push_back(std::move(l));
        }
    }
    read_fulfillments(root, lines, d);

    // Order-level tax is spread over the lines without their own tax lines, by amount (largest remainder),
    // so the line taxes add up exactly to the order's tax_lines.
    std::int64_t order_tax = 0;
    Rate order_rate;
    bool order_has_rate = false;
    const bool has_order_tax = read_tax_lines(root, out.exponent, d, order_tax, order_rate, order_has_rate);
    std::vector<std::int64_t> weights;
    for (const auto& l : lines) weights.push_back(l.has_own_tax ? 0 : l.amount);
    std::vector<std::int64_t> spread(lines.size(), 0);
    if (has_order_tax) {
        bool any_weight = false;
        for (auto w : weights) any_weight = any_weight || w > 0;
        if (any_weight) spread = allocate(order_tax, weights);
    }

    out.lines.reserve(lines.size());
    {
    auto at = d.at("line_items");
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto& l = lines[i];
        Line line = std::move(l.line);
        auto at_line = d.at(line.source_index);
        line.total_tax = l.has_own_tax ? l.own_tax : spread[i];
        if (!l.has_own_tax) {
            line.derived.push_back("total_tax");
            if (order_has_rate) {
                line.tax_rate = order_rate;
                line.has_rate = true;
            }
        }
        if (out.tax_inclusive) {
            line.amount_incl_tax = l.amount;
            line.amount_excl_tax = l.amount - line.total_tax;
        } else {
            line.amount_excl_tax = l.amount;
            line.amount_incl_tax = l.amount + line.total_tax;
        }
        if (!l.has_fulfillable) {
            line.fulfillable_quantity = line.current_quantity - std::min(line.fulfilled_quantity, line.current_quantity);
            line.derived.push_back("fulfillable_quantity");
        }
        line.editable_quantity = line.fulfillable_quantity;
        line.derived.push_back("editable_quantity");
        out.lines.push_back(std::move(line));
    }
    }
    check_unique_line_ids(out, "line_items", d);

    json::Value txs;
    if (read_array(root, "transactions", d, txs) && txs) {
        auto at_t = d.at("transactions");
        read_transaction_list(txs, "transactions", out, d);
    }
    apply_refunds(root, out, d);
    {
        auto at = d.at("line_items");
        for (auto& line : out.lines) {
            auto at_line = d.at(line.source_index);
            finish_line_quantities(line, d);
        }
    }
    read_shipping(root, out, d);
    if (const json::Value codes = root.get("discount_codes"); codes.is_array() && codes.size() > 0) out.has_order_level_offers = true;
    if (!sums_in_range(out, d)) return false;
    const Totals totals = compute_totals(out.lines, out.shipping);
    check_total(d, "total_price", root, out.exponent, totals.total_incl_tax);
    return true;
}

}  // namespace op::v1
