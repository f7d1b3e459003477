// Cash rounding (core/money/cash_rounding.hpp). The example cases are Shopware's own expectations, read from
// shopware/shopware tests/unit/Core/Checkout/Cart/Price/CashRoundingTest.php (providers german, hong_kong,
// denmark, italy, sweden); the inputs there are floats with three decimals, given here as thousandths.
#include <catch2/catch.hpp>

#include <random>

#include "money/cash_rounding.hpp"

using namespace op;

namespace {

// 19.445 -> 19445 thousandths -> minor units of 2 digits as the fraction 19445 / 10.
std::int64_t round_thousandths(std::int64_t thousandths, std::int64_t interval) {
    return cash_round(thousandths, 10, CashRounding{2, interval, true});
}

}  // namespace

TEST_CASE("Cash rounding at 0.01 is plain half-away-from-zero rounding (CashRoundingTest provider_german)", "[money][cash]") {
    CHECK(round_thousandths(19990, 1) == 1999);
    CHECK(round_thousandths(19991, 1) == 1999);
    CHECK(round_thousandths(19994, 1) == 1999);
    CHECK(round_thousandths(19995, 1) == 2000);
    CHECK(round_thousandths(19999, 1) == 2000);
}

TEST_CASE("Cash rounding at 0.10 rounds to the digits first (CashRoundingTest provider_hong_kong)", "[money][cash]") {
    CHECK(round_thousandths(19400, 10) == 1940);
    CHECK(round_thousandths(19410, 10) == 1940);
    CHECK(round_thousandths(19440, 10) == 1940);
    CHECK(round_thousandths(19444, 10) == 1940);
    CHECK(round_thousandths(19445, 10) == 1950);  // 19.445 -> 19.45 -> 19.50, the two-stage rule
    CHECK(round_thousandths(19450, 10) == 1950);
    CHECK(round_thousandths(19490, 10) == 1950);
}

TEST_CASE("Cash rounding at 0.50 (CashRoundingTest provider_denmark)", "[money][cash]") {
    const std::pair<std::int64_t, std::int64_t> cases[] = {
        {19010, 1900}, {19240, 1900}, {19244, 1900}, {19245, 1950}, {19250, 1950}, {19490, 1950}, {19500, 1950},
        {19510, 1950}, {19740, 1950}, {19744, 1950}, {19745, 2000}, {19750, 2000}, {19990, 2000}};
    for (const auto& [in, out] : cases) {
        INFO(in);
        CHECK(round_thousandths(in, 50) == out);
    }
}

TEST_CASE("Cash rounding at 0.05 (CashRoundingTest provider_italy)", "[money][cash]") {
    const std::pair<std::int64_t, std::int64_t> cases[] = {
        {19500, 1950}, {19510, 1950}, {19520, 1950}, {19524, 1950}, {19525, 1955}, {19530, 1955}, {19540, 1955},
        {19550, 1955}, {19560, 1955}, {19570, 1955}, {19574, 1955}, {19575, 1960}, {19580, 1960}, {19590, 1960}};
    for (const auto& [in, out] : cases) {
        INFO(in);
        CHECK(round_thousandths(in, 5) == out);
    }
}

TEST_CASE("Cash rounding at 1.00 (CashRoundingTest provider_sweden)", "[money][cash]") {
    const std::pair<std::int64_t, std::int64_t> cases[] = {
        {19000, 1900}, {19010, 1900}, {19490, 1900}, {19491, 1900}, {19495, 2000}, {19500, 2000}, {19990, 2000}};
    for (const auto& [in, out] : cases) {
        INFO(in);
        CHECK(round_thousandths(in, 100) == out);
    }
}

TEST_CASE("Negative amounts round away from zero and a tiny negative becomes zero", "[money][cash]") {
    CHECK(round_thousandths(-19445, 10) == -1950);
    CHECK(round_thousandths(-19444, 10) == -1940);
    // CashRoundingTest testNegativeZeroHandling: -0.001 rounds to 0 (integers have no negative zero).
    CHECK(round_thousandths(-1, 1) == 0);
}

TEST_CASE("Above two decimals the interval is ignored", "[money][cash]") {
    CHECK(cash_round(194455, 10, CashRounding{3, 100, true}) == 19446);
}

TEST_CASE("Cash rounding is idempotent and always lands on the interval", "[money][cash][property]") {
    std::mt19937_64 rng(20261130);
    const std::int64_t intervals[] = {1, 5, 10, 50, 100};
    for (int i = 0; i < 20000; ++i) {
        const std::int64_t interval = intervals[rng() % 5];
        const CashRounding c{2, interval, true};
        const std::int64_t num = static_cast<std::int64_t>(rng() % 2'000'000'000) - 1'000'000'000;
        const std::int64_t den = 1 + static_cast<std::int64_t>(rng() % 1000);
        const std::int64_t once = cash_round(num, den, c);
        INFO(num << "/" << den << " interval " << interval);
        CHECK(once % interval == 0);
        CHECK(cash_round(once, c) == once);
        // Never further from the exact value than half an interval plus the first stage's half unit.
        const i128 diff = static_cast<i128>(once) * den - num;
        const i128 bound = static_cast<i128>(den) * interval / 2 + den;
        CHECK((diff < 0 ? -diff : diff) <= bound);
    }
}
