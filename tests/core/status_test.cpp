// Status machines (SPEC 4.4): presets as data, transitions, guards, validation, derivation, mermaid.
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "status/mermaid.hpp"
#include "status/presets.hpp"
#include "status/status_api.hpp"
#include "support.hpp"

using nlohmann::json;
using test::has_issue;

namespace {

json transition(const json& request, const std::string& options = "") {
    return test::parse(op::transition(request.dump(), options));
}
json actions(const json& request) { return test::parse(op::available_actions(request.dump(), "")); }

json preset_json(const std::string& name) {
    const auto* p = op::status::find_preset(name);
    REQUIRE(p != nullptr);
    return json::parse(std::string(p->source));
}

const json& machine_of(const json& preset, const std::string& name) {
    for (const auto& m : preset.at("machines"))
        if (m.at("name") == name) return m;
    FAIL("no machine " << name);
    return preset;
}

std::set<std::string> actions_of(const json& machine) {
    std::set<std::string> out;
    for (const auto& t : machine.at("transitions")) out.insert(t.at("action").get<std::string>());
    if (machine.contains("refusals"))
        for (const auto& r : machine.at("refusals")) out.insert(r.at("action").get<std::string>());
    return out;
}

// What the preset data says for (state, action), read from the JSON text independently of the engine:
// a target state, or an error code.
std::string expected_from_data(const json& preset, const json& machine, const std::string& state, const std::string& action) {
    if (preset.value("same_state", "") == "noop")
        for (const auto& t : machine.at("transitions"))
            if (t.at("action") == action && t.at("to") == state) return state;
    for (const auto& t : machine.at("transitions"))
        if (t.at("action") == action && t.at("from") == state) return t.at("to").get<std::string>();
    if (machine.contains("refusals"))
        for (const auto& r : machine.at("refusals"))
            if (r.at("action") == action && r.at("from") == state) return r.at("code").get<std::string>();
    return "INVALID_STATUS_TRANSITION";
}

bool is_code(const std::string& s) { return !s.empty() && s.front() >= 'A' && s.front() <= 'Z'; }

// The engine's answer in the same form as expected_from_data.
std::string engine_answer(const std::string& preset, const std::string& machine, const std::string& state,
                          const std::string& action) {
    const json env = transition({{"preset", preset}, {"machine", machine}, {"from", state}, {"action", action}});
    if (!env.at("ok").get<bool>()) {
        REQUIRE(env.at("errors").size() == 1);
        CHECK(env.at("errors")[0].at("path") == "action");
        CHECK(env.at("result").at("to").is_null());
        return env.at("errors")[0].at("code").get<std::string>();
    }
    const json& r = env.at("result");
    CHECK(r.at("changed") == (r.at("to") != state));
    return r.at("to").get<std::string>();
}

struct Row {
    const char* state;
    const char* action;
    const char* expected;  // a target state or an error code
};

// A hand-written table must cover every state x action pair of the machine and agree with the engine.
void check_table(const std::string& preset, const std::string& machine, const std::vector<Row>& rows) {
    const json p = preset_json(preset);
    const json& m = machine_of(p, machine);
    CHECK(rows.size() == m.at("states").size() * actions_of(m).size());
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& row : rows) {
        INFO(preset << " " << machine << ": " << row.state << " x " << row.action);
        CHECK(seen.insert({row.state, row.action}).second);
        CHECK(engine_answer(preset, machine, row.state, row.action) == row.expected);
        CHECK(expected_from_data(p, m, row.state, row.action) == row.expected);
    }
}

}  // namespace

TEST_CASE("Every embedded preset loads and validates without errors or warnings", "[status]") {
    const auto& all = op::status::presets();
    REQUIRE(all.size() == 4);
    for (const auto& p : all) {
        INFO(p.name);
        CHECK(p.errors.empty());
        CHECK(p.warnings.empty());
        CHECK_FALSE(p.definition.machines.empty());
    }
    CHECK(op::status::preset_names() == "29next, elasticpath, shopware, v1");
}

