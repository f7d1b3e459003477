// previewEdit on Shopware orders: the recalculation against cases taken from Shopware's own public test suites
// (numbers re-derived here, nothing copied), and properties of the recalculated totals.
#include <catch2/catch.hpp>

#include <random>

#include "api/engine.hpp"
#include "support.hpp"

using nlohmann::json;

namespace {

std::string hid(int n) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "018f6a3c5b2e7d9a0c1e2f3a4b5c%04x", 0x6d00 + n);
    return buf;
}

json tax(double t, double rate, double price) { return {{"tax", t}, {"taxRate", rate}, {"price", price}}; }
json rule(double rate, double pct = 100) { return {{"taxRate", rate}, {"percentage", pct}}; }

json product(int n, double unit, int q, double total, json taxes, json rules, bool download = false) {
    return {{"id", hid(n)}, {"identifier", hid(0x100 + n)}, {"type", "product"}, {"productId", hid(0x100 + n)},
            {"quantity", q}, {"label", "P" + std::to_string(n)}, {"states", {download ? "is-download" : "is-physical"}},
            {"price", {{"unitPrice", unit}, {"quantity", q}, {"totalPrice", total}, {"calculatedTaxes", taxes}, {"taxRules", rules}}}};
}

// The demo cart of Shopware's integration test for order recalculation
// (tests/integration/Core/Checkout/Cart/Order/RecalculationServiceTest.php, generateDemoCart): two products at
// 119.99 gross, one taxed 19 %, one 5 %, and a shipping method at 10.00 with the "auto" tax type.
json demo_order() {
    json lines = json::array({product(1, 119.99, 1, 119.99, json::array({tax(19.16, 19, 119.99)}), json::array({rule(19)})),
                              product(2, 119.99, 1, 119.99, json::array({tax(5.71, 5, 119.99)}), json::array({rule(5)}))});
    json shipping = {{"unitPrice", 10}, {"quantity", 1}, {"totalPrice", 10},
                     {"calculatedTaxes", json::array({tax(0.8, 19, 5), tax(0.24, 5, 5)})},
                     {"taxRules", json::array({rule(19, 50), rule(5, 50)})}};
    json positions = json::array({{{"orderLineItemId", hid(1)}, {"quantity", 1}}, {{"orderLineItemId", hid(2)}, {"quantity", 1}}});
    return {{"id", hid(0)}, {"apiAlias", "order"}, {"taxStatus", "gross"},
            {"itemRounding", {{"decimals", 2}, {"interval", 0.01}, {"roundForNet", true}}},
            {"totalRounding", {{"decimals", 2}, {"interval", 0.01}, {"roundForNet", true}}},
            {"amountTotal", 249.98}, {"amountNet", 224.07}, {"stateMachineState", {{"technicalName", "open"}}},
            {"lineItems", lines},
            {"deliveries", json::array({{{"id", hid(80)}, {"stateMachineState", {{"technicalName", "open"}}},
                                         {"shippingMethod", {{"taxType", "auto"}}}, {"shippingCosts", shipping},
                                         {"positions", positions}}})},
            {"transactions", json::array()}};
}

json edit(const json& order, const json& edits, const std::string& options = "") {
    return test::parse(op::preview_edit(order.dump(), edits.dump(), options));
}

}  // namespace

TEST_CASE("The demo order's stored totals are what the recalculation gives", "[shopware][edit]") {
    // RecalculationServiceTest::testRecalculateOrderWithInactiveProduct: after a recalculation the order keeps
    // netPrice 224.07, totalPrice 249.98, positionPrice 239.98.
    const json env = edit(demo_order(), json::array({{{"op", "update_line"}, {"line_id", hid(1)}, {"quantity", 1}}}));
    REQUIRE(env.at("ok") == true);
    const json& before = env["result"]["totals_before"];
    const json& after = env["result"]["totals_after"];
    CHECK(before["total_incl_tax"] == "249.98");
    CHECK(before["total_excl_tax"] == "224.07");
    CHECK(before["lines_incl_tax"] == "239.98");
    CHECK(after == before);
}

