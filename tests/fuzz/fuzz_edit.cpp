// preview_edit(order, edits, options). Input as for fuzz_refund (fuzz::run_order_operation).
#include "api/engine.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::run_order_operation("preview_edit", op::preview_edit, data, size);
    return 0;
}
