// preview_cancel(order, request, options). Input as for fuzz_refund (fuzz::run_order_operation).
#include "api/engine.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::run_order_operation("preview_cancel", op::preview_cancel, data, size);
    return 0;
}
