// Status machines (SPEC 4.4): presets as data, transitions, guards, validation, derivation, mermaid.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
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

TEST_CASE("The Elastic Path machines match updateAnOrder and the split-payment table", "[status]") {
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
                {{"unpaid", "authorize", "authorized"},
                 {"unpaid", "capture", "INVALID_STATUS_TRANSITION"},
                 {"unpaid", "pay", "paid"},
                 {"unpaid", "refund", "INVALID_STATUS_TRANSITION"},
                 {"unpaid", "authorize_partially", "partially_authorized"},
                 {"unpaid", "pay_partially", "partially_paid"},
                 {"partially_authorized", "authorize", "authorized"},
                 {"partially_authorized", "capture", "partially_paid"},
                 {"partially_authorized", "pay", "INVALID_STATUS_TRANSITION"},
                 {"partially_authorized", "refund", "INVALID_STATUS_TRANSITION"},
                 {"partially_authorized", "authorize_partially", "INVALID_STATUS_TRANSITION"},
                 {"partially_authorized", "pay_partially", "INVALID_STATUS_TRANSITION"},
                 {"partially_paid", "authorize", "INVALID_STATUS_TRANSITION"},
                 {"partially_paid", "capture", "INVALID_STATUS_TRANSITION"},
                 {"partially_paid", "pay", "paid"},
                 {"partially_paid", "refund", "INVALID_STATUS_TRANSITION"},
                 {"partially_paid", "authorize_partially", "INVALID_STATUS_TRANSITION"},
                 {"partially_paid", "pay_partially", "INVALID_STATUS_TRANSITION"},
                 {"authorized", "authorize", "INVALID_STATUS_TRANSITION"},
                 {"authorized", "capture", "paid"},
                 {"authorized", "pay", "INVALID_STATUS_TRANSITION"},
                 {"authorized", "refund", "INVALID_STATUS_TRANSITION"},
                 {"authorized", "authorize_partially", "INVALID_STATUS_TRANSITION"},
                 {"authorized", "pay_partially", "INVALID_STATUS_TRANSITION"},
                 {"paid", "authorize", "INVALID_STATUS_TRANSITION"},
                 {"paid", "capture", "INVALID_STATUS_TRANSITION"},
                 {"paid", "pay", "INVALID_STATUS_TRANSITION"},
                 {"paid", "refund", "refunded"},
                 {"paid", "authorize_partially", "INVALID_STATUS_TRANSITION"},
                 {"paid", "pay_partially", "INVALID_STATUS_TRANSITION"},
                 {"refunded", "authorize", "INVALID_STATUS_TRANSITION"},
                 {"refunded", "capture", "INVALID_STATUS_TRANSITION"},
                 {"refunded", "pay", "INVALID_STATUS_TRANSITION"},
                 {"refunded", "refund", "INVALID_STATUS_TRANSITION"},
                 {"refunded", "authorize_partially", "INVALID_STATUS_TRANSITION"},
                 {"refunded", "pay_partially", "INVALID_STATUS_TRANSITION"}});
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
        {"refused and allowed", [](json& d) { d["refusals"] = json::array({{{"action", "start"}, {"from", "new"}, {"code", "ORDER_ALREADY_CLOSED"}}}); },
         "INVALID_DEFINITION", "definition.refusals[0]"},
        {"unknown refusal code", [](json& d) { d["refusals"] = json::array({{{"action", "start"}, {"from", "done"}, {"code", "NOPE"}}}); },
         "INVALID_DEFINITION", "definition.refusals[0].code"},
        {"final with a way out", [](json& d) { d["final"] = json::array({"open"}); }, "INVALID_DEFINITION", "definition.final[0]"},
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
    def["unreachable_ok"] = json::array({"archived"});
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

