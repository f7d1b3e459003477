#include <catch2/catch.hpp>

#include "api/engine.hpp"
#include "api/session.hpp"
#include "property_support.hpp"
#include "support.hpp"

using nlohmann::json;

namespace {

json edit(const std::string& order, const json& edits, const std::string& options = "") {
    return test::parse(op::preview_edit(order, edits.dump(), options));
}

std::int64_t minor(const json& v) {
    std::int64_t out = 0;
    REQUIRE(op::parse_amount(v.get<std::string>(), 2, out) == op::AmountError::none);
    return out;
}

// A random order whose lines are editable (nothing fulfilled), so any quantity change is allowed.
json editable_order(std::mt19937_64& rng) {
    int lines = 0;
    json order = test::random_order(rng, lines);
    for (auto& l : order["lines"]) {
        l["fulfillable_quantity"] = l["quantity"];
        l["editable_quantity"] = l["quantity"];
    }
    return order;
}

}  // namespace

TEST_CASE("A quantity change keeps the frozen unit amounts and discount of the line", "[edit]") {
    // Issue 4: 48.00 x 2 with a 19.20 discount -> 1 unit keeps 9.60 of discount.
    const std::string order = R"({"currency":"EUR","status":"open","lines":[{"id":1,"quantity":2,"price_excl_tax":"76.80",
        "price_incl_tax":"91.39","price_excl_tax_excl_discounts":"96.00","tax_lines":[{"amount":"14.59","rate":"0.19"}]}],
        "transactions":[{"id":1,"type":"sale","status":"succeeded","amount":"91.39"}]})";
    const json env = edit(order, json::parse(R"([{"op":"update_line","line_id":1,"quantity":1}])"));
    REQUIRE(env["ok"] == true);
    const json& line = env["result"]["order"]["lines"][0];
    CHECK(line["price_excl_tax"] == "38.40");
    CHECK(line["price_excl_tax_excl_discounts"] == "48.00");  // 38.40 + 9.60 of discount
    CHECK(env["result"]["balance"] == "-45.69");
    CHECK(env["result"]["balance_due_by"] == "merchant");
}

TEST_CASE("The swap-items flow plans PATCH, POST and collect-payment with the API version header", "[edit]") {
    const json env = edit(test::example("29next-seed000.json"), json::parse(R"([
        {"op":"update_line","line_id":1000,"quantity":2,"reason":"product swap"},
        {"op":"add_line","product_id":184,"quantity":1,"price":"89.99","reason":"product swap"}])"));
    REQUIRE(env["ok"] == true);
    const json& plan = env["result"]["plan"];
    REQUIRE(plan.size() == 3);
    CHECK(plan[0]["method"] == "PATCH");
    CHECK(plan[0]["path"] == "/api/admin/orders/100123/lines/1000/");
    CHECK(plan[0]["body"] == json::parse(R"({"quantity":2,"reason":"product swap"})"));
    CHECK(plan[0]["headers"]["X-29next-API-Version"] == "2024-04-01");
    CHECK(plan[1]["method"] == "POST");
    CHECK(plan[1]["body"] == json::parse(R"({"product_id":184,"quantity":1,"price":"89.99","reason":"product swap"})"));
    CHECK(plan[2]["path"] == "/api/admin/orders/100123/collect-payment/");
    CHECK(env["result"]["balance"] == "30.00");
}

