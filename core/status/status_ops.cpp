// transition, availableActions and machines over a preset or a custom definition (SPEC 4.4).
#include "guards.hpp"
#include "request.hpp"
#include "../platforms/plan.hpp"
#include "status_api.hpp"

namespace op {
namespace status {
namespace {


std::vector<std::string> actions_from(const Machine& m, Index state) {
    std::vector<std::string> names;
    for (const Transition* t : m.from_state(state)) names.push_back(m.actions[t->action]);
    return names;
}

std::string allowed_sentence(const Machine& m, Index state) {
    const auto names = actions_from(m, state);
    if (names.empty()) return join({"No action is allowed from ", quoted(m.states[state]), "."});
    return join({"Allowed from ", quoted(m.states[state]), ": ", join_names(names), "."});
}

// Resolves from/action to indices, reporting UNKNOWN_STATE / UNKNOWN_ACTION with the valid names.
bool resolve_state(const StatusCall& sc, std::string_view key, Diagnostics& d, Index& out) {
    std::string name;
    if (sc.by_entity) {
        name = sc.entity_state;  // from the order; a `from` in the request is ignored
        if (const json::Value given = sc.request.get(key); given.is_string() && given.text() != name)
            d.warning_at(key, Code::INVALID_VALUE,
                         {"The order says the entity is in ", quoted(name), "; that state is used."});
    } else if (!read_request_name(sc.request, key, d, name)) {
        return false;
    }
    const Machine& m = *sc.machine;
    out = m.find_state(name);
    if (out == kNone)
        d.error_at(
            key, Code::UNKNOWN_STATE,
            {"Machine ", quoted(m.name), " has no state ", quoted(name), "; states: ", join_names(m.states), "."});
    return out != kNone;
}

bool resolve_action(const StatusCall& sc, Diagnostics& d, Index& out) {
    std::string name;
    if (!read_request_name(sc.request, "action", d, name)) return false;
    const Machine& m = *sc.machine;
    out = m.find_action(name);
    if (out == kNone)
        d.error_at(
            "action", Code::UNKNOWN_ACTION,
            {"Machine ", quoted(m.name), " has no action ", quoted(name), "; actions: ", join_names(m.actions), "."});
    return out != kNone;
}

struct Step {
    Index to = kNone;  // kNone: refused
    bool noop = false;
    Guard guard = Guard::none;
    GuardOutcome outcome;
};

// A guarded transition: checked against the order when there is one; without it the step goes ahead
// with a warning (SPEC 4.4: the order is optional).
void check_guard(const StatusCall& sc, const Transition& t, Step& step, Diagnostics& d) {
    const Machine& m = *sc.machine;
    step.guard = t.guard;
    const std::string what = join({quoted(m.actions[t.action]), " from ", quoted(m.states[t.from])});
    const std::string guard = quoted(guard_name(t.guard));
    if (!sc.has_order) {
        d.warning_at("order", Code::MISSING_FIELD,
                     {what, " is guarded by ", guard, ", which was not checked; pass the order to check it."});
        return;
    }
    step.outcome = evaluate_guard(t.guard, sc.call.order);
    if (!step.outcome.checked) {
        d.warning_at("order", Code::MISSING_FIELD,
                     {"The guard ", guard, " of ", what, " was not checked: ", step.outcome.fact, "."});
    } else if (!step.outcome.passed) {
        d.error_at("action", Code::GUARD_FAILED,
                   {what, " requires ", guard, ", which the order does not meet: ", step.outcome.fact, "."});
        step.to = kNone;
    }
}

Step decide(const StatusCall& sc, Index from, Index action, Diagnostics& d) {
    const Machine& m = *sc.machine;
    Step step;
    // Shopware 6.7 StateMachineRegistry: any transition of this action that ends in the current state makes
    // the call a success that changes nothing, whatever its `from` (UnnecessaryTransitionException).
    if (sc.definition->same_state_noop && m.targets(action, from)) {
        step.to = from;
        step.noop = true;
        return step;
    }
    if (const Transition* t = m.find(action, from)) {
        step.to = t->to;
        if (t->guard != Guard::none) check_guard(sc, *t, step, d);
        return step;
    }
    const Refusal* r = m.find_refusal(action, from);
    d.error_at("action", r ? r->code : Code::INVALID_STATUS_TRANSITION,
               {quoted(m.actions[action]), " is not allowed from ", quoted(m.states[from]), " in machine ",
                quoted(m.name), ". ", allowed_sentence(m, from)});
    return step;
}

void write_guard(json::Writer& w, const Step& s, bool has_order) {
    w.key("guard");
    if (s.guard == Guard::none) {
        w.null();
        return;
    }
    const bool checked = has_order && s.outcome.checked;
    w.object();
    w.field("name", guard_name(s.guard));
    w.field("checked", checked);
    w.key("passed");
    if (checked)
        w.boolean(s.outcome.passed);
    else
        w.null();
    w.key("fact");
    if (has_order)
        w.string(s.outcome.fact);
    else
        w.null();
    w.end_object();
}

void write_transition(json::Writer& w, const StatusCall& sc, Index from, Index action, const Step& s) {
    const Machine& m = *sc.machine;
    w.object();
    write_preset(w, sc);
    w.field("machine", m.name);
    w.field("from", m.states[from]);
    w.field("action", m.actions[action]);
    w.key("to");
    if (s.to == kNone)
        w.null();
    else
        w.string(m.states[s.to]);
    w.field("changed", s.to != kNone && s.to != from);
    w.field("noop", s.noop);
    write_guard(w, s, sc.has_order);
    if (s.to == kNone) {
        w.key("allowed_actions").array();
        for (const auto& a : actions_from(m, from)) w.string(a);
        w.end_array();
    }
    if (sc.by_entity) {
        if (s.to != kNone) {
            write_entity_call(w, sc, m.actions[action]);
        } else {
            w.key("entity").object().field("type", sc.entity_type).key("id");
            write_id(w, sc.entity_id);
            w.end_object();
        }
    }
    write_footer(w, sc);
    w.end_object();
}

void write_action(json::Writer& w, const StatusCall& sc, const Transition& t) {
    const Machine& m = *sc.machine;
    w.object();
    w.field("action", m.actions[t.action]);
    w.field("to", m.states[t.to]);
    w.key("guard");
    if (t.guard == Guard::none)
        w.null();
    else
        w.string(guard_name(t.guard));
    GuardOutcome g{true, true, {}};
    if (t.guard != Guard::none) g = sc.has_order ? evaluate_guard(t.guard, sc.call.order) : GuardOutcome{false, false, {}};
    w.key("passes");
    if (g.checked)
        w.boolean(g.passed);
    else
        w.null();
    w.key("fact");
    if (g.fact.empty())
        w.null();
    else
        w.string(g.fact);
    w.end_object();
}

void write_machine(json::Writer& w, const Machine& m) {
    w.object();
    w.field("name", m.name);
    w.field("initial", m.states[m.initial]);
    w.key("states").array();
    for (const auto& s : m.states) w.string(s);
    w.end_array();
    w.key("final").array();
    for (auto f : m.finals) w.string(m.states[f]);
    w.end_array();
    w.key("actions").array();
    for (const auto& a : m.actions) w.string(a);
    w.end_array();
    w.key("transitions").array();
    for (const auto& t : m.transitions) {
        w.object().field("action", m.actions[t.action]).field("from", m.states[t.from]).field("to", m.states[t.to]);
        w.key("guard");
        if (t.guard == Guard::none)
            w.null();
        else
            w.string(guard_name(t.guard));
        w.end_object();
    }
    w.end_array();
    w.key("refusals").array();
    for (const auto& r : m.refusals)
        w.object().field("action", m.actions[r.action]).field("from", m.states[r.from]).field("code", code_name(r.code)).end_object();
    w.end_array();
    w.end_object();
}

}  // namespace
}  // namespace status

std::string transition(std::string_view request, std::string_view options) {
    using namespace status;
    StatusCall sc;
    std::string result;
    const RequestShape shape{{"preset", "definition", "machine", "from", "action", "order", "entity"}, true, true};
    if (load_status_request(request, options, shape, sc)) {
        Diagnostics& d = sc.call.diag;
        Index from = kNone, action = kNone;
        const bool has_from = resolve_state(sc, "from", d, from);
        const bool has_action = resolve_action(sc, d, action);
        if (has_from && has_action && !sc.order_failed) {
            const Step step = decide(sc, from, action, d);
            if (step.to != kNone) advise_entity(sc, sc.machine->actions[action]);
            json::Writer w(result);
            write_transition(w, sc, from, action, step);
        }
    }
    return sc.call.envelope(result);
}

std::string available_actions(std::string_view request, std::string_view options) {
    using namespace status;
    StatusCall sc;
    std::string result;
    const RequestShape shape{{"preset", "definition", "machine", "state", "order", "entity"}, true, true};
    if (load_status_request(request, options, shape, sc)) {
        Index state = kNone;
        if (resolve_state(sc, "state", sc.call.diag, state) && !sc.order_failed) {
            const Machine& m = *sc.machine;
            json::Writer w(result);
            w.object();
            write_preset(w, sc);
            w.field("machine", m.name);
            w.field("state", m.states[state]);
            w.field("final", m.from_state(state).empty());
            w.key("actions").array();
            for (const Transition* t : m.from_state(state)) write_action(w, sc, *t);
            w.end_array();
            write_footer(w, sc);
            w.end_object();
        }
    }
    return sc.call.envelope(result);
}

std::string machines(std::string_view request) {
    using namespace status;
    StatusCall sc;
    std::string result;
    const RequestShape shape{{"preset", "definition"}, false, false};
    if (load_status_request(request, {}, shape, sc)) {
        json::Writer w(result);
        w.object();
        write_preset(w, sc);
        w.field("same_state", sc.definition->same_state_noop ? "noop" : "refuse");
        w.key("machines").array();
        for (const auto& m : sc.definition->machines) write_machine(w, m);
        w.end_array();
        write_footer(w, sc);
        w.end_object();
    }
    return sc.call.envelope(result);
}

}  // namespace op
