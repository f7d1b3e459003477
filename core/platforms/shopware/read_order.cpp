// Shopware 6 Admin API order (schema Order of the Admin API; research on the order's shape in docs/rules.md).
#include <algorithm>
#include <optional>

#include "../../money/currency.hpp"
#include "../../order/fields.hpp"
#include "../../order/reader.hpp"
#include "platform.hpp"

namespace op::shopware {

using namespace op::detail;

namespace {

bool read_rounding(json::Value root, std::string_view key, Diagnostics& d, CashRounding& out, bool& present) {
    const json::Value v = root.get(key);
    present = v && !v.is_null();
    if (!present) return true;
    auto at = d.at(key);
    if (!expect_object(v, d)) return false;
    std::int64_t decimals = 0;
    if (!require(read_count(v, "decimals", d, decimals), "decimals", d)) return false;
    if (decimals > 4) {
        d.error_at("decimals", Code::INVALID_VALUE, "Rounding decimals above 4 are not supported.");
        return false;
    }
    out.decimals = static_cast<int>(decimals);
    std::int64_t interval = 0;
    const Read r = shopware::read_scaled(v, "interval", out.decimals, d, interval);
    if (r == Read::bad) return false;
    if (r == Read::absent) interval = 1;
    // The interval applies only up to two decimals (CashRounding::cashRound); above, it is ignored.
    if (out.decimals > 2) interval = 1;
    std::int64_t exact = 0;
    if (out.decimals <= 2 && shopware::read_scaled(v, "interval", 6, d, exact) == Read::ok &&
        exact != interval * pow10(6 - out.decimals)) {
        d.error_at("interval", Code::INVALID_VALUE,
                   {"The interval must be a multiple of the smallest unit at ", out.decimals, " decimals."});
        return false;
    }
    if (interval < 1) {
        d.error_at("interval", Code::INVALID_VALUE, "The interval must be positive.");
        return false;
    }
    out.interval = interval;
    read_bool(v, "roundForNet", d, out.round_for_net);
    return true;
}

LineKind kind_of(std::string_view type) {
    if (type == "product") return LineKind::item;
    if (type == "custom") return LineKind::custom;
    if (type == "container") return LineKind::container;
    if (type == "promotion" || type == "discount") return LineKind::discount;
    if (type == "credit") return LineKind::credit;
    return LineKind::other;
}

// CalculatedPrice: unitPrice, quantity, totalPrice, calculatedTaxes, taxRules.
struct Price {
    std::int64_t unit = 0, total = 0, tax = 0, quantity = 0;
    std::vector<TaxPart> taxes;
    std::vector<TaxShare> rules;
};

bool read_price(json::Value parent, std::string_view key, int e, Diagnostics& d, Price& out, bool required = true) {
    const json::Value v = parent.get(key);
    if (!v || v.is_null()) {
        if (required) d.error_at(key, Code::MISSING_FIELD, {"'", key, "' is required (a CalculatedPrice)."});
        return !required;
    }
    auto at = d.at(key);
    if (!expect_object(v, d)) return false;
    const std::size_t before = d.error_count();
    shopware::read_amount(v, "unitPrice", e, d, out.unit);
    require(shopware::read_amount(v, "totalPrice", e, d, out.total), "totalPrice", d);
    read_count(v, "quantity", d, out.quantity);
    const json::Value taxes = v.get("calculatedTaxes");
    if (taxes.is_array() || taxes.is_object()) {
        auto at_t = d.at("calculatedTaxes");
        std::size_t i = 0;
        for (auto it = taxes.begin(); it != taxes.end(); ++it, ++i) {
            Diagnostics::Scope at_i(d, taxes.is_array() ? PathSegment{{}, static_cast<std::int64_t>(i)} : PathSegment{it.key(), -1});
            if (!expect_object(*it, d)) continue;
            TaxPart t;
            require(read_percent_rate(*it, "taxRate", d, t.rate), "taxRate", d);
            require(shopware::read_amount(*it, "tax", e, d, t.tax), "tax", d);
            shopware::read_amount(*it, "price", e, d, t.base);
            out.tax += t.tax;
            out.taxes.push_back(t);
        }
    } else if (taxes && !taxes.is_null()) {
        d.error_at("calculatedTaxes", Code::WRONG_TYPE, "'calculatedTaxes' must be a list.");
    }
    const json::Value rules = v.get("taxRules");
    if (rules.is_array() || rules.is_object()) {
        auto at_r = d.at("taxRules");
        std::size_t i = 0;
        for (auto it = rules.begin(); it != rules.end(); ++it, ++i) {
            Diagnostics::Scope at_i(d, rules.is_array() ? PathSegment{{}, static_cast<std::int64_t>(i)} : PathSegment{it.key(), -1});
            if (!expect_object(*it, d)) continue;
            TaxShare r;
            require(read_percent_rate(*it, "taxRate", d, r.rate), "taxRate", d);
            r.share = kWholeShare;
            std::int64_t pct = 0;
            if (shopware::read_scaled(*it, "percentage", kShareScale - 2, d, pct) == Read::ok) r.share = pct;
            out.rules.push_back(r);
        }
    } else if (rules && !rules.is_null()) {
        d.error_at("taxRules", Code::WRONG_TYPE, "'taxRules' must be a list.");
    }
    return d.error_count() == before;
}

void set_line_amounts(Line& line, const Price& p, const Order& order) {
    line.unit_price = p.unit;
    line.taxes = p.taxes;
    line.tax_rules = p.rules;
    const std::int64_t tax = order.tax_free ? 0 : p.tax;
    if (order.tax_inclusive) {
        line.amount_incl_tax = p.total;
        line.total_tax = tax;
        line.amount_excl_tax = p.total - tax;
    } else {
        line.amount_excl_tax = p.total;
        line.total_tax = tax;
        line.amount_incl_tax = p.total + tax;
    }
    if (p.rules.size() == 1 && p.rules[0].share == kWholeShare) {
        line.tax_rate = p.rules[0].rate;
        line.has_rate = true;
    }
}

bool read_line(json::Value v, const Order& order, Diagnostics& d, Line& line) {
    const std::size_t before = d.error_count();
    if (!expect_object(v, d)) return false;
    require(read_id(v, "id", d, line.id), "id", d);
    read_text(v, "identifier", d, line.identifier, 256);
    std::string type;
    read_text(v, "type", d, type, 64);
    line.kind = kind_of(type);
    if (read_id(v, "productId", d, line.product_id) != Read::ok) read_id(v, "referencedId", d, line.product_id);
    read_text(v, "label", d, line.title);
    read_id(v, "parentId", d, line.parent_id);
    require(read_count(v, "quantity", d, line.quantity), "quantity", d);
    if (const json::Value states = v.get("states"); states.is_array())
        for (auto it = states.begin(); it != states.end(); ++it)
            if ((*it).is_string() && (*it).text() == "is-download") line.digital = true;
    Price price;
    if (read_price(v, "price", order.exponent, d, price)) set_line_amounts(line, price, order);
    if (const json::Value payload = v.get("payload"); payload.is_object()) {
        auto at = d.at("payload");
        const json::Value comp = payload.get("composition");
        if (comp.is_array()) {
            auto at_c = d.at("composition");
            for_each_object(comp, d, [&](json::Value c, std::size_t) {
                DiscountPart part;
                read_text(c, "id", d, part.target, 256);
                read_count(c, "quantity", d, part.quantity);
                shopware::read_scaled(c, "discount", order.exponent + kShareScale, d, part.amount);
                line.discount_parts.push_back(std::move(part));
            });
        }
    }
    if (const json::Value ext = v.get("extensions"); ext.is_object()) {
        auto at = d.at("extensions");
        read_state(ext, "state", d, line.state);
    }
    line.current_quantity = line.quantity;
    line.derived.push_back("current_quantity");
    return d.error_count() == before;
}

void read_lines(json::Value list, Order& out, Diagnostics& d, bool nested_children) {
    std::size_t i = 0;
    for (auto it = list.begin(); it != list.end(); ++it, ++i) {
        auto at = d.at(i);
        Line line;
        line.source_index = static_cast<std::uint32_t>(i);
        if (!read_line(*it, out, d, line)) continue;
        const json::Value children = (*it).get("children");
        if (children.is_array() && children.size() > 0) {
            auto at_c = d.at("children");
            const std::size_t first = out.child_lines.size();
            read_lines(children, out, d, true);
            for (std::size_t k = first; k < out.child_lines.size(); ++k)
                if (!out.child_lines[k].parent_id.present()) out.child_lines[k].parent_id = line.id;
        }
        // Order sums use top-level items only; children are listed for display and references.
        if (nested_children || line.parent_id.present())
            out.child_lines.push_back(std::move(line));
        else
            out.lines.push_back(std::move(line));
    }
}

// The delivery's positions: which order line items it carries, and how many units (the quantity of the
// position's price, else its quantity).
void read_positions(json::Value delivery, const Order& out, Diagnostics& d, Delivery& dl) {
    json::Value list;
    // An empty list carries nothing a delivery could ship: read as not loaded.
    if (!read_array(delivery, "positions", d, list) || !list || list.size() == 0) return;
    dl.has_positions = true;
    auto at = d.at("positions");
    for_each_object(list, d, [&](json::Value pv, std::size_t) {
        Id line;
        if (read_id(pv, "orderLineItemId", d, line) != Read::ok) return;
        std::int64_t quantity = 0;
        if (read_count(pv, "quantity", d, quantity) != Read::ok) {
            Price p;
            if (read_price(pv, "price", out.exponent, d, p, false)) quantity = p.quantity;
        }
        dl.positions.emplace_back(std::move(line), quantity);
    });
}

void read_deliveries(json::Value root, Order& out, Diagnostics& d) {
    json::Value list;
    if (!read_array(root, "deliveries", d, list) || !list) return;
    auto at = d.at("deliveries");
    for_each_object(list, d, [&](json::Value v, std::size_t) {
        Delivery dl;
        require(read_id(v, "id", d, dl.id), "id", d);
        read_state(v, "stateMachineState", d, dl.state);
        read_positions(v, out, d, dl);
        if (const json::Value method = v.get("shippingMethod"); method.is_object()) {
            auto at_m = d.at("shippingMethod");
            read_text(method, "taxType", d, dl.tax_type, 32);
        }
        Price p;
        if (read_price(v, "shippingCosts", out.exponent, d, p, false)) {
            dl.shipping_total = p.total;
            dl.shipping_taxes = p.taxes;
            dl.shipping_rules = p.rules;
            const std::int64_t tax = out.tax_free ? 0 : p.tax;
            auto& s = out.shipping;
            if (out.tax_inclusive) {
                s.amount_incl_tax += p.total;
                s.amount_excl_tax += p.total - tax;
            } else {
                s.amount_excl_tax += p.total;
                s.amount_incl_tax += p.total + tax;
            }
            s.total_tax += tax;
        }
        out.deliveries.push_back(std::move(dl));
    });
}

// Transaction → authorisation-like parent; captures → capture children; capture refunds → refund children
// with their positions. States map: capture completed / refund completed = succeeded; pending, open and
// in_progress = pending; failed and cancelled = failed (docs/rules.md).
TxStatus status_of(std::string_view state) {
    if (state == "completed" || state == "paid") return TxStatus::succeeded;
    if (state == "failed" || state == "cancelled") return TxStatus::failed;
    return TxStatus::pending;
}

void read_refund(json::Value v, const Id& capture, Order& out, Diagnostics& d, std::size_t i) {
    Transaction tx;
    tx.kind = TxKind::refund;
    tx.parent_id = capture;
    tx.source_index = static_cast<std::uint32_t>(i);
    tx.source_list = "transactions.captures.refunds";
    if (!require(read_id(v, "id", d, tx.id), "id", d)) return;
    read_state(v, "stateMachineState", d, tx.state);
    tx.status = status_of(tx.state);
    read_text(v, "reason", d, tx.reason);
    Price p;
    if (read_price(v, "amount", out.exponent, d, p)) tx.amount = p.total;
    json::Value positions;
    if (read_array(v, "positions", d, positions) && positions) {
        auto at = d.at("positions");
        for_each_object(positions, d, [&](json::Value pv, std::size_t) {
            RefundPosition pos;
            read_id(pv, "id", d, pos.id);
            require(read_id(pv, "orderLineItemId", d, pos.line_id), "orderLineItemId", d);
            read_count(pv, "quantity", d, pos.quantity);
            Price pp;
            if (read_price(pv, "amount", out.exponent, d, pp)) pos.amount = pp.total;
            tx.positions.push_back(std::move(pos));
        });
    }
    if (out.find_transaction(tx.id)) {
        d.error_at("id", Code::DUPLICATE_ID, {"Refund id ", tx.id.text, " is listed twice."});
        return;
    }
    out.transaction_index.emplace(id_key(tx.id), static_cast<std::uint32_t>(out.transactions.size()));
    out.transactions.push_back(std::move(tx));
}

void read_transactions(json::Value root, Order& out, Diagnostics& d) {
    json::Value list;
    if (!read_array(root, "transactions", d, list) || !list) return;
    auto at = d.at("transactions");
    for_each_object(list, d, [&](json::Value v, std::size_t i) {
        Transaction tx;
        tx.source_index = static_cast<std::uint32_t>(i);
        tx.source_list = "transactions";
        if (!require(read_id(v, "id", d, tx.id), "id", d)) return;
        read_state(v, "stateMachineState", d, tx.state);
        Price p;
        if (read_price(v, "amount", out.exponent, d, p)) tx.amount = p.total;
        json::Value captures;
        const bool has_captures = read_array(v, "captures", d, captures) && captures && captures.size() > 0;
        // Without captures a paid transaction is itself the payment (a sale); with captures it is the
        // authorised amount and the captures are what was taken (Decision, docs/rules.md).
        const bool paid = tx.state == "paid" || tx.state == "paid_partially" || tx.state == "refunded_partially" ||
                          tx.state == "refunded";
        tx.kind = has_captures ? TxKind::authorization : TxKind::sale;
        tx.status = has_captures ? TxStatus::succeeded
                                 : (paid ? TxStatus::succeeded : (tx.state == "failed" || tx.state == "cancelled" ? TxStatus::failed : TxStatus::pending));
        const Id parent = tx.id;
        if (out.find_transaction(tx.id)) {
            d.error_at("id", Code::DUPLICATE_ID, {"Transaction id ", tx.id.text, " is listed twice."});
            return;
        }
        out.transaction_index.emplace(id_key(tx.id), static_cast<std::uint32_t>(out.transactions.size()));
        out.transactions.push_back(std::move(tx));
        if (!has_captures) return;
        auto at_c = d.at("captures");
        for_each_object(captures, d, [&](json::Value cv, std::size_t ci) {
            Transaction cap;
            cap.kind = TxKind::capture;
            cap.parent_id = parent;
            cap.source_index = static_cast<std::uint32_t>(ci);
            cap.source_list = "transactions.captures";
            if (!require(read_id(cv, "id", d, cap.id), "id", d)) return;
            read_state(cv, "stateMachineState", d, cap.state);
            cap.status = status_of(cap.state);
            Price cp;
            if (read_price(cv, "amount", out.exponent, d, cp)) cap.amount = cp.total;
            const Id cap_id = cap.id;
            if (out.find_transaction(cap.id)) {
                d.error_at("id", Code::DUPLICATE_ID, {"Capture id ", cap.id.text, " is listed twice."});
                return;
            }
            out.transaction_index.emplace(id_key(cap.id), static_cast<std::uint32_t>(out.transactions.size()));
            out.transactions.push_back(std::move(cap));
            json::Value refunds;
            if (read_array(cv, "refunds", d, refunds) && refunds) {
                auto at_r = d.at("refunds");
                std::size_t ri = 0;
                for (auto it = refunds.begin(); it != refunds.end(); ++it, ++ri) {
                    auto at_i = d.at(ri);
                    if (expect_object(*it, d)) read_refund(*it, cap_id, out, d, ri);
                }
            }
        });
    });
}

void read_returns(json::Value root, Order& out, Diagnostics& d) {
    const json::Value ext = root.get("extensions");
    if (!ext.is_object()) return;
    auto at = d.at("extensions");
    json::Value list;
    if (!read_array(ext, "returns", d, list) || !list) return;
    out.returns_listed = true;
    auto at_r = d.at("returns");
    for_each_object(list, d, [&](json::Value v, std::size_t i) {
        OrderReturn r;
        r.source_index = static_cast<std::uint32_t>(i);
        require(read_id(v, "id", d, r.id), "id", d);
        read_text(v, "returnNumber", d, r.number, 256);
        read_state(v, "state", d, r.state);
        shopware::read_amount(v, "amountTotal", out.exponent, d, r.amount_total);
        Price sp;
        if (read_price(v, "shippingCosts", out.exponent, d, sp, false)) r.shipping = sp.total;
        json::Value lines;
        if (read_array(v, "lineItems", d, lines) && lines) {
            auto at_l = d.at("lineItems");
            for_each_object(lines, d, [&](json::Value lv, std::size_t) {
                ReturnLine l;
                read_id(lv, "id", d, l.id);
                require(read_id(lv, "orderLineItemId", d, l.line_id), "orderLineItemId", d);
                require(read_count(lv, "quantity", d, l.quantity), "quantity", d);
                shopware::read_amount(lv, "refundAmount", out.exponent, d, l.refund_amount);
                read_state(lv, "state", d, l.state);
                r.lines.push_back(std::move(l));
            });
        }
        out.returns.push_back(std::move(r));
    });
}

bool read_tax_status(json::Value root, const ReadOptions& options, Diagnostics& d, Order& out) {
    std::string status;
    if (read_text(root, "taxStatus", d, status, 32) != Read::ok) {
        const json::Value price = root.get("price");
        if (price.is_object()) {
            auto at = d.at("price");
            read_text(price, "taxStatus", d, status, 32);
        }
    }
    if (status.empty()) {
        d.error_at("taxStatus", Code::MISSING_FIELD, "The order's taxStatus (or price.taxStatus) is required: gross, net or tax-free.");
        return false;
    }
    if (status == "gross") {
        out.tax_inclusive = true;
    } else if (status == "net") {
        out.tax_inclusive = false;
    } else if (status == "tax-free") {
        out.tax_free = true;
    } else {
        d.error_at("taxStatus", Code::INVALID_VALUE, {"taxStatus '", status, "' is not gross, net or tax-free."});
        return false;
    }
    if (options.tax_inclusive && !out.tax_free) out.tax_inclusive = *options.tax_inclusive;
    return true;
}

bool read_currency_facts(json::Value root, const ReadOptions& options, Diagnostics& d, Order& out) {
    const json::Value currency = root.get("currency");
    if (currency.is_object()) {
        auto at = d.at("currency");
        read_text(currency, "isoCode", d, out.currency, 16);
        std::int64_t factor = 0;
        if (shopware::read_scaled(currency, "factor", kMaxRateScale, d, factor) == Read::ok && factor > 0) {
            out.currency_factor = Rate{factor, kMaxRateScale};
            out.has_currency_factor = true;
        }
    }
    std::string currency_id;
    if (read_text(root, "currencyId", d, currency_id, 64) == Read::ok) out.default_currency = currency_id == kDefaultCurrencyId;
    bool present = false;
    if (!read_rounding(root, "itemRounding", d, out.item_rounding, present)) return false;
    if (!present && currency.is_object()) {
        auto at = d.at("currency");
        if (!read_rounding(currency, "itemRounding", d, out.item_rounding, present)) return false;
    }
    if (!present) {
        const auto c = find_currency(out.currency);
        if (out.currency.empty() || !c) {
            d.error_at("itemRounding", Code::MISSING_FIELD,
                       "The order's itemRounding (or currency.isoCode) is required to know the amounts' decimals.");
            return false;
        }
        out.item_rounding.decimals = c->exponent;
    }
    out.exponent = out.item_rounding.decimals;
    out.states_rounding = true;
    if (auto e = options.profile.exponent_override(out.currency)) out.exponent = out.item_rounding.decimals = *e;
    out.total_rounding = out.item_rounding;
    if (!read_rounding(root, "totalRounding", d, out.total_rounding, present)) return false;
    if (out.total_rounding.decimals != out.exponent) {
        d.error_at("totalRounding", Code::INVALID_VALUE, "totalRounding.decimals must equal itemRounding.decimals.");
        return false;
    }
    return true;
}

void read_tax_calculation(json::Value root, const ReadOptions& options, Diagnostics& d, Order& out) {
    std::string type;
    if (read_text(root, "taxCalculationType", d, type, 32) == Read::ok && !type.empty()) {
        out.vertical_tax = type == "vertical";
        out.tax_calculation_source = "order.taxCalculationType";
    } else if (const json::Value sc = root.get("salesChannel"); sc.is_object()) {
        auto at = d.at("salesChannel");
        if (read_text(sc, "taxCalculationType", d, type, 32) == Read::ok && !type.empty()) {
            out.vertical_tax = type == "vertical";
            out.tax_calculation_source = "salesChannel.taxCalculationType";
        }
    }
    if (options.profile.vertical_tax) {
        out.vertical_tax = *options.profile.vertical_tax;
        out.tax_calculation_source = "options.profile.tax_calculation";
    }
    if (out.tax_calculation_source.empty()) out.tax_calculation_source = "default";
}

// A delivery that is shipped (or came back) counts its lines as fulfilled; Shopware core keeps no per-line
// shipped quantity (Decision, docs/rules.md).
void derive_quantities(Order& out, Diagnostics& d) {
    bool shipped = false;
    for (const auto& dl : out.deliveries)
        if (dl.state == "shipped" || dl.state == "returned" || dl.state == "returned_partially") shipped = true;
    for (const auto& t : out.transactions) {
        if (t.kind != TxKind::refund || t.status == TxStatus::failed) continue;
        for (const auto& p : t.positions)
            if (Line* l = out.find_line(p.line_id)) l->refunded_quantity += p.quantity;
    }
    for (const auto& r : out.returns) {
        if (r.state == "cancelled") continue;
        for (const auto& rl : r.lines)
            if (rl.state != "cancelled")
                if (Line* l = out.find_line(rl.line_id)) l->returned_quantity += rl.quantity;
    }
    auto at = d.at("lineItems");
    for (auto& line : out.lines) {
        auto at_line = d.at(line.source_index);
        line.fulfillable_quantity = shipped ? 0 : line.current_quantity;
        line.editable_quantity = line.fulfillable_quantity;
        line.derived.push_back("fulfillable_quantity");
        line.derived.push_back("editable_quantity");
        line.refunded_in_place = std::min(line.refunded_quantity, line.current_quantity);
        line.derived.push_back("refunded_quantity");
        if ((line.kind != LineKind::item && line.kind != LineKind::custom) || line.amount_excl_tax < 0) {
            // Discounts and credits are lines of their own with negative totals; they take no unit rules.
            line.fulfillable_quantity = line.editable_quantity = 0;
        }
        finish_line_quantities(line, d);
    }
}

void check_totals(json::Value root, Order& out, Diagnostics& d) {
    std::int64_t raw = 0;
    for (const auto& l : out.lines) raw += out.tax_inclusive || out.tax_free ? l.amount_incl_tax - (out.tax_free ? l.total_tax : 0)
                                                                          : l.amount_incl_tax;
    raw += out.tax_inclusive || out.tax_free ? out.shipping.amount_incl_tax : out.shipping.amount_incl_tax;
    out.raw_total = raw;
    const std::int64_t total = cash_round(raw, out.total_rounding);
    std::int64_t given = 0;
    if (shopware::read_amount(root, "amountTotal", out.exponent, d, given) == Read::ok && given != total)
        d.warning_at("amountTotal", Code::INCONSISTENT_TOTALS,
                     {"The order says ", Part::amount(given, out.exponent),
                      " but its top-level line items and shipping add up to ", Part::amount(raw, out.exponent), ", ",
                      Part::amount(total, out.exponent), " after total rounding; the engine uses the parts."});
}

}  // namespace

bool claims(json::Value root) {
    bool wrapped = false, listed = false;
    const json::Value o = unwrap(root, wrapped, listed);
    if (!o.is_object() || !o.get("lineItems").is_array()) return false;
    const json::Value alias = o.get("apiAlias");
    if (alias.is_string() && alias.text() == "order") return true;
    const json::Value price = o.get("price");
    return (price.is_object() && price.get("taxStatus")) || o.get("itemRounding").is_object();
}

bool read_order(json::Value root, const ReadOptions& options, Diagnostics& d, Order& out) {
    bool wrapped = false, listed = false;
    const json::Value entity = unwrap(root, wrapped, listed);
    std::optional<Diagnostics::Scope> a, b;
    if (wrapped) a.emplace(d, PathSegment{"data", -1});
    if (listed) b.emplace(d, PathSegment{{}, 0});
    if (!expect_object(entity, d)) return false;
    const json::Value o = entity;
    if (!read_currency_facts(o, options, d, out)) return false;
    if (!read_tax_status(o, options, d, out)) return false;
    read_tax_calculation(o, options, d, out);
    read_id(o, "id", d, out.id);
    read_text(o, "orderNumber", d, out.number, 256);
    read_state(o, "stateMachineState", d, out.status);

    json::Value lines;
    if (!read_lines_array(o, "lineItems", options, d, lines)) return false;
    out.lines.reserve(lines.size());
    {
        auto at = d.at("lineItems");
        read_lines(lines, out, d, false);
    }
    check_unique_line_ids(out, "lineItems", d);
    read_deliveries(o, out, d);
    if (out.deliveries.empty()) {
        Price p;
        if (read_price(o, "shippingCosts", out.exponent, d, p, false)) {
            const std::int64_t tax = out.tax_free ? 0 : p.tax;
            out.shipping.amount_incl_tax = out.tax_inclusive ? p.total : p.total + tax;
            out.shipping.amount_excl_tax = out.tax_inclusive ? p.total - tax : p.total;
            out.shipping.total_tax = tax;
        }
    }
    read_transactions(o, out, d);
    read_returns(o, out, d);
    derive_quantities(out, d);
    for (const auto& t : out.transactions)
        if (t.source_list == "transactions") out.payment_status = t.state;  // the last one is the current attempt
    if (!out.deliveries.empty()) out.fulfillment_status = out.deliveries.front().state;
    if (!sums_in_range(out, d)) return false;
    check_totals(o, out, d);
    return true;
}

}  // namespace op::shopware
