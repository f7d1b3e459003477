// preview_return(order, request, options) — Shopware orders (and every other shape, which must answer
// OPERATION_NOT_SUPPORTED). Input: a mode byte, then (even) "order \x1e request \x1e options" or (odd)
// "request \x1e options" against one of the example orders (fuzz::run_order_operation).
#include "api/engine.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::run_order_operation("preview_return", op::preview_return, data, size);
    return 0;
}