namespace {

// Small inline orders. v1: unit prices, no tax or shipping, so the total is sum(quantity x price).
json v1_line(const std::string& id, int qty, const std::string& price, int fulfillable, bool ships = true) {
    return {{"id", id}, {"quantity", qty}, {"price", price}, {"fulfillable_quantity", fulfillable}, {"requires_shipping", ships}};
}
// Lists are std::vector<json>: a one-element braced list of json is an array under GCC but a copy under
// clang (CWG 2137), and this file is built by both.
using List = std::vector<json>;
json v1_order(const List& lines, const List& txs = {}) {
    return {{"currency", "USD"}, {"status", "open"}, {"line_items", json(lines)}, {"transactions", json(txs)}};
}
json tx(const std::string& id, const std::string& kind, const std::string& amount, const std::string& parent = "",
        const std::string& status = "success") {
    json t = {{"id", id}, {"kind", kind}, {"amount", amount}, {"status", status}};
    if (!parent.empty()) t["parent_id"] = parent;
    return t;
}
// 29next: line totals; `editable` below `fulfillable` means units sent to a fulfilment location.
json n29_line(int id, int qty, int fulfillable, int editable, bool ships = true) {
    return {{"id", id},
            {"quantity", qty},
            {"current_quantity", qty},
            {"fulfillable_quantity", fulfillable},
            {"editable_quantity", editable},
            {"requires_shipping", ships},
            {"price_excl_tax", "50.00"},
            {"price_incl_tax", "50.00"}};
}
json n29_order(const List& lines, List txs = {}) {
    for (auto& t : txs) {
        t["type"] = t["kind"];
        t.erase("kind");
    }
    return {{"currency", "USD"}, {"status", "open"}, {"lines", json(lines)}, {"transactions", json(txs)}};
}

json guarded(const std::string& preset, const std::string& machine, const std::string& from, const std::string& action,
             const json& order) {
    return transition({{"preset", preset}, {"machine", machine}, {"from", from}, {"action", action}, {"order", order}});
}

std::string first_message(const json& env) { return env.at("errors").at(0).at("message").get<std::string>(); }

}  // namespace

TEST_CASE("v1 close is guarded by fully_fulfilled, checked against the order's quantities", "[status][guards]") {
    json env = guarded("v1", "status", "open", "close", v1_order({v1_line("a", 2, "10.00", 0), v1_line("b", 1, "5.00", 0)}));
    CHECK(env.at("ok") == true);
    CHECK(env.at("result").at("guard") ==
          json({{"name", "fully_fulfilled"}, {"checked", true}, {"passed", true}, {"fact", "0 units of 3 not yet fulfilled"}}));
    CHECK(env.at("result").at("order_fingerprint").is_string());
    env = guarded("v1", "status", "open", "close", v1_order({v1_line("a", 2, "10.00", 0), v1_line("b", 1, "5.00", 1)}));
    CHECK(has_issue(env, "GUARD_FAILED", "action"));
    CHECK(first_message(env) == "'close' from 'open' requires 'fully_fulfilled', which the order does not meet: "
                                "1 unit of 3 not yet fulfilled.");
    CHECK(env.at("result").at("to").is_null());
    CHECK(env.at("result").at("guard").at("passed") == false);
    // Fulfilled units may also come from the order's fulfillments (cancelled ones do not count).
    json order = v1_order({{{"id", "a"}, {"quantity", 2}, {"price", "10.00"}}});
    const json items = json::array({{{"id", "a"}, {"quantity", 2}}});
    order["fulfillments"] = {{{"status", "success"}, {"line_items", items}}, {{"status", "cancelled"}, {"line_items", items}}};
    CHECK(guarded("v1", "status", "open", "close", order).at("ok") == true);
}

