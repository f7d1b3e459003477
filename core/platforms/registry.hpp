// The one place that maps a platform's name, or an order's shape, to its module.
#pragma once

#include <string>
#include <string_view>

#include "../json/document.hpp"
#include "platform.hpp"

namespace op {

// nullptr when no platform has that name.
const Platform* find_platform(std::string_view name);

// The platform whose reader claims the order's shape; the default platform when none does.
const Platform& detect_platform(json::Value order);

// "29next, v1 and elasticpath": the names of the platforms that have `part`, for messages.
std::string platform_names(bool (*has)(const Platform&), std::string_view last_joiner = " and ");
inline bool reads_orders(const Platform& p) { return p.reading != nullptr; }
inline bool has_edit_rules(const Platform& p) { return p.edit != nullptr && p.cancel != nullptr; }  // as rules_for
inline bool has_status_vocabulary(const Platform& p) { return p.statuses != nullptr; }

}  // namespace op
