#include "fields.hpp"

namespace op {
namespace {

std::string wrong_type(std::string_view key, std::string_view expected, json::Value v) {
    if (key.empty()) return join({"The value must be ", expected, ", not ", v.type_name(), "."});
    return join({"'", key, "' must be ", expected, ", not ", v.type_name(), "."});
}

void report(Diagnostics& d, std::string_view key, Code code, std::string message) {
    if (key.empty())
        d.error(code, std::move(message));
    else
        d.error_at(key, code, std::move(message));
}

void report(Diagnostics& d, std::string_view key, Code code, Message message) { report(d, key, code, join(message)); }

}  // namespace

Read read_amount_value(json::Value v, int exponent, Diagnostics& d, std::int64_t& out, std::string_view key) {
    if (!v || v.is_null()) return Read::absent;
    if (!v.is_string() && !v.is_number()) {
        report(d, key, Code::WRONG_TYPE, wrong_type(key, "a decimal string or number", v));
        return Read::bad;
    }
    const std::string_view text = v.text();
    switch (parse_amount(text, exponent, out)) {
        case AmountError::none: return Read::ok;
        case AmountError::out_of_range:
            report(d, key, Code::AMOUNT_OUT_OF_RANGE,
                   {"The amount '", Part::excerpt(text, 40), "' is beyond 10^15 minor units."});
            return Read::bad;
        case AmountError::too_many_digits:
            report(d, key, Code::INVALID_AMOUNT,
                   {"The amount '", Part::excerpt(text, 40), "' has more than ", exponent,
                    " decimal digits for this currency."});
            return Read::bad;
        case AmountError::invalid: break;
    }
    report(d, key, Code::INVALID_AMOUNT,
           {"The amount '", Part::excerpt(text, 40),
            "' is not a plain decimal (digits, an optional leading '-' and '.', no exponent or spaces)."});
    return Read::bad;
}

Read read_amount(json::Value parent, std::string_view key, int exponent, Diagnostics& d, std::int64_t& out) {
    return read_amount_value(parent.get(key), exponent, d, out, key);
}

Read read_count(json::Value parent, std::string_view key, Diagnostics& d, std::int64_t& out) {
    const json::Value v = parent.get(key);
    if (!v || v.is_null()) return Read::absent;
    if (v.kind() == json::Kind::number) {
        d.error_at(key, Code::INVALID_QUANTITY,
                   {"'", key, "' must be a whole number, not ", Part::excerpt(v.text(), 40), "."});
        return Read::bad;
    }
    if (!v.is_integer()) {
        d.error_at(key, Code::WRONG_TYPE, wrong_type(key, "a whole number", v));
        return Read::bad;
    }
    if (!v.as_int64(out) || out < 0 || out > 1'000'000'000) {
        d.error_at(key, Code::INVALID_QUANTITY, {"'", key, "' must be between 0 and 1000000000, not ", v.text(), "."});
        return Read::bad;
    }
    return Read::ok;
}

Read read_id(json::Value parent, std::string_view key, Diagnostics& d, Id& out) {
    const json::Value v = parent.get(key);
    if (!v || v.is_null()) return Read::absent;
    if (v.is_string()) {
        if (v.text().empty() || v.text().size() > 256) {
            d.error_at(key, Code::INVALID_ID, {"'", key, "' must be a non-empty string of at most 256 characters."});
            return Read::bad;
        }
        out.is_string = true;
        out.text = std::string(v.text());
        return Read::ok;
    }
    if (v.is_integer()) {
        out.is_string = false;
        out.text = std::string(v.text());
        return Read::ok;
    }
    d.error_at(key, Code::INVALID_ID, wrong_type(key, "a string or an integer id", v));
    return Read::bad;
}

Read read_text(json::Value parent, std::string_view key, Diagnostics& d, std::string& out, std::size_t max_len) {
    const json::Value v = parent.get(key);
    if (!v || v.is_null()) return Read::absent;
    if (!v.is_string()) {
        d.error_at(key, Code::WRONG_TYPE, wrong_type(key, "a string", v));
        return Read::bad;
    }
    if (v.text().size() > max_len) {
        d.error_at(key, Code::LIMIT_EXCEEDED, {"'", key, "' is longer than ", max_len, " bytes."});
        return Read::bad;
    }
    out = std::string(v.text());
    return Read::ok;
}

Read read_bool(json::Value parent, std::string_view key, Diagnostics& d, bool& out) {
    const json::Value v = parent.get(key);
    if (!v || v.is_null()) return Read::absent;
    if (!v.is_bool()) {
        d.error_at(key, Code::WRONG_TYPE, wrong_type(key, "true or false", v));
        return Read::bad;
    }
    out = v.boolean();
    return Read::ok;
}

Read read_rate(json::Value parent, std::string_view key, Diagnostics& d, Rate& out) {
    const json::Value v = parent.get(key);
    if (!v || v.is_null()) return Read::absent;
    if (!v.is_string() && !v.is_number()) {
        d.error_at(key, Code::WRONG_TYPE, wrong_type(key, "a decimal rate such as \"0.0825\"", v));
        return Read::bad;
    }
    if (!parse_rate(v.text(), out)) {
        d.error_at(key, Code::INVALID_RATE,
                   {"The rate '", Part::excerpt(v.text(), 40),
                    "' must be a plain decimal between 0 and 10 with at most 9 decimals."});
        return Read::bad;
    }
    return Read::ok;
}

bool require(Read r, std::string_view key, Diagnostics& d) {
    if (r == Read::absent) d.error_at(key, Code::MISSING_FIELD, {"'", key, "' is required."});
    return r == Read::ok;
}

bool read_array(json::Value parent, std::string_view key, Diagnostics& d, json::Value& out) {
    out = parent.get(key);
    if (!out || out.is_null()) {
        out = json::Value();
        return true;
    }
    if (!out.is_array()) {
        d.error_at(key, Code::WRONG_TYPE, wrong_type(key, "an array", out));
        out = json::Value();
        return false;
    }
    return true;
}

bool expect_object(json::Value v, Diagnostics& d) {
    if (v.is_object()) return true;
    d.error(Code::WRONG_TYPE, wrong_type({}, "an object", v));
    return false;
}

}  // namespace op
