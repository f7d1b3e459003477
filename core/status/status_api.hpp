// Status machines (SPEC 4.4): one C++ entry point per operation, JSON text in, envelope text out
// ({ok, errors, warnings, result}). Paths in issues are relative to the request ("action",
// "order.lines[0].quantity", "definition.transitions[3].to"); nothing here throws for bad data.
//
// The machines are data: core/status/presets/*.json, embedded at build time, or a caller's `definition`
// (a preset-shaped {machines: [...]} or one machine {name?, states, initial, transitions, refusals?}).
// Rules and their sources: docs/rules.md §7.
#pragma once

#include <string>
#include <string_view>

namespace op {

// request {preset | definition, machine, from, action, order?}
// result  {preset, machine, from, action, to, changed, noop, guard: {name, checked, passed, fact} | null,
//          allowed_actions? (only when refused), engine_version (+ order_fingerprint with an order)}
std::string transition(std::string_view request, std::string_view options);

// request {preset | definition, machine, state, order?}
// result  {preset, machine, state, final, actions: [{action, to, guard, passes, fact}], engine_version ...}
// passes: true / false, or null when the action is guarded and no order was given.
std::string available_actions(std::string_view request, std::string_view options);

// order: an order of a platform with a status vocabulary; options.preset: that vocabulary (default: the order's
// own platform's).
// result  {preset, <payment key>: {derived, stated, matches, accepts}, fulfillment_status: {...}, facts,
//          order_fingerprint, engine_version}; a stated status that the facts do not give is an
//          INVALID_VALUE warning at its path.
std::string derive_statuses(std::string_view order, std::string_view options);

// request {preset | definition} -> {preset, same_state, machines: [{name, initial, states, final, actions,
// transitions, refusals}], engine_version}. A definition is validated as for the other operations.
std::string machines(std::string_view request);

// request {preset | definition, machine} -> {preset, machine, text: "stateDiagram-v2\n..."}
std::string mermaid(std::string_view request);

}  // namespace op
