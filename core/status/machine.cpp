// Reading a status-machine definition: shapes, names, state references and the vocabulary of guards.
// The structural checks that need the whole machine (duplicates, reachability) are in validate.cpp.
#include "machine.hpp"

#include <initializer_list>

#include "validate.hpp"

namespace op::status {
namespace {

struct GuardName {
    Guard guard;
    std::string_view name;
};
constexpr GuardName kGuards[] = {
    {Guard::paid, "paid"},
    {Guard::nothing_fulfilled, "nothing_fulfilled"},
    {Guard::fully_fulfilled, "fully_fulfilled"},
    {Guard::has_fulfillable_units, "has_fulfillable_units"},
    {Guard::not_cancelled, "not_cancelled"},
    {Guard::not_fulfilled_or_processing, "not_fulfilled_or_processing"},
};
constexpr std::string_view kGuardList =
    "paid, nothing_fulfilled, fully_fulfilled, has_fulfillable_units, not_cancelled, not_fulfilled_or_processing";


void warn_unknown_keys(json::Value obj, std::initializer_list<std::string_view> allowed, Diagnostics& d) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        bool known = false;
        for (auto k : allowed) known = known || k == it.key();
        if (!known)
            d.warning_at(it.key(), Code::UNKNOWN_FIELD,
                         {quoted(it.key()), " is not part of a machine definition and was ignored."});
    }
}

// A name at the current path: a non-empty string of at most kMaxNameLength bytes.
bool read_name_value(json::Value v, std::string_view what, Diagnostics& d, std::string& out) {
    if (!v.is_string()) {
        d.error(Code::WRONG_TYPE, {"A ", what, " name must be a string, not ", v.type_name(), "."});
        return false;
    }
    if (v.text().empty()) {
        d.error(Code::INVALID_DEFINITION, {"A ", what, " name must not be empty."});
        return false;
    }
    if (v.text().size() > kMaxNameLength) {
        d.error(Code::LIMIT_EXCEEDED, {"A ", what, " name is longer than ", kMaxNameLength, " bytes."});
        return false;
    }
    out = std::string(v.text());
    return true;
}

// A required name member; MISSING_FIELD when absent.
bool read_name(json::Value parent, std::string_view key, std::string_view what, Diagnostics& d, std::string& out) {
    const json::Value v = parent.get(key);
    if (!v || v.is_null()) {
        d.error_at(key, Code::MISSING_FIELD, {quoted(key), " is required."});
        return false;
    }
    auto at = d.at(key);
    return read_name_value(v, what, d, out);
}

// An array member; MISSING_FIELD when required and absent, WRONG_TYPE when not an array, LIMIT_EXCEEDED
// above `limit`. `out` stays absent when the member is optional and not given.
bool read_list(json::Value parent, std::string_view key, bool required, std::size_t limit, Diagnostics& d,
               json::Value& out) {
    out = parent.get(key);
    if (!out || out.is_null()) {
        out = json::Value();
        if (required) d.error_at(key, Code::MISSING_FIELD, {quoted(key), " is required."});
        return !required;
    }
    if (!out.is_array()) {
        d.error_at(key, Code::WRONG_TYPE, {quoted(key), " must be an array, not ", out.type_name(), "."});
        out = json::Value();
        return false;
    }
    if (out.size() > limit) {
        d.error_at(key, Code::LIMIT_EXCEEDED,
                   {quoted(key), " has ", out.size(), " entries; the limit is ", limit, "."});
        out = json::Value();
        return false;
    }
    return true;
}

bool read_states(json::Value m, Diagnostics& d, Machine& out) {
    json::Value list;
    if (!read_list(m, "states", true, kMaxStates, d, list)) return false;
    auto at = d.at("states");
    if (list.size() == 0) {
        d.error(Code::INVALID_DEFINITION, "A machine needs at least one state.");
        return false;
    }
    bool ok = true;
    std::size_t i = 0;
    for (auto it = list.begin(); it != list.end(); ++it, ++i) {
        auto at_i = d.at(i);
        std::string name;
        if (!read_name_value(*it, "state", d, name)) {
            ok = false;
            continue;
        }
        if (out.find_state(name) != kNone) {
            d.error(Code::INVALID_DEFINITION, {"State ", quoted(name), " is listed twice."});
            ok = false;
            continue;
        }
        out.states.push_back(std::move(name));
    }
    return ok;
}

// A reference to a declared state at `parent.key`; kNone (and an issue) when it is not one.
Index read_state_ref(json::Value parent, std::string_view key, const Machine& m, Diagnostics& d) {
    std::string name;
    if (!read_name(parent, key, "state", d, name)) return kNone;
    const Index s = m.find_state(name);
    if (s == kNone)
        d.error_at(
            key, Code::INVALID_DEFINITION,
            {quoted(name), " is not a state of machine ", quoted(m.name), "; states: ", join_names(m.states), "."});
    return s;
}

Index intern_action(Machine& m, std::string name) {
    const Index a = m.find_action(name);
    if (a != kNone) return a;
    m.actions.push_back(std::move(name));
    return static_cast<Index>(m.actions.size() - 1);
}

