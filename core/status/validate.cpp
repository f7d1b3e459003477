#include "validate.hpp"

#include <algorithm>
#include <tuple>

namespace op::status {
namespace {


std::string describe(const Machine& m, const Transition& t) {
    return join({quoted(m.actions[t.action]), " from ", quoted(m.states[t.from]), " to ", quoted(m.states[t.to])});
}

void check_transitions(const Machine& m, Diagnostics& d) {
    std::vector<const Transition*> sorted;
    for (const auto& t : m.transitions) sorted.push_back(&t);
    std::sort(sorted.begin(), sorted.end(), [](const Transition* a, const Transition* b) {
        return std::tie(a->from, a->action, a->source_index) < std::tie(b->from, b->action, b->source_index);
    });
    auto at = d.at("transitions");
    std::size_t group = 0;
    for (std::size_t i = 1; i < sorted.size(); ++i) {
        const Transition& first = *sorted[group];
        const Transition& t = *sorted[i];
        if (t.from != first.from || t.action != first.action) {
            group = i;
            continue;
        }
        auto at_i = d.at(static_cast<std::size_t>(t.source_index));
        const std::string other = join({"transitions[", first.source_index, "]"});
        if (t.to == first.to)
            d.error(Code::INVALID_DEFINITION,
                    {"The transition ", describe(m, t), " is listed twice (also ", other, ")."});
        else
            d.error(Code::INVALID_DEFINITION,
                    {"Action ", quoted(m.actions[t.action]), " from ", quoted(m.states[t.from]), " has two targets: ",
                     quoted(m.states[first.to]), " (", other, ") and ", quoted(m.states[t.to]), "."});
    }
}

void check_refusals(const Machine& m, Diagnostics& d) {
    auto at = d.at("refusals");
    for (std::size_t i = 0; i < m.refusals.size(); ++i) {
        const Refusal& r = m.refusals[i];
        auto at_i = d.at(static_cast<std::size_t>(r.source_index));
        const std::string what = join({quoted(m.actions[r.action]), " from ", quoted(m.states[r.from])});
        if (const Transition* t = m.find(r.action, r.from))
            d.error(Code::INVALID_DEFINITION,
                    {what, " is refused here but allowed by transitions[", t->source_index, "]."});
        for (std::size_t j = 0; j < i; ++j)
            if (m.refusals[j].action == r.action && m.refusals[j].from == r.from) {
                d.error(Code::INVALID_DEFINITION,
                        {what, " is refused twice (also refusals[", m.refusals[j].source_index, "])."});
                break;
            }
    }
}

void check_finals(const Machine& m, Diagnostics& d) {
    auto at = d.at("final");
    for (std::size_t i = 0; i < m.finals.size(); ++i) {
        const auto out = m.from_state(m.finals[i]);
        if (out.empty()) continue;
        auto at_i = d.at(i);
        d.error(Code::INVALID_DEFINITION, {"State ", quoted(m.states[m.finals[i]]), " is final but transitions[",
                                           out.front()->source_index, "] leaves it."});
    }
}

void check_reachable(const Machine& m, Diagnostics& d) {
    if (m.initial == kNone) return;
    std::vector<bool> reached(m.states.size(), false);
    std::vector<Index> queue{m.initial};
    reached[m.initial] = true;
    for (std::size_t q = 0; q < queue.size(); ++q)
        for (const auto& t : m.transitions)
            if (t.from == queue[q] && !reached[t.to]) {
                reached[t.to] = true;
                queue.push_back(t.to);
            }
    auto at = d.at("states");
    for (std::size_t s = 0; s < m.states.size(); ++s) {
        if (reached[s] || std::find(m.unreachable_ok.begin(), m.unreachable_ok.end(), s) != m.unreachable_ok.end())
            continue;
        auto at_s = d.at(s);
        d.warning(Code::UNREACHABLE_STATE, {"State ", quoted(m.states[s]), " of machine ", quoted(m.name),
                                            " cannot be reached from the initial state ", quoted(m.states[m.initial]),
                                            "; list it in unreachable_ok if that is intended."});
    }
}

}  // namespace

void validate_machine(const Machine& m, bool complete, Diagnostics& d) {
    check_transitions(m, d);
    check_refusals(m, d);
    if (!complete) return;
    check_finals(m, d);
    check_reachable(m, d);
}

}  // namespace op::status