TEST_CASE("Edits then their inverse restore the totals; the balance moves exactly by the delta", "[edit][property]") {
    std::mt19937_64 rng(4242);
    test::Digest digest;
    for (int i = 0; i < 10000; ++i) {
        const json order = editable_order(rng);
        const std::string text = order.dump();
        json forward = json::array(), back = json::array();
        for (const auto& l : order["lines"]) {
            if (rng() % 2) continue;
            const auto q = static_cast<std::int64_t>(rng() % 12);
            forward.push_back({{"op", "update_line"}, {"line_id", l["id"]}, {"quantity", q}});
            back.push_back({{"op", "update_line"}, {"line_id", l["id"]}, {"quantity", l["quantity"]}});
        }
        json both = forward;
        for (const auto& e : back) both.push_back(e);
        const std::string forward_text = op::preview_edit(text, forward.dump(), "");
        digest.add(forward_text);
        const json a = test::parse(forward_text);
        const json b = edit(text, both);
        REQUIRE(a["ok"] == true);
        REQUIRE(b["ok"] == true);
        REQUIRE(b["result"]["totals_after"] == b["result"]["totals_before"]);
        REQUIRE(b["result"]["plan"].empty());
        const json& r = a["result"];
        REQUIRE(minor(r["balance"]) - minor(r["balance_before"]) == minor(r["delta"]["total_incl_tax"]));
        REQUIRE(minor(r["totals_after"]["total_incl_tax"]) ==
                minor(r["totals_after"]["total_excl_tax"]) + minor(r["totals_after"]["total_tax"]));
        if (minor(r["balance"]) > 0) REQUIRE(r["plan"].back()["operation"] == "ordersCollectPaymentCreate");
        if (minor(r["balance"]) < 0) REQUIRE(minor(r["refund"]["amount"]) == -minor(r["balance"]));
    }
    digest.publish("edit-inverse");
}

TEST_CASE("A session gives the same envelope as the one-shot call and closes cleanly", "[edit][session]") {
    std::mt19937_64 rng(7);
    const std::size_t open_before = op::open_session_count();
    for (int i = 0; i < 2000; ++i) {
        const std::string text = editable_order(rng).dump();
        const json opened = test::parse(op::open_order(text, ""));
        REQUIRE(opened["ok"] == true);
        const std::int64_t id = opened["result"]["session"];
        const std::string edits = R"([{"op":"update_line","line_id":1,"quantity":3}])";
        REQUIRE(op::session_call(id, "previewEdit", edits, "") == op::preview_edit(text, edits, ""));
        const std::string refund = R"({"refund_lines":[{"line_id":1,"quantity":1,"restock_type":"cancel"}]})";
        REQUIRE(op::session_call(id, "calculateRefund", refund, "") == op::calculate_refund(text, refund, ""));
        REQUIRE(test::parse(op::close_order(id))["ok"] == true);
        const json again = test::parse(op::session_call(id, "previewEdit", edits, ""));
        REQUIRE(test::has_issue(again, "SESSION_CLOSED", "session"));
    }
    CHECK(op::open_session_count() == open_before);
    CHECK(test::has_issue(test::parse(op::session_call(1, "explode", "", "")), "SESSION_CLOSED", "session"));
}

TEST_CASE("Added lines whose sum leaves the money range are refused, not summed past int64", "[edit][bad-input]") {
    // Each added line is capped (price x quantity <= 2.5 x 10^14, tax rate <= 10), but 10,000 of them at 1,000 %
    // tax would sum past int64 in the totals.
    const std::string order = R"({"currency":"USD","status":"open","lines":[{"id":1,"quantity":1,"price_excl_tax":"10.00",
        "price_incl_tax":"10.00"}],"transactions":[{"id":1,"type":"sale","status":"succeeded","amount":"10.00"}]})";
    json edits = json::array();
    for (int i = 0; i < 10000; ++i)
        edits.push_back({{"op", "add_line"}, {"product_id", i + 1}, {"quantity", 1}, {"price", "2000000000000.00"}, {"tax_rate", "9.5"}});
    const json env = edit(order, edits);
    REQUIRE(env["ok"] == false);
    CHECK(env["result"].is_null());
    CHECK(env["errors"].back()["code"] == "AMOUNT_OUT_OF_RANGE");
    CHECK(env["errors"].back()["path"] == "edits");
    // A few such lines stay in range for each line yet not for the order.
    const json few = edit(order, json::parse(R"([{"op":"add_line","product_id":2,"quantity":1,"price":"2000000000000.00","tax_rate":"9"},
                                                  {"op":"add_line","product_id":3,"quantity":1,"price":"2000000000000.00","tax_rate":"9"}])"));
    CHECK(few["ok"] == false);
    CHECK(few["errors"][0]["code"] == "AMOUNT_OUT_OF_RANGE");
    // The engine answers the next call normally.
    CHECK(edit(order, json::parse(R"([{"op":"update_line","line_id":1,"quantity":1}])"))["ok"] == true);
}

