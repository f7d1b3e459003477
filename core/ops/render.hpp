// Small rendering helpers shared by operations.
#pragma once

#include "../json/writer.hpp"
#include "../money/profile.hpp"
#include "../order/order.hpp"

namespace op {

// Echoes an id with the JSON type it came in.
inline void write_id(json::Writer& w, const Id& id) {
    if (id.is_string)
        w.string(id.text);
    else if (id.text.empty())
        w.null();
    else
        w.raw_number(id.text);
}

void write_profile(json::Writer& w, const Profile& p);

// Order totals as every result shows them; inspectOrder adds the discounts already inside the line totals.
void write_totals(json::Writer& w, std::string_view key, const Totals& t, const Shipping& s, int exponent,
                  bool with_discounts = false);

}  // namespace op