TEST_CASE("For every preset, every state x action pair gives the preset's target or its error code", "[status]") {
    for (const auto& p : op::status::presets()) {
        const json preset = json::parse(std::string(p.source));
        for (const auto& m : preset.at("machines")) {
            const std::string machine = m.at("name");
            for (const auto& s : m.at("states"))
                for (const auto& action : actions_of(m)) {
                    const std::string state = s.get<std::string>();
                    INFO(p.name << " " << machine << ": " << state << " x " << action);
                    CHECK(engine_answer(std::string(p.name), machine, state, action) ==
                          expected_from_data(preset, m, state, action));
                }
        }
    }
}

TEST_CASE("The v1 status machine matches seed 002: cancel an open order, close a fulfilled one, reopen either", "[status]") {
    check_table("v1", "status",
                {{"open", "cancel", "cancelled"},
                 {"open", "close", "closed"},
                 {"open", "reopen", "INVALID_STATUS_TRANSITION"},
                 {"closed", "cancel", "ORDER_ALREADY_CLOSED"},
                 {"closed", "close", "ORDER_ALREADY_CLOSED"},
                 {"closed", "reopen", "open"},
                 {"cancelled", "cancel", "ORDER_ALREADY_CANCELLED"},
                 {"cancelled", "close", "ORDER_ALREADY_CANCELLED"},
                 {"cancelled", "reopen", "open"}});
}

TEST_CASE("The Elastic Path machines match seed 004", "[status]") {
    check_table("elasticpath", "status",
                {{"incomplete", "process", "processing"},
                 {"incomplete", "complete", "complete"},
                 {"incomplete", "cancel", "cancelled"},
                 {"processing", "process", "INVALID_STATUS_TRANSITION"},
                 {"processing", "complete", "complete"},
                 {"processing", "cancel", "cancelled"},
                 {"complete", "process", "INVALID_STATUS_TRANSITION"},
                 {"complete", "complete", "INVALID_STATUS_TRANSITION"},
                 {"complete", "cancel", "cancelled"},
                 {"cancelled", "process", "INVALID_STATUS_TRANSITION"},
                 {"cancelled", "complete", "INVALID_STATUS_TRANSITION"},
                 {"cancelled", "cancel", "INVALID_STATUS_TRANSITION"}});
    check_table("elasticpath", "payment",
                {{"unpaid", "authorize", "authorized"},   {"unpaid", "capture", "INVALID_STATUS_TRANSITION"},
                 {"unpaid", "pay", "paid"},               {"unpaid", "refund", "INVALID_STATUS_TRANSITION"},
                 {"authorized", "authorize", "INVALID_STATUS_TRANSITION"}, {"authorized", "capture", "paid"},
                 {"authorized", "pay", "INVALID_STATUS_TRANSITION"}, {"authorized", "refund", "INVALID_STATUS_TRANSITION"},
                 {"paid", "authorize", "INVALID_STATUS_TRANSITION"}, {"paid", "capture", "INVALID_STATUS_TRANSITION"},
                 {"paid", "pay", "INVALID_STATUS_TRANSITION"},       {"paid", "refund", "refunded"},
                 {"refunded", "authorize", "INVALID_STATUS_TRANSITION"}, {"refunded", "capture", "INVALID_STATUS_TRANSITION"},
                 {"refunded", "pay", "INVALID_STATUS_TRANSITION"},   {"refunded", "refund", "INVALID_STATUS_TRANSITION"}});
    check_table("elasticpath", "shipping",
                {{"unfulfilled", "fulfill", "fulfilled"}, {"fulfilled", "fulfill", "INVALID_STATUS_TRANSITION"}});
}

