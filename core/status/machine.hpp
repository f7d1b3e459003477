// Status machines as data (SPEC 4.4): a definition holds one or more machines, each with states, an initial
// state, transitions {action, from, to, guard?} and optional refusals {action, from, code}. Presets and custom
// definitions are read and validated by the same code, so a preset can never hold what a caller may not.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../diag/diagnostics.hpp"
#include "../json/document.hpp"

namespace op::status {

// The fixed guard vocabulary; every guard is a fact of the order (see guards.hpp).
enum class Guard : std::uint8_t {
    none,
    paid,
    nothing_fulfilled,
    fully_fulfilled,
    has_fulfillable_units,
    not_cancelled,
    not_fulfilled_or_processing,
};
std::string_view guard_name(Guard g);
bool parse_guard(std::string_view s, Guard& out);

// Limits of one machine (LIMIT_EXCEEDED beyond them).
inline constexpr std::size_t kMaxStates = 200;
inline constexpr std::size_t kMaxTransitions = 2000;
inline constexpr std::size_t kMaxNameLength = 100;
inline constexpr std::size_t kMaxMachines = 50;

using Index = std::uint32_t;
inline constexpr Index kNone = 0xFFFFFFFFu;

struct Transition {
    Index action = kNone;
    Index from = kNone;
    Index to = kNone;
    Guard guard = Guard::none;
    Index source_index = 0;  // position in the input array, for paths
};

// An action refused from a state with a specific code instead of INVALID_STATUS_TRANSITION
// (v1: cancel on a cancelled order -> ORDER_ALREADY_CANCELLED, seed 002's error table).
struct Refusal {
    Index action = kNone;
    Index from = kNone;
    Code code = Code::INVALID_STATUS_TRANSITION;
    Index source_index = 0;
};

struct Machine {
    std::string name;
    std::vector<std::string> states;
    std::vector<std::string> actions;  // every action named by a transition or refusal, first appearance order
    Index initial = kNone;
    std::vector<Transition> transitions;
    std::vector<Refusal> refusals;
    std::vector<Index> finals;          // declared terminal states ("final")
    std::vector<Index> unreachable_ok;  // states that are unreachable on purpose ("unreachable_ok")

    Index find_state(std::string_view s) const;
    Index find_action(std::string_view a) const;
    // The transition for (action, from), or nullptr.
    const Transition* find(Index action, Index from) const;
    const Refusal* find_refusal(Index action, Index from) const;
    // Same-state rule: a transition carrying `action` whose target is `state` (from any state).
    bool targets(Index action, Index state) const;
    // Transitions leaving `from`, in definition order.
    std::vector<const Transition*> from_state(Index from) const;
    bool is_final(Index state) const;
};

struct Definition {
    std::string preset;            // empty for a custom definition
    bool same_state_noop = false;  // Shopware: an action whose target is the current state changes nothing
    std::vector<Machine> machines;

    const Machine* find(std::string_view name) const;
    std::string machine_names() const;  // "a, b, c" for messages
};

// Reads and validates a definition at `d`'s current path. Two shapes are accepted: a preset file
// {machines: [...], same_state?} and a single machine {name?, states, initial, transitions, ...}
// (its name defaults to `default_name`). Returns false when any error was reported; warnings
// (UNREACHABLE_STATE, UNKNOWN_FIELD) do not fail it.
bool load_definition(json::Value v, std::string_view default_name, Diagnostics& d, Definition& out);

// 'text', for names in messages.
std::string quoted(std::string_view s);

// "a, b, c", at most `max` names, then "…".
std::string join_names(const std::vector<std::string>& names, std::size_t max = 30);

}  // namespace op::status
