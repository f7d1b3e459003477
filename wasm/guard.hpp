// The one guard around every export: bad data is already an envelope from the core, so anything caught
// here is the engine's own fault and becomes INTERNAL_ERROR instead of a trap or a bare number in JS.
#pragma once

#include <exception>
#include <new>
#include <string>

#include "api/call.hpp"

namespace op::wasm {

template <typename F>
std::string guarded(F&& run) noexcept {
    try {
        return run();
    } catch (const std::bad_alloc&) {
        Diagnostics d;
        d.error(Code::INTERNAL_ERROR, "The engine ran out of memory; reduce the input or raise limits carefully.");
        return render_envelope(d, {});
    } catch (const std::exception& e) {
        Diagnostics d;
        d.error(Code::INTERNAL_ERROR, std::string("The engine failed: ") + e.what());
        return render_envelope(d, {});
    } catch (...) {
        Diagnostics d;
        d.error(Code::INTERNAL_ERROR, "The engine failed with an unknown exception.");
        return render_envelope(d, {});
    }
}

}  // namespace op::wasm
