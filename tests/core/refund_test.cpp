#include <catch2/catch.hpp>

#include "api/engine.hpp"
#include "property_support.hpp"
#include "support.hpp"

using nlohmann::json;

namespace {

json refund(const json& order, const json& request, const std::string& options = "") {
    return test::parse(op::calculate_refund(order.dump(), request.dump(), options));
}

std::int64_t minor(const json& v) {
    std::int64_t out = 0;
    REQUIRE(op::parse_amount(v.get<std::string>(), 2, out) == op::AmountError::none);
    return out;
}

// Records a calculated refund on the order the way the server would, so the next calculation sees it.
void apply(json& order, const json& result, int refund_id) {
    json items = json::array();
    for (const auto& l : result["refund_lines"])
        items.push_back({{"line_item_id", l["line_id"]}, {"quantity", l["quantity"]}, {"restock_type", l["restock_type"]},
                         {"amount_excl_tax", l["amount_excl_tax"]}, {"amount_incl_tax", l["amount_incl_tax"]}});
    json txs = json::array();
    int n = 0;
    for (const auto& t : result["transactions"])
        txs.push_back({{"id", 100000 + refund_id * 10 + n++}, {"type", "refund"}, {"status", "succeeded"}, {"amount", t["amount"]},
                       {"parent_id", t["id"]}});
    json adjustments = json::array();
    if (minor(result["refund_shipping"]["amount_excl_tax"]) > 0)
        adjustments.push_back({{"type", "refund_shipping"}, {"amount_excl_tax", result["refund_shipping"]["amount_excl_tax"]},
                               {"amount_incl_tax", result["refund_shipping"]["amount_incl_tax"]}});
    order["refunds"].push_back({{"id", refund_id}, {"refund_line_items", items}, {"adjustments", adjustments}, {"transactions", txs}});
}

}  // namespace

TEST_CASE("The guide's worked example refunds 63.98 on transaction 1000 to the cent", "[refund]") {
    const json env = test::parse(op::calculate_refund(
        test::example("29next-seed000.json"),
        R"({"refund_lines":[{"line_id":1000,"quantity":1}],"refund_shipping":{"full_refund":false,"amount_excl_tax":"3.99"}})", ""));
    REQUIRE(env["ok"] == true);
    const json& r = env["result"];
    CHECK(r["refund_lines"][0] == json::parse(R"J({"line_id":1000,"quantity":1,"restock_type":"no_restock","refundable_quantity":1,
        "amount_excl_tax":"59.99","amount_incl_tax":"59.99","total_tax":"0.00","product_id":184,
        "product_title":"Trail Runner Sock (3-pack)","sku":"TRAIL-RUNNER-SOCK-3-PACK-1841","variant_id":1841,"variant_title":"Default",
        "product_image":"https://cdn.29next.store/media/example/products/trail-runner-sock-3-pack.jpg",
        "product_url":"https://example.29next.store/products/trail-runner-sock-3-pack/"})J"));
    CHECK(r["refund_shipping"] == json::parse(R"({"amount_incl_tax":"3.99","amount_excl_tax":"3.99","total_tax":"0.00","refundable_amount":"4.99",
        "currency":"USD","shipping_code":"standard","shipping_method":"Standard Shipping"})"));
    CHECK(r["transactions"] == json::parse(R"([{"id":1000,"amount":"63.98","refundable_amount":"184.96","gateway_id":1,
        "gateway_name":"Stripe","payment_method":"card","type":"sale"}])"));
    CHECK(r["amount_excl_tax"] == "63.98");
    CHECK(r["amount_incl_tax"] == "63.98");
    CHECK(r["total_tax"] == "0.00");
    CHECK(r["currency"] == "USD");
}

TEST_CASE("Discounts already in the line totals are respected", "[refund]") {
    // 3 x 100.00 at -10 %: refunding 2 gives 180.00, not 200.00.
    const json order = json::parse(R"({"currency":"USD","lines":[{"id":1,"quantity":3,"price_excl_tax":"270.00",
        "price_incl_tax":"270.00","price_excl_tax_excl_discounts":"300.00"}],
        "transactions":[{"id":9,"type":"sale","status":"succeeded","amount":"270.00"}]})");
    const json env = refund(order, json::parse(R"({"refund_lines":[{"line_id":1,"quantity":2,"restock_type":"cancel"}]})"));
    REQUIRE(env["ok"] == true);
    CHECK(env["result"]["amount_incl_tax"] == "180.00");
}

