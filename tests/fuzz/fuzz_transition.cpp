// transition(request, options). Input: a mode byte, then
//   even: "request \x1e options";
//   odd:  "definition \x1e from \x1e action \x1e machine \x1e order \x1e options", each a JSON value placed in
//         {"definition", "from", "action", "machine", "order"} (empty ones left out), so custom definitions are
//         fuzzed as values of their own.
#include "fuzz_support.hpp"
#include "status/status_api.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = fuzz::text_of(data, size);
    const std::uint8_t mode = fuzz::take_mode(text);
    if (mode % 2 == 0) {
        const auto p = fuzz::split(text, 2);
        fuzz::check_envelope("transition", op::transition(p[0], p[1]));
        return 0;
    }
    const auto p = fuzz::split(text, 6);
    const std::string request =
        fuzz::object_of({{"definition", p[0]}, {"from", p[1]}, {"action", p[2]}, {"machine", p[3]}, {"order", p[4]}});
    fuzz::check_envelope("transition", op::transition(request, p[5]));
    return 0;
}
