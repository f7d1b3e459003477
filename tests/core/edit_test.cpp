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
