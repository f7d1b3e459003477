// deriveStatuses: the financial status from transactions and refunds and the fulfillment status from line
// quantities, in the vocabulary of the v1 or 29next preset, compared with what the order states.
// The rules, in order, are in docs/rules.md §7.
#include <optional>
#include <vector>

#include "../ops/call.hpp"
#include "../platforms/registry.hpp"
#include "../order/fields.hpp"
#include "guards.hpp"
#include "presets.hpp"
#include "status_api.hpp"
#include "../ops/ops.hpp"

namespace op {
namespace status {
namespace {

using Names = std::vector<std::string_view>;  // accepted values; the first is the derived one

struct Vocabulary {
    std::string_view preset;
    bool detailed = false;
    StatusWords words = StatusWords::basic;
    std::string_view payment_key;  // the machine and the order's member
    std::string_view fulfillment_key = "fulfillment_status";
    std::string_view order_status_key;  // non-empty: the order status is derived as well
};

// What is still owed decides (a split-payment table): complete payments and open authorisations against the
// total; a partial refund leaves the order paid, a full one refunded.
Names balance_payment(const PaymentFacts& p) {
    if (p.refunded > 0 && p.refunded >= p.captured) return {"refunded"};
    if (p.captured + p.authorized_uncaptured >= p.total) return {p.authorized_uncaptured > 0 ? "authorized" : "paid"};
    if (p.captured > 0) return {"partially_paid"};
    if (p.authorized_uncaptured > 0) return {"partially_authorized"};
    return {"unpaid"};
}

// The order status follows the payment; a cancellation cannot be derived, so it is always accepted.
Names balance_order_status(const Names& payment) {
    const std::string_view pay = payment.front();
    if (pay == "paid" || pay == "refunded") return {"complete", "cancelled"};
    if (pay == "authorized") return {"processing", "cancelled"};
    return {"incomplete", "cancelled"};
}

Names financial(const PaymentFacts& p, bool detailed) {
    if (p.refunded > 0 && p.refunded >= p.captured) return {"refunded"};
    if (p.refunded > 0) return {"partially_refunded"};
    if (p.captured >= p.total) return {"paid"};  // also every zero-total order
    if (p.captured > 0) {
        if (detailed && p.voided_authorizations > 0) return {"partially_voided", "partially_paid"};
        return {"partially_paid"};
    }
    if (p.authorized_uncaptured > 0) {
        if (detailed) return {"authorized", "expiring", "expired"};
        return {"authorized"};
    }
    if (p.voided_authorizations > 0) return {"voided"};
    return {"pending"};
}

Names fulfillment(const UnitFacts& u, bool detailed, StatusWords words) {
    if (words == StatusWords::balance) return {u.units > 0 && u.fulfillable == 0 ? "fulfilled" : "unfulfilled"};
    if (detailed) {
        if (u.units == 0) return {"not_required"};
        if (u.fulfillable == 0) return {"fulfilled"};
        if (u.fulfilled == 0) return {"unfulfilled", "on_hold", "rejected", "processing"};
        return {"processing", "incomplete"};
    }
    if (u.units == 0 || u.fulfilled == 0) return {"unfulfilled"};
    if (u.fulfillable == 0) return {"fulfilled"};
    return {"partial"};
}

bool contains(const Names& names, std::string_view s) {
    for (auto n : names)
        if (n == s) return true;
    return false;
}


// Compares the stated value with the derived ones; a difference is a warning at order.<key>.
void compare(std::string_view key, const std::string& stated, const Names& accepts, const Machine* m,
             const std::string& because, Diagnostics& d) {
    if (stated.empty()) return;
    if (m && m->find_state(stated) == kNone) {
        d.warning_at(key, Code::INVALID_VALUE,
                     {quoted(stated), " is not a ", key, " value; values: ", join_names(m->states), "."});
        return;
    }
    if (contains(accepts, stated)) return;
    d.warning_at(
        key, Code::INVALID_VALUE,
        {"The order says ", key, " ", quoted(stated), " but ", because, " give ", quoted(accepts.front()), "."});
}

void write_status(json::Writer& w, std::string_view key, const std::string& stated, const Names& accepts) {
    w.key(key).object();
    w.field("derived", accepts.front());
    w.key("stated");
    if (stated.empty())
        w.null();
    else
        w.string(stated);
    w.key("matches");
    if (stated.empty())
        w.null();
    else
        w.boolean(contains(accepts, stated));
    w.key("accepts").array();
    for (auto n : accepts) w.string(n);
    w.end_array();
    w.end_object();
}

void write_facts(json::Writer& w, const Order& o, const PaymentFacts& p, const UnitFacts& u, bool physical_only) {
    const int e = o.exponent;
    w.key("facts").object();
    w.field("currency", o.currency);
    w.amount_field("total", p.total, e);
    w.amount_field("captured", p.captured, e);
    w.amount_field("refunded", p.refunded, e);
    w.amount_field("authorized_uncaptured", p.authorized_uncaptured, e);
    w.field("authorizations", p.authorizations);
    w.field("voided_authorizations", p.voided_authorizations);
    w.field("units_counted", physical_only ? "physical" : "all");
    w.field("units", u.units);
    w.field("fulfilled_units", u.fulfilled);
    w.field("fulfillable_units", u.fulfillable);
    w.end_object();
}

std::string payment_because(const Order& o, const PaymentFacts& p) {
    const int e = o.exponent;
    return join({"its transactions (captured ", Part::amount(p.captured, e), " of ", Part::amount(p.total, e), " ",
                 o.currency, ", refunded ", Part::amount(p.refunded, e), ", authorised and not captured ",
                 Part::amount(p.authorized_uncaptured, e), ")"});
}

std::string units_because(const UnitFacts& u, bool physical_only) {
    return join({"its line quantities (", u.fulfilled, " of ", u.units,
                 (physical_only ? " units that need shipping" : " units"), " fulfilled)"});
}

void write_derivation(json::Writer& w, const Order& o, const Platform& platform, const Vocabulary& v, Diagnostics& d) {
    const std::string_view stated_key = platform.payment_status_key;
    const bool own = platform.statuses != nullptr;
    const std::string_view stated_at = own ? platform.statuses->statuses_at : std::string_view();
    const std::string_view stated_fulfillment = own ? platform.statuses->fulfillment_key : std::string_view("fulfillment_status");
    const Preset* preset = find_preset(v.preset);
    const Definition* def = preset ? &preset->definition : nullptr;
    const PaymentFacts p = payment_facts(o);
    const UnitFacts u = unit_facts(o, v.detailed);
    const bool balance = v.words == StatusWords::balance;
    const Names fin = balance ? balance_payment(p) : financial(p, v.detailed);
    const Names ful = fulfillment(u, v.detailed, v.words);
    // The path names the member the order used; the vocabulary may be another platform's (options.preset).
    {
        auto at = d.at("order");
        std::optional<Diagnostics::Scope> inner;
        if (!stated_at.empty()) inner.emplace(d, PathSegment{stated_at, -1});
        compare(stated_key, o.payment_status, fin, def ? def->find(v.payment_key) : nullptr, payment_because(o, p), d);
        compare(stated_fulfillment, o.fulfillment_status, ful, def ? def->find(v.fulfillment_key) : nullptr,
                units_because(u, v.detailed), d);
        if (!v.order_status_key.empty())
            compare(v.order_status_key, o.status, balance_order_status(fin), def ? def->find(v.order_status_key) : nullptr,
                    "its derived payment '" + std::string(fin.front()) + "' and the split-payment table", d);
    }
    w.object();
    w.field("preset", v.preset);
    if (!v.order_status_key.empty()) write_status(w, v.order_status_key, o.status, balance_order_status(fin));
    write_status(w, v.payment_key, o.payment_status, fin);
    write_status(w, v.fulfillment_key, o.fulfillment_status, ful);
    write_facts(w, o, p, u, v.detailed);
    write_result_footer(w, o, platform);
    w.end_object();
}

// options.preset names the vocabulary; by default the order's own platform's.
bool read_vocabulary(const Platform& platform, json::Value options, Diagnostics& d, Vocabulary& out) {
    std::string name(platform.name);
    if (options.is_object()) {
        auto at = d.at("options");
        const Read r = read_text(options, "preset", d, name, kMaxNameLength);
        if (r == Read::bad) return false;
        if (r == Read::ok && !find_preset(name)) {
            d.error_at("preset", Code::UNKNOWN_PRESET,
                       {quoted(name), " is not a preset; presets: ", preset_names(), "."});
            return false;
        }
    }
    const Platform* speaker = find_platform(name);
    if (!speaker || !speaker->statuses) {
        auto at = d.at("options");
        d.error_at("preset", Code::INVALID_OPTION,
                   {"deriveStatuses speaks the ", platform_names(has_status_vocabulary), " vocabularies, not ",
                    quoted(name), "."});
        return false;
    }
    out.preset = speaker->name;
    out.detailed = speaker->statuses->words == StatusWords::detailed;
    out.words = speaker->statuses->words;
    out.payment_key = speaker->statuses->payment_key;
    out.fulfillment_key = speaker->statuses->fulfillment_key;
    out.order_status_key = speaker->statuses->order_status_key;
    return true;
}

}  // namespace
}  // namespace status

std::string statuses_result(const OrderContext& ctx, json::Value, Diagnostics& d) {
    using namespace status;
    Vocabulary v;
    if (!read_vocabulary(ctx.platform, ctx.call_options, d, v)) return {};
    std::string result;
    json::Writer w(result);
    write_derivation(w, ctx.order, ctx.platform, v, d);
    return result;
}

std::string derive_statuses(std::string_view order, std::string_view options) {
    return run_with_order(order, {}, options, statuses_result);
}

}  // namespace op
