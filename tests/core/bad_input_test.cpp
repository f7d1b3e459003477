// SPEC 8: every hostile input gets an envelope with a code and a path, and the engine answers the next call.
#include <catch2/catch.hpp>

#include <functional>

#include "api/engine.hpp"
#include "status/status_api.hpp"
#include "support.hpp"

using nlohmann::json;

namespace {

json base_order() {
    return json::parse(R"({
      "currency": "USD",
      "lines": [{"id": 1, "quantity": 2, "price_excl_tax": "20.00", "price_incl_tax": "20.00"}],
      "transactions": [{"id": 10, "type": "sale", "status": "succeeded", "amount": "20.00"}]
    })");
}

struct Case {
    const char* name;
    std::function<std::string()> order;
    std::string options;
    const char* code;
    std::string path;
};

std::string repeated(const std::string& head, const std::string& part, int n) {
    std::string s = head;
    for (int i = 0; i < n; ++i) s += part;
    return s;
}

std::string with(const std::function<void(json&)>& change) {
    json o = base_order();
    change(o);
    return o.dump();
}

}  // namespace

TEST_CASE("Each bad order yields its code and path, and the engine stays usable", "[bad-input]") {
    const std::vector<Case> cases = {
        {"malformed JSON", [] { return std::string(R"({"currency": "USD", "lines": [)"); }, "", "INVALID_JSON", "order.lines[0]"},
        {"order is an array", [] { return std::string("[]"); }, "", "WRONG_TYPE", "order"},
        {"no order", [] { return std::string(); }, "", "ORDER_NOT_FOUND", "order"},
        {"missing currency", [] { return with([](json& o) { o.erase("currency"); }); }, "", "MISSING_FIELD", "order.currency"},
        {"unknown currency", [] { return with([](json& o) { o["currency"] = "XYZ"; }); }, "", "UNKNOWN_CURRENCY", "order.currency"},
        {"withdrawn currency", [] { return with([](json& o) { o["currency"] = "HRK"; }); }, "", "UNKNOWN_CURRENCY", "order.currency"},
        {"missing lines", [] { return with([](json& o) { o.erase("lines"); }); }, "", "MISSING_FIELD", "order.lines"},
        {"lines not an array", [] { return with([](json& o) { o["lines"] = "x"; }); }, "", "WRONG_TYPE", "order.lines"},
        {"negative quantity", [] { return with([](json& o) { o["lines"][0]["quantity"] = -1; }); }, "", "INVALID_QUANTITY", "order.lines[0].quantity"},
        {"fractional quantity", [] { return with([](json& o) { o["lines"][0]["quantity"] = json::parse("1.5"); }); }, "", "INVALID_QUANTITY", "order.lines[0].quantity"},
        {"quantity as string", [] { return with([](json& o) { o["lines"][0]["quantity"] = "2"; }); }, "", "WRONG_TYPE", "order.lines[0].quantity"},
        {"huge quantity", [] { return with([](json& o) { o["lines"][0]["quantity"] = json::parse("99999999999999999999"); }); }, "", "INVALID_QUANTITY", "order.lines[0].quantity"},
        {"too many decimals", [] { return with([](json& o) { o["lines"][0]["price_excl_tax"] = "20.001"; }); }, "", "INVALID_AMOUNT", "order.lines[0].price_excl_tax"},
        {"exponent notation string", [] { return with([](json& o) { o["lines"][0]["price_excl_tax"] = "2e1"; }); }, "", "INVALID_AMOUNT", "order.lines[0].price_excl_tax"},
        {"exponent notation number", [] { return std::string(R"({"currency":"USD","lines":[{"id":1,"quantity":1,"price_excl_tax":2e1,"price_incl_tax":"20.00"}]})"); }, "", "INVALID_AMOUNT", "order.lines[0].price_excl_tax"},
        {"whitespace-padded amount", [] { return with([](json& o) { o["lines"][0]["price_incl_tax"] = " 20.00"; }); }, "", "INVALID_AMOUNT", "order.lines[0].price_incl_tax"},
        {"empty amount", [] { return with([](json& o) { o["lines"][0]["price_incl_tax"] = ""; }); }, "", "INVALID_AMOUNT", "order.lines[0].price_incl_tax"},
        {"amount out of range", [] { return with([](json& o) { o["lines"][0]["price_excl_tax"] = "10000000000000.01"; }); }, "", "AMOUNT_OUT_OF_RANGE", "order.lines[0].price_excl_tax"},
        {"amount of wrong type", [] { return with([](json& o) { o["lines"][0]["price_excl_tax"] = true; }); }, "", "WRONG_TYPE", "order.lines[0].price_excl_tax"},
        {"missing price", [] { return with([](json& o) { o["lines"][0].erase("price_excl_tax"); }); }, "", "MISSING_FIELD", "order.lines[0].price_excl_tax"},
        {"missing line id", [] { return with([](json& o) { o["lines"][0].erase("id"); }); }, "", "MISSING_FIELD", "order.lines[0].id"},
        {"id of wrong type", [] { return with([](json& o) { o["lines"][0]["id"] = true; }); }, "", "INVALID_ID", "order.lines[0].id"},
        {"duplicate line ids", [] { return with([](json& o) { o["lines"].push_back(o["lines"][0]); }); }, "", "DUPLICATE_ID", "order.lines[1].id"},
        {"current above quantity", [] { return with([](json& o) { o["lines"][0]["current_quantity"] = 3; }); }, "", "INCONSISTENT_QUANTITIES", "order.lines[0]"},
        {"incl below excl", [] { return with([](json& o) { o["lines"][0]["price_incl_tax"] = "19.00"; }); }, "", "INCONSISTENT_TOTALS", "order.lines[0]"},
        {"JPY with decimals", [] { return with([](json& o) { o["currency"] = "JPY"; o["lines"][0]["price_excl_tax"] = "100.5"; o["lines"][0]["price_incl_tax"] = "101"; o["transactions"][0]["amount"] = "20"; }); }, "", "INVALID_AMOUNT", "order.lines[0].price_excl_tax"},
        {"bad tax rate", [] { return with([](json& o) { o["lines"][0]["tax_lines"] = json::parse(R"([{"amount":"0.00","rate":"abc"}])"); }); }, "", "INVALID_RATE", "order.lines[0].tax_lines[0].rate"},
        {"unknown transaction type", [] { return with([](json& o) { o["transactions"][0]["type"] = "gift"; }); }, "", "INVALID_VALUE", "order.transactions[0].type"},
        {"transaction currency mismatch", [] { return with([](json& o) { o["transactions"][0]["currency"] = "EUR"; }); }, "", "CURRENCY_MISMATCH", "order.transactions[0].currency"},
        {"negative transaction", [] { return with([](json& o) { o["transactions"][0]["amount"] = "-1.00"; }); }, "", "INVALID_AMOUNT", "order.transactions[0].amount"},
        {"title too long", [] { return with([](json& o) { o["lines"][0]["product"] = {{"title", std::string(5000, 'x')}}; }); }, "", "LIMIT_EXCEEDED", "order.lines[0].product.title"},
        {"invalid UTF-8", [] { return std::string("{\"currency\":\"USD\",\"note\":\"\xFF\xFE\",\"lines\":[]}"); }, "", "INVALID_UTF8", "order.note"},
        {"nested too deep", [] { return std::string(200, '[') + std::string(200, ']'); }, "", "NESTING_TOO_DEEP", repeated("order", "[0]", 64)},
        {"over the size limit", [] { return base_order().dump(); }, R"({"limits":{"max_bytes":50}})", "INPUT_TOO_LARGE", "order"},
        {"over the line limit", [] { return with([](json& o) { o["lines"].push_back(o["lines"][0]); o["lines"][1]["id"] = 2; }); }, R"({"limits":{"max_lines":1}})", "LIMIT_EXCEEDED", "order.lines"},
        {"options not JSON", [] { return base_order().dump(); }, "{", "INVALID_JSON", "options"},
        {"unknown rounding", [] { return base_order().dump(); }, R"({"profile":{"rounding":"up"}})", "INVALID_OPTION", "options.profile.rounding"},
        {"unknown knob", [] { return base_order().dump(); }, R"({"profile":{"speed":"fast"}})", "INVALID_OPTION", "options.profile.speed"},
        {"unknown dialect", [] { return base_order().dump(); }, R"({"dialect":"shopify"})", "INVALID_OPTION", "options.dialect"},
        {"v1 line without price", [] { return std::string(R"({"currency":"USD","line_items":[{"id":"a","quantity":1}]})"); }, "", "MISSING_FIELD", "order.line_items[0].price"},
    };
    const std::string good = base_order().dump();
    for (const auto& c : cases) {
        INFO(c.name);
        const json env = test::parse(op::inspect_order(c.order(), c.options));
        CHECK(env.at("ok") == false);
        CHECK(test::has_issue(env, c.code, c.path));
        if (!test::has_issue(env, c.code, c.path)) WARN(test::issues_text(env));
        for (const auto& issue : env.at("errors")) CHECK_FALSE(issue.at("message").get<std::string>().empty());
        // The engine keeps answering correctly after every bad input.
        const json again = test::parse(op::inspect_order(good, ""));
        REQUIRE(again.at("ok") == true);
        CHECK(again["result"]["totals"]["total_incl_tax"] == "20.00");
    }
}

