// Applying edit operations: the rules of seed 000 (editable_quantity, fulfilled units, quantity-only
// PATCH), seed 002 (quantity and price on v1 line items) and seed 004 (Elastic Path). Money of existing
// lines is frozen per unit: a quantity change scales each component cumulatively (docs/rules.md §4).
#include <algorithm>
#include <unordered_map>

#include "../order/fields.hpp"
#include "edit.hpp"
#include "order_facts.hpp"

namespace op {
namespace {

// f(n) extended past the basis, so raising a quantity keeps the frozen unit amounts.
std::int64_t scaled(std::int64_t total, std::int64_t basis, std::int64_t n, Proration mode) {
    if (basis <= 0 || n == basis) return n == basis ? total : 0;
    if (n < basis) return prorate_cumulative(total, basis, n, mode);
    return static_cast<std::int64_t>(div_round(static_cast<i128>(total) * n, basis, Rounding::half_up));
}

bool is_cancelled(std::string_view s) { return s == "cancelled" || s == "canceled"; }
bool is_closed(std::string_view s) { return s == "closed" || s == "archived"; }

struct Editor {
    const OrderContext& ctx;
    const Platform& rules;
    Diagnostics& d;
    EditState& state;
    const OrderFacts& facts;
    int added = 0;
    std::unordered_map<std::size_t, std::size_t> touched_at;  // order line index -> position in state.touched

    // The order's lines first (by the order's id index), then the lines added so far, as when every line was
    // listed in that order.
    EditedLine* find(const Id& id, std::string_view key) {
        if (const Line* o = ctx.order.find_line(id)) return &touch(*o);
        for (auto& l : state.touched)
            if (!l.original && same_id(l.id, id)) return &l;
        d.error_at(key, Code::LINE_ITEM_NOT_FOUND, {"The order has no line ", id.text, "."});
        return nullptr;
    }

    EditedLine& touch(const Line& o) {
        const std::size_t index = static_cast<std::size_t>(&o - ctx.order.lines.data());
        const auto [it, fresh] = touched_at.emplace(index, state.touched.size());
        if (fresh) state.touched.push_back(unedited_line(o, facts.line_sources[index]));
        return state.touched[it->second];
    }

    void set_quantity(EditedLine& l, std::int64_t q) {
        if (l.original) {
            const Line& o = *l.original;
            const Proration mode = ctx.profile.proration;
            l.amount_excl_tax = scaled(o.amount_excl_tax, o.current_quantity, q, mode);
            l.total_tax = scaled(o.total_tax, o.current_quantity, q, mode);
            l.amount_incl_tax = l.amount_excl_tax + l.total_tax;
            l.discount = scaled(o.discount, o.current_quantity, q, mode);
        }
        l.quantity = q;
        if (l.unit_price) price_line(l);
        l.removed = q == 0;
    }

    // A line with a unit price (added, or repriced on v1): amounts from price x quantity and the tax rate.
    void price_line(EditedLine& l) {
        const i128 gross = static_cast<i128>(*l.unit_price) * l.quantity - l.discount;
        const std::int64_t amount = static_cast<std::int64_t>(std::max<i128>(0, std::min<i128>(gross, kMaxMinorUnits)));
        const Rate rate = l.has_rate ? l.tax_rate : Rate{};
        const bool per_unit = ctx.profile.tax_granularity == TaxGranularity::unit && l.discount == 0;
        if (ctx.order.tax_inclusive) {
            NetAndTax split = split_inclusive(amount, rate, ctx.profile.inclusive_split, ctx.profile.rounding);
            if (per_unit) {
                const NetAndTax unit = split_inclusive(*l.unit_price, rate, ctx.profile.inclusive_split, ctx.profile.rounding);
                split = {amount - unit.tax * l.quantity, unit.tax * l.quantity};
            }
            l.amount_excl_tax = split.net;
            l.total_tax = split.tax;
        } else {
            l.amount_excl_tax = amount;
            l.total_tax = per_unit ? tax_on_net(*l.unit_price, rate, ctx.profile.rounding) * l.quantity
                                   : tax_on_net(amount, rate, ctx.profile.rounding);
        }
        l.amount_incl_tax = l.amount_excl_tax + l.total_tax;
    }

