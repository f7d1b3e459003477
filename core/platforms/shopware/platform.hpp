// Shopware 6 Admin API (core and the commercial Return Management): the module's parts, assembled into
// kShopware by platform.cpp. Orders are read as the Admin API returns them (plain entity or {data: …}).
#pragma once

#include <string>

#include "../../order/fields.hpp"
#include "../plan.hpp"
#include "../platform.hpp"

namespace op::shopware {

// The live version id of every entity (orders being edited carry another one in versionId).
inline constexpr std::string_view kLiveVersion = "0fa91ce3e96a4bc2be4bd9ce752c3425";
// Defaults::CURRENCY: the system default currency's id, the same in every installation.
inline constexpr std::string_view kDefaultCurrencyId = "b7d2554b0ce847cd82f3ac9bd1c0dfca";

// Numbers as Shopware stores them (binary fractions printed by PHP json_encode). An amount with more than 14 significant
// digits is binary noise and is first rounded to 14 significant digits (what Shopware's FloatComparator::cast
// does); then it must fit the order's digits. A genuinely over-precise amount is still INVALID_AMOUNT.
Read read_amount(json::Value parent, std::string_view key, int exponent, Diagnostics& d, std::int64_t& out);
// A ratio (percentage, unrounded discount) rounded half away from zero to `scale` decimals.
Read read_scaled(json::Value parent, std::string_view key, int scale, Diagnostics& d, std::int64_t& out);
// A tax rate in percent (19, 7.7) as a fraction Rate ({19, 2}, {77, 3}).
Read read_percent_rate(json::Value parent, std::string_view key, Diagnostics& d, Rate& out);
// The entity inside {data: entity} or {data: [entity]} (and the path segments to it); the root otherwise.
json::Value unwrap(json::Value root, bool& wrapped, bool& listed);
// stateMachineState.technicalName (or `association`.technicalName): Read::absent when not loaded.
Read read_state(json::Value entity, std::string_view association, Diagnostics& d, std::string& out);

bool claims(json::Value root);
bool read_order(json::Value root, const ReadOptions& options, Diagnostics& d, Order& out);

// CalculatedPrice writer: numbers, as the Admin API takes them; calculatedTaxes and taxRules as objects keyed by
// the tax rate (the published contract types both as objects; Shopware decodes a keyed object and a list alike).
void write_calculated_price(json::Writer& w, std::int64_t unit, std::int64_t quantity, std::int64_t total,
                            const std::vector<TaxPart>& taxes, const std::vector<TaxShare>& rules, int exponent);
void write_number(json::Writer& w, std::int64_t minor, int exponent);
// calculatedTaxes: {"<rate>": {tax, taxRate, price}}, keyed by rate as the contract types it (an object).
void write_calculated_taxes(json::Writer& w, const std::vector<TaxPart>& taxes, int exponent);
std::string percent_text(Rate rate);
// A tax rule's share (9 decimals of a fraction) as Shopware's percentage: 7 decimals, trailing zeros dropped.
std::string share_percent_text(std::int64_t share);

}  // namespace op::shopware