TEST_CASE("The create body from a calculation is exactly the seed's ordersRefundCreate request", "[refund]") {
    const std::string calc = op::calculate_refund(
        test::example("29next-seed000.json"),
        R"({"refund_lines":[{"line_id":1000,"quantity":1}],"refund_shipping":{"full_refund":false,"amount_excl_tax":"3.99"}})", "");
    const json body = test::parse(op::to_refund_create_request(calc, R"({"note":"Example reason for the refund","send_refund_notification":true})", ""));
    REQUIRE(body["ok"] == true);
    CHECK(body["result"] == json::parse(R"({"note":"Example reason for the refund","refund_lines":[{"line_id":1000,"quantity":1,
        "restock_type":"no_restock"}],"refund_shipping":{"amount_excl_tax":"3.99","full_refund":false},"send_refund_notification":true,
        "transactions":[{"id":1000,"amount":"63.98"}]})"));
    // And the body validates against the same order.
    const json valid = test::parse(op::validate_refund(test::example("29next-seed000.json"), body["result"].dump(), ""));
    CHECK(valid["ok"] == true);
}

TEST_CASE("A calculation with errors cannot become a create body", "[refund]") {
    const std::string calc = op::calculate_refund(test::example("29next-seed000.json"), R"({"refund_lines":[{"line_id":5,"quantity":1}]})", "");
    const json body = test::parse(op::to_refund_create_request(calc, "", ""));
    CHECK(body["ok"] == false);
    CHECK(test::has_issue(body, "INVALID_VALUE", "calculation.ok"));
}

TEST_CASE("compareRefund lists each field that differs and treats equal decimals as equal", "[refund]") {
    const std::string preview = R"({"ok":true,"errors":[],"warnings":[],"result":{"amount_incl_tax":"63.98","currency":"USD",
        "transactions":[{"id":1000,"amount":"63.98"},{"id":1001,"amount":"1.00"}],"engine_version":"x","order_fingerprint":"y"}})";
    const std::string server = R"({"amount_incl_tax":63.980,"currency":"USD","transactions":[{"id":1001,"amount":"1.00"},{"id":1000,"amount":"63.97"}],"extra":true})";
    const json env = test::parse(op::compare_refund(preview, server, ""));
    REQUIRE(env["ok"] == true);
    const json& diffs = env["result"]["differences"];
    REQUIRE(diffs.size() == 2);
    CHECK(diffs[0] == json::parse(R"({"path":"transactions[0].amount","preview":"63.98","server":"63.97"})"));
    CHECK(diffs[1] == json::parse(R"({"path":"extra","preview":null,"server":true})"));
    CHECK(env["result"]["equal"] == false);
    const json same = test::parse(op::compare_refund(preview, R"({"amount_incl_tax":"63.98","currency":"USD",
        "transactions":[{"id":1000,"amount":"63.980"},{"id":1001,"amount":1}]})", ""));
    CHECK(same["result"]["equal"] == true);
}

TEST_CASE("Any sequence of partial refunds sums exactly to the line totals and never exceeds a transaction", "[refund][property]") {
    std::mt19937_64 rng(20261122);
    test::Digest digest;
    for (int iteration = 0; iteration < 10000; ++iteration) {
        int line_count = 0;
        json order = test::random_order(rng, line_count);
        std::vector<std::int64_t> left(line_count);
        for (int i = 0; i < line_count; ++i) left[i] = order["lines"][i]["quantity"].get<std::int64_t>();
        std::vector<std::int64_t> refunded_incl(line_count, 0);
        std::int64_t captured = 0;
        for (const auto& t : order["transactions"]) captured += minor(t["amount"]);
        std::int64_t refunded_total = 0;
        bool shipping_done = false;
        for (int step = 1; step <= 12; ++step) {
            json lines = json::array();
            for (int i = 0; i < line_count; ++i) {
                if (left[i] == 0 || rng() % 2) continue;
                const std::int64_t q = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(left[i])) + 1;
                lines.push_back({{"line_id", i + 1}, {"quantity", q}});
            }
            json request = {{"refund_lines", lines}};
            if (!shipping_done && rng() % 3 == 0) {
                request["refund_shipping"] = {{"full_refund", true}};
                shipping_done = true;
            }
            if (lines.empty() && !request.contains("refund_shipping")) continue;
            const std::string text = op::calculate_refund(order.dump(), request.dump(), "");
            digest.add(text);
            const json env = test::parse(text);
            if (env["ok"] != true) {
                // Only an empty shipping refund may be refused (nothing left to refund).
                REQUIRE(test::has_issue(env, "NOTHING_TO_REFUND", ""));
                continue;
            }
            const json& r = env["result"];
            std::int64_t allocated = 0;
            for (const auto& t : r["transactions"]) {
                REQUIRE(minor(t["amount"]) <= minor(t["refundable_amount"]));
                REQUIRE(minor(t["amount"]) > 0);
                allocated += minor(t["amount"]);
            }
            REQUIRE(allocated == minor(r["amount_incl_tax"]));
            for (const auto& l : r["refund_lines"]) {
                const int i = l["line_id"].get<int>() - 1;
                left[i] -= l["quantity"].get<std::int64_t>();
                refunded_incl[i] += minor(l["amount_incl_tax"]);
                REQUIRE(minor(l["amount_incl_tax"]) == minor(l["amount_excl_tax"]) + minor(l["total_tax"]));
            }
            refunded_total += allocated;
            REQUIRE(refunded_total <= captured);
            apply(order, r, step);
        }
        // Finish every line, then check each line's refunds add up to its total to the cent.
        json rest = json::array();
        for (int i = 0; i < line_count; ++i)
            if (left[i] > 0) rest.push_back({{"line_id", i + 1}, {"quantity", left[i]}});
        if (!rest.empty()) {
            const json env = refund(order, {{"refund_lines", rest}});
            REQUIRE(env["ok"] == true);
            for (const auto& l : env["result"]["refund_lines"]) refunded_incl[l["line_id"].get<int>() - 1] += minor(l["amount_incl_tax"]);
            apply(order, env["result"], 99);
        }
        for (int i = 0; i < line_count; ++i) REQUIRE(refunded_incl[i] == minor(order["lines"][i]["price_incl_tax"]));
        // Nothing is left to refund now (shipping may remain).
        const json none = refund(order, {{"refund_lines", {{{"line_id", 1}, {"quantity", 1}}}}});
        INFO(test::issues_text(none));
        REQUIRE(test::has_issue(none, "INVALID_QUANTITY", "refund_lines[0].quantity"));
    }
    digest.publish("refund-partitions");
}

