// Operations that work on an already-read order. One-shot entry points read the order per call; sessions
// (SPEC 4.5) read it once and call these directly.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "../diag/diagnostics.hpp"
#include "../json/document.hpp"
#include "../order/order.hpp"
#include "../platforms/platform.hpp"
#include "options.hpp"

namespace op {

struct OrderFacts;

struct OrderContext {
    const Order& order;
    const Platform& platform;  // the platform that read the order: its shape and names
    const Profile& profile;
    const CallOptions& options;
    json::Value root;  // the order as it came in, for results that echo it (previewEdit)
    json::Value call_options;  // this call's options object (sessions: may differ from the session's)
    std::size_t root_bytes = 0;  // size of the order's JSON text, to reserve results that echo it
    const OrderFacts* facts = nullptr;  // a session's facts about the order; nullptr: computed per call (one-shot)
    std::string_view root_within;  // the member of the input that holds `root` (a webhook's wrapper), or empty
};

// Whose server rules an edit or a cancellation follows: options.preset, else the order's own platform.
const Platform& rules_for(const OrderContext& ctx, std::string_view operation, Diagnostics& d);

// Each returns the result object's JSON text, or empty when no result can be given.
using OrderOperation = std::string (*)(const OrderContext&, json::Value request, Diagnostics&);

std::string refund_result(const OrderContext& ctx, json::Value request, Diagnostics& d);
std::string validate_refund_result(const OrderContext& ctx, json::Value request, Diagnostics& d);
std::string edit_result(const OrderContext& ctx, json::Value request, Diagnostics& d);
std::string cancel_result(const OrderContext& ctx, json::Value request, Diagnostics& d);
std::string inspect_result(const OrderContext& ctx, json::Value request, Diagnostics& d);
std::string statuses_result(const OrderContext& ctx, json::Value request, Diagnostics& d);
std::string return_result(const OrderContext& ctx, json::Value request, Diagnostics& d);
std::string capture_refund_result(const OrderContext& ctx, json::Value request, Diagnostics& d);

// False (with OPERATION_NOT_SUPPORTED) when the order's platform lacks the part `operation` needs.
bool platform_supports(const void* part, const OrderContext& ctx, std::string_view operation, Diagnostics& d);

// Entry points that read no order: the create body from a calculation, and the parity diff.
std::string refund_create_envelope(std::string_view calculation, std::string_view request, std::string_view options);
std::string compare_refund_envelope(std::string_view preview, std::string_view server_response, std::string_view options);

// Parses options, the order and the request, runs `operation`, renders the envelope.
std::string run_with_order(std::string_view order, std::string_view request, std::string_view options,
                           OrderOperation operation);

}  // namespace op
