#include "options.hpp"

#include "../order/fields.hpp"
#include "../platforms/registry.hpp"

namespace op {
namespace {

template <typename E>
void read_knob(json::Value profile, std::string_view key, bool (*parse)(std::string_view, E&), std::string_view allowed,
               Diagnostics& d, std::optional<E>& out) {
    std::string text;
    if (read_text(profile, key, d, text, 64) != Read::ok) return;
    E value;
    if (!parse(text, value)) {
        d.error_at(key, Code::INVALID_OPTION, {"'", text, "' is not a ", key, "; use ", allowed, "."});
        return;
    }
    out = value;
}

void read_limit(json::Value limits, std::string_view key, std::size_t ceiling, Diagnostics& d, std::size_t& out) {
    std::int64_t v = 0;
    if (read_count(limits, key, d, v) != Read::ok) return;
    if (v < 1 || static_cast<std::size_t>(v) > ceiling) {
        d.error_at(key, Code::INVALID_OPTION, {key, " must be between 1 and ", ceiling, "."});
        return;
    }
    out = static_cast<std::size_t>(v);
}

void read_profile(json::Value profile, Diagnostics& d, ProfileOverrides& o) {
    auto at = d.at("profile");
    if (!expect_object(profile, d)) return;
    for (auto it = profile.begin(); it != profile.end(); ++it) {
        const std::string_view k = it.key();
        if (k != "rounding" && k != "proration" && k != "tax_granularity" && k != "inclusive_split" &&
            k != "refund_allocation" && k != "currency_exponents" && k != "default_tax_rate" &&
            k != "tax_calculation")
            d.error_at(k, Code::INVALID_OPTION, {"'", k, "' is not a profile knob."});
    }
    read_knob(profile, "rounding", parse_rounding, "half_up or half_even", d, o.rounding);
    read_knob(profile, "proration", parse_proration, "half_up or floor", d, o.proration);
    read_knob(profile, "tax_granularity", parse_tax_granularity, "line or unit", d, o.tax_granularity);
    read_knob(profile, "inclusive_split", parse_inclusive_split, "tax_first or net_first", d, o.inclusive_split);
    read_knob(profile, "refund_allocation", parse_refund_allocation, "oldest_first, newest_first or largest_first", d,
              o.refund_allocation);
    std::string summation;
    if (read_text(profile, "tax_calculation", d, summation, 32) == Read::ok) {
        if (summation == "horizontal" || summation == "vertical")
            o.vertical_tax = summation == "vertical";
        else
            d.error_at("tax_calculation", Code::INVALID_OPTION,
                       {"'", summation, "' is not a tax_calculation; use horizontal or vertical."});
    }
    Rate default_rate;
    if (read_rate(profile, "default_tax_rate", d, default_rate) == Read::ok) o.default_tax_rate = default_rate;
    const json::Value exps = profile.get("currency_exponents");
    if (!exps || exps.is_null()) return;
    auto at_e = d.at("currency_exponents");
    if (!expect_object(exps, d)) return;
    for (auto it = exps.begin(); it != exps.end(); ++it) {
        std::int64_t e = -1;
        const json::Value v = *it;
        if (!v.as_int64(e) || e < 0 || e > 4 || it.key().size() > 16 || it.key().empty()) {
            d.error_at(it.key(), Code::INVALID_OPTION, "A currency exponent must be a whole number from 0 to 4.");
            continue;
        }
        o.currency_exponents.emplace_back(std::string(it.key()), static_cast<int>(e));
    }
}

}  // namespace

Profile CallOptions::profile_for(const Platform& platform) const {
    Profile p = platform.reading->default_profile();
    if (overrides.rounding) p.rounding = *overrides.rounding;
    if (overrides.proration) p.proration = *overrides.proration;
    if (overrides.tax_granularity) p.tax_granularity = *overrides.tax_granularity;
    if (overrides.inclusive_split) p.inclusive_split = *overrides.inclusive_split;
    if (overrides.refund_allocation) p.refund_allocation = *overrides.refund_allocation;
    p.currency_exponents = overrides.currency_exponents;
    p.default_tax_rate = overrides.default_tax_rate;
    if (overrides.vertical_tax) p.vertical_tax = overrides.vertical_tax;
    return p;
}

void read_options(json::Value v, Diagnostics& d, CallOptions& out) {
    if (!v || v.is_null()) return;
    auto at = d.at("options");
    if (!expect_object(v, d)) return;
    out.raw = v;
    std::string dialect;
    if (read_text(v, "dialect", d, dialect, 32) == Read::ok) {
        const Platform* p = find_platform(dialect);
        if (p && p->reading)
            out.platform = p;
        else
            d.error_at("dialect", Code::INVALID_OPTION,
                       {"'", dialect, "' is not a dialect; use ", platform_names(reads_orders, " or "), "."});
    }
    if (const json::Value p = v.get("profile"); p && !p.is_null()) read_profile(p, d, out.overrides);
    bool inclusive = false;
    if (read_bool(v, "tax_inclusive", d, inclusive) == Read::ok) out.tax_inclusive = inclusive;
    if (const json::Value limits = v.get("limits"); limits && !limits.is_null()) {
        auto at_l = d.at("limits");
        if (expect_object(limits, d)) {
            read_limit(limits, "max_bytes", 64u * 1024u * 1024u, d, out.limits.max_bytes);
            read_limit(limits, "max_depth", 256, d, out.limits.max_depth);
            read_limit(limits, "max_lines", 1'000'000, d, out.max_lines);
        }
    }
}

}  // namespace op
