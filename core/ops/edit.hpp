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
#include "order_facts.hpp"

namespace op {

// Applies `edits` (an array of {op, ...}) in order; every violation is reported at edits[i]…
// False when the edited order cannot be rendered (its sums leave the money range); other errors still render.
// Only the lines the edits touch are copied into `out` (EditState::touched); `facts` holds the rest.
bool apply_edits(const OrderContext& ctx, const OrderFacts& facts, const Platform& rules, json::Value edits, Diagnostics& d,
                 EditState& out);

// An order line as it stands when no edit touched it.
EditedLine unedited_line(const Line& line, json::Value source);

// Calls fn(const EditedLine&) for every line after the edits: each order line in order (as an edit left it, or
// as the order has it), then the added lines. Costs the order's size: only results that list every line use it.
template <class Fn>
void for_each_line_after(const Order& order, const OrderFacts& facts, const EditState& s, Fn&& fn) {
    auto touched = s.touched.begin();
    for (std::size_t i = 0; i < order.lines.size(); ++i) {
        if (touched != s.touched.end() && touched->original == &order.lines[i]) fn(*touched++);
        else fn(unedited_line(order.lines[i], facts.line_sources[i]));
    }
    for (; touched != s.touched.end(); ++touched) fn(*touched);
}

// For a platform whose server recalculates the whole order (EditRules::recalculate): every line joins the state,
// in the order's line order, so the recalculation and what it reports see them all. Costs the order's size.
void include_every_line(const Order& order, const OrderFacts& facts, EditState& state);

// Checks an address object against the seed's required fields and ISO 3166-1 alpha-2 countries.
void check_address(json::Value address, const Platform& rules, Diagnostics& d);

// The server calls that carry the edit out, and for a negative balance the refund that settles it.
void write_edit_plan(json::Writer& w, const OrderContext& ctx, const Platform& rules, const EditState& state, std::int64_t balance,
                     Diagnostics& d);

// Renders the whole previewEdit result.
bool echoes_order(const OrderContext& ctx);  // previewEdit's result carries the whole order after the edits
bool echoes_changes_only(const OrderContext& ctx);  // … as order_changes, for a caller that holds the order
void write_edit_result(json::Writer& w, const OrderContext& ctx, const OrderFacts& facts, const Platform& rules,
                       const EditState& state, Diagnostics& d);

std::string edit_result(const OrderContext& ctx, json::Value request, Diagnostics& d);

}  // namespace op
