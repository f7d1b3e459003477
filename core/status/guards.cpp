#include "guards.hpp"

#include "../money/money.hpp"

namespace op::status {
namespace {

std::string money(const Order& o, std::int64_t minor) {
    return join({Part::amount(minor, o.exponent), " ", o.currency});
}

std::string units_text(std::int64_t n, std::string_view what) {
    return std::to_string(n) + (n == 1 ? " unit " : " units ") + std::string(what);
}

// paid: the whole total is captured and not all of it was refunded; a zero total needs no payment.
GuardOutcome guard_paid(const Order& o) {
    const PaymentFacts p = payment_facts(o);
    GuardOutcome g{true, false, {}};
    g.passed = p.total <= 0 || (p.captured >= p.total && p.refunded < p.captured);
    g.fact = join(
        {"captured ", money(o, p.captured), " of the total ", money(o, p.total), ", refunded ", money(o, p.refunded)});
    return g;
}

GuardOutcome guard_nothing_fulfilled(const Order& o) {
    const UnitFacts u = unit_facts(o, false);
    return {true, u.fulfilled == 0, units_text(u.fulfilled, "of " + std::to_string(u.units) + " fulfilled")};
}

GuardOutcome guard_fully_fulfilled(const Order& o) {
    const UnitFacts u = unit_facts(o, false);
    return {true, u.fulfillable == 0, units_text(u.fulfillable, "of " + std::to_string(u.units) + " not yet fulfilled")};
}

GuardOutcome guard_has_fulfillable_units(const Order& o) {
    const UnitFacts u = unit_facts(o, true);
    return {true, u.fulfillable > 0, units_text(u.fulfillable, "that need shipping not yet fulfilled")};
}

GuardOutcome guard_not_cancelled(const Order& o) {
    if (o.status.empty()) return {false, false, "the order states no status"};
    const bool cancelled = o.status == "cancelled" || o.status == "canceled";
    return {true, !cancelled, "status is '" + o.status + "'"};
}

// Seed 000: hold "before sending to the fulfillment location"; a cancellation request is needed once the
// location accepted. Units in fulfilment are fulfillable but no longer editable.
GuardOutcome guard_not_fulfilled_or_processing(const Order& o) {
    const UnitFacts u = unit_facts(o, true);
    const bool processing = o.fulfillment_status == "processing";
    GuardOutcome g{true, u.fulfilled == 0 && u.in_fulfilment == 0 && !processing, {}};
    g.fact = join({units_text(u.fulfilled, "fulfilled"), ", ", units_text(u.in_fulfilment, "in fulfilment")});
    if (!o.fulfillment_status.empty()) g.fact += ", fulfillment_status '" + o.fulfillment_status + "'";
    return g;
}

}  // namespace

PaymentFacts payment_facts(const Order& o) {
    PaymentFacts p;
    p.total = o.totals.total_incl_tax;
    p.captured = o.payments.captured;
    p.refunded = o.payments.refunded;
    p.authorized_uncaptured = o.payments.authorized_uncaptured;
    for (const auto& t : o.transactions) {
        if (t.kind != TxKind::authorization || t.status != TxStatus::succeeded) continue;
        ++p.authorizations;
        if (t.voided) ++p.voided_authorizations;
    }
    return p;
}

UnitFacts unit_facts(const Order& o, bool physical_only) {
    UnitFacts u;
    for (const auto& l : o.lines) {
        if (physical_only && l.digital) continue;
        ++u.lines;
        u.units += l.current_quantity;
        u.fulfilled += l.fulfilled_quantity;
        u.fulfillable += l.fulfillable_quantity;
        if (l.fulfillable_quantity > l.editable_quantity) u.in_fulfilment += l.fulfillable_quantity - l.editable_quantity;
    }
    return u;
}

GuardOutcome evaluate_guard(Guard g, const Order& o) {
    switch (g) {
        case Guard::none: return {true, true, {}};
        case Guard::paid: return guard_paid(o);
        case Guard::nothing_fulfilled: return guard_nothing_fulfilled(o);
        case Guard::fully_fulfilled: return guard_fully_fulfilled(o);
        case Guard::has_fulfillable_units: return guard_has_fulfillable_units(o);
        case Guard::not_cancelled: return guard_not_cancelled(o);
        case Guard::not_fulfilled_or_processing: return guard_not_fulfilled_or_processing(o);
    }
    return {false, false, {}};
}

}  // namespace op::status
