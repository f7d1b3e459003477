// What every operation does around its rule: parse options, parse and read the order, collect issues,
// and render the envelope { ok, errors, warnings, result }.
#pragma once

#include <string>
#include <string_view>

#include "../diag/diagnostics.hpp"
#include "../json/document.hpp"
#include "../json/writer.hpp"
#include "../order/order.hpp"
#include "../order/reader.hpp"
#include "../platforms/platform.hpp"
#include "options.hpp"

namespace op {

inline constexpr std::string_view kEngineVersion = "0.1.0";

struct Call {
    Diagnostics diag;
    json::Document options_doc;
    json::Document order_doc;
    json::Document request_doc;
    CallOptions options;
    Profile profile;
    Order order;
    const Platform* platform = nullptr;  // the platform that read the order
    json::Value order_root;              // the order object (inside its wrapper, when it came in one)
    std::string_view order_within;       // the wrapper's member that holds it; empty when it came bare

    // Parses the options text (empty means none). Returns false when it is not JSON.
    bool load_options(std::string_view text);
    // Parses and reads the order at path "order". Returns false when no result can be computed.
    bool load_order(std::string_view text);
    // Reads an already-parsed order (options already read) with options.dialect's platform or the one that
    // claims its shape. `diag` must be scoped at the order's path.
    bool read_order_at(json::Value root);
    // Parses a request text at the root path (requests' paths read "refund_lines[0].quantity").
    bool load_request(std::string_view text, json::Value& out);

    // The envelope; `result` is JSON text of the result object, or empty for null.
    std::string envelope(std::string result) const;
};

// Every result about an order ends with these members: the platform whose rules and names it speaks (so a
// typed client can tell the shapes apart), and the fingerprint and version that tell the preview from a newer
// server state.
void write_result_footer(json::Writer& w, const Order& order, const Platform& platform);

// Renders an envelope from any diagnostics; shared with operations that do not read an order.
std::string render_envelope(const Diagnostics& diag, std::string result);
// Room a large result reserves for the envelope's head, so it is spliced without a copy.
inline constexpr std::size_t kEnvelopeRoom = 4096;

}  // namespace op