    void update_line(json::Value e, bool remove, std::size_t index) {
        Id id;
        if (!require(read_id(e, "line_id", d, id), "line_id", d)) return;
        EditedLine* l = find(id, "line_id");
        if (!l) return;
        if (l->original && rules.edit->line_refusal) {
            const std::string why = rules.edit->line_refusal(*l->original);
            if (!why.empty()) {
                d.error_at("line_id", Code::LINE_NOT_EDITABLE, why);
                return;
            }
        }
        l->edit_index = index;
        std::int64_t q = 0;
        if (remove) {
            q = 0;
        } else if (!require(read_count(e, "quantity", d, q), "quantity", d)) {
            return;
        }
        read_text(e, "reason", d, l->reason, 500);
        if (l->original && l->original->current_quantity > 0 &&
            static_cast<i128>(l->original->amount_incl_tax + l->original->discount) * q / l->original->current_quantity > kMaxMinorUnits / 4) {
            d.error_at("quantity", Code::AMOUNT_OUT_OF_RANGE, "At this quantity the line's amount is beyond the money range.");
            return;
        }
        std::int64_t price = 0;
        const Read price_read = read_amount(e, "price", ctx.order.exponent, d, price);
        if (price_read == Read::bad) return;
        if (l->original) {
            const Line& o = *l->original;
            const std::int64_t locked = o.current_quantity - o.editable_quantity;  // fulfilled or in fulfilment
            if (q != l->quantity && o.editable_quantity == 0) {
                d.error_at(
                    "line_id", Code::LINE_NOT_EDITABLE,
                    {"Line ", id.text, " has editable_quantity 0: its units are fulfilled, in fulfilment or removed."});
                return;
            }
            if (q < locked) {
                d.error_at(remove ? "line_id" : "quantity", Code::QUANTITY_BELOW_FULFILLED,
                           {"Line ", id.text, " has ", locked,
                            " unit(s) fulfilled or in fulfilment; its quantity cannot go below that."});
                return;
            }
            if (price_read == Read::ok) {
                if (!rules.edit->line_price_changes) {
                    d.error_at("price", Code::PRICE_CHANGE_NOT_ALLOWED, std::string(rules.edit->price_change_refusal));
                    return;
                }
                l->unit_price = price;
                l->price_changed = true;
                if (!l->has_rate && o.amount_excl_tax > 0 && o.total_tax > 0)
                    d.warning_at("price", Code::TAX_RATE_REQUIRED, "The line has no tax rate; its tax is kept in proportion to the new amount.");
            }
        } else if (price_read == Read::ok) {
            l->unit_price = price;
        }
        set_quantity(*l, q);
        l->quantity_changed = l->original ? q != l->original->current_quantity : true;
        if (l->price_changed && !l->has_rate && l->original && l->original->amount_excl_tax > 0) {
            // No rate to recompute with: keep the line's effective rate by scaling its tax.
            const i128 tax = div_round(static_cast<i128>(scaled(l->original->total_tax, l->original->current_quantity, q, ctx.profile.proration)) *
                                           l->amount_excl_tax, std::max<std::int64_t>(1, scaled(l->original->amount_excl_tax, l->original->current_quantity, q, ctx.profile.proration)),
                                       ctx.profile.rounding);
            l->total_tax = static_cast<std::int64_t>(tax);
            l->amount_incl_tax = l->amount_excl_tax + l->total_tax;
        }
    }

    bool order_has_tax() const { return facts.any_line_tax || ctx.order.shipping.total_tax != 0; }

