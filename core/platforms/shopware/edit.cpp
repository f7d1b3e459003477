// previewEdit on a Shopware order: the Administration's versioned order edit. The edits are written to a new
// order version, then POST /api/_action/order/{orderId}/recalculate recomputes the version as Shopware's
// RecalculationService does with the admin-edit permissions (docs/rules.md S60–S68):
// - product and custom lines: priced again from their unit price and tax rules at the new quantity (S21);
// - promotion lines: kept as stored (promotions are skipped when an order is recalculated);
// - credit lines: their amount kept, their tax rules re-split over the other lines (absolute price);
// - shipping: the first delivery's stored costs kept as a manual price, their tax recomputed from the lines
//   the delivery carries by the shipping method's tax type;
// - totals: horizontal or vertical taxes, the total cash-rounded with the order's totalRounding.
// The transactions are not part of the recalculation: their amount stays.
#include <algorithm>

#include "parts.hpp"

namespace op::shopware {

namespace {

std::string edit_path(std::size_t index) { return join({"edits[", index, "]"}); }

bool is_hex32(const std::string& s) {
    return s.size() == 32 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// A line's price as the order stores it (gross or net per the order).
LinePrice stored(const Line& l, const Order& o) {
    LinePrice p;
    p.unit = l.unit_price;
    p.quantity = l.current_quantity;
    p.total = o.tax_inclusive ? l.amount_incl_tax : l.amount_excl_tax;
    if (!o.tax_free) p.taxes = l.taxes;
    p.rules = l.tax_rules;
    return p;
}

LinePrice stored_shipping(const Delivery& dl, const Order& o) {
    LinePrice p;
    p.unit = p.total = dl.shipping_total;
    p.quantity = 1;
    if (!o.tax_free) p.taxes = dl.shipping_taxes;
    p.rules = dl.shipping_rules;
    return p;
}

void set_amounts(EditedLine& l, const LinePrice& p, const Order& o) {
    const std::int64_t tax = o.tax_free ? 0 : p.tax_sum();
    if (o.tax_inclusive) {
        l.amount_incl_tax = p.total;
        l.total_tax = tax;
        l.amount_excl_tax = p.total - tax;
    } else {
        l.amount_excl_tax = p.total;
        l.total_tax = tax;
        l.amount_incl_tax = p.total + tax;
    }
}

Totals totals_of(const std::vector<const EditedLine*>& lines, const CartPrice& c, const Order& o) {
    Totals t;
    for (const EditedLine* l : lines) {
        t.lines_excl_tax += l->amount_excl_tax;
        t.lines_tax += l->total_tax;
        t.lines_incl_tax += l->amount_incl_tax;
    }
    for (const auto& x : c.taxes) t.total_tax += x.tax;
    if (o.tax_free) t.total_tax = 0;
    if (o.tax_free) {
        t.total_excl_tax = t.total_incl_tax = c.total;
    } else {
        t.total_excl_tax = c.net;
        t.total_incl_tax = c.total;
    }
    return t;
}

Shipping shipping_of(const std::vector<LinePrice>& prices, const Order& o) {
    Shipping s;
    for (const auto& p : prices) {
        const std::int64_t tax = o.tax_free ? 0 : p.tax_sum();
        s.total_tax += tax;
        s.amount_incl_tax += o.tax_inclusive ? p.total : p.total + tax;
        s.amount_excl_tax += o.tax_inclusive ? p.total - tax : p.total;
    }
    return s;
}

bool carries(const Delivery& dl, const EditedLine& l, bool first) {
    if (!l.original) return first && !l.digital;  // the add-product action puts the new line into the first delivery
    for (const auto& [line, quantity] : dl.positions)
        if (same_id(line, l.id)) return true;
    return false;
}

// The shipping method's tax rules for the lines a delivery carries (S64): "auto" their proportional shares,
// "highest" the highest rate at 100 %, "fixed" the delivery's own rules.
std::vector<ExactRule> shipping_rules(const Delivery& dl, const std::vector<LinePrice>& carried) {
    if (dl.tax_type == "fixed") return exact_rules(dl.shipping_rules);
    if (dl.tax_type == "highest") {
        std::vector<ExactRule> out;
        for (const auto& p : carried)
            for (const auto& r : p.rules) {
                const bool higher = out.empty() || static_cast<i128>(r.rate.units) * pow10(out[0].rate.scale) >
                                                       static_cast<i128>(out[0].rate.units) * pow10(r.rate.scale);
                if (higher) out.assign(1, ExactRule{r.rate, 1, 1});
            }
        return out;
    }
    return proportional_rules(carried);
}

std::string money(std::int64_t v, const Order& o) { return format_amount(v, o.exponent); }

struct Recalculation {
    const Order& o;
    EditState& s;
    Diagnostics& d;
    PriceContext pc;
    std::vector<LinePrice> prices;  // per s.touched (empty total for removed lines)
    const EditedLine* first_change = nullptr;

    void refuse_unpreviewed() {
        if (s.shipping_address)
            d.error_exact(Code::OPERATION_NOT_SUPPORTED,
                          "previewEdit does not preview address changes of Shopware orders (POST /api/_action/order/{orderId}/order-address).",
                          edit_path(s.shipping_address_edit) + ".op");
        for (const auto& l : s.touched) {
            if (l.original) continue;
            if (!is_hex32(l.product_id.text))
                d.error_exact(Code::INVALID_ID, "Shopware product ids are 32 lowercase hexadecimal digits.", edit_path(l.edit_index) + ".product_id");
            for (const auto& other : o.lines)
                // The cart keys an order's line by its identifier (a product's id): an equal one stacks.
                if (other.kind == LineKind::item && (other.identifier == l.product_id.text || same_id(other.product_id, l.product_id)))
                    d.error_exact(Code::INVALID_VALUE,
                                  "The order already has product " + l.product_id.text + " as line " + other.id.text +
                                      "; Shopware's add-product action adds the quantity to that line. Use update_line on it.",
                                  edit_path(l.edit_index) + ".product_id");
        }
    }

    static bool repriced(const Line& l) { return l.kind == LineKind::item || l.kind == LineKind::custom; }

    void price_lines() {
        prices.assign(s.touched.size(), LinePrice{});
        std::vector<LinePrice> others;  // every line the credit processor sees before it: all but credits
        for (std::size_t i = 0; i < s.touched.size(); ++i) {
            EditedLine& l = s.touched[i];
            if (l.removed) continue;
            const std::int64_t unit = l.original ? l.original->unit_price : *l.unit_price;
            const i128 amount = static_cast<i128>(unit < 0 ? -unit : unit) * l.quantity;
            if (amount > kMaxMinorUnits / 4) {
                d.error_exact(Code::AMOUNT_OUT_OF_RANGE, "At this quantity the line's amount is beyond the money range.",
                              edit_path(l.edit_index) + ".quantity");
                l.removed = true;  // left out of the sums, which must stay in range
                continue;
            }
            if (!l.original) {
                std::vector<ExactRule> rules;
                if (l.has_rate) rules.push_back(ExactRule{l.tax_rate, 1, 1});
                prices[i] = price_line(*l.unit_price, rules, l.quantity, pc);
            } else if (repriced(*l.original)) {
                prices[i] = price_line(l.original->unit_price, exact_rules(l.original->tax_rules), l.quantity, pc);
            } else {
                prices[i] = stored(*l.original, o);
            }
            if (!l.original || l.original->kind != LineKind::credit) others.push_back(prices[i]);
        }
        for (std::size_t i = 0; i < s.touched.size(); ++i) {
            EditedLine& l = s.touched[i];
            if (l.removed || !l.original || l.original->kind != LineKind::credit) continue;
            prices[i] = price_line(l.original->unit_price, proportional_rules(others), 1, pc);
        }
        for (std::size_t i = 0; i < s.touched.size(); ++i) {
            EditedLine& l = s.touched[i];
            if (l.removed) {
                l.amount_excl_tax = l.total_tax = l.amount_incl_tax = 0;
                continue;
            }
            set_amounts(l, prices[i], o);
            // A line the edits did not touch whose amounts the recalculation changes (a credit's tax split).
            if (l.original && !l.quantity_changed &&
                (l.amount_incl_tax != l.original->amount_incl_tax || l.total_tax != l.original->total_tax))
                l.price_changed = true;
        }
        for (const auto& l : s.touched)
            if ((!l.original && !l.removed) || (l.original && (l.removed || l.quantity_changed)))
                if (!first_change || l.edit_index < first_change->edit_index) first_change = &l;
    }

    // The shipping after the recalculation (S64) — and the order's shipping as stored, for the totals before.
    std::vector<LinePrice> shipping_after() {
        std::vector<LinePrice> out;
        if (o.deliveries.empty()) {
            if (o.shipping.amount_incl_tax != 0 && first_change)
                warn(Code::MISSING_FIELD,
                     "The order lists no deliveries; Shopware recalculates shipping through them. Load deliveries with "
                     "positions and shippingMethod; the preview keeps the shipping as stored.");
            return {};
        }
        const Delivery* first = nullptr;
        for (const auto& dl : o.deliveries)
            if (dl.shipping_total >= 0 && !first) first = &dl;
        if (!first) return {};
        for (const auto& dl : o.deliveries) {
            if (dl.shipping_total < 0) continue;
            std::vector<LinePrice> carried;
            for (std::size_t i = 0; i < s.touched.size(); ++i) {
                const EditedLine& l = s.touched[i];
                if (l.removed) continue;
                const bool goods = !l.original || repriced(*l.original);
                if (dl.has_positions ? carries(dl, l, &dl == first) : (goods && !l.digital)) carried.push_back(prices[i]);
            }
            out.push_back(price_line(first->shipping_total, shipping_rules(dl, carried), 1, pc));
        }
        return out;
    }

    void warn(Code code, std::string message) {
        d.warning_exact({code, std::move(message), first_change ? edit_path(first_change->edit_index) : std::string("edits")});
    }

    void run() {
        pc = price_context(o);
        refuse_unpreviewed();
        price_lines();
        std::vector<LinePrice> stored_lines, after_lines, stored_ship;
        std::vector<const EditedLine*> kept;
        for (const auto& l : o.lines) stored_lines.push_back(stored(l, o));
        for (std::size_t i = 0; i < s.touched.size(); ++i)
            if (!s.touched[i].removed) {
                after_lines.push_back(prices[i]);
                kept.push_back(&s.touched[i]);
            }
        for (const auto& dl : o.deliveries) stored_ship.push_back(stored_shipping(dl, o));
        std::vector<LinePrice> ship = shipping_after();
        // The cart's sums are int64: every part within the money range is checked once here.
        i128 magnitude = 0;
        for (const auto* list : {&after_lines, &ship})
            for (const auto& p : *list) {
                magnitude += p.total < 0 ? -static_cast<i128>(p.total) : p.total;
                for (const auto& t : p.taxes) magnitude += (t.tax < 0 ? -static_cast<i128>(t.tax) : t.tax) + (t.base < 0 ? -static_cast<i128>(t.base) : t.base);
            }
        if (magnitude > kMaxMinorUnits) {
            d.error_exact(Code::AMOUNT_OUT_OF_RANGE, "After the edits the order's amounts add up to more than 10^15 minor units.", "edits");
            return;
        }
        const bool shipping_kept = o.deliveries.empty();
        if (!shipping_kept) s.shipping = shipping_of(ship, o);
        const CartPrice before = price_cart(stored_lines, shipping_kept ? std::vector<LinePrice>{} : stored_ship, pc);
        const CartPrice after = price_cart(after_lines, shipping_kept ? std::vector<LinePrice>{} : ship, pc);
        std::vector<EditedLine> originals;
        for (const auto& l : o.lines) {
            EditedLine e;
            e.amount_excl_tax = l.amount_excl_tax;
            e.total_tax = l.total_tax;
            e.amount_incl_tax = l.amount_incl_tax;
            originals.push_back(e);
        }
        std::vector<const EditedLine*> original_ptrs;
        for (const auto& e : originals) original_ptrs.push_back(&e);
        Totals tb = totals_of(original_ptrs, before, o), ta = totals_of(kept, after, o);
        if (shipping_kept) {
            // No deliveries: the stored shipping stays on both sides, added to the cart's sums before total rounding.
            const std::pair<Totals*, const CartPrice*> sides[] = {{&tb, &before}, {&ta, &after}};
            for (const auto& [t, c] : sides) {
                t->total_excl_tax += o.shipping.amount_excl_tax;
                if (!o.tax_free) t->total_tax += o.shipping.total_tax;
                t->total_incl_tax = cash_round(c->raw_total + o.shipping.amount_incl_tax, o.total_rounding);
                if (o.tax_free) t->total_excl_tax = t->total_incl_tax;
            }
        }
        s.totals_before = tb;
        s.totals_after = ta;
        if (first_change) advise(before, after, stored_ship, ship);
    }

    // What the recalculation keeps or decides itself (S66–S68).
    void advise(const CartPrice& before, const CartPrice& after, const std::vector<LinePrice>& stored_ship,
                const std::vector<LinePrice>& ship) {
        std::string promotions;
        for (const auto& l : s.touched)
            if (l.original && l.original->kind == LineKind::discount && !l.removed)
                promotions += (promotions.empty() ? "" : ", ") + (l.title.empty() ? l.id.text : l.title) + " (" +
                              money(l.amount_incl_tax, o) + ")";
        if (!promotions.empty())
            warn(Code::OFFERS_NOT_REEVALUATED,
                 "Shopware recalculates an edited order without promotions: " + promotions +
                     " stay as stored and are not re-evaluated for the new quantities.");
        if (!ship.empty()) {
            std::int64_t tax_before = 0, tax_after = 0;
            for (const auto& p : stored_ship) tax_before += p.tax_sum();
            for (const auto& p : ship) tax_after += p.tax_sum();
            std::string msg = join({"Shopware keeps the shipping costs as stored (", money(ship.front().total, o),
                                    ", the first delivery's)"});
            if (o.tax_free)
                msg += ".";
            else
                msg += " and recomputes only their tax, from the lines the delivery carries" +
                       (tax_before == tax_after ? "; the tax stays " + money(tax_after, o) + "."
                                                : ": " + money(tax_before, o) + " → " + money(tax_after, o) + ".");
            if (ship.size() > 1) msg += " Every delivery is priced with the first delivery's costs.";
            warn(Code::RECALCULATED_BY_SERVER, msg);
        }
        for (const auto& l : s.touched) {
            if (l.original || l.removed) continue;
            d.warning_exact({Code::RECALCULATED_BY_SERVER,
                             "The server prices product " + l.product_id.text +
                                 " from the catalogue (its price in the order's currency and customer group, its tax for the "
                                 "customer); the preview uses the edit's " + money(*l.unit_price, o) + " per unit.",
                             edit_path(l.edit_index)});
        }
        if (after.total != before.total && !o.transactions.empty())
            warn(Code::RECALCULATED_BY_SERVER,
                 "The recalculation leaves the order's transactions as they are: their amount stays " + money(before.total, o) +
                     " while the order total becomes " + money(after.total, o) + ".");
    }
};

}  // namespace

std::string edit_line_refusal(const Line& line) {
    switch (line.kind) {
        case LineKind::item:
        case LineKind::custom:
            return {};
        case LineKind::discount:
            return join({"Line ", line.id.text,
                         " is a promotion; Shopware keeps promotion lines as they are when it recalculates "
                         "an order, so the preview does not change them."});
        case LineKind::credit:
            return join({"Line ", line.id.text,
                         " is a credit; its amount is not a quantity. Credits are not edited by the preview."});
        case LineKind::container:
            return join(
                {"Line ", line.id.text,
                 " is a container; its children are priced with it. Containers are not edited by the preview."});
        default:
            return join({"Line ", line.id.text, " is not a product or custom line; the preview edits only those."});
    }
}

std::string edit_field_refusal(std::string_view key) {
    return join({"Shopware orders: '", key,
                 "' is not previewed by previewEdit; change states with transition() on the order's entities."});
}

void recalculate_edit(const Order& order, EditState& state, Diagnostics& d) {
    Recalculation r{order, state, d, {}, {}, nullptr};
    r.run();
}

static void write_price_definition(json::Writer& w, const EditedLine& l, const Order& o) {
    w.key("priceDefinition").object();
    const json::Value given = l.source.is_object() ? l.source.get("priceDefinition") : json::Value();
    if (given.is_object()) {
        static constexpr std::string_view kQuantity[] = {"quantity"};
        copy_members_except(w, given, kQuantity);
        w.field("quantity", l.quantity);
        w.end_object();
        return;
    }
    // Not loaded: the definition the line's price was computed from (its unit price is already calculated).
    w.field("type", "quantity");
    w.key("price");
    write_number(w, l.original->unit_price, o.exponent);
    w.field("quantity", l.quantity);
    w.key("taxRules").array();
    for (const auto& r : l.original->tax_rules) {
        w.object();
        w.key("taxRate").raw_number(percent_text(r.rate));
        w.key("percentage").raw_number(share_percent_text(r.share));
        w.end_object();
    }
    w.end_array();
    w.field("isCalculated", true);
    w.end_object();
}

// The plan (S61): create a version, write each edit into it, recalculate it, merge it.
void write_edit_calls(json::Writer& w, const EditPlanInput& in, Diagnostics& d) {
    (void)d;
    const Order& o = in.order;
    const std::string order_id = path_id(o.id, "{orderId}");
    PlanWriter live(w, "sw-version-id", kLiveVersion);
    live.call("POST", "/api/_action/version/order/" + order_id, "");
    w.key("body").object().end_object();
    live.end();
    PlanWriter plan(w, "sw-version-id", "{versionId}");
    // In edit order: a line's edit_index is the last edit that touched it, so no two lines share one.
    std::vector<const EditedLine*> by_edit;
    for (const auto& l : in.state.touched) {
        if (!((!l.original && !l.removed) || (l.original && (l.removed || l.quantity_changed)))) continue;
        if (by_edit.size() <= l.edit_index) by_edit.resize(l.edit_index + 1, nullptr);
        by_edit[l.edit_index] = &l;
    }
    for (const EditedLine* l : by_edit) {
        if (!l) continue;
        if (!l->original) {
            plan.call("POST", "/api/_action/order/" + order_id + "/product/" + l->product_id.text, "");
            w.key("body").object().field("quantity", l->quantity).end_object();
        } else if (l->removed) {
            plan.call("DELETE", "/api/order-line-item/" + l->id.text, "deleteOrderLineItem");
        } else {
            plan.call("PATCH", "/api/order-line-item/" + l->id.text, "updateOrderLineItem");
            w.key("body").object().field("quantity", l->quantity);
            // Custom lines are priced from their own price definition, quantity included (product lines take
            // the line's quantity): the definition is written back with the new quantity.
            if (l->original->kind == LineKind::custom) write_price_definition(w, *l, o);
            w.end_object();
        }
        plan.end();
    }
    plan.call("POST", "/api/_action/order/" + order_id + "/recalculate", "");
    w.key("body").object().end_object();
    plan.end();
    plan.call("POST", "/api/_action/version/merge/order/{versionId}", "");
    w.key("body").object().end_object();
    plan.end();
}

}  // namespace op::shopware
