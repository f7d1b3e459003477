// embind registration: JSON text in, JSON text out, through linear memory.
//
// Why not std::string parameters: embind converts a std::string one character at a time in JS, which costs
// more than the whole JSON.parse(JSON.stringify(order)) floor on a 50-line order. The JS side instead encodes
// UTF-8 straight into a buffer from alloc() with TextEncoder.encodeInto and decodes the result in place with
// TextDecoder, so crossing the boundary is two memcpy-speed steps. Only integers cross embind.
#include <emscripten/bind.h>

#include <cstdint>
#include <cstdlib>
#include <malloc.h>
#include <string>
#include <string_view>

#include "api/engine.hpp"
#include "api/session.hpp"
#include "status/status_api.hpp"
#include "guard.hpp"

namespace {

std::string g_result;  // the last result; JS reads it (resultPtr, length) before the next call

std::string_view view(std::uintptr_t ptr, std::size_t len) {
    return len == 0 ? std::string_view() : std::string_view(reinterpret_cast<const char*>(ptr), len);
}

std::size_t publish(const std::string& text) {
    // Copied into one buffer that keeps its capacity, so the heap does not churn (and leak checks see a
    // steady state) as result sizes vary from call to call.
    g_result.assign(text);
    // A one-off huge result must not pin its memory for the life of the isolate.
    if (g_result.capacity() > (1u << 22) && g_result.size() < (1u << 20)) g_result.shrink_to_fit();
    return g_result.size();
}

using Op3 = std::string (*)(std::string_view, std::string_view, std::string_view);

template <Op3 F>
std::size_t exported(std::uintptr_t p0, std::size_t n0, std::uintptr_t p1, std::size_t n1, std::uintptr_t p2,
                     std::size_t n2) {
    return publish(op::wasm::guarded([&] { return F(view(p0, n0), view(p1, n1), view(p2, n2)); }));
}

std::string inspect(std::string_view order, std::string_view, std::string_view options) {
    return op::inspect_order(order, options);
}
std::string refund(std::string_view order, std::string_view request, std::string_view options) {
    return op::calculate_refund(order, request, options);
}
std::string validate(std::string_view order, std::string_view request, std::string_view options) {
    return op::validate_refund(order, request, options);
}
std::string edit(std::string_view order, std::string_view edits, std::string_view options) {
    return op::preview_edit(order, edits, options);
}
std::string cancel(std::string_view order, std::string_view request, std::string_view options) {
    return op::preview_cancel(order, request, options);
}
std::string returns(std::string_view order, std::string_view request, std::string_view options) {
    return op::preview_return(order, request, options);
}
std::string capture_refund(std::string_view order, std::string_view request, std::string_view options) {
    return op::preview_capture_refund(order, request, options);
}
std::string statuses(std::string_view order, std::string_view, std::string_view options) {
    return op::derive_statuses(order, options);
}
std::string transition(std::string_view, std::string_view request, std::string_view options) {
    return op::transition(request, options);
}
std::string actions(std::string_view, std::string_view request, std::string_view options) {
    return op::available_actions(request, options);
}
std::string machines(std::string_view, std::string_view request, std::string_view) { return op::machines(request); }
std::string mermaid(std::string_view, std::string_view request, std::string_view) { return op::mermaid(request); }
std::string open(std::string_view order, std::string_view, std::string_view options) {
    return op::open_order(order, options);
}

// Session calls carry the session id and the operation's name (as UTF-8 in the first slot).
std::size_t session_call(unsigned id, std::uintptr_t p0, std::size_t n0, std::uintptr_t p1, std::size_t n1,
                         std::uintptr_t p2, std::size_t n2) {
    return publish(op::wasm::guarded(
        [&] { return op::session_call(static_cast<std::int64_t>(id), view(p0, n0), view(p1, n1), view(p2, n2)); }));
}
std::size_t close_session(unsigned id) {
    return publish(op::wasm::guarded([&] { return op::close_order(static_cast<std::int64_t>(id)); }));
}
std::size_t open_sessions() { return op::wasm::guarded_value([] { return op::open_session_count(); }, std::size_t{0}); }
// Bytes malloc has handed out and not taken back: the leak check that memory growth alone cannot give.
std::size_t heap_in_use() {
    return op::wasm::guarded_value([] { return static_cast<std::size_t>(mallinfo().uordblks); }, std::size_t{0});
}

std::string version(std::string_view, std::string_view, std::string_view) { return std::string(op::engine_version()); }
std::string codes(std::string_view, std::string_view, std::string_view) { return op::codes_json(); }

std::uintptr_t alloc(std::size_t n) {
    return op::wasm::guarded_value([n] { return reinterpret_cast<std::uintptr_t>(std::malloc(n == 0 ? 1 : n)); }, std::uintptr_t{0});
}
void release(std::uintptr_t p) {
    op::wasm::guarded_value([p] { return std::free(reinterpret_cast<void*>(p)), 0; }, 0);
}
std::uintptr_t result_ptr() {
    return op::wasm::guarded_value([] { return reinterpret_cast<std::uintptr_t>(g_result.data()); }, std::uintptr_t{0});
}

}  // namespace

EMSCRIPTEN_BINDINGS(order_preflight) {
    using emscripten::function;
    function("alloc", &alloc);
    function("release", &release);
    function("resultPtr", &result_ptr);
    function("version", &exported<version>);
    function("codes", &exported<codes>);
    function("inspectOrder", &exported<inspect>);
    function("calculateRefund", &exported<refund>);
    function("validateRefund", &exported<validate>);
    function("toRefundCreateRequest", &exported<op::to_refund_create_request>);
    function("compareRefund", &exported<op::compare_refund>);
    function("previewEdit", &exported<edit>);
    function("previewCancel", &exported<cancel>);
    function("deriveStatuses", &exported<statuses>);
    function("transition", &exported<transition>);
    function("availableActions", &exported<actions>);
    function("machines", &exported<machines>);
    function("mermaid", &exported<mermaid>);
    function("openOrder", &exported<open>);
    function("sessionCall", &session_call);
    function("closeOrder", &close_session);
    function("openSessionCount", &open_sessions);
    function("heapInUse", &heap_in_use);
    function("previewReturn", &exported<returns>);
    function("previewCaptureRefund", &exported<capture_refund>);
}