    void add_line(json::Value e, std::size_t index) {
        const std::size_t errors_before = d.error_count();
        EditedLine l;
        l.add_source = e;
        l.edit_index = index;
        // The product as the platform names it (v1 adds a variant_id); the first name is the one asked for.
        std::string_view product_key = *rules.edit->added_product_keys.begin();
        for (const std::string_view k : rules.edit->added_product_keys)
            if (e.get(k)) {
                product_key = k;
                break;
            }
        const bool has_product = require(read_id(e, product_key, d, l.product_id), product_key, d);
        std::int64_t q = 0;
        if (require(read_count(e, "quantity", d, q), "quantity", d) && q == 0)
            d.error_at("quantity", Code::INVALID_QUANTITY, "An added line needs a quantity of at least 1.");
        read_text(e, "title", d, l.title);
        read_text(e, "reason", d, l.reason, 500);
        bool requires_shipping = true;
        read_bool(e, "requires_shipping", d, requires_shipping);
        l.digital = !requires_shipping;
        std::int64_t price = 0;
        const Read price_read = read_amount(e, "price", ctx.order.exponent, d, price);
        const Read rate_read = read_rate(e, "tax_rate", d, l.tax_rate);
        json::Value entry;
        if (has_product) entry = catalog_entry(l.product_id);
        bool priced = price_read == Read::ok;
        if (price_read == Read::absent && entry) priced = catalog_price(entry, l.product_id, price);
        if (!priced && price_read != Read::bad)
            d.error_at(
                "price", Code::PRICE_REQUIRED,
                {"Line for product ", l.product_id.text, " has no price: give one in the edit or in options.catalog."});
        if (rate_read == Read::ok) {
            l.has_rate = true;
        } else if (rate_read == Read::absent) {
            l.has_rate = rate_from_catalog_or_profile(entry, l);
            if (!l.has_rate && order_has_tax())
                d.error_at("tax_rate", Code::TAX_RATE_REQUIRED,
                           "The order is taxed: give tax_rate in the edit, in options.catalog or in options.profile.default_tax_rate.");
        }
        if (entry && l.title.empty()) read_text(entry, "title", d, l.title);
        if (static_cast<i128>(price) * q > kMaxMinorUnits / 4) {
            d.error_at("quantity", Code::AMOUNT_OUT_OF_RANGE, "quantity x price is beyond the money range.");
            return;
        }
        if (q <= 0 || !priced || price < 0 || d.error_count() != errors_before) return;
        l.id = Id{true, "preview-" + std::to_string(++added)};
        l.unit_price = price;
        l.quantity_changed = true;
        set_quantity(l, q);
        state.touched.push_back(std::move(l));
    }

    json::Value catalog_entry(const Id& product) {
        const json::Value catalog = ctx.call_options.get("catalog");
        if (!catalog.is_object()) return {};
        const json::Value entry = catalog.get(product.text);
        return entry.is_object() ? entry : json::Value();
    }
    // Catalog issues are reported at their own path, options.catalog.<product_id>.price.
    bool catalog_price(json::Value entry, const Id& product, std::int64_t& price) {
        Diagnostics local;
        const Read r = read_amount(entry, "price", ctx.order.exponent, local, price);
        for (const auto& issue : local.errors())
            d.error_exact(issue.code, issue.message, "options.catalog." + product.text + ".price");
        return r == Read::ok;
    }

    bool rate_from_catalog_or_profile(json::Value entry, EditedLine& l) {
        if (entry && read_rate(entry, "tax_rate", d, l.tax_rate) == Read::ok) return true;
        if (ctx.profile.default_tax_rate) {
            l.tax_rate = *ctx.profile.default_tax_rate;
            return true;
        }
        if (!order_has_tax()) {
            l.tax_rate = Rate{};
            return true;  // an untaxed order: new lines are untaxed too
        }
        return false;
    }

    void update_address(json::Value e, std::size_t index) {
        const std::size_t errors_before = d.error_count();
        json::Value address = e.get("shipping_address");
        std::string_view key = "shipping_address";
        if (!address) {
            address = e.get("address");
            key = "address";
        }
        if (!address) {
            d.error_at("shipping_address", Code::MISSING_FIELD, "'shipping_address' is required.");
            return;
        }
        if (!order_details_open(key)) return;
        {
            auto at = d.at(key);
            if (!expect_object(address, d)) return;
            check_address(address, rules, d);
        }
        address_lock_check();
        if (d.error_count() != errors_before) return;
        state.shipping_address = address;
        state.shipping_address_edit = index;
    }

    // Seed 000: update the address before fulfilment processing; afterwards cancel the fulfilment request first.
    void address_lock_check() {
        const std::int64_t in_fulfilment = facts.in_fulfilment_units, fulfilled = facts.fulfilled_units,
                           physical = facts.physical_units;
        if (!rules.edit->address_locked_by_fulfilment) return;  // covered by the order-level rule
        if (physical > 0 && fulfilled == physical) {
            d.error(Code::ORDER_FULFILLED, "Every unit is already fulfilled; the shipping address no longer matters to the server.");
        } else if (in_fulfilment > 0 || ctx.order.fulfillment_status == "processing") {
            d.error(Code::ADDRESS_LOCKED_BY_FULFILLMENT, std::string(rules.edit->address_lock_refusal));
        }
    }

