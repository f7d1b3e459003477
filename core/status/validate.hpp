// Whole-machine checks shared by presets and custom definitions (SPEC 4.4: unknown states, duplicate
// transitions, unreachable states). Internal to core/status.
#pragma once

#include "machine.hpp"

namespace op::status {

// `d` is scoped at the machine. Errors: a duplicate transition, one action with two targets from one state,
// a refusal that is also a transition or is listed twice, a final state with an outgoing transition.
// Warnings: UNREACHABLE_STATE for every state not reachable from the initial one and not in unreachable_ok.
// `complete` is false when reading the machine reported errors: then only duplicates and refusals are checked.
void validate_machine(const Machine& m, bool complete, Diagnostics& d);

}  // namespace op::status
