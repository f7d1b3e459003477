// inspect_order(order, options). Input: "order \x1e options".
#include "api/engine.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto p = fuzz::split(fuzz::text_of(data, size), 2);
    fuzz::check_envelope("inspect_order", op::inspect_order(p[0], p[1]));
    return 0;
}