TEST_CASE("A line listed twice without restock types still gives a create body that validates", "[refund][regression]") {
    // Found by fuzz_refund_create: both entries took fulfilled units as no_restock, and the body listed the
    // line twice with the same restock type, which validateRefund (like the server) refuses.
    const std::string order = test::example("29next-sample.json");
    const std::string calc = op::calculate_refund(order, R"({"refund_lines":[{"line_id":2002,"quantity":1},{"line_id":2002,"quantity":1}]})", "");
    REQUIRE(test::parse(calc)["ok"] == true);
    const json body = test::parse(op::to_refund_create_request(calc, "", ""));
    REQUIRE(body["ok"] == true);
    CHECK(body["result"]["refund_lines"] == json::parse(R"([{"line_id":2002,"quantity":2,"restock_type":"no_restock"}])"));
    const json valid = test::parse(op::validate_refund(order, body["result"].dump(), ""));
    CHECK(valid["ok"] == true);
    CHECK(valid["result"]["amount_incl_tax"] == test::parse(calc)["result"]["amount_incl_tax"]);
}

namespace {

// A random Elastic Path order: items with integer minor-unit totals (some taxed), several payments with earlier
// refunds recorded in place (refunded_amount), statuses complete + paid.
json ep_random_order(std::mt19937_64& rng, int& items, std::int64_t& refundable) {
    items = static_cast<int>(rng() % 4) + 1;
    json list = json::array();
    std::int64_t total = 0;
    for (int i = 0; i < items; ++i) {
        const std::int64_t q = static_cast<std::int64_t>(rng() % 7) + 1;
        const std::int64_t net = static_cast<std::int64_t>(rng() % 100000) + q;
        const std::int64_t tax = rng() % 3 == 0 ? 0 : static_cast<std::int64_t>(rng() % 20000);
        const auto price = [](std::int64_t a) { return json{{"value", {{"amount", a}, {"currency", "USD"}}}}; };
        list.push_back({{"type", "order_item"}, {"id", "i" + std::to_string(i + 1)}, {"quantity", q},
                        {"meta", {{"display_price", {{"with_tax", price(net + tax)}, {"without_tax", price(net)}, {"tax", price(tax)}}}}}});
        total += net + tax;
    }
    json txs = json::array();
    std::int64_t left = total;
    refundable = 0;
    for (int t = 0; left > 0; ++t) {
        const std::int64_t amount = t == 3 ? left : std::min<std::int64_t>(left, static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(total)) + 1);
        const std::int64_t refunded = rng() % 4 == 0 ? static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(amount + 1)) : 0;
        txs.push_back({{"id", "t" + std::to_string(t)}, {"transaction_type", refunded ? "refund" : "purchase"}, {"status", "complete"},
                       {"amount", amount}, {"refunded_amount", refunded}, {"gateway", "stripe"}});
        refundable += amount - refunded;
        left -= amount;
    }
    return {{"data", {{"type", "order"}, {"id", "o"}, {"status", "complete"}, {"payment", "paid"}, {"shipping", "unfulfilled"},
                      {"meta", {{"display_price", {{"with_tax", {{"amount", total}, {"currency", "USD"}}}}}}}}},
            {"included", {{"items", list}}},
            {"transactions", {{"data", txs}}}};
}

}  // namespace

