// Appends compact JSON to one string. Commas are handled by the writer so call sites read like the
// shape they produce: w.object(); w.key("ok"); w.boolean(true); w.end_object();
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "document.hpp"

namespace op::json {

class Writer {
public:
    explicit Writer(std::string& out) : out_(out) {}

    Writer& object();
    Writer& end_object();
    Writer& array();
    Writer& end_array();
    Writer& key(std::string_view k);

    Writer& string(std::string_view s);
    Writer& raw_number(std::string_view digits);  // already-valid JSON number text
    Writer& integer(std::int64_t v);
    Writer& boolean(bool v);
    Writer& null();
    Writer& amount(std::int64_t minor, int exponent);  // money is always a string with the currency's digits
    Writer& copy(Value v);  // re-emits a parsed value as it came in (ids, echoed request parts)

    // Shorthands for a member.
    Writer& field(std::string_view k, std::string_view s) { return key(k).string(s); }
    Writer& field(std::string_view k, const char* s) { return key(k).string(s); }
    Writer& field(std::string_view k, std::int64_t v) { return key(k).integer(v); }
    Writer& field(std::string_view k, int v) { return key(k).integer(v); }
    Writer& field(std::string_view k, bool v) { return key(k).boolean(v); }
    Writer& amount_field(std::string_view k, std::int64_t minor, int exponent) { return key(k).amount(minor, exponent); }

    std::string& out() { return out_; }

private:
    void separate();
    std::string& out_;
    std::vector<bool> first_;  // one entry per open container: no member written yet
    bool after_key_ = false;
};

void append_escaped(std::string& out, std::string_view s);

}  // namespace op::json