TEST_CASE("Shopware order.state follows the 6.7 registry, including same-state no-ops", "[status]") {
    check_table("shopware", "order.state",
                {{"open", "process", "in_progress"},
                 {"open", "cancel", "cancelled"},
                 {"open", "complete", "INVALID_STATUS_TRANSITION"},
                 {"open", "reopen", "open"},  // no-op: reopen ends in open
                 {"in_progress", "process", "in_progress"},  // no-op
                 {"in_progress", "cancel", "cancelled"},
                 {"in_progress", "complete", "completed"},
                 {"in_progress", "reopen", "INVALID_STATUS_TRANSITION"},
                 {"completed", "process", "INVALID_STATUS_TRANSITION"},
                 {"completed", "cancel", "INVALID_STATUS_TRANSITION"},
                 {"completed", "complete", "completed"},  // no-op
                 {"completed", "reopen", "open"},
                 {"cancelled", "process", "INVALID_STATUS_TRANSITION"},
                 {"cancelled", "cancel", "cancelled"},  // no-op
                 {"cancelled", "complete", "INVALID_STATUS_TRANSITION"},
                 {"cancelled", "reopen", "open"}});
    const json env = transition({{"preset", "shopware"}, {"machine", "order.state"}, {"from", "cancelled"}, {"action", "cancel"}});
    CHECK(env.at("result").at("noop") == true);
    CHECK(env.at("result").at("changed") == false);
}

TEST_CASE("A refused transition names the allowed actions from that state", "[status]") {
    const json env = transition({{"preset", "v1"}, {"machine", "financial_status"}, {"from", "authorized"}, {"action", "refund"}});
    REQUIRE(env.at("errors").size() == 1);
    const json& e = env.at("errors")[0];
    CHECK(e.at("code") == "INVALID_STATUS_TRANSITION");
    CHECK(e.at("message").get<std::string>().find("capture, capture_partially, void") != std::string::npos);
    CHECK(env.at("result").at("allowed_actions") == json({"capture", "capture_partially", "void"}));
    const json final_state = transition({{"preset", "v1"}, {"machine", "financial_status"}, {"from", "refunded"}, {"action", "refund"}});
    CHECK(final_state.at("errors")[0].at("message").get<std::string>().find("No action is allowed from 'refunded'") != std::string::npos);
}

TEST_CASE("Unknown presets, machines, states and actions are reported with the valid names", "[status]") {
    json env = transition({{"preset", "magento"}, {"machine", "status"}, {"from", "open"}, {"action", "cancel"}});
    CHECK(has_issue(env, "UNKNOWN_PRESET", "preset"));
    CHECK(env.at("result").is_null());
    env = transition({{"preset", "shopware"}, {"machine", "order"}, {"from", "open"}, {"action", "cancel"}});
    CHECK(has_issue(env, "UNKNOWN_MACHINE", "machine"));
    CHECK(env.at("errors")[0].at("message").get<std::string>().find("order.state, order_delivery.state") != std::string::npos);
    env = transition({{"preset", "v1"}, {"machine", "status"}, {"from", "archived"}, {"action", "teleport"}});
    CHECK(has_issue(env, "UNKNOWN_STATE", "from"));
    CHECK(has_issue(env, "UNKNOWN_ACTION", "action"));
    CHECK(env.at("errors").size() == 2);
    env = transition({{"preset", "v1"}, {"from", "open"}, {"action", "cancel"}});
    CHECK(has_issue(env, "MISSING_FIELD", "machine"));
    env = transition({{"machine", "status"}, {"from", "open"}, {"action", "cancel"}});
    CHECK(has_issue(env, "MISSING_FIELD", "preset"));
}

TEST_CASE("Status requests that are not usable JSON objects get an envelope, never a crash", "[status][bad-input]") {
    CHECK(has_issue(test::parse(op::transition("{", "")), "INVALID_JSON", ""));
    CHECK(has_issue(test::parse(op::transition("[]", "")), "WRONG_TYPE", ""));
    CHECK(has_issue(test::parse(op::transition("", "")), "MISSING_FIELD", ""));
    CHECK(has_issue(test::parse(op::machines("{\"preset\": 3}")), "WRONG_TYPE", "preset"));
    const json env = transition({{"preset", "v1"}, {"machine", "status"}, {"from", "open"}, {"action", std::string(101, 'a')}});
    CHECK(has_issue(env, "LIMIT_EXCEEDED", "action"));
    CHECK(has_issue(test::parse(op::transition("{}", "{\"dialect\": \"v7\"}")), "INVALID_OPTION", "options.dialect"));
    const json both = transition({{"preset", "v1"}, {"definition", json::object()}, {"from", "a"}, {"action", "b"}});
    CHECK(has_issue(both, "INVALID_VALUE", "definition"));
    const json typo = transition({{"preset", "v1"}, {"machine", "status"}, {"form", "open"}, {"from", "open"}, {"action", "cancel"}});
    CHECK(typo.at("ok") == true);
    CHECK(has_issue(typo, "UNKNOWN_FIELD", "form", "warnings"));
}

