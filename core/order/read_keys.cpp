// Every member name any order reader reads, at any depth. The JS package keeps only these members when it
// turns an order object into JSON for operations that do not echo the order (JSON.stringify with a key
// list runs at native speed and the engine then lexes about half the bytes). tests/js/filtering.test.mjs
// proves the list complete: every fixture gives the same envelope from the filtered object and from the text.
#include "reader.hpp"

namespace op {

const std::vector<std::string_view>& order_read_keys() {
    static const std::vector<std::string_view> keys = {
        // order (29next and v1)
        "currency", "id", "number", "order_number", "status", "payment_status", "financial_status",
        "fulfillment_status", "display_taxes", "taxes_included", "lines", "line_items", "transactions", "refunds",
        "shipping_excl_tax", "shipping_incl_tax", "shipping_tax", "shipping_lines", "total_shipping", "total_incl_tax",
        "total_price", "tax_lines", "fulfillments", "offer_discounts", "voucher_discounts", "discount_codes",
        // lines
        "product", "title", "product_id", "is_gift_card", "requires_shipping", "quantity", "current_quantity",
        "fulfillable_quantity", "editable_quantity", "price_excl_tax", "price_incl_tax",
        "price_excl_tax_excl_discounts", "price", "total", "total_discount", "amount", "rate",
        // transactions and refunds
        "parent_id", "kind", "type", "refund_line_items", "line_item_id", "restock_type", "amount_excl_tax",
        "amount_incl_tax", "subtotal", "adjustments", "shipping",
    };
    return keys;
}

}  // namespace op
