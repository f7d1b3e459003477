// to_refund_create_request(calculation, request, options). Input: a mode byte, then
//   even: "calculation \x1e request \x1e options", all fuzzed;
//   odd:  "refund request \x1e create request" against fixed_order(mode / 2): the calculation is the real
//         calculate_refund envelope, and when both calls succeed the body must pass validate_refund on the same
//         order ("preview, then send exactly this", SPEC 4.1).
#include "api/engine.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = fuzz::text_of(data, size);
    const std::uint8_t mode = fuzz::take_mode(text);
    if (mode % 2 == 0) {
        const auto p = fuzz::split(text, 3);
        fuzz::check_envelope("to_refund_create_request", op::to_refund_create_request(p[0], p[1], p[2]));
        return 0;
    }
    const auto p = fuzz::split(text, 2);
    const std::string_view order = fuzz::fixed_order(mode / 2);
    const std::string calculation = op::calculate_refund(order, p[0], "");
    if (fuzz::check_envelope("calculate_refund", calculation).empty()) return 0;
    const std::string body = fuzz::check_envelope("to_refund_create_request", op::to_refund_create_request(calculation, p[1], ""));
    if (body.empty()) return 0;
    const std::string validation = op::validate_refund(order, body, "");
    fuzz::check_envelope("validate_refund", validation);
    fuzz::require(validation.rfind("{\"ok\":true,\"errors\":[]", 0) == 0, "validate_refund",
                  "a create body built from a good calculation does not validate against its order",
                  "calculation " + calculation + "\nbody " + body + "\nvalidation " + validation);
    return 0;
}
