#include <catch2/catch.hpp>

#include <random>

#include "money/money.hpp"
#include "money/rate.hpp"

using namespace op;

TEST_CASE("Amounts parse from decimal text into exact minor units", "[money]") {
    std::int64_t v = 0;
    CHECK(parse_amount("59.99", 2, v) == AmountError::none);
    CHECK(v == 5999);
    CHECK(parse_amount("-3", 2, v) == AmountError::none);
    CHECK(v == -300);
    CHECK(parse_amount("0.10", 2, v) == AmountError::none);
    CHECK(v == 10);
    CHECK(parse_amount("1.500", 2, v) == AmountError::none);
    CHECK(v == 150);
    CHECK(parse_amount("1200", 0, v) == AmountError::none);
    CHECK(v == 1200);
    CHECK(parse_amount("0.500", 3, v) == AmountError::none);
    CHECK(v == 500);
    CHECK(parse_amount("12.3456", 4, v) == AmountError::none);
    CHECK(v == 123456);
}

TEST_CASE("Malformed amounts are refused with the right reason", "[money]") {
    std::int64_t v = 0;
    CHECK(parse_amount("1.999", 2, v) == AmountError::too_many_digits);
    CHECK(parse_amount("1.5", 0, v) == AmountError::too_many_digits);
    for (const char* bad : {"", " 1.00", "1.00 ", "1e5", "1E5", "NaN", "Infinity", "+1", "--1", "1.", ".5", "1,00", "0x10", "1.2.3", "-"})
        CHECK(parse_amount(bad, 2, v) == AmountError::invalid);
    CHECK(parse_amount("10000000000000.00", 2, v) == AmountError::none);
    CHECK(v == kMaxMinorUnits);
    CHECK(parse_amount("10000000000000.01", 2, v) == AmountError::out_of_range);
    CHECK(parse_amount("-10000000000000.01", 2, v) == AmountError::out_of_range);
    CHECK(parse_amount("99999999999999999999999999999", 2, v) == AmountError::out_of_range);
}

TEST_CASE("Amounts format with exactly the currency's digits", "[money]") {
    CHECK(format_amount(399, 2) == "3.99");
    CHECK(format_amount(1200, 0) == "1200");
    CHECK(format_amount(500, 3) == "0.500");
    CHECK(format_amount(-5, 2) == "-0.05");
    CHECK(format_amount(0, 2) == "0.00");
    CHECK(format_amount(0, 0) == "0");
    CHECK(format_amount(7, 4) == "0.0007");
    CHECK(format_amount(INT64_MIN, 2) == "-92233720368547758.08");
}

TEST_CASE("Text to money to text round-trips for exponents 0 to 4", "[money][property]") {
    std::mt19937_64 rng(20261122);
    for (int e = 0; e <= 4; ++e) {
        for (int i = 0; i < 10000; ++i) {
            const auto minor = static_cast<std::int64_t>(rng() % (2 * kMaxMinorUnits + 1)) - kMaxMinorUnits;
            const std::string text = format_amount(minor, e);
            std::int64_t back = 0;
            REQUIRE(parse_amount(text, e, back) == AmountError::none);
            REQUIRE(back == minor);
            REQUIRE(format_amount(back, e) == text);
        }
    }
}

TEST_CASE("Half-up and half-even differ only on exact halves", "[money][property]") {
    std::mt19937_64 rng(7);
    for (int i = 0; i < 20000; ++i) {
        const i128 den = static_cast<i128>(rng() % 1000 + 1);
        const i128 num = static_cast<i128>(rng() % 2000001) - 1000000;
        const i128 up = div_round(num, den, Rounding::half_up);
        const i128 even = div_round(num, den, Rounding::half_even);
        const bool exact_half = (num % den != 0) && ((num < 0 ? -num : num) % den) * 2 == den;
        if (exact_half) {
            REQUIRE((up - even == 1 || up - even == -1 || up == even));
            REQUIRE(even % 2 == 0);
        } else {
            REQUIRE(up == even);
        }
    }
    CHECK(div_round(5, 2, Rounding::half_up) == 3);
    CHECK(div_round(5, 2, Rounding::half_even) == 2);
    CHECK(div_round(-5, 2, Rounding::half_up) == -3);
    CHECK(div_round(-5, 2, Rounding::half_even) == -2);
    CHECK(div_round(7, 2, Rounding::half_even) == 4);
}

