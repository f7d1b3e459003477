// Typed reads of one JSON member with the error reported at its path. Each returns Read::ok, Read::absent
// (missing or null) or Read::bad (an issue was reported). Callers decide whether absent is an error.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "../diag/diagnostics.hpp"
#include "../json/document.hpp"
#include "../money/rate.hpp"
#include "order.hpp"

namespace op {

enum class Read : std::uint8_t { ok, absent, bad };

struct FieldLimits {
    std::size_t max_string = 4096;  // characters of any string the engine reads
};

Read read_amount(json::Value parent, std::string_view key, int exponent, Diagnostics& d, std::int64_t& out);
// Reads a value that is already the member (for arrays of amounts, or nested reads).
Read read_amount_value(json::Value v, int exponent, Diagnostics& d, std::int64_t& out, std::string_view key = {});
// A whole number >= 0 (quantities).
Read read_count(json::Value parent, std::string_view key, Diagnostics& d, std::int64_t& out);
Read read_id(json::Value parent, std::string_view key, Diagnostics& d, Id& out);
Read read_text(json::Value parent, std::string_view key, Diagnostics& d, std::string& out,
               std::size_t max_len = FieldLimits{}.max_string);
Read read_bool(json::Value parent, std::string_view key, Diagnostics& d, bool& out);
// A rate given as a decimal string or a JSON number ("0.0825", 0.1).
Read read_rate(json::Value parent, std::string_view key, Diagnostics& d, Rate& out);

// Reports MISSING_FIELD for `key` when `r` is absent; returns true when the value was read.
bool require(Read r, std::string_view key, Diagnostics& d);

// Array member: absent -> empty; not an array -> WRONG_TYPE and false.
bool read_array(json::Value parent, std::string_view key, Diagnostics& d, json::Value& out);
bool expect_object(json::Value v, Diagnostics& d);

// Calls f(item, index) for each element of `list` with the diagnostics path at that element; an element
// that is not an object is reported (WRONG_TYPE) and skipped.
template <class F>
void for_each_object(json::Value list, Diagnostics& d, F&& f) {
    std::size_t i = 0;
    for (auto it = list.begin(); it != list.end(); ++it, ++i) {
        auto at = d.at(i);
        const json::Value item = *it;
        if (expect_object(item, d)) f(item, i);
    }
}

}  // namespace op