TEST_CASE("Elastic Path fulfils only paid orders and cancels only unfulfilled ones", "[status][guards]") {
    const json paid = n29_order({n29_line(1, 2, 2, 2)}, {tx("t1", "sale", "50.00")});
    CHECK(guarded("elasticpath", "shipping", "unfulfilled", "fulfill", paid).at("ok") == true);
    const json unpaid = n29_order({n29_line(1, 2, 2, 2)}, {tx("t1", "authorization", "50.00")});
    json env = guarded("elasticpath", "shipping", "unfulfilled", "fulfill", unpaid);
    CHECK(has_issue(env, "GUARD_FAILED", "action"));
    CHECK(env.at("result").at("guard").at("fact") == "captured 0.00 USD of the total 50.00 USD, refunded 0.00 USD");
    const json refunded = n29_order({n29_line(1, 2, 2, 2)}, {tx("t1", "sale", "50.00"), tx("r1", "refund", "50.00", "t1")});
    CHECK(has_issue(guarded("elasticpath", "shipping", "unfulfilled", "fulfill", refunded), "GUARD_FAILED", "action"));
    const json free_order = v1_order({v1_line("a", 1, "0.00", 1)});
    CHECK(guarded("elasticpath", "shipping", "unfulfilled", "fulfill", free_order).at("ok") == true);

    CHECK(guarded("elasticpath", "status", "processing", "cancel", paid).at("ok") == true);
    const json shipped_one = n29_order({n29_line(1, 2, 1, 1)}, {tx("t1", "sale", "50.00")});
    env = guarded("elasticpath", "status", "processing", "cancel", shipped_one);
    CHECK(has_issue(env, "GUARD_FAILED", "action"));
    CHECK(env.at("result").at("guard").at("fact") == "1 unit of 2 fulfilled");
}

TEST_CASE("29next fulfilment-order guards read units that need shipping", "[status][guards]") {
    // Seed 000: hold before the location accepts; once units are in fulfilment a cancellation request is needed.
    CHECK(guarded("29next", "fulfillment_order", "open", "hold", n29_order({n29_line(1, 2, 2, 2)})).at("ok") == true);
    json env = guarded("29next", "fulfillment_order", "open", "hold", n29_order({n29_line(1, 2, 2, 0)}));
    CHECK(has_issue(env, "GUARD_FAILED", "action"));
    CHECK(env.at("result").at("guard").at("fact") == "0 units fulfilled, 2 units in fulfilment");
    json processing = n29_order({n29_line(1, 2, 2, 2)});
    processing["fulfillment_status"] = "processing";
    CHECK(has_issue(guarded("29next", "fulfillment_order", "open", "hold", processing), "GUARD_FAILED", "action"));

    CHECK(guarded("29next", "fulfillment_order", "open", "request", n29_order({n29_line(1, 2, 1, 1)})).at("ok") == true);
    CHECK(has_issue(guarded("29next", "fulfillment_order", "open", "request", n29_order({n29_line(1, 2, 0, 0)})),
                    "GUARD_FAILED", "action"));
    // A digital line never needs a fulfilment order.
    CHECK(has_issue(guarded("29next", "fulfillment_order", "open", "request", n29_order({n29_line(1, 1, 1, 1, false)})),
                    "GUARD_FAILED", "action"));
}

TEST_CASE("Without an order a guarded transition succeeds with a warning that the guard was not checked", "[status][guards]") {
    const json env = transition({{"preset", "elasticpath"}, {"machine", "shipping"}, {"from", "unfulfilled"}, {"action", "fulfill"}});
    CHECK(env.at("ok") == true);
    CHECK(has_issue(env, "MISSING_FIELD", "order", "warnings"));
    CHECK(env.at("result").at("to") == "fulfilled");
    CHECK(env.at("result").at("guard") == json({{"name", "paid"}, {"checked", false}, {"passed", nullptr}, {"fact", nullptr}}));
    CHECK_FALSE(env.at("result").contains("order_fingerprint"));
}

