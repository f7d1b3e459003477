// 29next Admin API order (seed 001 object, seed 000 quantity semantics).
#include <algorithm>

#include "../../order/fields.hpp"
#include "../../order/reader.hpp"
#include "platform.hpp"

namespace op::n29next {

using namespace op::detail;

namespace {

bool is_inplace_restock(std::string_view restock_type) { return restock_type != "cancel"; }

// display_taxes says whether the shop shows prices with tax; the seed types it as a string.
void read_tax_display(json::Value root, const ReadOptions& options, Diagnostics& d, Order& out) {
    if (options.tax_inclusive) {
        out.tax_inclusive = *options.tax_inclusive;
        return;
    }
    const json::Value v = root.get("display_taxes");
    if (!v || v.is_null()) return;
    if (v.is_bool()) {
        out.tax_inclusive = v.boolean();
        return;
    }
    const std::string_view t = v.is_string() ? v.text() : std::string_view();
    if (t == "true" || t == "inclusive" || t == "incl_tax") {
        out.tax_inclusive = true;
    } else if (t == "false" || t == "exclusive" || t == "excl_tax" || t.empty()) {
        out.tax_inclusive = false;
    } else {
        d.warning_at("display_taxes", Code::INVALID_VALUE,
                     {"display_taxes '", t,
                      "' is not understood; prices are treated as tax-exclusive. "
                      "Pass options.tax_inclusive to be explicit."});
    }
}

// The 2024-04-01 OrderLine names the product flat (product_id, product_title, variant_id, sku …); older
// payloads nest it as product {id, title}. Both read to the same facts; the flat members win.
void read_catalog_facts(json::Value v, Diagnostics& d, Line& line) {
    if (const json::Value product = v.get("product"); product.is_object()) {
        auto at = d.at("product");
        read_id(product, "id", d, line.product_id);
        read_text(product, "title", d, line.title);
    }
    if (v.get("product_id")) read_id(v, "product_id", d, line.product_id);
    if (v.get("product_title")) read_text(v, "product_title", d, line.title);
    read_id(v, "variant_id", d, line.variant_id);
    read_text(v, "variant_title", d, line.variant_title, 1000);
    read_text(v, "sku", d, line.sku, 255);
    read_text(v, "product_image", d, line.product_image, 4096);
    read_text(v, "product_url", d, line.product_url, 4096);
}

// The excl-tax discount inside the line's totals: original_price_excl_tax − price_excl_tax (2024-04-01), or
// price_excl_tax_excl_discounts − price_excl_tax (older payloads). A line with neither has no known discount:
// 0, named in `derived`.
void read_line_discount(json::Value v, int e, Diagnostics& d, Line& line) {
    std::int64_t original = 0, excl_discounts = 0;
    const Read a = read_amount(v, "original_price_excl_tax", e, d, original);
    const Read b = read_amount(v, "price_excl_tax_excl_discounts", e, d, excl_discounts);
    if (a == Read::ok) {
        line.discount = original - line.amount_excl_tax;
        if (b == Read::ok && excl_discounts != original)
            d.warning_at("price_excl_tax_excl_discounts", Code::INCONSISTENT_TOTALS,
                         "price_excl_tax_excl_discounts differs from original_price_excl_tax; the engine uses the latter.");
    } else if (b == Read::ok) {
        line.discount = excl_discounts - line.amount_excl_tax;
    } else if (a == Read::absent && b == Read::absent) {
        line.derived.push_back("discount");
    }
    if (line.discount < 0) {
        d.warning_at(a == Read::ok ? "original_price_excl_tax" : "price_excl_tax_excl_discounts", Code::INCONSISTENT_TOTALS,
                     "The price before discounts is below price_excl_tax; the engine takes the discount as 0.");
        line.discount = 0;
    }
}

bool read_line(json::Value v, const Order& order, Diagnostics& d, Line& line) {
    const std::size_t before = d.error_count();
    if (!expect_object(v, d)) return false;
    require(read_id(v, "id", d, line.id), "id", d);
    read_catalog_facts(v, d, line);
    bool gift_card = false;
    read_bool(v, "is_gift_card", d, gift_card);
    bool requires_shipping = true;
    read_bool(v, "requires_shipping", d, requires_shipping);
    line.digital = gift_card || !requires_shipping;

    require(read_count(v, "quantity", d, line.quantity), "quantity", d);
    if (read_count(v, "current_quantity", d, line.current_quantity) == Read::absent) {
        line.current_quantity = line.quantity;
        line.derived.push_back("current_quantity");
    }
    if (read_count(v, "fulfillable_quantity", d, line.fulfillable_quantity) == Read::absent) {
        const bool done = order.fulfillment_status == "fulfilled" || order.fulfillment_status == "not_required";
        line.fulfillable_quantity = done ? 0 : line.current_quantity;
        line.derived.push_back("fulfillable_quantity");
    }
    if (read_count(v, "editable_quantity", d, line.editable_quantity) == Read::absent) {
        const bool in_fulfilment = order.fulfillment_status == "processing" || order.fulfillment_status == "on_hold";
        line.editable_quantity = in_fulfilment ? 0 : line.fulfillable_quantity;
        line.derived.push_back("editable_quantity");
    }

    const int e = order.exponent;
    require(read_amount(v, "price_excl_tax", e, d, line.amount_excl_tax), "price_excl_tax", d);
    require(read_amount(v, "price_incl_tax", e, d, line.amount_incl_tax), "price_incl_tax", d);
    line.total_tax = line.amount_incl_tax - line.amount_excl_tax;
    read_line_discount(v, e, d, line);

    json::Value tax_lines;
    if (read_array(v, "tax_lines", d, tax_lines) && tax_lines) {
        auto at = d.at("tax_lines");
        std::int64_t sum = 0;
        std::size_t i = 0;
        for (auto it = tax_lines.begin(); it != tax_lines.end(); ++it, ++i) {
            auto item = d.at(i);
            std::int64_t amount = 0;
            if (read_amount(*it, "amount", e, d, amount) == Read::ok) sum += amount;
            Rate rate;
            if (read_rate(*it, "rate", d, rate) == Read::ok) {
                // Several tax lines on one line add up (e.g. state + county): keep the combined rate.
                if (!line.has_rate) {
                    line.tax_rate = rate;
                    line.has_rate = true;
                } else {
                    const int scale = std::max(line.tax_rate.scale, rate.scale);
                    line.tax_rate = Rate{line.tax_rate.units * pow10(scale - line.tax_rate.scale) +
                                             rate.units * pow10(scale - rate.scale), scale};
                }
            }
        }
        if (d.error_count() == before && i > 0 && sum != line.total_tax)
            d.warning(Code::INCONSISTENT_TOTALS,
                      {"The tax lines add up to ", Part::amount(sum, e), " but price_incl_tax - price_excl_tax is ",
                       Part::amount(line.total_tax, e), "; the engine uses the latter."});
    }
    if (d.error_count() != before) return false;
    if (line.total_tax < 0 || line.amount_excl_tax < 0) {
        d.error(Code::INCONSISTENT_TOTALS, "price_incl_tax must not be below price_excl_tax, and neither may be negative.");
        return false;
    }
    return true;
}

void apply_refunds(json::Value refunds, Order& order, Diagnostics& d) {
    auto at = d.at("refunds");
    for_each_object(refunds, d, [&](json::Value refund, std::size_t) {
        json::Value items;
        if (read_array(refund, "refund_line_items", d, items) && items) {
            auto at_items = d.at("refund_line_items");
            for_each_object(items, d, [&](json::Value item, std::size_t) {
                Id line_id;
                std::int64_t qty = 0;
                std::string restock;
                if (!require(read_id(item, "line_item_id", d, line_id), "line_item_id", d)) return;
                if (!require(read_count(item, "quantity", d, qty), "quantity", d)) return;
                read_text(item, "restock_type", d, restock, 32);
                Line* line = order.find_line(line_id);
                if (!line) {
                    d.warning_at("line_item_id", Code::LINE_ITEM_NOT_FOUND,
                                 {"An earlier refund names line ", line_id.text, ", which the order does not list."});
                    return;
                }
                line->refunded_quantity += qty;
                if (is_inplace_restock(restock)) line->refunded_in_place += qty;
                std::int64_t amount = 0;
                if (read_amount(item, "amount_excl_tax", order.exponent, d, amount) == Read::ok)
                    line->refunded_excl_tax += amount;
                if (read_amount(item, "amount_incl_tax", order.exponent, d, amount) == Read::ok) {
                    line->refunded_incl_tax += amount;
                    if (is_inplace_restock(restock)) order.refunded_in_place_amount += amount;
                }
            });
        }
        json::Value adjustments;
        if (read_array(refund, "adjustments", d, adjustments) && adjustments) {
            auto at_adj = d.at("adjustments");
            std::size_t i = 0;
            for (auto ai = adjustments.begin(); ai != adjustments.end(); ++ai, ++i) {
                auto at_item = d.at(i);
                std::string type;
                read_text(*ai, "type", d, type, 64);
                if (type != "refund_shipping") continue;
                std::int64_t amount = 0;
                if (read_amount(*ai, "amount_excl_tax", order.exponent, d, amount) == Read::ok)
                    order.shipping.refunded_excl_tax += amount;
                if (read_amount(*ai, "amount_incl_tax", order.exponent, d, amount) == Read::ok) {
                    order.shipping.refunded_incl_tax += amount;
                    order.refunded_in_place_amount += amount;
                }
            }
        }
        json::Value txs;
        if (read_array(refund, "transactions", d, txs) && txs) {
            auto at_txs = d.at("transactions");
            read_transaction_list(txs, "refunds.transactions", order, d);
        }
    });
}

void read_shipping(json::Value root, Order& order, Diagnostics& d) {
    auto& s = order.shipping;
    const int e = order.exponent;
    const Read excl = read_amount(root, "shipping_excl_tax", e, d, s.amount_excl_tax);
    const Read incl = read_amount(root, "shipping_incl_tax", e, d, s.amount_incl_tax);
    std::int64_t tax = 0;
    const Read tax_read = read_amount(root, "shipping_tax", e, d, tax);
    if (excl == Read::ok && incl == Read::ok) {
        s.total_tax = s.amount_incl_tax - s.amount_excl_tax;
    } else if (excl == Read::ok) {
        s.total_tax = tax_read == Read::ok ? tax : 0;
        s.amount_incl_tax = s.amount_excl_tax + s.total_tax;
    } else if (incl == Read::ok) {
        s.total_tax = tax_read == Read::ok ? tax : 0;
        s.amount_excl_tax = s.amount_incl_tax - s.total_tax;
    }
    if (s.total_tax < 0) d.error_at("shipping_incl_tax", Code::INCONSISTENT_TOTALS, "shipping_incl_tax is below shipping_excl_tax.");
    if (s.refunded_excl_tax > s.amount_excl_tax)
        d.warning_at("refunds", Code::INCONSISTENT_TOTALS, "Earlier refunds returned more shipping than the order charged.");
}

}  // namespace

bool read_order(json::Value root, const ReadOptions& options, Diagnostics& d, Order& out) {
    if (!read_currency(root, options, d, out)) return false;
    read_id(root, "id", d, out.id);
    const json::Value number = root.get("number");
    if (number.is_string() || number.is_integer()) out.number = std::string(number.text());
    read_text(root, "status", d, out.status, 100);
    read_text(root, "payment_status", d, out.payment_status, 100);
    read_text(root, "fulfillment_status", d, out.fulfillment_status, 100);
    read_text(root, "shipping_method", d, out.shipping_method, 255);
    read_text(root, "shipping_code", d, out.shipping_code, 255);
    read_tax_display(root, options, d, out);

    json::Value lines;
    if (!read_lines_array(root, "lines", options, d, lines)) return false;
    out.lines.reserve(lines.size());
    {
        auto at = d.at("lines");
        std::size_t i = 0;
        for (auto it = lines.begin(); it != lines.end(); ++it, ++i) {
            auto at_line = d.at(i);
            Line line;
            line.source_index = static_cast<std::uint32_t>(i);
            if (read_line(*it, out, d, line)) out.lines.push_back(std::move(line));
        }
    }
    check_unique_line_ids(out, "lines", d);

    json::Value txs;
    if (read_array(root, "transactions", d, txs) && txs) {
        auto at = d.at("transactions");
        read_transaction_list(txs, "transactions", out, d);
    }
    json::Value refunds;
    if (read_array(root, "refunds", d, refunds) && refunds) apply_refunds(refunds, out, d);
    {
        auto at = d.at("lines");
        for (auto& line : out.lines) {
            auto at_line = d.at(line.source_index);
            finish_line_quantities(line, d);
        }
    }
    read_shipping(root, out, d);
    for (std::string_view key : {"offer_discounts", "voucher_discounts"})
        if (const json::Value offers = root.get(key); offers.is_array() && offers.size() > 0) out.has_order_level_offers = true;
    if (!sums_in_range(out, d)) return false;
    const Totals totals = compute_totals(out.lines, out.shipping);
    check_total(d, "total_incl_tax", root, out.exponent, totals.total_incl_tax);
    return true;
}

}  // namespace op::n29next
