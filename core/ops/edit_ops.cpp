// previewEdit entry points.
#include "call.hpp"
#include "edit.hpp"
#include "ops.hpp"

namespace op {

std::string edit_result(const OrderContext& ctx, json::Value request, Diagnostics& d) {
    // edits may be the array itself or { "edits": [...] }.
    json::Value edits = request;
    if (request.is_object()) edits = request.get("edits");
    if (!edits) {
        d.error(Code::MISSING_FIELD, "previewEdit needs an array of edits.");
        return {};
    }
    const Platform& rules = rules_for(ctx, "previewEdit", d);
    // The order's own platform must know edits (its shape), and so must the platform whose rules apply.
    if (!platform_supports(ctx.platform.edit, ctx, "previewEdit", d) || !platform_supports(rules.edit, ctx, "previewEdit", d))
        return {};
    // A session computed the order's facts when it opened; a one-shot call computes them here (O(lines), like
    // reading the order).
    OrderFacts local;
    if (!ctx.facts) local = compute_order_facts(ctx.order, ctx.root.get(ctx.platform.reading->lines_key));
    const OrderFacts& facts = ctx.facts ? *ctx.facts : local;
    EditState state;
    if (!apply_edits(ctx, facts, rules, edits, d, state)) return {};
    if (rules.edit->recalculate) {
        include_every_line(ctx.order, facts, state);
        rules.edit->recalculate(ctx.order, state, d);
    }
    std::string out;
    // The echo of the order is most of the result: reserve for it once, since growth would copy it at twice its
    // size. Measured over the corpus and the bench orders, the result is the order's text plus 130 bytes per
    // line (its summary and the echo's new members) plus ~2 KB; 256 per line leaves room for longer ids.
    if (echoes_order(ctx) && !echoes_changes_only(ctx)) out.reserve(ctx.root_bytes + (ctx.order.lines.size() + state.touched.size()) * 256 + kEnvelopeRoom);
    json::Writer w(out);
    write_edit_result(w, ctx, facts, rules, state, d);
    return out;
}

}  // namespace op
