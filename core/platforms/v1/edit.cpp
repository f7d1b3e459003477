// A v1 order after an edit (its `line_items` with unit price and total; removed items are gone) and the
// line-item calls of the v1 Orders API, then the order update.
#include "../../money/money.hpp"
#include "../../order/reader.hpp"
#include "platform.hpp"

namespace op::v1 {
namespace {

constexpr std::string_view kRewrittenLineMembers[] = {"quantity", "current_quantity", "fulfillable_quantity", "price",
                                                      "total"};

std::string order_path(const Order& o) { return join({"/api/v1/orders/", path_id(o.id, "{id}")}); }

void line_calls(PlanWriter& p, const Order& o, const EditState& s) {
    const int e = o.exponent;
    for (const auto& l : s.touched) {
        if (!l.original) continue;
        const std::string path = join({order_path(o), "/line_items/", l.id.text});
        if (l.removed) {
            p.call("DELETE", path, "removeLineItem");
            p.end();
        } else if (l.quantity_changed || l.price_changed) {
            p.call("PUT", path, "updateLineItem");
            p.body().object();
            p.w().field("quantity", l.quantity);
            if (l.unit_price) p.w().amount_field("price", *l.unit_price, e);
            p.w().end_object();
            p.end();
        }
    }
    for (const auto& l : s.touched) {
        if (l.original) continue;
        p.call("POST", order_path(o) + "/line_items", "addLineItem");
        p.body().object();
        p.w().key("variant_id");
        write_id(p.w(), l.product_id);
        p.w().field("quantity", l.quantity);
        if (l.unit_price) p.w().amount_field("price", *l.unit_price, e);
        p.w().end_object();
        p.end();
    }
}

void order_call(PlanWriter& p, const Order& o, const EditState& s) {
    if (!s.shipping_address && s.fields.empty()) return;
    p.call("PUT", order_path(o), "updateOrder");
    p.body().object();
    if (s.shipping_address) p.w().key("shipping_address").copy(s.shipping_address);
    write_edited_fields(p.w(), s);
    p.w().end_object();
    p.end();
}

}  // namespace

void write_edited_line(json::Writer& w, const EditedLine& l, int e) {
    w.object();
    if (l.original) {
        copy_members_except(w, l.source, kRewrittenLineMembers);
        w.field("quantity", l.quantity);
    } else {
        w.key("id").string(l.id.text);
        w.field("preview", true);
        w.key("product_id");
        write_id(w, l.product_id);
        w.field("title", l.title);
        w.field("quantity", l.quantity);
        w.field("requires_shipping", !l.digital);
    }
    // The unit price is unchanged unless the edit set one; total = quantity x price.
    std::int64_t unit = 0;
    if (l.unit_price) {
        unit = *l.unit_price;
    } else if (l.source) {
        parse_amount(l.source.get("price").text(), e, unit);
    }
    w.amount_field("price", unit, e);
    w.key("total").amount(static_cast<std::int64_t>(static_cast<i128>(unit) * l.quantity), e);
    w.end_object();
}

// write_edited_line of an unchanged line writes quantity, price and total and drops the other quantity members:
// the echo is the input when the input states those three as written and none of the dropped ones.
bool edited_line_is_source(const EditedLine& l, int e) {
    if (!l.original || !l.source.is_object() || l.unit_price || l.source.get("current_quantity") ||
        l.source.get("fulfillable_quantity"))
        return false;
    std::int64_t unit = 0;
    if (parse_amount(l.source.get("price").text(), e, unit) != AmountError::none) return false;
    return member_is_integer(l.source, "quantity", l.quantity) && member_is_amount(l.source, "price", unit, e) &&
           member_is_amount(l.source, "total", static_cast<std::int64_t>(static_cast<i128>(unit) * l.quantity), e);
}

void write_totals_after(json::Writer& w, const Order& o, const Totals& after) {
    const int e = o.exponent;
    w.amount_field("subtotal_price", o.tax_inclusive ? after.lines_incl_tax : after.lines_excl_tax, e);
    w.amount_field("total_tax", after.total_tax, e);
    w.amount_field("total_price", after.total_incl_tax, e);
}

void write_edit_calls(json::Writer& w, const EditPlanInput& in, Diagnostics&) {
    PlanWriter plan(w);
    line_calls(plan, in.order, in.state);
    order_call(plan, in.order, in.state);
}

}  // namespace op::v1