    // The platform's order-level refusals: a fulfilled order's shipping, address and status are final there
    // (references still change); an anonymized order's details never change again.
    bool fulfilled_refused(std::string_view key) {
        if (rules.edit->fulfilled_order_refusal.empty() || ctx.order.fulfillment_status != "fulfilled") return false;
        d.error_at(key, Code::ORDER_FULFILLED, std::string(rules.edit->fulfilled_order_refusal));
        return true;
    }
    bool order_details_open(std::string_view key) {
        if (ctx.order.anonymized) {
            d.error_at(key, Code::ORDER_ANONYMIZED, "The order is anonymized: its details can no longer be updated.");
            return false;
        }
        return !fulfilled_refused(key);
    }

    void update_fields(json::Value e, std::size_t index) {
        static constexpr std::string_view kFields[] = {"email", "note", "tags", "order_number", "external_ref", "status", "shipping"};
        bool any = false;
        bool valid = true;
        for (auto key : kFields) {
            const json::Value v = e.get(key);
            if (!v) continue;
            any = true;
            const std::string refusal = rules.edit->field_refusal ? rules.edit->field_refusal(key) : std::string();
            if (!refusal.empty()) {
                d.error_at(key, Code::FIELD_NOT_WRITABLE, refusal);
                valid = false;
                continue;
            }
            if (rules.edit->order_fields.count > 0 && !rules.edit->order_fields.contains(key)) {
                d.error_at(key, Code::INVALID_VALUE,
                           {"'", key, "' cannot be updated on this platform; update_order takes ",
                            join_fields(rules.edit->order_fields), "."});
                valid = false;
                continue;
            }
            valid = check_field(key, v) && valid;
        }
        // One update_order is one server call: it is planned only when every field in it is valid.
        for (auto key : kFields)
            if (const json::Value v = e.get(key); v && valid) {
                state.fields.emplace_back(key, v);
                state.field_edits.emplace_back(key, index);
            }
        if (!any) d.error_at("email", Code::MISSING_FIELD, "update_order needs at least one of email, note, tags, order_number, external_ref, status, shipping.");
    }

    bool check_field(std::string_view key, json::Value v) {
        if (key == "tags") {
            if (!v.is_array()) {
                d.error_at(key, Code::WRONG_TYPE, "'tags' must be an array of strings.");
                return false;
            }
            std::size_t i = 0;
            auto at = d.at(key);
            for (auto it = v.begin(); it != v.end(); ++it, ++i)
                if (!(*it).is_string() || (*it).text().size() > 255) {
                    auto at_i = d.at(i);
                    d.error(Code::WRONG_TYPE, "A tag must be a string of at most 255 characters.");
                    return false;
                }
            return true;
        }
        if (!v.is_string()) {
            d.error_at(key, Code::WRONG_TYPE, {"'", key, "' must be a string."});
            return false;
        }
        const std::string_view t = v.text();
        if (key == "email" && (t.find('@') == std::string_view::npos || t.size() > 254)) {
            d.error_at(key, Code::INVALID_VALUE, {"'", Part::excerpt(t, 80), "' is not an email address."});
            return false;
        }
        const bool reference = key == "order_number" || key == "external_ref";
        const std::size_t limit = reference ? rules.edit->reference_max_length : 4096;
        if (t.size() > limit) {
            std::string_view note = reference ? rules.edit->reference_limit_note : "";
            if (key == "order_number" && !rules.edit->order_number_limit_note.empty()) note = rules.edit->order_number_limit_note;
            d.error_at(key, Code::FIELD_TOO_LONG, {"'", key, "' may have at most ", limit, " characters", note, "."});
            return false;
        }
        if (key == "status" || key == "shipping") return order_details_open_for_status(key) && check_status_field(key, t);
        if (reference && ctx.order.anonymized) {
            d.error_at(key, Code::ORDER_ANONYMIZED, "The order is anonymized: its details can no longer be updated.");
            return false;
        }
        return true;
    }

    bool order_details_open_for_status(std::string_view key) { return !fulfilled_refused(key); }

