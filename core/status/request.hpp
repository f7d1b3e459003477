// What the status operations share around their rule: options, the request object, the definition
// (preset or custom), the machine and the optional embedded order. Internal to core/status.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "../ops/call.hpp"
#include "machine.hpp"

namespace op::status {

struct StatusCall {
    Call call;
    json::Value request;
    const Definition* definition = nullptr;  // a preset's or `custom`
    Definition custom;
    const Machine* machine = nullptr;
    bool has_order = false;  // request.order was given and read without errors
    bool order_failed = false;
    // request.entity {type, id}: the machine and the current state come from that entity of the order.
    bool by_entity = false;
    std::string entity_type;
    Id entity_id;
    std::string entity_state;
};

struct RequestShape {
    std::vector<std::string_view> keys;  // known members; others get UNKNOWN_FIELD warnings
    bool needs_machine = true;
    bool reads_order = false;
};

// Parses options and the request, resolves the definition and (if needed) the machine, reads request.order.
// Every problem is reported; returns false when the definition or machine cannot be used. A bad embedded
// order is reported too (sc.order_failed) but leaves the definition usable, so callers can report the
// request's other problems before deciding there is no result.
bool load_status_request(std::string_view request, std::string_view options, const RequestShape& shape, StatusCall& sc);

// request.entity: reads {type, id}, picks the machine (type + the platform's suffix) and the current state from
// the order. False (with the issue reported) when the entity cannot be resolved; no-op when absent.
bool resolve_entity(StatusCall& sc);
// The server call that applies `action` to the request's entity (inside a result object, as "call").
void write_entity_call(json::Writer& w, const StatusCall& sc, std::string_view action);
// The platform's advice (warnings) on applying `action` to the request's entity.
void advise_entity(StatusCall& sc, std::string_view action);

// A required name member of the request (at most kMaxNameLength bytes).
bool read_request_name(json::Value request, std::string_view key, Diagnostics& d, std::string& out);

// "preset": name or null, for results.
void write_preset(json::Writer& w, const StatusCall& sc);
// Ends a result: order_fingerprint + engine_version when an order was read, else engine_version.
void write_footer(json::Writer& w, const StatusCall& sc);

}  // namespace op::status