TEST_CASE("An added product at another rate re-splits the shipping tax", "[shopware][edit]") {
    // RecalculationServiceTest::testAddProductToOrder: a product at 10.00 (19 %) added to the demo order; the
    // delivery's shipping keeps 10.00 and its taxes stay split over 19 % and 5 %, now by 129.99 : 119.99.
    const json env = edit(demo_order(), json::array({{{"op", "add_line"}, {"product_id", hid(0x200)}, {"quantity", 1},
                                                      {"price", "10.00"}, {"tax_rate", "0.19"}}}));
    REQUIRE(env.at("ok") == true);
    const json& after = env["result"]["totals_after"];
    // 10 × 129.99/249.98 × 19/119 = 0.8302… → 0.83; 10 × 119.99/249.98 × 5/105 = 0.2285… → 0.23
    CHECK(after["shipping_tax"] == "1.06");
    CHECK(after["shipping_excl_tax"] == "8.94");
    // lines: 19.16 + 5.71 + round(10 × 19/119) = 1.60
    CHECK(after["lines_tax"] == "26.47");
    CHECK(after["total_incl_tax"] == "259.98");
    CHECK(after["total_tax"] == "27.53");
    CHECK(after["total_excl_tax"] == "232.45");
    CHECK(env["result"]["plan"][1]["path"] == "/api/_action/order/" + hid(0) + "/product/" + hid(0x200));
}

TEST_CASE("Per-line tax of an edited quantity: the unrounded unit tax times the quantity, rounded once", "[shopware][edit]") {
    // Shopware's src/Core/Checkout/Cart/Price/GrossPriceCalculator.php (tested by
    // tests/unit/Core/Checkout/Cart/Price/GrossPriceCalculatorTest.php) taxes the unrounded unit tax × quantity;
    // here 119.99 at 19 % × 3: 3 × 19.158… = 57.47 (not 3 × 19.16 = 57.48).
    const json env = edit(demo_order(), json::array({{{"op", "update_line"}, {"line_id", hid(1)}, {"quantity", 3}}}));
    REQUIRE(env.at("ok") == true);
    const json& line = env["result"]["lines"][0];
    CHECK(line["amount_incl_tax"] == "359.97");
    CHECK(line["total_tax"] == "57.47");
    CHECK(env["result"]["plan"][1]["method"] == "PATCH");
    CHECK(env["result"]["plan"][1]["body"] == json{{"quantity", 3}});
}

TEST_CASE("Vertical totals tax each rate once on its summed base", "[shopware][edit]") {
    // Shopware's src/Core/Checkout/Cart/Price/AmountCalculator.php, vertical branch (its unit test covers only
    // horizontal): the order's taxes are each rate's part of the summed prices, not the sum of rounded line taxes.
    json o = demo_order();
    o["taxCalculationType"] = "vertical";
    const json env = edit(o, json::array({{{"op", "update_line"}, {"line_id", hid(1)}, {"quantity", 3}}}));
    REQUIRE(env.at("ok") == true);
    const json& after = env["result"]["totals_after"];
    // 19 %: (359.97 + 10 × 359.97/479.96) × 19/119 = 367.4699… × 0.15966… = 58.67; 5 %: (119.99 + 2.50) × 5/105 = 5.83
    CHECK(after["total_tax"] == "64.50");
    CHECK(after["total_incl_tax"] == "489.96");
}

TEST_CASE("Recalculated totals stay consistent and land on the total rounding interval", "[shopware][edit][property]") {
    std::mt19937_64 rng(60);
    const double intervals[] = {0.01, 0.05, 0.10, 0.50, 1.00};
    for (int round = 0; round < 200; ++round) {
        json o = demo_order();
        const int k = static_cast<int>(rng() % 5);
        o["totalRounding"]["interval"] = intervals[k];
        o.erase("amountTotal");
        const std::int64_t q1 = static_cast<std::int64_t>(rng() % 9), q2 = 1 + static_cast<std::int64_t>(rng() % 9);
        json edits = json::array({{{"op", "update_line"}, {"line_id", hid(1)}, {"quantity", q1}},
                                  {{"op", "update_line"}, {"line_id", hid(2)}, {"quantity", q2}}});
        const json env = edit(o, edits);
        INFO(edits.dump());
        REQUIRE(env.at("ok") == true);
        const json& t = env["result"]["totals_after"];
        const auto minor = [](const json& v) { return std::llround(std::stod(v.get<std::string>()) * 100); };
        const std::int64_t step = std::llround(intervals[k] * 100);
        CHECK(minor(t["total_incl_tax"]) % step == 0);
        // The raw total (lines + shipping) is within half an interval of the rounded total.
        const std::int64_t raw = minor(t["lines_incl_tax"]) + minor(t["shipping_excl_tax"]) + minor(t["shipping_tax"]);
        CHECK(std::llabs(raw - minor(t["total_incl_tax"])) * 2 <= step);
        CHECK(minor(t["lines_incl_tax"]) == 11999 * (q1 + q2));
    }
}