    static std::string join_fields(NameList names) {
        std::string out;
        for (auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
        return out;
    }

    bool check_status_field(std::string_view key, std::string_view t) {
        if (!rules.edit->check_status_field) {
            d.error_at(key, Code::INVALID_VALUE,
                       {"Change statuses with transition(); previewEdit changes '", key,
                        "' only under the elasticpath preset."});
            return false;
        }
        return rules.edit->check_status_field(key, t, ctx.order, d);
    }
};

constexpr std::string_view kOps[] = {"update_line", "remove_line", "add_line", "update_shipping_address", "update_order"};

}  // namespace

EditedLine unedited_line(const Line& l, json::Value source) {
    EditedLine e;
    e.original = &l;
    e.source = source;
    e.id = l.id;
    e.product_id = l.product_id;
    e.title = l.title;
    e.digital = l.digital;
    e.quantity = l.current_quantity;
    e.amount_excl_tax = l.amount_excl_tax;
    e.total_tax = l.total_tax;
    e.amount_incl_tax = l.amount_incl_tax;
    e.discount = l.discount;
    e.has_rate = l.has_rate;
    e.tax_rate = l.tax_rate;
    return e;
}

void include_every_line(const Order& order, const OrderFacts& facts, EditState& state) {
    std::vector<EditedLine> every;
    every.reserve(order.lines.size() + state.touched.size());
    for_each_line_after(order, facts, state, [&](const EditedLine& l) { every.push_back(l); });
    state.touched = std::move(every);
}

bool apply_edits(const OrderContext& ctx, const OrderFacts& facts, const Platform& rules, json::Value edits, Diagnostics& d,
                 EditState& state) {
    const Order& order = ctx.order;
    state.shipping = order.shipping;
    auto at = d.at("edits");
    if (!edits.is_array()) {
        d.error(Code::WRONG_TYPE, "edits must be an array of {op, …} objects.");
        return true;
    }
    if (is_cancelled(order.status)) {
        d.error(Code::ORDER_ALREADY_CANCELLED, "The order is cancelled and cannot be edited.");
        return true;
    }
    if (is_closed(order.status)) {
        d.error(Code::ORDER_ALREADY_CLOSED, {"The order is ", order.status, " and cannot be edited; reopen it first."});
        return true;
    }
    if (edits.size() > 10000) {
        d.error(Code::LIMIT_EXCEEDED, "At most 10000 edits per preview.");
        return true;
    }
    Editor editor{ctx, rules, d, state, facts};
    for_each_object(edits, d, [&](json::Value e, std::size_t i) {
        std::string op;
        if (!require(read_text(e, "op", d, op, 64), "op", d)) return;
        if (!rules.edit->items_refusal.empty() && (op == kOps[0] || op == kOps[1] || op == kOps[2])) {
            d.error_at("op", Code::LINE_NOT_EDITABLE, std::string(rules.edit->items_refusal));
            return;
        }
        if (op == kOps[0]) editor.update_line(e, false, i);
        else if (op == kOps[1]) editor.update_line(e, true, i);
        else if (op == kOps[2]) editor.add_line(e, i);
        else if (op == kOps[3]) editor.update_address(e, i);
        else if (op == kOps[4]) editor.update_fields(e, i);
        else
            d.error_at("op", Code::UNKNOWN_EDIT_OP,
                       {"'", op,
                        "' is not an edit; use update_line, remove_line, add_line, "
                        "update_shipping_address or update_order."});
    });
    // Touched lines in the order's line order, then added lines in the order they were added (stable).
    const Line* const first = order.lines.data();
    std::stable_sort(state.touched.begin(), state.touched.end(), [first](const EditedLine& a, const EditedLine& b) {
        const auto rank = [first](const EditedLine& l) {
            return l.original ? static_cast<std::size_t>(l.original - first) : static_cast<std::size_t>(-1);
        };
        return rank(a) < rank(b);
    });
    // Totals after the edits are int64 sums; each line is within the money range, but thousands of added
    // lines at the limit are not, so their sum is checked once here (like sums_in_range for the order).
    i128 lines = facts.magnitude;
    for (const auto& l : state.touched) {
        lines += static_cast<i128>(l.amount_incl_tax) + l.amount_excl_tax + l.discount;
        if (l.original) lines -= static_cast<i128>(l.original->amount_incl_tax) + l.original->amount_excl_tax + l.original->discount;
    }
    if (lines + state.shipping.amount_incl_tax + state.shipping.amount_excl_tax <= kMaxMinorUnits) return true;
    d.error(Code::AMOUNT_OUT_OF_RANGE, "After the edits the order's lines add up to more than 10^15 minor units.");
    return false;
}

}  // namespace op
