// Sessions (SPEC 4.5): parse and check an order once, then preview many times. Each call then costs work
// proportional to its request, not to re-reading the order. Ids are never reused, so a closed session
// stays closed (SESSION_CLOSED) instead of silently reaching a newer one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace op {

// Envelope; result {session, order_fingerprint, engine_version, lines}. Options (dialect, profile, limits)
// are fixed for the session's life.
std::string open_order(std::string_view order, std::string_view options);

// operation: previewEdit, calculateRefund, validateRefund, previewCancel, inspect, deriveStatuses.
// `options` may carry operation-specific members (catalog, preset, send_payment_notification); a profile,
// dialect or limit there is ignored with a warning (open a new session to change them).
std::string session_call(std::int64_t session, std::string_view operation, std::string_view request,
                         std::string_view options);

// Envelope; result {session, closed: true}. Closing twice is SESSION_CLOSED.
std::string close_order(std::int64_t session);

std::size_t open_session_count();
constexpr std::size_t kMaxOpenSessions = 10000;

}  // namespace op
