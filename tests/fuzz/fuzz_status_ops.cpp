// available_actions, derive_statuses, machines and mermaid. Input: a mode byte (operation = mode % 4, shape =
// mode / 4 % 2), then
//   available_actions  "request \x1e options"  or  "definition \x1e state \x1e machine \x1e order \x1e options"
//   derive_statuses    "order \x1e options"    or  "options" against fixed_order(mode / 8)
//   machines           "request"               or  "definition"
//   mermaid            "request"               or  "definition \x1e machine"
// The second shape builds the request object from separate values (see fuzz_transition).
#include "fuzz_support.hpp"
#include "status/status_api.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = fuzz::text_of(data, size);
    const std::uint8_t mode = fuzz::take_mode(text);
    const bool built = (mode / 4) % 2 == 1;
    switch (mode % 4) {
        case 0: {
            if (!built) {
                const auto p = fuzz::split(text, 2);
                fuzz::check_envelope("available_actions", op::available_actions(p[0], p[1]));
                break;
            }
            const auto p = fuzz::split(text, 5);
            const std::string request =
                fuzz::object_of({{"definition", p[0]}, {"state", p[1]}, {"machine", p[2]}, {"order", p[3]}});
            fuzz::check_envelope("available_actions", op::available_actions(request, p[4]));
            break;
        }
        case 1: {
            const auto p = fuzz::split(text, 2);
            if (built)
                fuzz::check_envelope("derive_statuses", op::derive_statuses(fuzz::fixed_order(mode / 8), text));
            else
                fuzz::check_envelope("derive_statuses", op::derive_statuses(p[0], p[1]));
            break;
        }
        case 2: {
            const std::string request = built ? fuzz::object_of({{"definition", text}}) : std::string(text);
            fuzz::check_envelope("machines", op::machines(request));
            break;
        }
        default: {
            const auto p = fuzz::split(text, 2);
            const std::string request =
                built ? fuzz::object_of({{"definition", p[0]}, {"machine", p[1]}}) : std::string(text);
            const std::string result = fuzz::check_envelope("mermaid", op::mermaid(request));
            fuzz::require(result.empty() || result.find("\"text\":\"stateDiagram-v2\\n") != std::string::npos, "mermaid",
                          "a mermaid result without a stateDiagram-v2 text");
            break;
        }
    }
    return 0;
}
