#include "diag/diagnostics.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

TEST_CASE("Message parts join text, integers of every width, amounts and UTF-8-safe excerpts", "[diag]") {
    const std::string owned = "line 7";
    const std::string_view view = "view";
    CHECK(op::join({"a", owned, view, "!"}) == "aline 7view!");
    CHECK(op::join({std::int64_t{-42}, " ", std::uint32_t{7}, " ", std::size_t{0}}) == "-42 7 0");
    CHECK(op::join({std::numeric_limits<std::int64_t>::min()}) == "-9223372036854775808");
    CHECK(op::join({std::numeric_limits<std::uint64_t>::max()}) == "18446744073709551615");
    CHECK(op::join({op::Part::amount(-5, 2), " ", op::Part::amount(120000, 4), " ", op::Part::amount(7, 0)}) ==
          "-0.05 12.0000 7");
    CHECK(op::join({op::Part::amount(std::numeric_limits<std::int64_t>::min(), 2)}) == "-92233720368547758.08");
    // "é" is two bytes: a cut inside it steps back before it.
    CHECK(op::join({op::Part::excerpt("abé", 3)}) == "ab");
    CHECK(op::join({op::Part::excerpt("abé", 4), "|", op::Part::excerpt("abc", 10)}) == "abé|abc");
    CHECK(op::excerpt("abé", 3) == "ab");

    op::Diagnostics d;
    d.error_at("quantity", op::Code::INVALID_QUANTITY, {"Only ", 3, " unit(s) of ", owned, "."});
    REQUIRE(d.errors().size() == 1);
    CHECK(d.errors()[0].message == "Only 3 unit(s) of line 7.");
    CHECK(d.errors()[0].path == "quantity");
}
