// Facts of an order that status rules read, and the guards of the fixed vocabulary evaluated on them.
// Every rule here is listed in docs/rules.md §7 with its source.
#pragma once

#include <cstdint>
#include <string>

#include "../order/order.hpp"
#include "machine.hpp"

namespace op::status {

// Money facts, in the order's minor units. Only succeeded transactions count.
struct PaymentFacts {
    std::int64_t total = 0;                  // the order's total incl. tax, as the engine computes it
    std::int64_t captured = 0;               // sales + captures
    std::int64_t refunded = 0;               // refunds
    std::int64_t authorized_uncaptured = 0;  // open authorisations (not voided, not fully captured)
    int authorizations = 0;                  // succeeded authorisations
    int voided_authorizations = 0;           // of which voided
};
PaymentFacts payment_facts(const Order& o);

// Unit facts over the order's current units (removed units do not count).
struct UnitFacts {
    std::int64_t units = 0;          // current units
    std::int64_t fulfilled = 0;      // current - fulfillable
    std::int64_t fulfillable = 0;    // not yet fulfilled
    std::int64_t in_fulfilment = 0;  // fulfillable but not editable: sent to a fulfilment location
    int lines = 0;                   // lines counted
};
// physical_only: only lines that need shipping (not digital, not gift cards).
UnitFacts unit_facts(const Order& o, bool physical_only);

struct GuardOutcome {
    bool checked = false;  // false when a fact the guard needs is missing from the order
    bool passed = false;
    std::string fact;      // the facts the decision rests on, as a sentence
};
GuardOutcome evaluate_guard(Guard g, const Order& o);

}  // namespace op::status