namespace {

json simple_machine() {
    return {{"name", "ticket"},
            {"initial", "new"},
            {"states", {"new", "open", "done"}},
            {"transitions",
             {{{"action", "start"}, {"from", "new"}, {"to", "open"}},
              {{"action", "finish"}, {"from", "open"}, {"to", "done"}},
              {{"action", "touch"}, {"from", "open"}, {"to", "open"}}}}};
}

json with_definition(const json& def, const std::string& from = "new", const std::string& action = "start") {
    return transition({{"definition", def}, {"from", from}, {"action", action}});
}

}  // namespace

TEST_CASE("A custom single-machine definition is used like a preset, self-transitions included", "[status][definition]") {
    json env = with_definition(simple_machine());
    CHECK(env.at("ok") == true);
    CHECK(env.at("result").at("to") == "open");
    CHECK(env.at("result").at("preset").is_null());
    CHECK(env.at("result").at("machine") == "ticket");
    env = with_definition(simple_machine(), "open", "touch");
    CHECK(env.at("result").at("to") == "open");
    CHECK(env.at("result").at("changed") == false);
    CHECK(env.at("result").at("noop") == false);
    env = with_definition(simple_machine(), "done", "start");
    CHECK(has_issue(env, "INVALID_STATUS_TRANSITION", "action"));
    // Opting into the Shopware rule: start ends in open, so from open it changes nothing.
    json noop = simple_machine();
    noop["same_state"] = "noop";
    env = with_definition(noop, "open", "start");
    CHECK(env.at("ok") == true);
    CHECK(env.at("result").at("noop") == true);
}

