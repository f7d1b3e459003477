// Return Management (commercial plugin): the previewReturn request, what the return calculator stores and
// the calls. Behaviour described in docs/rules.md (Shopware returns); the routes are not in the published
// contract except the entity routes (updateOrderReturn, updateOrderReturnLineItem).
#include "parts.hpp"

namespace op::shopware {

namespace {

// The cart price of the return as CartPrice: netPrice, totalPrice, calculatedTaxes, taxRules, positionPrice,
// rawTotal, taxStatus.
void write_cart_price(json::Writer& w, const Order& o, const CartPrice& c) {
    const int e = o.exponent;
    w.object();
    w.key("netPrice");
    write_number(w, c.net, e);
    w.key("totalPrice");
    write_number(w, c.total, e);
    write_calculated_taxes(w, c.taxes, e);
    w.key("taxRules").object();
    for (const auto& r : c.rules) {
        w.key(percent_text(r.rate)).object();
        w.key("taxRate").raw_number(percent_text(r.rate));
        w.key("percentage").raw_number("100");
        w.end_object();
    }
    w.end_object();
    w.key("positionPrice");
    write_number(w, c.position_price, e);
    w.key("rawTotal");
    write_number(w, c.raw_total, e);
    w.field("taxStatus", tax_status(o));
    w.end_object();
}

void write_price(json::Writer& w, const LinePrice& p, int e) {
    write_calculated_price(w, p.unit, p.quantity, p.total, p.taxes, p.rules, e);
}

}  // namespace

std::string_view tax_status(const Order& o) { return o.tax_free ? "tax-free" : (o.tax_inclusive ? "gross" : "net"); }

void read_return_request(json::Value request, const Order& order, Diagnostics& d, ReturnRequest& out) {
    if (!request || request.is_null()) {
        d.error(Code::MISSING_FIELD, "previewReturn needs a request {lineItems: [{orderLineItemId, quantity}]}.");
        return;
    }
    if (!expect_object(request, d)) return;
    read_id(request, "returnId", d, out.return_id);
    if (op::read_amount(request, "shippingCosts", order.exponent, d, out.shipping) == Read::ok) {
        out.has_shipping = true;
        if (out.shipping < 0) d.error_at("shippingCosts", Code::INVALID_AMOUNT, "shippingCosts must not be negative.");
    }
    json::Value items;
    if (!read_array(request, "lineItems", d, items)) return;
    if (!items) {
        if (!out.return_id.present()) d.error_at("lineItems", Code::MISSING_FIELD, "'lineItems' is required.");
        return;
    }
    auto at = d.at("lineItems");
    for_each_object(items, d, [&](json::Value v, std::size_t i) {
        ReturnItemRequest item;
        item.index = static_cast<std::uint32_t>(i);
        if (!require(read_id(v, "orderLineItemId", d, item.line_id), "orderLineItemId", d)) return;
        if (!require(read_count(v, "quantity", d, item.quantity), "quantity", d)) return;
        const Read r = op::read_amount(v, "refundAmount", order.exponent, d, item.refund_amount);
        if (r == Read::bad) return;
        item.has_refund_amount = r == Read::ok;
        out.items.push_back(item);
    });
}

bool returnable(const Line& line) {
    // OrderReturnLineItemAllowedTypes of the commercial plugin: product, custom, container.
    return line.kind == LineKind::item || line.kind == LineKind::custom || line.kind == LineKind::container;
}

void write_return_result(json::Writer& w, const Order& o, const ReturnPreview& p) {
    const int e = o.exponent;
    w.key("orderId");
    write_id(w, o.id);
    w.key("returnId");
    write_id(w, p.return_id);
    w.key("lineItems").array();
    for (const auto& it : p.items) {
        w.object();
        if (it.existing) {
            w.key("id");
            write_id(w, it.return_line_id);
        }
        w.key("orderLineItemId");
        write_id(w, it.line_id);
        w.field("quantity", it.quantity);
        w.key("price");
        write_price(w, it.price, e);
        w.key("refundAmount");
        write_number(w, it.refund_amount, e);
        w.field("restockQuantity", std::int64_t{0});
        w.key("refundPrice");
        write_price(w, it.refund_price, e);
        w.key("suggestedRefundAmount");
        write_number(w, it.suggested, e);
        w.field("discounted", it.discounted);
        w.field("existing", it.existing);
        w.end_object();
    }
    w.end_array();
    w.key("shippingCosts");
    write_price(w, p.shipping, e);
    w.key("price");
    write_cart_price(w, o, p.price);
    w.key("amountTotal");
    write_number(w, p.price.total, e);
    w.key("amountNet");
    write_number(w, p.price.net, e);
    w.field("taxCalculationType", o.vertical_tax ? "vertical" : "horizontal");
    w.field("tax_calculation_source", o.tax_calculation_source);
}

void write_return_plan(json::Writer& w, const Order& o, const ReturnPreview& p) {
    PlanWriter plan(w, "sw-version-id", kLiveVersion);
    const std::string order_id = path_id(o.id, "{orderId}");
    const std::string return_id = path_id(p.return_id, "{orderReturnId}");
    bool any_new = false;
    for (const auto& it : p.items) any_new = any_new || !it.existing;
    if (any_new) {
        if (p.existing_return)
            plan.call("POST", "/api/_action/order/" + order_id + "/order-return/" + return_id + "/add-items", "");
        else
            plan.call("POST", "/api/_proxy/order/" + order_id + "/return", "");
        plan.body().object();
        w.key(p.existing_return ? "orderLineItems" : "lineItems").array();
        for (const auto& it : p.items) {
            if (it.existing) continue;
            w.object();
            w.key("orderLineItemId");
            write_id(w, it.line_id);
            w.field("quantity", it.quantity);
            w.end_object();
        }
        w.end_array();
        w.end_object();
        plan.end();
    }
    for (const auto& it : p.items) {
        if (!it.refund_edited) continue;
        const std::string line_path = it.existing ? path_id(it.return_line_id, "{id}") : std::string("{id}");
        plan.call("PATCH", "/api/order-return-line-item/" + line_path, "updateOrderReturnLineItem");
        plan.body().object();
        w.key("refundAmount");
        write_number(w, it.refund_amount, o.exponent);
        w.end_object();
        plan.end();
    }
    if (p.shipping_edited) {
        plan.call("PATCH", "/api/order-return/" + path_id(p.return_id, "{id}"), "updateOrderReturn");
        plan.body().object();
        w.key("shippingCosts");
        // What the admin writes before calculate: the typed amount as a bare price; calculate adds the taxes.
        write_calculated_price(w, p.shipping_input, 1, p.shipping_input, {}, {}, o.exponent);
        w.end_object();
        plan.end();
    }
    plan.call("POST", "/api/_action/order/return/" + return_id + "/calculate", "");
    plan.end();
}

}  // namespace op::shopware