TEST_CASE("Every error is reported, not just the first", "[bad-input]") {
    json o = base_order();
    o["lines"][0]["quantity"] = -1;
    o["lines"][0]["price_excl_tax"] = "1.001";
    o["lines"].push_back({{"id", 2}, {"quantity", 1}});
    const json env = test::parse(op::inspect_order(o.dump(), ""));
    CHECK(test::has_issue(env, "INVALID_QUANTITY", "order.lines[0].quantity"));
    CHECK(test::has_issue(env, "INVALID_AMOUNT", "order.lines[0].price_excl_tax"));
    CHECK(test::has_issue(env, "MISSING_FIELD", "order.lines[1].price_excl_tax"));
    CHECK(test::has_issue(env, "MISSING_FIELD", "order.lines[1].price_incl_tax"));
}

namespace {

// An Elastic Path order (GET /v2/orders/{id}?include=items + transactions): amounts are integer minor units.
json ep_order() {
    return json::parse(R"({
      "data": {"type": "order", "id": "o-1", "status": "complete", "payment": "paid", "shipping": "unfulfilled",
               "meta": {"display_price": {"with_tax": {"amount": 2000, "currency": "USD"}}},
               "relationships": {"items": {"data": [{"type": "item", "id": "i-1"}]}}},
      "included": {"items": [{"type": "order_item", "id": "i-1", "quantity": 2,
                              "unit_price": {"amount": 1000, "currency": "USD", "includes_tax": false},
                              "meta": {"display_price": {"with_tax": {"value": {"amount": 2000, "currency": "USD"}},
                                                         "without_tax": {"value": {"amount": 2000, "currency": "USD"}},
                                                         "tax": {"value": {"amount": 0, "currency": "USD"}}}}}]},
      "transactions": {"data": [{"id": "t-1", "transaction_type": "purchase", "status": "complete", "amount": 2000,
                                 "refunded_amount": 0, "currency": "USD", "gateway": "stripe"}]}
    })");
}