TEST_CASE("Bad definitions are INVALID_DEFINITION errors at the path of the offending value", "[status][definition]") {
    struct Case {
        const char* what;
        std::function<void(json&)> edit;
        const char* code;
        const char* path;
    };
    const std::vector<Case> cases = {
        {"unknown target", [](json& d) { d["transitions"][1]["to"] = "closed"; }, "INVALID_DEFINITION", "definition.transitions[1].to"},
        {"unknown source", [](json& d) { d["transitions"][0]["from"] = "nu"; }, "INVALID_DEFINITION", "definition.transitions[0].from"},
        {"unknown initial", [](json& d) { d["initial"] = "draft"; }, "INVALID_DEFINITION", "definition.initial"},
        {"missing initial", [](json& d) { d.erase("initial"); }, "MISSING_FIELD", "definition.initial"},
        {"duplicate transition", [](json& d) { d["transitions"].push_back(d["transitions"][0]); }, "INVALID_DEFINITION", "definition.transitions[3]"},
        {"two targets", [](json& d) { d["transitions"].push_back({{"action", "start"}, {"from", "new"}, {"to", "done"}}); },
         "INVALID_DEFINITION", "definition.transitions[3]"},
        {"unknown guard", [](json& d) { d["transitions"][0]["guard"] = "is_vip"; }, "INVALID_DEFINITION", "definition.transitions[0].guard"},
        {"duplicate state", [](json& d) { d["states"].push_back("open"); }, "INVALID_DEFINITION", "definition.states[3]"},
        {"no states", [](json& d) { d["states"] = json::array(); }, "INVALID_DEFINITION", "definition.states"},
        {"empty action", [](json& d) { d["transitions"][0]["action"] = ""; }, "INVALID_DEFINITION", "definition.transitions[0].action"},
        {"state as number", [](json& d) { d["states"][1] = 7; }, "WRONG_TYPE", "definition.states[1]"},
        {"transitions not a list", [](json& d) { d["transitions"] = "start"; }, "WRONG_TYPE", "definition.transitions"},
        {"refused and allowed", [](json& d) { d["refusals"] = {{{"action", "start"}, {"from", "new"}, {"code", "ORDER_ALREADY_CLOSED"}}}; },
         "INVALID_DEFINITION", "definition.refusals[0]"},
        {"unknown refusal code", [](json& d) { d["refusals"] = {{{"action", "start"}, {"from", "done"}, {"code", "NOPE"}}}; },
         "INVALID_DEFINITION", "definition.refusals[0].code"},
        {"final with a way out", [](json& d) { d["final"] = {"open"}; }, "INVALID_DEFINITION", "definition.final[0]"},
        {"bad same_state", [](json& d) { d["same_state"] = "ignore"; }, "INVALID_DEFINITION", "definition.same_state"},
        {"long state name", [](json& d) { d["states"][2] = std::string(101, 's'); }, "LIMIT_EXCEEDED", "definition.states[2]"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        json def = simple_machine();
        c.edit(def);
        const json env = with_definition(def);
        CHECK(env.at("ok") == false);
        CHECK(has_issue(env, c.code, c.path));
        CHECK(env.at("result").is_null());
    }
}

TEST_CASE("Machines beyond 200 states or 2000 transitions are LIMIT_EXCEEDED", "[status][definition]") {
    json def = simple_machine();
    for (int i = 0; i < 197; ++i) def["states"].push_back("s" + std::to_string(i));
    CHECK(with_definition(def).at("ok") == true);  // 200 states (the extra ones unreachable: warnings)
    def["states"].push_back("one_too_many");
    CHECK(has_issue(with_definition(def), "LIMIT_EXCEEDED", "definition.states"));
    json many = simple_machine();
    for (int i = 0; i < 1997; ++i) many["transitions"].push_back({{"action", "a" + std::to_string(i)}, {"from", "done"}, {"to", "new"}});
    CHECK(with_definition(many).at("ok") == true);  // 2000 transitions
    many["transitions"].push_back({{"action", "last"}, {"from", "done"}, {"to", "new"}});
    CHECK(has_issue(with_definition(many), "LIMIT_EXCEEDED", "definition.transitions"));
}

TEST_CASE("Unreachable states are warnings unless the definition lists them in unreachable_ok", "[status][definition]") {
    json def = simple_machine();
    def["states"].push_back("archived");
    json env = with_definition(def);
    CHECK(env.at("ok") == true);
    CHECK(has_issue(env, "UNREACHABLE_STATE", "definition.states[3]", "warnings"));
    def["unreachable_ok"] = {"archived"};
    env = with_definition(def);
    CHECK(env.at("warnings").empty());
    // The 29next preset marks not_required as unreachable on purpose; without the mark it would warn.
    json preset = preset_json("29next");
    for (auto& m : preset["machines"]) m.erase("unreachable_ok");
    env = test::parse(op::machines(json({{"definition", preset}}).dump()));
    CHECK(env.at("ok") == true);
    CHECK(has_issue(env, "UNREACHABLE_STATE", "definition.machines[2].states[0]", "warnings"));
    CHECK(env.at("warnings").size() == 1);
}

TEST_CASE("Preset-shaped definitions are validated with paths through machines[i]", "[status][definition]") {
    json def = {{"machines", {simple_machine(), simple_machine()}}};
    json env = test::parse(op::machines(json({{"definition", def}}).dump()));
    CHECK(has_issue(env, "INVALID_DEFINITION", "definition.machines[1].name"));
    def["machines"][1]["name"] = "other";
    def["machines"][1]["transitions"][2]["from"] = "closed";
    env = test::parse(op::machines(json({{"definition", def}}).dump()));
    CHECK(has_issue(env, "INVALID_DEFINITION", "definition.machines[1].transitions[2].from"));
    def["machines"][1]["transitions"][2]["from"] = "open";
    env = transition({{"definition", def}, {"machine", "other"}, {"from", "new"}, {"action", "start"}});
    CHECK(env.at("ok") == true);
    env = transition({{"definition", def}, {"from", "new"}, {"action", "start"}});
    CHECK(has_issue(env, "MISSING_FIELD", "machine"));
}

TEST_CASE("machines lists every machine of a preset with its states, transitions and refusals", "[status]") {
    const json env = test::parse(op::machines(R"({"preset": "v1"})"));
    REQUIRE(env.at("ok") == true);
    const json& r = env.at("result");
    CHECK(r.at("preset") == "v1");
    CHECK(r.at("same_state") == "refuse");
    REQUIRE(r.at("machines").size() == 3);
    const json& status = r.at("machines")[0];
    CHECK(status.at("name") == "status");
    CHECK(status.at("initial") == "open");
    CHECK(status.at("states") == json({"open", "closed", "cancelled"}));
    CHECK(status.at("actions") == json({"cancel", "close", "reopen"}));
    CHECK(status.at("transitions")[1] == json({{"action", "close"}, {"from", "open"}, {"to", "closed"}, {"guard", "fully_fulfilled"}}));
    CHECK(status.at("refusals").size() == 4);
    CHECK(r.at("engine_version").is_string());
    CHECK(test::parse(op::machines(R"({"preset": "shopware"})")).at("result").at("same_state") == "noop");
}

TEST_CASE("mermaid draws a machine as stateDiagram-v2 in the seeds' style", "[status][mermaid]") {
    const json env = test::parse(op::mermaid(R"({"preset": "v1", "machine": "status"})"));
    REQUIRE(env.at("ok") == true);
    CHECK(env.at("result").at("text") ==
          "stateDiagram-v2\n"
          "    direction LR\n"
          "    [*] --> open\n"
          "    open --> cancelled: cancel\n"
          "    open --> closed: close [fully_fulfilled]\n"
          "    closed --> open: reopen\n"
          "    cancelled --> open: reopen\n");
    const json ep = test::parse(op::mermaid(R"({"preset": "elasticpath", "machine": "shipping"})"));
    CHECK(ep.at("result").at("text") ==
          "stateDiagram-v2\n    direction LR\n    [*] --> unfulfilled\n"
          "    unfulfilled --> fulfilled: fulfill [paid]\n    fulfilled --> [*]\n");
}

TEST_CASE("mermaid makes state names safe ids consistently and keeps the names as labels", "[status][mermaid]") {
    json def = {{"initial", "in progress"},
                {"states", {"in progress", "in.progress", "2nd", "end", "a:b"}},
                {"transitions",
                 {{{"action", "go"}, {"from", "in progress"}, {"to", "in.progress"}},
                  {{"action", "go"}, {"from", "in.progress"}, {"to", "2nd"}},
                  {{"action", "stop; now"}, {"from", "2nd"}, {"to", "end"}},
                  {{"action", "x"}, {"from", "end"}, {"to", "a:b"}}}}};
    const json env = test::parse(op::mermaid(json({{"definition", def}}).dump()));
    REQUIRE(env.at("ok") == true);
    CHECK(env.at("result").at("machine") == "custom");
    CHECK(env.at("result").at("text") ==
          "stateDiagram-v2\n    direction LR\n"
          "    in_progress: in progress\n"
          "    in_progress_2: in.progress\n"
          "    s_2nd: 2nd\n"
          "    s_end: end\n"
          "    a_b: a#58;b\n"
          "    [*] --> in_progress\n"
          "    in_progress --> in_progress_2: go\n"
          "    in_progress_2 --> s_2nd: go\n"
          "    s_2nd --> s_end: stop#59; now\n"
          "    s_end --> a_b: x\n");
}

TEST_CASE("mermaid has one arrow per transition for every preset machine", "[status][mermaid]") {
    for (const auto& p : op::status::presets())
        for (const auto& m : p.definition.machines) {
            INFO(p.name << " " << m.name);
            const std::string text = op::status::mermaid_text(m);
            std::size_t arrows = 0;
            for (std::size_t at = text.find("-->"); at != std::string::npos; at = text.find("-->", at + 3)) ++arrows;
            CHECK(arrows == 1 + m.transitions.size() + m.finals.size());
            CHECK(text.rfind("stateDiagram-v2\n    direction LR\n", 0) == 0);
        }
}