bool read_guard(json::Value t, Diagnostics& d, Guard& out) {
    const json::Value v = t.get("guard");
    out = Guard::none;
    if (!v || v.is_null()) return true;
    auto at = d.at("guard");
    std::string name;
    if (!read_name_value(v, "guard", d, name)) return false;
    if (parse_guard(name, out)) return true;
    d.error(Code::INVALID_DEFINITION, {quoted(name), " is not a guard; guards: ", kGuardList, "."});
    return false;
}

void read_transition(json::Value t, Index index, Diagnostics& d, Machine& m) {
    if (!t.is_object()) {
        d.error(Code::WRONG_TYPE, {"A transition must be an object, not ", t.type_name(), "."});
        return;
    }
    warn_unknown_keys(t, {"action", "from", "to", "guard", "description"}, d);
    std::string action;
    const bool has_action = read_name(t, "action", "action", d, action);
    const Index from = read_state_ref(t, "from", m, d);
    const Index to = read_state_ref(t, "to", m, d);
    Guard guard = Guard::none;
    const bool guard_ok = read_guard(t, d, guard);
    if (!has_action || from == kNone || to == kNone || !guard_ok) return;
    m.transitions.push_back(Transition{intern_action(m, std::move(action)), from, to, guard, index});
}

bool read_transitions(json::Value mv, Diagnostics& d, Machine& m) {
    json::Value list;
    if (!read_list(mv, "transitions", true, kMaxTransitions, d, list)) return false;
    auto at = d.at("transitions");
    const std::size_t before = d.error_count();
    Index i = 0;
    for (auto it = list.begin(); it != list.end(); ++it, ++i) {
        auto at_i = d.at(i);
        read_transition(*it, i, d, m);
    }
    return d.error_count() == before;
}

bool parse_code(std::string_view s, Code& out) {
    for (const Code c : all_codes())
        if (code_name(c) == s && c != Code::INTERNAL_ERROR) {
            out = c;
            return true;
        }
    return false;
}

void read_refusal(json::Value r, Index index, Diagnostics& d, Machine& m) {
    if (!r.is_object()) {
        d.error(Code::WRONG_TYPE, {"A refusal must be an object, not ", r.type_name(), "."});
        return;
    }
    warn_unknown_keys(r, {"action", "from", "code", "description"}, d);
    std::string action, code_text;
    const bool has_action = read_name(r, "action", "action", d, action);
    const Index from = read_state_ref(r, "from", m, d);
    Code code = Code::INVALID_STATUS_TRANSITION;
    bool code_ok = read_name(r, "code", "code", d, code_text);
    if (code_ok && !parse_code(code_text, code)) {
        d.error_at("code", Code::INVALID_DEFINITION, {quoted(code_text), " is not an issue code of the engine."});
        code_ok = false;
    }
    if (!has_action || from == kNone || !code_ok) return;
    m.refusals.push_back(Refusal{intern_action(m, std::move(action)), from, code, index});
}

bool read_refusals(json::Value mv, Diagnostics& d, Machine& m) {
    json::Value list;
    if (!read_list(mv, "refusals", false, kMaxTransitions, d, list)) return false;
    if (!list) return true;
    auto at = d.at("refusals");
    const std::size_t before = d.error_count();
    Index i = 0;
    for (auto it = list.begin(); it != list.end(); ++it, ++i) {
        auto at_i = d.at(i);
        read_refusal(*it, i, d, m);
    }
    return d.error_count() == before;
}

// "final" and "unreachable_ok": optional lists of declared states.
bool read_state_set(json::Value mv, std::string_view key, Diagnostics& d, const Machine& m, std::vector<Index>& out) {
    json::Value list;
    if (!read_list(mv, key, false, kMaxStates, d, list)) return false;
    if (!list) return true;
    auto at = d.at(key);
    bool ok = true;
    std::size_t i = 0;
    for (auto it = list.begin(); it != list.end(); ++it, ++i) {
        auto at_i = d.at(i);
        std::string name;
        if (!read_name_value(*it, "state", d, name)) {
            ok = false;
            continue;
        }
        const Index s = m.find_state(name);
        if (s == kNone) {
            d.error(Code::INVALID_DEFINITION, {quoted(name), " is not a state of machine ", quoted(m.name), "."});
            ok = false;
            continue;
        }
        out.push_back(s);
    }
    if (!ok) out.clear();  // all or nothing, so positions in `out` are positions in the input
    return ok;
}

bool read_machine(json::Value v, std::string_view default_name, Diagnostics& d, Machine& m) {
    if (!v.is_object()) {
        d.error(Code::WRONG_TYPE, {"A machine must be an object, not ", v.type_name(), "."});
        return false;
    }
    const std::size_t before = d.error_count();
    if (const json::Value name = v.get("name"); name && !name.is_null()) {
        auto at = d.at("name");
        read_name_value(name, "machine", d, m.name);
    } else if (default_name.empty()) {
        d.error_at("name", Code::MISSING_FIELD, "'name' is required.");
    } else {
        m.name = std::string(default_name);
    }
    if (!read_states(v, d, m)) return false;
    m.initial = read_state_ref(v, "initial", m, d);
    read_transitions(v, d, m);
    read_refusals(v, d, m);
    read_state_set(v, "final", d, m, m.finals);
    read_state_set(v, "unreachable_ok", d, m, m.unreachable_ok);
    // With errors, the checks that need the whole machine (reachability, finals) would mislead; duplicates
    // among the transitions that were read are still reported, so one call lists every problem.
    validate_machine(m, d.error_count() == before, d);
    return d.error_count() == before;
}

