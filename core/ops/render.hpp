// Small rendering helpers shared by operations.
#pragma once

#include "../json/writer.hpp"
#include "../money/profile.hpp"
#include "../order/order.hpp"
#include "../platforms/plan.hpp"

namespace op {

void write_profile(json::Writer& w, const Profile& p);

// Order totals as every result shows them; inspectOrder adds the discounts already inside the line totals.
void write_totals(json::Writer& w, std::string_view key, const Totals& t, const Shipping& s, int exponent,
                  bool with_discounts = false);

}  // namespace op
