// Seeded generators for property tests, and a digest that lets the native and wasm runs of the same
// property prove they produced byte-identical envelopes (OP_DIGEST_DIR, compared by scripts/test.mjs).
#pragma once

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "money/money.hpp"

namespace test {

class Digest {
public:
    void add(const std::string& text) {
        for (unsigned char c : text) {
            h_ ^= c;
            h_ *= 0x100000001b3ULL;
        }
    }
    std::string hex() const {
        static constexpr char k[] = "0123456789abcdef";
        std::string s;
        for (int i = 15; i >= 0; --i) s += k[(h_ >> (4 * i)) & 15];
        return s;
    }
    // Writes the digest where scripts/test.mjs compares the native and the wasm run.
    void publish(const std::string& name) const {
        if (const char* dir = std::getenv("OP_DIGEST_DIR")) std::ofstream(std::string(dir) + "/" + name + ".digest") << hex() << "\n";
    }

private:
    std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

inline std::string money(std::int64_t minor, int exponent = 2) { return op::format_amount(minor, exponent); }

// A 29next order whose lines are all fulfilled (so every refund stays in place), with tax and several sales.
inline nlohmann::json random_order(std::mt19937_64& rng, int& line_count) {
    using nlohmann::json;
    json order = {{"currency", "USD"}, {"status", "open"}, {"refunds", json::array()}};
    json lines = json::array();
    std::int64_t total = 0;
    line_count = static_cast<int>(rng() % 4) + 1;
    for (int i = 0; i < line_count; ++i) {
        const std::int64_t qty = static_cast<std::int64_t>(rng() % 7) + 1;
        const std::int64_t excl = static_cast<std::int64_t>(rng() % 100000) + qty;
        const std::int64_t tax = static_cast<std::int64_t>(rng() % (excl / 4 + 1));
        lines.push_back({{"id", i + 1}, {"quantity", qty}, {"fulfillable_quantity", 0},
                         {"price_excl_tax", money(excl)}, {"price_incl_tax", money(excl + tax)}});
        total += excl + tax;
    }
    const std::int64_t shipping = static_cast<std::int64_t>(rng() % 1500);
    order["shipping_excl_tax"] = money(shipping);
    order["shipping_incl_tax"] = money(shipping);
    total += shipping;
    order["lines"] = lines;
    // Payments split over one to three sales that add up to the order total.
    json txs = json::array();
    const int parts = static_cast<int>(rng() % 3) + 1;
    std::int64_t left = total;
    for (int p = 0; p < parts; ++p) {
        const std::int64_t amount = p == parts - 1 ? left : static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(left + 1));
        left -= amount;
        txs.push_back({{"id", 100 + p}, {"type", "sale"}, {"status", "succeeded"}, {"amount", money(amount)}});
    }
    order["transactions"] = txs;
    return order;
}

}  // namespace test
