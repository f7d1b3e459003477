// validate_refund(order, create_request, options). Input as for fuzz_refund (fuzz::run_order_operation).
#include "api/engine.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::run_order_operation("validate_refund", op::validate_refund, data, size);
    return 0;
}