bool read_same_state(json::Value v, Diagnostics& d, Definition& out) {
    std::string mode;
    const json::Value s = v.get("same_state");
    if (!s || s.is_null()) return true;
    auto at = d.at("same_state");
    if (!read_name_value(s, "same_state", d, mode)) return false;
    if (mode != "noop" && mode != "refuse") {
        d.error(Code::INVALID_DEFINITION, {"'same_state' must be \"noop\" or \"refuse\", not ", quoted(mode), "."});
        return false;
    }
    out.same_state_noop = mode == "noop";
    return true;
}

bool read_machines(json::Value v, Diagnostics& d, Definition& out) {
    json::Value list;
    if (!read_list(v, "machines", true, kMaxMachines, d, list)) return false;
    auto at = d.at("machines");
    if (list.size() == 0) {
        d.error(Code::INVALID_DEFINITION, "A definition needs at least one machine.");
        return false;
    }
    bool ok = true;
    std::size_t i = 0;
    for (auto it = list.begin(); it != list.end(); ++it, ++i) {
        auto at_i = d.at(i);
        if ((*it).is_object())
            warn_unknown_keys(*it, {"name", "initial", "states", "final", "transitions", "refusals", "unreachable_ok",
                                    "description"}, d);
        Machine m;
        if (!read_machine(*it, {}, d, m)) {
            ok = false;
            continue;
        }
        if (out.find(m.name)) {
            d.error_at("name", Code::INVALID_DEFINITION, {"Machine ", quoted(m.name), " is defined twice."});
            ok = false;
            continue;
        }
        out.machines.push_back(std::move(m));
    }
    return ok;
}

}  // namespace

std::string_view guard_name(Guard g) {
    for (const auto& n : kGuards)
        if (n.guard == g) return n.name;
    return "none";
}

bool parse_guard(std::string_view s, Guard& out) {
    for (const auto& n : kGuards)
        if (n.name == s) {
            out = n.guard;
            return true;
        }
    return false;
}

Index Machine::find_state(std::string_view s) const {
    for (std::size_t i = 0; i < states.size(); ++i)
        if (states[i] == s) return static_cast<Index>(i);
    return kNone;
}

Index Machine::find_action(std::string_view a) const {
    for (std::size_t i = 0; i < actions.size(); ++i)
        if (actions[i] == a) return static_cast<Index>(i);
    return kNone;
}

const Transition* Machine::find(Index action, Index from) const {
    for (const auto& t : transitions)
        if (t.action == action && t.from == from) return &t;
    return nullptr;
}

const Refusal* Machine::find_refusal(Index action, Index from) const {
    for (const auto& r : refusals)
        if (r.action == action && r.from == from) return &r;
    return nullptr;
}

bool Machine::targets(Index action, Index state) const {
    for (const auto& t : transitions)
        if (t.action == action && t.to == state) return true;
    return false;
}

std::vector<const Transition*> Machine::from_state(Index from) const {
    std::vector<const Transition*> out;
    for (const auto& t : transitions)
        if (t.from == from) out.push_back(&t);
    return out;
}

bool Machine::is_final(Index state) const {
    for (auto f : finals)
        if (f == state) return true;
    return false;
}

const Machine* Definition::find(std::string_view name) const {
    for (const auto& m : machines)
        if (m.name == name) return &m;
    return nullptr;
}

std::string Definition::machine_names() const {
    std::vector<std::string> names;
    for (const auto& m : machines) names.push_back(m.name);
    return join_names(names);
}

std::string quoted(std::string_view s) { return join({"'", s, "'"}); }

std::string join_names(const std::vector<std::string>& names, std::size_t max) {
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < max; ++i) {
        if (i) out += ", ";
        out += names[i];
    }
    if (names.size() > max) out += ", …";
    return out;
}

bool load_definition(json::Value v, std::string_view default_name, Diagnostics& d, Definition& out) {
    out = Definition{};
    if (!v.is_object()) {
        d.error(Code::WRONG_TYPE, {"A definition must be an object, not ", v.type_name(), "."});
        return false;
    }
    const std::size_t before = d.error_count();
    read_same_state(v, d, out);
    if (v.get("machines")) {
        warn_unknown_keys(v, {"preset", "source", "same_state", "machines", "description"}, d);
        read_machines(v, d, out);
        return d.error_count() == before;
    }
    warn_unknown_keys(v, {"name", "initial", "states", "final", "transitions", "refusals", "unreachable_ok",
                          "description", "same_state"}, d);
    Machine m;
    if (read_machine(v, default_name.empty() ? std::string_view("custom") : default_name, d, m))
        out.machines.push_back(std::move(m));
    return d.error_count() == before;
}

}  // namespace op::status
