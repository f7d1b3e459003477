#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <random>

#include "json/document.hpp"
#include "json/number_range.hpp"
#include "json/writer.hpp"

using namespace op;

namespace {
bool parse(const std::string& text, json::Document& doc, Diagnostics& d, json::Limits limits = {}) {
    return doc.parse(text, limits, d);
}
}  // namespace

TEST_CASE("Numbers keep their source text so money is never read through a binary fraction", "[json]") {
    json::Document doc;
    Diagnostics d;
    REQUIRE(parse(R"({"price": 89.99, "big": 0.1000000000000000055511151231257827, "qty": 3, "neg": -7})", doc, d));
    const auto root = doc.root();
    CHECK(root.get("price").text() == "89.99");
    CHECK(root.get("big").text() == "0.1000000000000000055511151231257827");
    CHECK(root.get("qty").is_integer());
    std::int64_t v = 0;
    CHECK(root.get("neg").as_int64(v));
    CHECK(v == -7);
    CHECK(root.get("price").kind() == json::Kind::number);
}

TEST_CASE("Objects and arrays can be walked and skipped on the tape", "[json]") {
    json::Document doc;
    Diagnostics d;
    REQUIRE(parse(R"({"a": {"x": [1, [2, 3], {"y": 4}]}, "b": "text", "c": [], "d": {}})", doc, d));
    const auto root = doc.root();
    CHECK(root.size() == 4);
    CHECK(root.get("b").text() == "text");
    CHECK(root.get("c").is_array());
    CHECK(root.get("c").size() == 0);
    CHECK(root.get("d").is_object());
    const auto x = root.get("a").get("x");
    REQUIRE(x.size() == 3);
    CHECK(x.at(2).get("y").text() == "4");
    CHECK_FALSE(root.get("missing").present());
    CHECK_FALSE(root.get("b").get("nested").present());
}

TEST_CASE("Malformed JSON is an INVALID_JSON issue naming where it stopped", "[json][bad-input]") {
    json::Document doc;
    Diagnostics d;
    auto at = d.at("order");
    CHECK_FALSE(parse(R"({"lines": [{"id": 1}, {"id": ]})", doc, d));
    REQUIRE(d.errors().size() == 1);
    CHECK(d.errors()[0].code == Code::INVALID_JSON);
    CHECK(d.errors()[0].path == "order.lines[1].id");
}

TEST_CASE("Invalid UTF-8 in a string is INVALID_UTF8", "[json][bad-input]") {
    json::Document doc;
    Diagnostics d;
    CHECK_FALSE(parse("{\"title\": \"caf\xC3\x28\"}", doc, d));
    REQUIRE(d.errors().size() == 1);
    CHECK(d.errors()[0].code == Code::INVALID_UTF8);
    CHECK(d.errors()[0].path == "title");
}

TEST_CASE("Nesting deeper than the limit is refused without recursion", "[json][bad-input]") {
    json::Document doc;
    Diagnostics d;
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK_FALSE(parse(deep, doc, d));
    REQUIRE(d.errors().size() == 1);
    CHECK(d.errors()[0].code == Code::NESTING_TOO_DEEP);
}

TEST_CASE("Inputs over the size limit are refused before parsing", "[json][bad-input]") {
    json::Document doc;
    Diagnostics d;
    json::Limits limits;
    limits.max_bytes = 10;
    CHECK_FALSE(parse(R"({"a": "0123456789"})", doc, d, limits));
    REQUIRE(d.errors().size() == 1);
    CHECK(d.errors()[0].code == Code::INPUT_TOO_LARGE);
}

TEST_CASE("The writer escapes strings and separates members", "[json]") {
    std::string out;
    json::Writer w(out);
    w.object().field("a", "q\"\\\n\x01").key("list").array().integer(1).amount(-5, 2).null().end_array().end_object();
    CHECK(out == R"({"a":"q\"\\\n\u0001","list":[1,"-0.05",null]})");
}

TEST_CASE("A parse error quoting invalid UTF-8 bytes still gives a valid UTF-8 message", "[json][bad-input][regression]") {
    // Found by fuzzing: nlohmann's message quotes the last bytes read, raw.
    json::Document doc;
    Diagnostics d;
    CHECK_FALSE(parse("{\"currency\":\xe9}", doc, d));
    REQUIRE(d.errors().size() == 1);
    for (const char c : d.errors()[0].message) CHECK(static_cast<unsigned char>(c) < 0x80);
}

