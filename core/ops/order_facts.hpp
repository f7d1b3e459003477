// Facts about the whole order that edits need, computed once per order: a session keeps them for its life,
// so a keystroke preview costs what its edits touch (issue 16); a one-shot call computes them per call.
#pragma once

#include <cstdint>
#include <vector>

#include "../json/document.hpp"
#include "../money/money.hpp"
#include "../order/order.hpp"

namespace op {

struct OrderFacts {
    // Each order line's input object, by the line's index in Order::lines (absent when the input has none).
    std::vector<json::Value> line_sources;
    // Where each order line's input object sits in the input's lines array (kNoPosition: nowhere).
    static constexpr std::uint32_t kNoPosition = UINT32_MAX;
    std::vector<std::uint32_t> line_positions;
    // Sums over the order's lines: an edit's totals are these plus what its edits change.
    std::int64_t lines_excl_tax = 0;
    std::int64_t lines_tax = 0;
    std::int64_t lines_incl_tax = 0;
    std::int64_t discounts = 0;
    i128 magnitude = 0;  // sum of incl + excl + discount over the lines, for the money-range check
    bool any_line_tax = false;
    // Units of lines that need shipping: current, in fulfilment (fulfillable but not editable), fulfilled.
    std::int64_t physical_units = 0;
    std::int64_t in_fulfilment_units = 0;
    std::int64_t fulfilled_units = 0;
};

// `lines` is the order's input array of lines (the reading platform's lines_key), or absent.
OrderFacts compute_order_facts(const Order& order, json::Value lines);

}  // namespace op
