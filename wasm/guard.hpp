// The one guard around every export: bad data is already an envelope from the core, so anything caught
// here is the engine's own fault and becomes INTERNAL_ERROR instead of a trap or a bare number in JS.
#pragma once

#include <exception>
#include <new>
#include <string>

#include "ops/call.hpp"

namespace op::wasm {

// Out of line so the handlers exist once, not in every export.
[[gnu::noinline]] inline std::string internal_error(const char* what) {
    Diagnostics d;
    d.error(Code::INTERNAL_ERROR, std::string("The engine failed: ") + what);
    return render_envelope(d, {});
}

template <typename F>
std::string guarded(F&& run) noexcept {
    try {
        return run();
    } catch (const std::bad_alloc&) {
        return internal_error("out of memory; reduce the input or raise limits carefully");
    } catch (const std::exception& e) {
        return internal_error(e.what());
    } catch (...) {
        return internal_error("unknown exception");
    }
}

// The numeric exports (the input buffer, the result pointer, counters) have nothing that throws today; they still
// run under a guard, so a future change cannot let an exception cross into JS: they answer `fallback` instead.
template <typename T, typename F>
T guarded_value(F&& run, T fallback) noexcept {
    try {
        return run();
    } catch (...) {
        return fallback;
    }
}

}  // namespace op::wasm