std::string ep_with(const std::function<void(json&)>& change) {
    json o = ep_order();
    change(o);
    return o.dump();
}

std::string shopware_sample() { return test::read_file(std::string(OP_FIXTURES_DIR) + "/return/shopware-promotion-two-rates-shipping/order.json"); }

std::string shopware_with(const std::function<void(json&)>& change) {
    json o = json::parse(shopware_sample());
    change(o["data"]);
    return o.dump();
}

}  // namespace

TEST_CASE("Each bad Elastic Path order yields its code and path, and the engine stays usable", "[bad-input][elasticpath]") {
    const std::string item = "order.included.items[0].meta.display_price.with_tax.value.amount";
    const std::vector<Case> cases = {
        {"fractional minor units", [] { return ep_with([](json& o) { o["included"]["items"][0]["meta"]["display_price"]["with_tax"]["value"]["amount"] = json::parse("2000.5"); }); }, "", "INVALID_AMOUNT", item},
        {"exponent minor units", [] { return ep_with([](json& o) { o["included"]["items"][0]["meta"]["display_price"]["with_tax"]["value"]["amount"] = json::parse("2e3"); }); }, "", "INVALID_AMOUNT", item},
        {"string where an integer belongs", [] { return ep_with([](json& o) { o["transactions"]["data"][0]["amount"] = "2000"; }); }, "", "WRONG_TYPE", "order.transactions.data[0].amount"},
        {"minor units out of range", [] { return ep_with([](json& o) { o["transactions"]["data"][0]["amount"] = json::parse("10000000000000001"); }); }, "", "AMOUNT_OUT_OF_RANGE", "order.transactions.data[0].amount"},
        {"missing included", [] { return ep_with([](json& o) { o.erase("included"); }); }, "", "MISSING_FIELD", "order.included"},
        {"included without items", [] { return ep_with([](json& o) { o["included"].erase("items"); }); }, "", "MISSING_FIELD", "order.included.items"},
        {"item referenced but not included", [] { return ep_with([](json& o) { o["data"]["relationships"]["items"]["data"].push_back({{"type", "item"}, {"id", "i-2"}}); }); }, "", "LINE_ITEM_NOT_FOUND", "order.data.relationships.items.data[1].id"},
        {"transaction-type spellings disagree", [] { return ep_with([](json& o) { o["transactions"]["data"][0]["transaction-type"] = "authorize"; }); }, "", "INVALID_VALUE", "order.transactions.data[0].transaction-type"},
        {"no transaction type", [] { return ep_with([](json& o) { o["transactions"]["data"][0].erase("transaction_type"); }); }, "", "MISSING_FIELD", "order.transactions.data[0].transaction_type"},
        {"unknown transaction status", [] { return ep_with([](json& o) { o["transactions"]["data"][0]["status"] = "settled"; }); }, "", "INVALID_VALUE", "order.transactions.data[0].status"},
        {"refunded above the amount", [] { return ep_with([](json& o) { o["transactions"]["data"][0]["refunded_amount"] = 2001; }); }, "", "INCONSISTENT_TOTALS", "order.transactions.data[0].refunded_amount"},
        {"item totals that do not add up", [] { return ep_with([](json& o) { o["included"]["items"][0]["meta"]["display_price"]["tax"]["value"]["amount"] = 1; }); }, "", "INCONSISTENT_TOTALS", "order.included.items[0].meta.display_price.with_tax"},
        {"item without display prices", [] { return ep_with([](json& o) { o["included"]["items"][0].erase("meta"); }); }, "", "MISSING_FIELD", "order.included.items[0].meta"},
        {"no currency", [] { return ep_with([](json& o) { o["data"]["meta"]["display_price"]["with_tax"].erase("currency"); o["included"]["items"][0].erase("unit_price"); }); }, "", "MISSING_FIELD", "order.data"},
        {"transaction in another currency", [] { return ep_with([](json& o) { o["transactions"]["data"][0]["currency"] = "EUR"; }); }, "", "CURRENCY_MISMATCH", "order.transactions.data[0].currency"},
        {"data not an object", [] { return std::string(R"({"data": [], "included": {"items": []}})"); }, R"({"dialect":"elasticpath"})", "WRONG_TYPE", "order.data"},
    };
    const std::string good = ep_order().dump();
    for (const auto& c : cases) {
        INFO(c.name);
        const json env = test::parse(op::inspect_order(c.order(), c.options));
        CHECK(env.at("ok") == false);
        CHECK(test::has_issue(env, c.code, c.path));
        if (!test::has_issue(env, c.code, c.path)) WARN(test::issues_text(env));
        // Every operation answers with an envelope too (never a crash).
        for (const auto& r : {op::calculate_refund(c.order(), R"({"items":[{"item_id":"i-1","quantity":1}]})", c.options),
                              op::preview_edit(c.order(), R"([{"op":"update_order","shipping":"fulfilled"}])", c.options),
                              op::preview_cancel(c.order(), "{}", c.options), op::derive_statuses(c.order(), c.options)})
            CHECK(test::parse(r).at("ok") == false);
        const json again = test::parse(op::inspect_order(good, ""));
        REQUIRE(again.at("ok") == true);
        CHECK(again["result"]["totals"]["total_incl_tax"] == "20.00");
    }
}