TEST_CASE("not_cancelled reads the order's status and is unchecked when the order states none", "[status][guards]") {
    const json def = {{"initial", "a"},
                      {"states", {"a", "b"}},
                      {"transitions", json::array({{{"action", "go"}, {"from", "a"}, {"to", "b"}, {"guard", "not_cancelled"}}})}};
    json order = v1_order({v1_line("x", 1, "1.00", 1)});
    order["status"] = "cancelled";
    json env = transition({{"definition", def}, {"from", "a"}, {"action", "go"}, {"order", order}});
    CHECK(has_issue(env, "GUARD_FAILED", "action"));
    order["status"] = "open";
    CHECK(transition({{"definition", def}, {"from", "a"}, {"action", "go"}, {"order", order}}).at("ok") == true);
    order.erase("status");
    env = transition({{"definition", def}, {"from", "a"}, {"action", "go"}, {"order", order}});
    CHECK(env.at("ok") == true);
    CHECK(has_issue(env, "MISSING_FIELD", "order", "warnings"));
    CHECK(env.at("result").at("guard").at("checked") == false);
}

TEST_CASE("A bad order inside a status request is reported at order paths and nothing is computed", "[status][guards][bad-input]") {
    json order = v1_order({v1_line("a", 1, "1.00", 1)});
    order["line_items"][0]["quantity"] = "two";
    const json env = transition({{"preset", "v1"}, {"machine", "status"}, {"from", "open"}, {"action", "shut"}, {"order", order}});
    CHECK(has_issue(env, "WRONG_TYPE", "order.line_items[0].quantity"));
    CHECK(has_issue(env, "UNKNOWN_ACTION", "action"));
    CHECK(env.at("result").is_null());
}

TEST_CASE("availableActions lists each action from a state with its target and whether its guard passes", "[status]") {
    json env = actions({{"preset", "v1"}, {"machine", "status"}, {"state", "open"}});
    REQUIRE(env.at("ok") == true);
    CHECK(env.at("result").at("actions") ==
          json::parse(R"([{"action":"cancel","to":"cancelled","guard":null,"passes":true,"fact":null},
                          {"action":"close","to":"closed","guard":"fully_fulfilled","passes":null,"fact":null}])"));
    CHECK(env.at("result").at("final") == false);
    env = actions({{"preset", "v1"}, {"machine", "status"}, {"state", "open"}, {"order", v1_order({v1_line("a", 2, "1.00", 1)})}});
    CHECK(env.at("result").at("actions")[1].at("passes") == false);
    CHECK(env.at("result").at("actions")[1].at("fact") == "1 unit of 2 not yet fulfilled");
    env = actions({{"preset", "v1"}, {"machine", "financial_status"}, {"state", "voided"}});
    CHECK(env.at("result").at("final") == true);
    CHECK(env.at("result").at("actions").empty());
    CHECK(has_issue(actions({{"preset", "v1"}, {"machine", "status"}, {"state", "gone"}}), "UNKNOWN_STATE", "state"));
}

namespace {

json derive(const json& order, const json& options = json()) {
    return test::parse(op::derive_statuses(order.dump(), options.is_null() ? "" : options.dump()));
}

// The derived value must be a state of the vocabulary's machine.
void check_in_machine(const std::string& preset, const std::string& machine, const json& value) {
    const json m = machine_of(preset_json(preset), machine);
    CHECK(std::find(m.at("states").begin(), m.at("states").end(), value) != m.at("states").end());
}

}  // namespace

