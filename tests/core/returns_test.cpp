// previewReturn and previewCaptureRefund on Shopware orders: properties over seeded random orders and requests.
#include <catch2/catch.hpp>

#include <random>

#include "api/engine.hpp"
#include "money/cash_rounding.hpp"
#include "support.hpp"

using nlohmann::json;

namespace {

json sample() {
    return json::parse(test::read_file(std::string(OP_FIXTURES_DIR) + "/return/shopware-promotion-two-rates-shipping/order.json"));
}


json number(std::int64_t minor) { return json::parse(op::format_amount(minor, 2)); }

}  // namespace

TEST_CASE("Returned amounts never exceed what the lines were sold for", "[returns][property]") {
    std::mt19937_64 rng(14);
    const std::int64_t intervals[] = {1, 5, 10, 50, 100};
    for (int round = 0; round < 300; ++round) {
        json o = sample();
        json& d = o["data"];
        const std::int64_t interval = intervals[rng() % 5];
        const bool gross = rng() % 2 == 0;
        d["taxStatus"] = gross ? "gross" : "net";
        d["price"]["taxStatus"] = d["taxStatus"];
        d["itemRounding"]["interval"] = number(interval);
        d["totalRounding"]["interval"] = number(interval);
        d.erase("amountTotal");
        json request = {{"lineItems", json::array()}};
        const op::CashRounding c{2, interval, true};
        for (int i = 0; i < 2; ++i) {
            json& li = d["lineItems"][i];
            const std::int64_t q = 1 + static_cast<std::int64_t>(rng() % 9);
            const std::int64_t unit = op::cash_round(1 + static_cast<std::int64_t>(rng() % 100000), c);
            li["quantity"] = q;
            li["price"]["quantity"] = q;
            li["price"]["unitPrice"] = number(unit);
            li["price"]["totalPrice"] = number(op::cash_round(unit * q, c));
            li["price"]["calculatedTaxes"] = json::array();
            const std::int64_t back = 1 + static_cast<std::int64_t>(rng() % q);
            request["lineItems"].push_back({{"orderLineItemId", li["id"]}, {"quantity", back}});
        }
        const json env = test::parse(op::preview_return(o.dump(), request.dump(), ""));
        INFO(request.dump());
        REQUIRE(env.at("ok") == true);
        for (std::size_t i = 0; i < 2; ++i) {
            const json& item = env["result"]["lineItems"][i];
            const double sold = d["lineItems"][i]["price"]["totalPrice"].get<double>();  // comparison only, in the test
            CHECK(item["price"]["totalPrice"].get<double>() <= sold + 1e-9);
            CHECK(item["refundPrice"]["totalPrice"].get<double>() <= sold + 1e-9);
            CHECK(item["suggestedRefundAmount"].get<double>() <= item["price"]["totalPrice"].get<double>() + 1e-9);
        }
    }
}

TEST_CASE("Refunds of a capture never add up to more than the capture", "[returns][property]") {
    std::mt19937_64 rng(2026);
    for (int round = 0; round < 100; ++round) {
        json o = sample();
        json& cap = o["data"]["transactions"][0]["captures"][0];
        cap["refunds"] = json::array();
        o["data"]["transactions"][0]["stateMachineState"]["technicalName"] = "paid";
        const std::int64_t captured = 18937;
        std::int64_t refunded = 0;
        for (int k = 0; k < 8; ++k) {
            const std::int64_t ask = 1 + static_cast<std::int64_t>(rng() % 9000);
            const json request = {{"captureId", cap["id"]}, {"amount", op::format_amount(ask, 2)}};
            const json env = test::parse(op::preview_capture_refund(o.dump(), request.dump(), ""));
            if (refunded + ask > captured) {
                CHECK(test::has_issue(env, "REFUND_EXCEEDS_TOTAL", "amount"));
                continue;
            }
            REQUIRE(env.at("ok") == true);
            CHECK(env["result"]["capture"]["refundable_after"] == op::format_amount(captured - refunded - ask, 2));
            refunded += ask;
            json body = env["result"]["body"];
            body["stateMachineState"] = {{"technicalName", rng() % 4 == 0 ? "open" : "completed"}};
            cap["refunds"].push_back(body);
            o["data"]["transactions"][0]["stateMachineState"]["technicalName"] = "refunded_partially";
        }
        CHECK(refunded <= captured);
    }
}
