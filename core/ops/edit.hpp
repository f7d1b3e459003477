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
#include "../order/previews.hpp"
#include "ops.hpp"

namespace op {

// Applies `edits` (an array of {op, ...}) in order; every violation is reported at edits[i]…
// False when the edited order cannot be rendered (its sums leave the money range); other errors still render.
bool apply_edits(const OrderContext& ctx, const Platform& rules, json::Value edits, Diagnostics& d, EditState& out);

// Checks an address object against the seed's required fields and ISO 3166-1 alpha-2 countries.
void check_address(json::Value address, const Platform& rules, Diagnostics& d);

// The server calls that carry the edit out, and for a negative balance the refund that settles it.
void write_edit_plan(json::Writer& w, const OrderContext& ctx, const Platform& rules, const EditState& state, std::int64_t balance,
                     Diagnostics& d);

// Renders the whole previewEdit result.
bool echoes_order(const OrderContext& ctx);  // previewEdit's result carries the whole order after the edits
void write_edit_result(json::Writer& w, const OrderContext& ctx, const Platform& rules, const EditState& state, Diagnostics& d);

std::string edit_result(const OrderContext& ctx, json::Value request, Diagnostics& d);

}  // namespace op
