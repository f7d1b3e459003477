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
            const OrderContext ctx{call.order, call.profile, call.options, call.order_doc.root(), call.options.raw};
            result = operation(ctx, req, call.diag);
        }
    }
    return call.envelope(result);
}

}  // namespace op