TEST_CASE("The financial status follows from transactions and refunds in the v1 and 29next vocabularies", "[status][derive]") {
    struct Case {
        const char* what;
        List txs;
        const char* v1;
        const char* n29;
    };
    const std::vector<Case> cases = {
        {"nothing paid", {}, "pending", "pending"},
        {"a failed sale", {tx("s", "sale", "100.00", "", "failure")}, "pending", "pending"},
        {"a pending sale", {tx("s", "sale", "100.00", "", "pending")}, "pending", "pending"},
        {"an open authorisation", {tx("a", "authorization", "100.00")}, "authorized", "authorized"},
        {"a voided authorisation", {tx("a", "authorization", "100.00"), tx("v", "void", "100.00", "a")}, "voided", "voided"},
        {"a partial capture", {tx("a", "authorization", "100.00"), tx("c", "capture", "40.00", "a")}, "partially_paid",
         "partially_paid"},
        {"a partial capture, rest voided",
         {tx("a", "authorization", "100.00"), tx("c", "capture", "40.00", "a"), tx("v", "void", "60.00", "a")},
         "partially_paid", "partially_voided"},
        {"two captures of one authorisation",
         {tx("a", "authorization", "100.00"), tx("c1", "capture", "60.00", "a"), tx("c2", "capture", "40.00", "a")}, "paid", "paid"},
        {"two sales", {tx("s1", "sale", "30.00"), tx("s2", "sale", "70.00")}, "paid", "paid"},
        {"a partial refund", {tx("s", "sale", "100.00"), tx("r", "refund", "20.00", "s")}, "partially_refunded", "partially_refunded"},
        {"two refunds of everything", {tx("s", "sale", "100.00"), tx("r1", "refund", "60.00", "s"), tx("r2", "refund", "40.00", "s")},
         "refunded", "refunded"},
        {"half paid, then refunded", {tx("s", "sale", "50.00"), tx("r", "refund", "50.00", "s")}, "refunded", "refunded"},
        {"half paid, partly refunded", {tx("s", "sale", "50.00"), tx("r", "refund", "10.00", "s")}, "partially_refunded",
         "partially_refunded"},
        {"captured, refunded in full",
         {tx("a", "authorization", "100.00"), tx("c", "capture", "100.00", "a"), tx("r", "refund", "100.00", "c")}, "refunded", "refunded"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        const json order = v1_order({v1_line("a", 2, "50.00", 2)}, c.txs);
        const json v1 = derive(order);
        REQUIRE(v1.at("ok") == true);
        CHECK(v1.at("result").at("preset") == "v1");
        CHECK(v1.at("result").at("financial_status").at("derived") == c.v1);
        check_in_machine("v1", "financial_status", v1.at("result").at("financial_status").at("derived"));
        const json n29 = derive(n29_order({n29_line(1, 2, 2, 2)}, c.txs));
        REQUIRE(n29.at("ok") == true);
        CHECK(n29.at("result").at("payment_status").at("derived") == c.n29);
        check_in_machine("29next", "payment_status", n29.at("result").at("payment_status").at("derived"));
        // The vocabulary can also be chosen: the v1 order in 29next's words.
        CHECK(derive(order, {{"preset", "29next"}}).at("result").at("payment_status").at("derived") == c.n29);
    }
}

TEST_CASE("A zero-total order is paid: there is nothing to pay", "[status][derive]") {
    const json env = derive(v1_order({v1_line("a", 1, "0.00", 1)}));
    CHECK(env.at("result").at("financial_status").at("derived") == "paid");
    CHECK(env.at("result").at("facts").at("total") == "0.00");
}

TEST_CASE("The fulfillment status follows from line quantities; 29next counts only units that need shipping", "[status][derive]") {
    struct Case {
        const char* what;
        List lines;
        const char* v1;
        const char* n29;
    };
    const std::vector<Case> cases = {
        {"nothing fulfilled", {v1_line("a", 2, "1.00", 2)}, "unfulfilled", "unfulfilled"},
        {"one line fulfilled, one not", {v1_line("a", 2, "1.00", 0), v1_line("b", 1, "1.00", 1)}, "partial", "processing"},
        {"part of one line fulfilled", {v1_line("a", 3, "1.00", 1)}, "partial", "processing"},
        {"everything fulfilled", {v1_line("a", 2, "1.00", 0), v1_line("b", 1, "1.00", 0)}, "fulfilled", "fulfilled"},
        {"only a digital line", {v1_line("g", 1, "25.00", 1, false)}, "unfulfilled", "not_required"},
        {"physical fulfilled, digital not", {v1_line("a", 1, "1.00", 0), v1_line("g", 1, "25.00", 1, false)}, "partial", "fulfilled"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        const json order = v1_order(c.lines, {tx("s", "sale", "1000.00")});
        const json v1 = derive(order);
        REQUIRE(v1.at("ok") == true);
        CHECK(v1.at("result").at("fulfillment_status").at("derived") == c.v1);
        check_in_machine("v1", "fulfillment_status", v1.at("result").at("fulfillment_status").at("derived"));
        const json n29 = derive(order, {{"preset", "29next"}});
        CHECK(n29.at("result").at("fulfillment_status").at("derived") == c.n29);
        check_in_machine("29next", "fulfillment_status", n29.at("result").at("fulfillment_status").at("derived"));
    }
    // Quantities cannot tell a partial 29next fulfilment that goes on from one that was closed.
    const json mixed = derive(n29_order({n29_line(1, 2, 1, 1)}));
    CHECK(mixed.at("result").at("fulfillment_status").at("accepts") == json({"processing", "incomplete"}));
}

TEST_CASE("A stated status the facts do not give is an INVALID_VALUE warning at its path", "[status][derive]") {
    json order = v1_order({v1_line("a", 2, "50.00", 2)}, {tx("a1", "authorization", "100.00")});
    order["financial_status"] = "paid";
    order["fulfillment_status"] = "unfulfilled";
    json env = derive(order);
    CHECK(env.at("ok") == true);
    CHECK(has_issue(env, "INVALID_VALUE", "order.financial_status", "warnings"));
    CHECK(env.at("warnings").size() == 1);
    CHECK(env.at("warnings")[0].at("message") ==
          "The order says financial_status 'paid' but its transactions (captured 0.00 of 100.00 USD, refunded 0.00, "
          "authorised and not captured 100.00) give 'authorized'.");
    const json& fin = env.at("result").at("financial_status");
    CHECK(fin == json({{"derived", "authorized"}, {"stated", "paid"}, {"matches", false}, {"accepts", json::array({"authorized"})}}));
    CHECK(env.at("result").at("fulfillment_status").at("matches") == true);
    order["financial_status"] = "settled";
    env = derive(order);
    CHECK(has_issue(env, "INVALID_VALUE", "order.financial_status", "warnings"));
    CHECK(env.at("warnings")[0].at("message").get<std::string>().find("is not a financial_status value") != std::string::npos);
    // 29next cannot see time: an authorisation may be stated as expiring or expired.
    json n29 = n29_order({n29_line(1, 2, 2, 2)}, {tx("a1", "authorization", "50.00")});
    n29["payment_status"] = "expired";
    n29["fulfillment_status"] = "on_hold";
    env = derive(n29);
    CHECK(env.at("warnings").empty());
    CHECK(env.at("result").at("payment_status").at("matches") == true);
}

TEST_CASE("deriveStatuses speaks the v1, 29next and Elastic Path vocabularies only", "[status][derive]") {
    const json order = v1_order({v1_line("a", 1, "1.00", 1)});
    CHECK(has_issue(derive(order, {{"preset", "shopware"}}), "INVALID_OPTION", "options.preset"));
    CHECK(has_issue(derive(order, {{"preset", "magento"}}), "UNKNOWN_PRESET", "options.preset"));
    CHECK(has_issue(derive(order, {{"preset", 1}}), "WRONG_TYPE", "options.preset"));
    CHECK(has_issue(derive(json::array()), "WRONG_TYPE", "order"));
    CHECK(derive(order, {{"preset", "shopware"}}).at("result").is_null());
    const json ep = derive(order, {{"preset", "elasticpath"}});
    CHECK(ep.at("result").at("preset") == "elasticpath");
    CHECK(ep.at("result").contains("shipping"));
}
