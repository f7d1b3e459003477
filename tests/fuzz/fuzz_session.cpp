// Sessions: open_order, session_call, close_order. Input: "order \x1e options \x1e call \x1e call ..." (up to
// six calls), each call an operation byte then its request. A session's answer must equal the one-shot call's
// for the same order, options and request (SPEC 4.5); after close_order no session stays open.
#include "api/engine.hpp"
#include "api/session.hpp"
#include "fuzz_support.hpp"

namespace {

struct Operation {
    std::string_view name;
    fuzz::OrderOperation one_shot;  // nullptr: no one-shot twin taking a request
};

constexpr Operation kOperations[] = {
    {"calculateRefund", op::calculate_refund}, {"validateRefund", op::validate_refund},
    {"previewEdit", op::preview_edit},         {"previewCancel", op::preview_cancel},
    {"inspect", nullptr},                      {"deriveStatuses", nullptr},
    {"notAnOperation", nullptr},
};

std::int64_t session_id(const std::string& result) {
    const std::string key = "\"session\":";
    const auto at = result.find(key);
    return at == std::string::npos ? 0 : std::stoll(result.substr(at + key.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    constexpr std::size_t kCalls = 6;
    const auto p = fuzz::split(fuzz::text_of(data, size), 2 + kCalls);
    const std::string opened = fuzz::check_envelope("open_order", op::open_order(p[0], p[1]));
    const std::int64_t id = opened.empty() ? -1 : session_id(opened);
    fuzz::require(opened.empty() || id > 0, "open_order", "an opened session without an id");
    bool closed = id < 0;
    for (std::size_t i = 2; i < p.size(); ++i) {
        std::string_view call = p[i];
        if (call.empty()) continue;
        const std::uint8_t which = fuzz::take_mode(call);
        if (which % 8 == 7) {  // close, and every later call must say SESSION_CLOSED
            const std::string closing = op::close_order(id);
            fuzz::check_envelope("close_order", closing);
            fuzz::require((closing.find("SESSION_CLOSED") != std::string::npos) == closed, "close_order",
                          "closing answered wrongly for the session's state");
            closed = true;
            continue;
        }
        const Operation& operation = kOperations[which % 8 % std::size(kOperations)];
        const std::string answer = op::session_call(id, operation.name, call, "");
        fuzz::check_envelope("session_call", answer);
        if (closed) {
            fuzz::require(answer.find("SESSION_CLOSED") != std::string::npos, "session_call",
                          "a closed session answered");
        } else if (operation.one_shot) {
            const std::string one_shot = operation.one_shot(p[0], call, p[1]);
            fuzz::require(answer == one_shot, "session_call", "the session's answer differs from the one-shot call's",
                          "session  " + answer + "\none-shot " + one_shot);
        }
    }
    if (!closed) fuzz::check_envelope("close_order", op::close_order(id));
    fuzz::require(op::open_session_count() == 0, "close_order", "a session is still open");
    return 0;
}
