// previewEdit: the swap-items flow of seed 000 and the line-item edits of seed 002, applied to a copy of the
// canonical order. Shared by the one-shot entry point and sessions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "../diag/diagnostics.hpp"
#include "../json/document.hpp"
#include "../json/writer.hpp"
#include "../order/order.hpp"
#include "ops.hpp"

namespace op {

// One line as it stands after the edits.
struct EditedLine {
    const Line* original = nullptr;  // nullptr for an added line
    json::Value source;              // the input line object (absent for added lines)
    Id id;
    Id product_id;
    std::string title;
    bool digital = false;
    std::int64_t quantity = 0;  // current units after the edits
    std::int64_t amount_excl_tax = 0;
    std::int64_t total_tax = 0;
    std::int64_t amount_incl_tax = 0;
    std::int64_t discount = 0;
    std::optional<std::int64_t> unit_price;  // a new unit price (v1 update_line price, add_line)
    bool has_rate = false;
    Rate tax_rate;
    std::string reason;
    bool removed = false;
    bool quantity_changed = false;
    bool price_changed = false;
    json::Value add_source;  // the add_line edit (for product_id etc.)
};

struct EditState {
    std::vector<EditedLine> lines;
    Shipping shipping;
    json::Value shipping_address;          // the new address object, when changed
    std::size_t shipping_address_edit = 0;
    std::vector<std::pair<std::string_view, json::Value>> fields;  // simple field updates, last one wins
    std::vector<std::pair<std::string_view, std::size_t>> field_edits;
};

// Applies `edits` (an array of {op, ...}) in order; every violation is reported at edits[i]…
// False when the edited order cannot be rendered (its sums leave the money range); other errors still render.
bool apply_edits(const OrderContext& ctx, Platform rules, json::Value edits, Diagnostics& d, EditState& out);

// Checks an address object against the seed's required fields and ISO 3166-1 alpha-2 countries.
void check_address(json::Value address, Platform rules, Diagnostics& d);

// The server calls that carry the edit out, and for a negative balance the refund that settles it.
void write_edit_plan(json::Writer& w, const OrderContext& ctx, Platform rules, const EditState& state, std::int64_t balance,
                     Diagnostics& d);

// Renders the whole previewEdit result.
bool echoes_order(const OrderContext& ctx);  // previewEdit's result carries the whole order after the edits
void write_edit_result(json::Writer& w, const OrderContext& ctx, Platform rules, const EditState& state, Diagnostics& d);

std::string edit_result(const OrderContext& ctx, json::Value request, Diagnostics& d);

}  // namespace op