TEST_CASE("Edits in any order list lines and plan calls in the order's line order; an added line can be edited", "[edit][session]") {
    // Issue 16: an edit keeps only the lines it touches; the result still walks them in the order's line order,
    // then the added lines, and an added line is found by its preview id.
    const std::string order = R"({"currency":"USD","status":"open","number":"7","lines":[
        {"id":1,"quantity":2,"editable_quantity":2,"fulfillable_quantity":2,"price_excl_tax":"20.00","price_incl_tax":"20.00"},
        {"id":2,"quantity":1,"editable_quantity":1,"fulfillable_quantity":1,"price_excl_tax":"5.00","price_incl_tax":"5.00"},
        {"id":3,"quantity":3,"editable_quantity":3,"fulfillable_quantity":3,"price_excl_tax":"30.00","price_incl_tax":"30.00"}],
        "transactions":[{"id":1,"type":"sale","status":"succeeded","amount":"55.00"}]})";
    const std::string edits = R"([{"op":"update_line","line_id":3,"quantity":1},{"op":"add_line","product_id":9,"quantity":1,"price":"1.00"},
        {"op":"remove_line","line_id":1},{"op":"update_line","line_id":"preview-1","quantity":4},{"op":"update_line","line_id":3,"quantity":2}])";
    const json env = test::parse(op::preview_edit(order, edits, R"({"include_order":false})"));
    REQUIRE(env["ok"] == true);
    const json& lines = env["result"]["lines"];
    REQUIRE(lines.size() == 3);
    CHECK(lines[0]["line_id"] == 1);
    CHECK(lines[0]["status"] == "removed");
    CHECK(lines[1]["line_id"] == 3);
    CHECK(lines[1]["quantity_after"] == 2);
    CHECK(lines[2]["line_id"] == "preview-1");
    CHECK(lines[2]["quantity_after"] == 4);
    CHECK(env["result"]["totals_after"]["total_incl_tax"] == "29.00");  // 5.00 + 2 x 10.00 + 4 x 1.00
    const json& plan = env["result"]["plan"];
    REQUIRE(plan.size() == 3);
    CHECK(plan[0]["method"] == "DELETE");
    CHECK(plan[0]["path"] == "/api/admin/orders/7/lines/1/");
    CHECK(plan[1]["method"] == "PATCH");
    CHECK(plan[1]["path"] == "/api/admin/orders/7/lines/3/");
    CHECK(plan[2]["method"] == "POST");
    // With the echo every line is listed, in the same order, and the session answers the same.
    const json echoed = test::parse(op::preview_edit(order, edits, ""));
    REQUIRE(echoed["ok"] == true);
    REQUIRE(echoed["result"]["lines"].size() == 4);
    CHECK(echoed["result"]["lines"][1]["status"] == "unchanged");
    REQUIRE(echoed["result"]["order"]["lines"].size() == 4);  // 29next keeps a removed line, with no units
    CHECK(echoed["result"]["order"]["lines"][0]["current_quantity"] == 0);
    CHECK(echoed["result"]["order"]["lines"][1]["current_quantity"] == 1);
    CHECK(echoed["result"]["order"]["lines"][3]["id"] == "preview-1");
    const std::int64_t id = test::parse(op::open_order(order, ""))["result"]["session"];
    CHECK(op::session_call(id, "previewEdit", edits, "") == op::preview_edit(order, edits, ""));
    op::close_order(id);
}
