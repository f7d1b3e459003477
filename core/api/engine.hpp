// The engine's public C++ API: one function per operation, JSON text in, envelope JSON text out.
// Nothing here throws for bad data; the wasm layer adds a catch-all for the unexpected.
#pragma once

#include <string>
#include <string_view>

namespace op {

std::string_view engine_version();
// {"codes":[{"code","description"}...]}
std::string codes_json();

std::string inspect_order(std::string_view order, std::string_view options);

// SPEC 4.1, seed 000: the refund calculation, the check of a create body, the create body, the parity diff.
std::string calculate_refund(std::string_view order, std::string_view request, std::string_view options);
std::string validate_refund(std::string_view order, std::string_view create_request, std::string_view options);
std::string to_refund_create_request(std::string_view calculation, std::string_view request, std::string_view options);
std::string compare_refund(std::string_view preview, std::string_view server_response, std::string_view options);

// SPEC 4.2: the order after `edits` (an array of {op, …}), totals, balance and the plan of server calls.
std::string preview_edit(std::string_view order, std::string_view edits, std::string_view options);
// SPEC 4.3: statuses after a cancellation, refunds, restocked units and authorisations to void.
std::string preview_cancel(std::string_view order, std::string_view request, std::string_view options);

// What a return of units will store once the server calculates it, and the calls (returns kept as records).
std::string preview_return(std::string_view order, std::string_view request, std::string_view options);
// A refund against one capture: the create body, what the capture has left, the state action, the calls.
std::string preview_capture_refund(std::string_view order, std::string_view request, std::string_view options);

}  // namespace op
