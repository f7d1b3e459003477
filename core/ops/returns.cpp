// previewReturn: what a return of units will store once the server calculates it — per item price, refund
// amount, the return's shipping and totals — the refusals the server would give, a discount-aware suggested
// amount beside the server's undiscounted one, and the plan. Platforms without returns answer
// OPERATION_NOT_SUPPORTED.
#include <unordered_set>

#include "../order/fields.hpp"
#include "call.hpp"
#include "ops.hpp"

namespace op {
namespace {

// The units' price less their share of the order's discounts: for every discount line that took part of
// this line (by its cart identifier), its part × returned units / the units it covered.
std::int64_t suggested_amount(const Order& o, const Line& line, std::int64_t quantity, std::int64_t total, bool& discounted) {
    i128 taken = 0;  // minor units × 10^kShareScale
    for (const auto& other : o.lines) {
        if (other.kind != LineKind::discount || line.identifier.empty()) continue;
        for (const auto& part : other.discount_parts) {
            if (part.target != line.identifier || part.quantity <= 0) continue;
            discounted = true;
            taken += div_round(static_cast<i128>(part.amount) * quantity, part.quantity, Rounding::half_up);
        }
    }
    return total - math_round(taken, kWholeShare);
}

bool check_item(const OrderContext& ctx, const ReturnRules& rules, const ReturnItemRequest& item, Diagnostics& d,
                const Line*& line) {
    auto at = d.at("lineItems");
    auto at_i = d.at(item.index);
    line = ctx.order.find_line(item.line_id);
    if (!line) {
        d.error_at("orderLineItemId", Code::LINE_ITEM_NOT_FOUND,
                   {"The order has no top-level line item ", item.line_id.text, "."});
        return false;
    }
    bool ok = true;
    if (!rules.returnable(*line)) {
        d.error_at("orderLineItemId", Code::LINE_NOT_RETURNABLE,
                   {"Line ", item.line_id.text, " is a ", line_kind_name(line->kind),
                    " line; only goods, custom and container lines can be returned."});
        ok = false;
    }
    if (rules.blocking_line_states.contains(line->state)) {
        d.error_at("orderLineItemId", Code::INVALID_STATUS_TRANSITION,
                   {"Line ", item.line_id.text, " is in state ", line->state, ", which cannot be returned."});
        ok = false;
    }
    if (item.quantity < 1 || item.quantity > line->quantity) {
        d.error_at("quantity", Code::INVALID_QUANTITY,
                   {"Quantity should be lesser or equal line item quantity (", line->quantity, "), and at least 1."});
        ok = false;
    } else if (item.quantity + line->returned_quantity > line->quantity) {
        d.warning_at("quantity", Code::INVALID_QUANTITY,
                     {line->returned_quantity, " of the line's ", line->quantity,
                      " units are already in other returns; the server checks only the ordered quantity and would "
                      "accept this."});
    }
    return ok;
}

ReturnItem price_item(const OrderContext& ctx, const PriceContext& pc, const Line& line, std::int64_t quantity, Diagnostics& d) {
    ReturnItem it;
    it.line_id = line.id;
    it.quantity = quantity;
    it.price = price_line(line.unit_price, exact_rules(line.tax_rules), quantity, pc);
    it.refund_amount = static_cast<std::int64_t>(static_cast<i128>(it.price.unit) * quantity);
    it.suggested = suggested_amount(ctx.order, line, quantity, it.price.total, it.discounted);
    (void)d;
    return it;
}

}  // namespace

bool platform_supports(const void* part, const OrderContext& ctx, std::string_view operation, Diagnostics& d) {
    if (part) return true;
    // What these orders use instead: their own returns and capture refunds, and state changes by transition().
    std::string instead;
    const Platform& p = ctx.platform;
    if ((p.returns || p.capture_refunds) && operation != "previewReturn" && operation != "previewCaptureRefund")
        instead += " Money goes back with previewReturn (a return) or previewCaptureRefund (a refund on a capture)";
    if (p.entities && operation == "previewCancel") instead += "; cancel with transition() on the order (action cancel)";
    d.error(Code::OPERATION_NOT_SUPPORTED,
            {operation, " does not apply to ", p.name, " orders.", instead, (instead.empty() ? "" : ".")});
    return false;
}

std::string return_result(const OrderContext& ctx, json::Value request, Diagnostics& d) {
    if (!platform_supports(ctx.platform.returns, ctx, "previewReturn", d)) return {};
    const ReturnRules& rules = *ctx.platform.returns;
    const Order& o = ctx.order;
    ReturnRequest req;
    rules.read_request(request, o, d, req);
    if (!request.is_object()) return {};
    const PriceContext pc = price_context(o);
    ReturnPreview p;
    p.return_id = req.return_id;
    std::unordered_set<std::string> seen;
    if (req.return_id.present()) {
        const OrderReturn* existing = nullptr;
        for (const auto& r : o.returns)
            if (same_id(r.id, req.return_id)) existing = &r;
        if (!existing) {
            d.error_at("returnId", Code::RETURN_NOT_FOUND,
                       {"The order lists no return ", req.return_id.text, " (load the order with its returns)."});
            return {};
        }
        p.existing_return = true;
        p.shipping_input = existing->shipping;
        for (const auto& rl : existing->lines) {
            const Line* line = o.find_line(rl.line_id);
            if (!line) continue;
            ReturnItem it = price_item(ctx, pc, *line, rl.quantity, d);
            it.existing = true;
            it.return_line_id = rl.id;
            it.refund_amount = rl.refund_amount;
            seen.insert(id_key(rl.line_id));
            p.items.push_back(std::move(it));
        }
    }
    if (req.has_shipping) {
        p.shipping_input = req.shipping;
        p.shipping_edited = true;
    }
    for (const auto& item : req.items) {
        const Line* line = nullptr;
        if (!check_item(ctx, rules, item, d, line)) continue;
        if (!seen.insert(id_key(item.line_id)).second) {
            auto at = d.at("lineItems");
            auto at_i = d.at(item.index);
            d.error_at("orderLineItemId", Code::DUPLICATE_REFUND_LINE, "This order line item is already part of the return.");
            continue;
        }
        ReturnItem it = price_item(ctx, pc, *line, item.quantity, d);
        it.index = item.index;
        if (item.has_refund_amount) {
            if (item.refund_amount < 0 || item.refund_amount > it.price.total) {
                auto at = d.at("lineItems");
                auto at_i = d.at(item.index);
                d.error_at("refundAmount", Code::REFUND_EXCEEDS_TOTAL,
                           {"refundAmount must be between 0 and what the units were sold for (",
                            Part::amount(it.price.total, o.exponent), "); the server itself would store any amount."});
            }
            it.refund_amount = item.refund_amount;
            it.refund_edited = true;
        }
        if (it.discounted) {
            auto at = d.at("lineItems");
            auto at_i = d.at(item.index);
            d.warning(Code::OFFERS_NOT_REEVALUATED,
                      {"A promotion took part of this line; the return refunds the undiscounted price (",
                       Part::amount(it.refund_amount, o.exponent), "), the discount-aware amount is ",
                       Part::amount(it.suggested, o.exponent), ". Set refundAmount to refund that instead."});
        }
        p.items.push_back(std::move(it));
    }
    if (d.has_errors()) return {};
    if (p.items.empty()) {
        d.error_at("lineItems", Code::NOTHING_TO_REFUND, "The return has no line items.");
        return {};
    }
    std::vector<LinePrice> refund_prices;
    for (auto& it : p.items) {
        it.refund_price = price_line(it.refund_amount, exact_rules(o.find_line(it.line_id)->tax_rules), 1, pc);
        refund_prices.push_back(it.refund_price);
    }
    i128 shipping = p.shipping_input;
    if (rules.shipping_in_default_currency && !o.default_currency && shipping != 0) {
        if (o.has_currency_factor)
            shipping = div_round(shipping * o.currency_factor.units, pow10(o.currency_factor.scale), Rounding::half_up);
        else
            d.warning_at("shippingCosts", Code::MISSING_FIELD,
                         "The order is not in the default currency and has no currency.factor; the server multiplies the "
                         "return's shipping by it. Load the order with its currency.");
    }
    p.shipping = price_line(static_cast<std::int64_t>(shipping), proportional_rules(refund_prices), 1, pc);
    p.price = price_cart(refund_prices, {p.shipping}, pc);
    std::string out;
    json::Writer w(out);
    w.object();
    rules.write_result(w, o, p);
    w.key("plan").array();
    rules.write_plan(w, o, p);
    w.end_array();
    write_result_footer(w, o, ctx.platform);
    w.end_object();
    return out;
}

}  // namespace op
