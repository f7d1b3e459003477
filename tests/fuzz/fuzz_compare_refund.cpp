// compare_refund(preview, server_response, options). Input: a mode byte, then
//   even: "preview \x1e server response \x1e options", all fuzzed;
//   odd:  "refund request \x1e server response" against fixed_order(mode / 2): the preview is the real
//         calculate_refund envelope, and a preview compared with itself must be equal;
//   bit 0x40: a count byte, then "prefix \x1e element \x1e suffix" for the preview and for the server response,
//         both built with fuzz::repeated (thousands of refund lines or transactions on each side).
#include "api/engine.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = fuzz::text_of(data, size);
    const std::uint8_t mode = fuzz::take_mode(text);
    if (mode & 0x40) {
        const std::uint8_t count = fuzz::take_mode(text);
        const auto p = fuzz::split(text, 6);
        fuzz::check_envelope("compare_refund", op::compare_refund(fuzz::repeated(p[0], p[1], p[2], count),
                                                                  fuzz::repeated(p[3], p[4], p[5], count), ""));
        return 0;
    }
    if (mode % 2 == 0) {
        const auto p = fuzz::split(text, 3);
        fuzz::check_envelope("compare_refund", op::compare_refund(p[0], p[1], p[2]));
        return 0;
    }
    const auto p = fuzz::split(text, 2);
    const std::string preview = op::calculate_refund(fuzz::fixed_order(mode / 2), p[0], "");
    if (fuzz::check_envelope("calculate_refund", preview).empty()) return 0;
    fuzz::check_envelope("compare_refund", op::compare_refund(preview, p[1], ""));
    const std::string same = fuzz::check_envelope("compare_refund", op::compare_refund(preview, preview, ""));
    fuzz::require(same.rfind("{\"differences\":[],\"equal\":true,", 0) == 0, "compare_refund",
                  "a preview compared with itself is not equal", preview + "\n" + same);
    return 0;
}