TEST_CASE("A large document is measured first, so its tape and pool are allocated once", "[json]") {
    // Strings with escaped quotes, backslashes and structural characters; numbers of every form; literals.
    std::string text = "{\"items\":[";
    for (int i = 0; i < 4000; ++i) {
        if (i) text += ',';
        text += R"({"id":)" + std::to_string(i) + R"(,"t":"a \"quoted\" {x:[1,2]} \\ back\\\\slash","u":"https://e.x/a:b,c",)"
                R"("n":-12.5e-3,"z":0,"e":1E+2,"b":true,"f":false,"x":null,"a":[],"o":{},"k":[1,"2",[3]]})";
    }
    text += "],\"tail\":\"\\u00e9\"}";
    REQUIRE(text.size() > (256u << 10));
    json::Document doc;
    Diagnostics d;
    REQUIRE(parse(text, doc, d));
    CHECK(doc.node_capacity() == doc.node_count() + 1);
    CHECK(doc.pool_size() <= doc.pool_capacity());
    CHECK(doc.pool_capacity() <= text.size());
    const auto items = doc.root().get("items");
    REQUIRE(items.size() == 4000);
    CHECK(items.at(3999).get("t").text() == "a \"quoted\" {x:[1,2]} \\ back\\\\slash");
    CHECK(items.at(7).get("e").text() == "1E+2");
    CHECK(doc.root().get("tail").text() == "\xc3\xa9");
}

TEST_CASE("decimal_overflows_double agrees with strtod at and around the edge of the double range", "[json][property]") {
    // The package's wasm answers nlohmann's strtod with this predicate (wasm/libc_slim.cpp); libc decides here.
    const auto libc_says = [](const std::string& s) { return std::isinf(std::strtod(s.c_str(), nullptr)); };
    const std::vector<std::string> edges = {
        "0", "-0", "0.0", "1", "1e308", "1.7976931348623157e308", "1.7976931348623158e308", "-1.7976931348623158e308",
        "1.797693134862315807937289714053034150799341327100378269361737789804449682927647509466490179775872070963302864166928879"
        "1094655554785194040263065748867150582068190890200070838367627385484581771153176447573027006985557136695962284291481986"
        "0834936475292719074168444365510704342711559699508093042880177904174497792",
        "1.797693134862315807937289714053034150799341327100378269361737789804449682927647509466490179775872070963302864166928879"
        "1094655554785194040263065748867150582068190890200070838367627385484581771153176447573027006985557136695962284291481986"
        "0834936475292719074168444365510704342711559699508093042880177904174497791999999e308",
        "1.79769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792e308",
        "1.7976931348623158079372897140530341507993413271003782693617377898044496829276475094664901797758720709633028641669288791094655554785194040263065748867150582068190890200070838367627385484581771153176447573027006985557136695962284291481986083493647529271907416844436551070434271155969950809304288017790417449779200000e308",
        "1.79769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792000001e308",
        "1e309", "-1e309", "1e400", "10e308", "0.1e310", "0.1e309", "0.00000001e316", "0.00000001e317", "1e-400", "1e99999999999999999999",
        "1e-99999999999999999999", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791",
        "89.99", "3.3000000000000003", "1E+308", "2E+308", "1.8e308", "1.79e308"};
    for (const auto& s : edges) {
        INFO(s);
        CHECK(json::decimal_overflows_double(s) == libc_says(s));
    }
    std::mt19937_64 rng(20261130);
    for (int i = 0; i < 20000; ++i) {
        std::string s = (rng() % 2) ? "-" : "";
        const int int_digits = static_cast<int>(rng() % 6);
        s += int_digits == 0 ? "0" : std::to_string(1 + rng() % 9);
        for (int k = 1; k < int_digits; ++k) s += static_cast<char>('0' + rng() % 10);
        if (rng() % 2) {
            s += '.';
            for (int k = 0, n = 1 + static_cast<int>(rng() % 20); k < n; ++k) s += static_cast<char>('0' + rng() % 10);
        }
        s += (rng() % 2) ? "e" : "E";
        s += std::to_string(300 + static_cast<int>(rng() % 20) - (rng() % 4 == 0 ? 700 : 0));
        INFO(s);
        REQUIRE(json::decimal_overflows_double(s) == libc_says(s));
    }
}