TEST_CASE("Elastic Path: refunding every item in any partition sums exactly to the items' final amounts, and no allocation exceeds amount - refunded_amount", "[refund][property][elasticpath]") {
    std::mt19937_64 rng(20261130);
    test::Digest digest;
    for (int iteration = 0; iteration < 3000; ++iteration) {
        int items = 0;
        std::int64_t refundable = 0;
        const json order = ep_random_order(rng, items, refundable);
        // One request listing each item in random parts (the same item several times continues its proration).
        json parts = json::array();
        for (int i = 0; i < items; ++i) {
            std::int64_t left = order["included"]["items"][i]["quantity"].get<std::int64_t>();
            while (left > 0) {
                const std::int64_t q = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(left)) + 1;
                parts.push_back({{"item_id", "i" + std::to_string(i + 1)}, {"quantity", q}});
                left -= q;
            }
        }
        for (std::size_t k = parts.size(); k > 1; --k) std::swap(parts[k - 1], parts[rng() % k]);  // any order
        const std::string text = op::calculate_refund(order.dump(), json{{"items", parts}}.dump(), "");
        digest.add(text);
        const json env = test::parse(text);
        std::vector<std::int64_t> sum(items, 0);
        for (const auto& it : env["result"]["items"]) {
            sum[std::stoi(it["item_id"].get<std::string>().substr(1)) - 1] += minor(it["amount"]);
            REQUIRE(minor(it["amount"]) == minor(it["amount_excl_tax"]) + minor(it["total_tax"]));
        }
        for (int i = 0; i < items; ++i)
            REQUIRE(sum[i] == order["included"]["items"][i]["meta"]["display_price"]["with_tax"]["value"]["amount"].get<std::int64_t>());
        const std::int64_t total = minor(env["result"]["amount"]);
        if (total > refundable) {
            REQUIRE(test::has_issue(env, "REFUND_EXCEEDS_TOTAL", ""));
            continue;
        }
        INFO(test::issues_text(env));
        REQUIRE(env["ok"] == true);
        // Each allocation stays within its transaction's amount - refunded_amount, and the calls add up.
        std::int64_t sent = 0;
        for (const auto& call : env["result"]["requests"]) {
            const std::string path = call["path"].get<std::string>();
            const std::string tx = path.substr(path.find("/transactions/") + 14, path.rfind("/refund") - path.find("/transactions/") - 14);
            for (const auto& t : order["transactions"]["data"])
                if (t["id"] == tx)
                    REQUIRE(call["body"]["data"]["amount"].get<std::int64_t>() <= t["amount"].get<std::int64_t>() - t["refunded_amount"].get<std::int64_t>());
            REQUIRE(call["body"]["data"]["amount"].get<std::int64_t>() > 0);
            sent += call["body"]["data"]["amount"].get<std::int64_t>();
        }
        REQUIRE(sent == total);
        // An amount-only refund of what is left fits exactly; one cent more does not.
        const json all = test::parse(op::calculate_refund(order.dump(), json{{"amount", test::money(refundable)}}.dump(), ""));
        if (refundable > 0) REQUIRE(all["ok"] == true);
        const json over = test::parse(op::calculate_refund(order.dump(), json{{"amount", test::money(refundable + 1)}}.dump(), ""));
        REQUIRE(test::has_issue(over, "REFUND_EXCEEDS_TOTAL", ""));
    }
    digest.publish("elasticpath-refund-partitions");
}

TEST_CASE("A restock type whose pool is empty is refused with the line and the restock types that fit", "[refund]") {
    json order = json::parse(test::example("29next-seed000.json"));
    json& line = order["lines"][0];
    line["fulfillable_quantity"] = 0;
    line["editable_quantity"] = 0;
    json env =
        refund(order, json::parse(R"({"refund_lines":[{"line_id":1000,"quantity":1,"restock_type":"cancel"}]})"));
    REQUIRE(env["errors"].size() == 1);
    CHECK(env["errors"][0]["code"] == "INVALID_RESTOCK_TYPE");
    CHECK(env["errors"][0]["message"] == "line 1000 has no unfulfilled units to cancel; use return or no_restock.");

    line["fulfillable_quantity"] = 3;
    line["editable_quantity"] = 3;
    env = refund(order, json::parse(R"({"refund_lines":[{"line_id":1000,"quantity":1,"restock_type":"return"}]})"));
    REQUIRE(env["errors"].size() == 1);
    CHECK(env["errors"][0]["code"] == "INVALID_RESTOCK_TYPE");
    CHECK(env["errors"][0]["message"] ==
          "line 1000 has no fulfilled units left to refund; unfulfilled units use cancel.");
}