TEST_CASE("Each bad Shopware order or request yields its code and path", "[bad-input][shopware]") {
    const std::string shirt = "018f6a3c5b2e7d9a0c1e2f3a4b5c6d01";
    const std::string capture = "018f6a3c5b2e7d9a0c1e2f3a4b5c6f01";
    struct ShopwareCase {
        const char* name;
        std::string order;
        int operation;  // 0 inspect, 1 previewReturn, 2 previewCaptureRefund
        std::string request;
        const char* code;
        std::string path;
    };
    const std::vector<ShopwareCase> cases = {
        {"no tax status", shopware_with([](json& o) { o.erase("taxStatus"); o["price"].erase("taxStatus"); }), 0, "", "MISSING_FIELD", "order.data.taxStatus"},
        {"unknown tax status", shopware_with([](json& o) { o["taxStatus"] = "gross-ish"; }), 0, "", "INVALID_VALUE", "order.data.taxStatus"},
        {"rounding decimals too many", shopware_with([](json& o) { o["itemRounding"]["decimals"] = 9; }), 0, "", "INVALID_VALUE", "order.data.itemRounding.decimals"},
        {"interval below the digits", shopware_with([](json& o) { o["itemRounding"]["interval"] = 0.005; }), 0, "", "INVALID_VALUE", "order.data.itemRounding.interval"},
        {"line without price", shopware_with([](json& o) { o["lineItems"][0].erase("price"); }), 0, "", "MISSING_FIELD", "order.data.lineItems[0].price"},
        {"over-precise total", shopware_with([](json& o) { o["lineItems"][0]["price"]["totalPrice"] = json::parse("179.975"); }), 0, "", "INVALID_AMOUNT", "order.data.lineItems[0].price.totalPrice"},
        {"tax rate as text", shopware_with([](json& o) { o["lineItems"][0]["price"]["calculatedTaxes"][0]["taxRate"] = "nineteen"; }), 0, "", "INVALID_AMOUNT", "order.data.lineItems[0].price.calculatedTaxes[0].taxRate"},
        {"capture without amount", shopware_with([](json& o) { o["transactions"][0]["captures"][0].erase("amount"); }), 0, "", "MISSING_FIELD", "order.data.transactions[0].captures[0].amount"},
        {"return line without quantity", shopware_with([](json& o) { o["extensions"]["returns"] = json::parse(R"([{"id":"aa","lineItems":[{"orderLineItemId":"bb"}]}])"); }), 0, "", "MISSING_FIELD", "order.data.extensions.returns[0].lineItems[0].quantity"},
        {"return request not an object", shopware_sample(), 1, "[]", "WRONG_TYPE", ""},
        {"return without lineItems", shopware_sample(), 1, "{}", "MISSING_FIELD", "lineItems"},
        {"return quantity fractional", shopware_sample(), 1, R"({"lineItems":[{"orderLineItemId":")" + shirt + R"(","quantity":1.5}]})", "INVALID_QUANTITY", "lineItems[0].quantity"},
        {"return refundAmount over-precise", shopware_sample(), 1, R"({"lineItems":[{"orderLineItemId":")" + shirt + R"(","quantity":1,"refundAmount":"1.001"}]})", "INVALID_AMOUNT", "lineItems[0].refundAmount"},
        {"return shipping negative", shopware_sample(), 1, R"({"lineItems":[{"orderLineItemId":")" + shirt + R"(","quantity":1}],"shippingCosts":"-1.00"})", "INVALID_AMOUNT", "shippingCosts"},
        {"capture refund without captureId", shopware_sample(), 2, R"({"amount":"1.00"})", "MISSING_FIELD", "captureId"},
        {"capture refund amount as word", shopware_sample(), 2, R"({"captureId":")" + capture + R"(","amount":"lots"})", "INVALID_AMOUNT", "amount"},
        {"capture refund position without line", shopware_sample(), 2, R"({"captureId":")" + capture + R"(","positions":[{"quantity":1}]})", "MISSING_FIELD", "positions[0].orderLineItemId"},
        {"return on a 29next order", base_order().dump(), 1, R"({"lineItems":[]})", "OPERATION_NOT_SUPPORTED", ""},
        {"capture refund on a 29next order", base_order().dump(), 2, R"({"captureId":"x"})", "OPERATION_NOT_SUPPORTED", ""},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        const std::string text = c.operation == 0   ? op::inspect_order(c.order, "")
                                 : c.operation == 1 ? op::preview_return(c.order, c.request, "")
                                                    : op::preview_capture_refund(c.order, c.request, "");
        const json env = test::parse(text);
        CHECK(env.at("ok") == false);
        CHECK(test::has_issue(env, c.code, c.path));
        if (!test::has_issue(env, c.code, c.path)) WARN(test::issues_text(env));
        const json again = test::parse(op::preview_return(shopware_sample(), R"({"lineItems":[{"orderLineItemId":")" + shirt + R"(","quantity":1}]})", ""));
        REQUIRE(again.at("ok") == true);
        CHECK(again["result"]["amountTotal"] == 59.99);
    }
}
