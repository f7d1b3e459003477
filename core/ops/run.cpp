#include "../platforms/registry.hpp"
#include "call.hpp"
#include "ops.hpp"

namespace op {

std::string run_with_order(std::string_view order, std::string_view request, std::string_view options,
                           OrderOperation operation) {
    Call call;
    std::string result;
    if (call.load_options(options) && call.load_order(order)) {
        json::Value req;
        if (call.load_request(request, req)) {
            const OrderContext ctx{call.order, *call.platform, call.profile, call.options, call.order_root, call.options.raw,
                                   call.order_doc.source_bytes(), nullptr, call.order_within};
            result = operation(ctx, req, call.diag);
        }
    }
    return call.envelope(std::move(result));
}

const Platform& rules_for(const OrderContext& ctx, std::string_view operation, Diagnostics& d) {
    const json::Value preset = ctx.call_options.get("preset");
    if (preset.is_string()) {
        const Platform* p = find_platform(preset.text());
        if (p && p->edit && p->cancel) return *p;
        auto at = d.at("options");
        d.error_at("preset", Code::UNKNOWN_PRESET, {operation, " presets are ", platform_names(has_edit_rules), "."});
    }
    return ctx.platform;
}

}  // namespace op
