// Reading Shopware's numbers exactly: decimal text, never a binary fraction.
#include <cstdlib>

#include "../../order/fields.hpp"
#include "platform.hpp"

namespace op::shopware {
namespace {

constexpr std::size_t kSignificant = 14;  // PHP's `precision`, what FloatComparator::cast keeps

// value = (negative ? -1 : 1) * digits * 10^exp10; digits without leading zeros ("" for zero).
struct Decimal {
    bool negative = false;
    std::string digits;
    long exp10 = 0;
};

bool parse_decimal(std::string_view t, Decimal& out) {
    std::size_t i = 0;
    if (i < t.size() && t[i] == '-') {
        out.negative = true;
        ++i;
    }
    const std::size_t int_start = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') out.digits += t[i++];
    if (i == int_start) return false;
    if (i < t.size() && t[i] == '.') {
        ++i;
        const std::size_t frac_start = i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
            out.digits += t[i++];
            --out.exp10;
        }
        if (i == frac_start) return false;
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {  // json_encode prints tiny values as 1.0e-5
        ++i;
        bool neg = false;
        if (i < t.size() && (t[i] == '-' || t[i] == '+')) neg = t[i++] == '-';
        const std::size_t exp_start = i;
        long e = 0;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9' && e < 10000) e = e * 10 + (t[i++] - '0');
        if (i == exp_start || e >= 10000) return false;
        out.exp10 += neg ? -e : e;
    }
    if (i != t.size()) return false;
    std::size_t lead = 0;
    while (lead < out.digits.size() && out.digits[lead] == '0') ++lead;
    out.digits.erase(0, lead);
    return true;
}

// Drops digits beyond `keep` significant ones, rounding half away from zero.
void round_significant(Decimal& d, std::size_t keep) {
    if (d.digits.size() <= keep) return;
    const long dropped = static_cast<long>(d.digits.size() - keep);
    const bool up = d.digits[keep] >= '5';
    d.digits.resize(keep);
    d.exp10 += dropped;
    if (!up) return;
    int k = static_cast<int>(keep) - 1;
    while (k >= 0 && d.digits[k] == '9') d.digits[k--] = '0';
    if (k < 0)
        d.digits.insert(d.digits.begin(), '1');
    else
        ++d.digits[k];
}

void strip_trailing_zeros(Decimal& d) {
    while (!d.digits.empty() && d.digits.back() == '0') {
        d.digits.pop_back();
        ++d.exp10;
    }
}

// digits * 10^(exp10 + scale), rounded half away from zero; false when out of range.
bool to_scaled(Decimal d, int scale, bool round, std::int64_t& out, bool& exact) {
    strip_trailing_zeros(d);
    exact = true;
    if (d.digits.empty()) {
        out = 0;
        return true;
    }
    long shift = d.exp10 + scale;
    if (shift < 0) {
        exact = false;
        if (!round) return true;
        const long drop = -shift;
        if (drop > static_cast<long>(d.digits.size())) {
            out = 0;
            return true;
        }
        const std::size_t keep = d.digits.size() - static_cast<std::size_t>(drop);
        const bool up = d.digits[keep] >= '5';
        d.digits.resize(keep);
        if (d.digits.empty()) d.digits = "0";
        shift = 0;
        if (d.digits.size() > 18) return false;
        std::int64_t v = std::strtoll(d.digits.c_str(), nullptr, 10) + (up ? 1 : 0);
        out = d.negative ? -v : v;
        return true;
    }
    if (d.digits.size() + static_cast<std::size_t>(shift) > 18) return false;
    std::int64_t v = std::strtoll(d.digits.c_str(), nullptr, 10);
    for (long k = 0; k < shift; ++k) v *= 10;
    out = d.negative ? -v : v;
    return true;
}

Read read_decimal(json::Value parent, std::string_view key, Diagnostics& d, Decimal& out) {
    const json::Value v = parent.get(key);
    if (!v || v.is_null()) return Read::absent;
    if (!v.is_number() && !v.is_string()) {
        d.error_at(key, Code::WRONG_TYPE, {"'", key, "' must be a number, not ", v.type_name(), "."});
        return Read::bad;
    }
    if (!parse_decimal(v.text(), out)) {
        d.error_at(key, Code::INVALID_AMOUNT,
                   {"'", key, "' is not a decimal number: '", Part::excerpt(v.text(), 40), "'."});
        return Read::bad;
    }
    return Read::ok;
}

}  // namespace

Read read_amount(json::Value parent, std::string_view key, int exponent, Diagnostics& d, std::int64_t& out) {
    Decimal dec;
    const Read r = read_decimal(parent, key, d, dec);
    if (r != Read::ok) return r;
    round_significant(dec, kSignificant);
    bool exact = true;
    if (!to_scaled(dec, exponent, false, out, exact) || out > kMaxMinorUnits || out < -kMaxMinorUnits) {
        d.error_at(key, Code::AMOUNT_OUT_OF_RANGE, {"'", key, "' is beyond 10^15 minor units."});
        return Read::bad;
    }
    if (!exact) {
        d.error_at(key, Code::INVALID_AMOUNT,
                   {"'", key, "' (", Part::excerpt(parent.get(key).text(), 40), ") has more than ", exponent,
                    " decimal digits, the order's itemRounding.decimals."});
        return Read::bad;
    }
    return Read::ok;
}

Read read_scaled(json::Value parent, std::string_view key, int scale, Diagnostics& d, std::int64_t& out) {
    Decimal dec;
    const Read r = read_decimal(parent, key, d, dec);
    if (r != Read::ok) return r;
    round_significant(dec, kSignificant);
    bool exact = true;
    if (!to_scaled(dec, scale, true, out, exact) || out > kMaxMinorUnits * 1000 || out < -kMaxMinorUnits * 1000) {
        d.error_at(key, Code::AMOUNT_OUT_OF_RANGE, {"'", key, "' is out of range."});
        return Read::bad;
    }
    return Read::ok;
}

Read read_percent_rate(json::Value parent, std::string_view key, Diagnostics& d, Rate& out) {
    std::int64_t v = 0;
    const Read r = read_scaled(parent, key, kMaxRateScale - 2, d, v);
    if (r != Read::ok) return r;
    if (v < 0 || v > 1000 * pow10(kMaxRateScale - 2)) {
        d.error_at(key, Code::INVALID_VALUE, "A tax rate must be between 0 and 1000 percent.");
        return Read::bad;
    }
    out = Rate{v, kMaxRateScale};
    while (out.scale > 0 && out.units % 10 == 0) {
        out.units /= 10;
        --out.scale;
    }
    return Read::ok;
}

std::string share_percent_text(std::int64_t share) {
    std::string pct = format_amount(share, kShareScale - 2);
    if (pct.find('.') != std::string::npos) {
        while (pct.back() == '0') pct.pop_back();
        if (pct.back() == '.') pct.pop_back();
    }
    return pct;
}

std::string percent_text(Rate rate) {
    // {19, 2} -> "19"; {77, 3} -> "7.7"
    const int scale = rate.scale >= 2 ? rate.scale - 2 : 0;
    std::int64_t units = rate.scale >= 2 ? rate.units : rate.units * pow10(2 - rate.scale);
    std::string s = format_amount(units, scale);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s;
}

void write_number(json::Writer& w, std::int64_t minor, int exponent) {
    std::string s = format_amount(minor, exponent);
    w.raw_number(s);
}

json::Value unwrap(json::Value root, bool& wrapped, bool& listed) {
    wrapped = listed = false;
    if (!root.is_object()) return root;
    const json::Value data = root.get("data");
    if (data.is_object()) {
        wrapped = true;
        return data;
    }
    if (data.is_array() && data.size() >= 1) {
        wrapped = listed = true;
        return data.at(0);
    }
    return root;
}

Read read_state(json::Value entity, std::string_view association, Diagnostics& d, std::string& out) {
    const json::Value s = entity.get(association);
    if (!s || s.is_null()) return Read::absent;
    auto at = d.at(association);
    if (!expect_object(s, d)) return Read::bad;
    return read_text(s, "technicalName", d, out, 64);
}

void write_calculated_taxes(json::Writer& w, const std::vector<TaxPart>& taxes, int e) {
    w.key("calculatedTaxes").object();
    for (const auto& t : taxes) {
        w.key(percent_text(t.rate)).object();
        w.key("tax");
        write_number(w, t.tax, e);
        w.key("taxRate").raw_number(percent_text(t.rate));
        w.key("price");
        write_number(w, t.base, e);
        w.end_object();
    }
    w.end_object();
}

void write_calculated_price(json::Writer& w, std::int64_t unit, std::int64_t quantity, std::int64_t total,
                            const std::vector<TaxPart>& taxes, const std::vector<TaxShare>& rules, int e) {
    w.object();
    w.key("unitPrice");
    write_number(w, unit, e);
    w.field("quantity", quantity);
    w.key("totalPrice");
    write_number(w, total, e);
    write_calculated_taxes(w, taxes, e);
    w.key("taxRules").object();
    for (const auto& r : rules) {
        w.key(percent_text(r.rate)).object();
        w.key("taxRate").raw_number(percent_text(r.rate));
        w.key("percentage").raw_number(share_percent_text(r.share));
        w.end_object();
    }
    w.end_object();
    w.end_object();
}

}  // namespace op::shopware