TEST_CASE("Cumulative proration: any partition of a line's units sums exactly to its total", "[money][property]") {
    std::mt19937_64 rng(42);
    for (int i = 0; i < 10000; ++i) {
        const std::int64_t basis = static_cast<std::int64_t>(rng() % 50) + 1;
        const std::int64_t total = static_cast<std::int64_t>(rng() % 10'000'000);
        const Proration mode = (i % 2) ? Proration::floor : Proration::half_up;
        std::int64_t done = 0, sum = 0;
        while (done < basis) {
            const std::int64_t take = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(basis - done)) + 1;
            const std::int64_t part = prorate_units(total, basis, done, take, mode);
            REQUIRE(part >= 0);
            sum += part;
            done += take;
        }
        REQUIRE(sum == total);
    }
}

TEST_CASE("Proration modes: floor leaves the pennies to the last unit", "[money]") {
    // SPEC 2: 1224.97 over 5 units, refund 2 -> 489.98 under floor, 489.99 under half_up.
    CHECK(prorate_units(122497, 5, 0, 2, Proration::floor) == 48998);
    CHECK(prorate_units(122497, 5, 0, 2, Proration::half_up) == 48999);
    CHECK(prorate_units(17997, 3, 0, 1, Proration::half_up) == 5999);
    CHECK(prorate_cumulative(100, 3, 3, Proration::half_up) == 100);
}

TEST_CASE("Allocation parts always sum to the whole, largest remainder with ties by input order", "[money][property]") {
    std::mt19937_64 rng(99);
    for (int i = 0; i < 10000; ++i) {
        const std::size_t n = rng() % 8 + 1;
        std::vector<std::int64_t> w(n);
        for (auto& x : w) x = static_cast<std::int64_t>(rng() % 100000);
        const std::int64_t amount = static_cast<std::int64_t>(rng() % 2000001) - 1000000;
        const auto parts = allocate(amount, w);
        std::int64_t sum = 0;
        for (auto p : parts) sum += p;
        REQUIRE(sum == amount);
    }
    CHECK(allocate(100, {1, 1, 1}) == std::vector<std::int64_t>{34, 33, 33});
    CHECK(allocate(-100, {1, 1, 1}) == std::vector<std::int64_t>{-34, -33, -33});
    CHECK(allocate(10, {0, 0}) == std::vector<std::int64_t>{5, 5});
    CHECK(allocate(1, {1, 1}) == std::vector<std::int64_t>{1, 0});
}

TEST_CASE("Rates are exact decimals and tax-inclusive splits always sum to the gross", "[money][rate]") {
    Rate r;
    REQUIRE(parse_rate("0.0825", r));
    CHECK(r.units == 825);
    CHECK(r.scale == 4);
    REQUIRE(parse_rate("0.10", r));
    CHECK(format_rate(r) == "0.1");
    CHECK_FALSE(parse_rate("1e-1", r));
    CHECK_FALSE(parse_rate("-0.1", r));
    CHECK_FALSE(parse_rate("11", r));
    REQUIRE(parse_rate("0.2", r));
    // SPEC 2: GBP 9.99 at 20 % must never become 8.33 + 1.67.
    const auto tax_first = split_inclusive(999, r, InclusiveSplit::tax_first, Rounding::half_up);
    CHECK(tax_first.tax == 167);
    CHECK(tax_first.net == 832);
    const auto net_first = split_inclusive(999, r, InclusiveSplit::net_first, Rounding::half_up);
    CHECK(net_first.net == 833);
    CHECK(net_first.tax == 166);
    REQUIRE(parse_rate("0.19", r));
    // SPEC 2: 1.08 x 3 at 19 %: per line 3.24 -> 0.6156 -> 0.62; per unit 0.2052 -> 0.21 x 3 = 0.63.
    CHECK(tax_on_net(324, r, Rounding::half_up) == 62);
    CHECK(tax_on_net(108, r, Rounding::half_up) * 3 == 63);
}
