#include "../api/call.hpp"
#include "ops.hpp"

namespace op {

std::string run_with_order(std::string_view order, std::string_view request, std::string_view options,
                           OrderOperation operation) {
    Call call;
    std::string result;
    if (call.load_options(options) && call.load_order(order)) {
        json::Value req;
        if (call.load_request(request, req)) {
            const OrderContext ctx{call.order, call.profile, call.options, call.order_doc.root(), call.options.raw,
                                   call.order_doc.source_bytes()};
            result = operation(ctx, req, call.diag);
        }
    }
    return call.envelope(std::move(result));
}

Platform platform_for(const OrderContext& ctx, std::string_view operation, Diagnostics& d) {
    const json::Value preset = ctx.call_options.get("preset");
    if (preset.is_string()) {
        if (preset.text() == "elasticpath") return Platform::elasticpath;
        if (preset.text() == "v1") return Platform::v1;
        if (preset.text() == "29next") return Platform::n29next;
        auto at = d.at("options");
        d.error_at("preset", Code::UNKNOWN_PRESET, std::string(operation) + " presets are 29next, v1 and elasticpath.");
    }
    return ctx.order.dialect == Dialect::v1 ? Platform::v1 : Platform::n29next;
}

}  // namespace op
