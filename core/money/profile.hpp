// Where servers differ in rounding, the difference is configuration: one struct, a default per platform
// (core/platforms), overridable per call in options.profile.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "money.hpp"
#include "rate.hpp"

namespace op {

enum class TaxGranularity : std::uint8_t { line, unit };
enum class RefundAllocation : std::uint8_t { oldest_first, newest_first, largest_first };

struct Profile {
    Rounding rounding = Rounding::half_up;
    Proration proration = Proration::half_up;
    TaxGranularity tax_granularity = TaxGranularity::line;
    InclusiveSplit inclusive_split = InclusiveSplit::tax_first;
    RefundAllocation refund_allocation = RefundAllocation::oldest_first;
    std::vector<std::pair<std::string, int>> currency_exponents;  // overrides of ISO 4217
    std::optional<Rate> default_tax_rate;  // for added lines with no rate in the edit or the catalog
    // Taxes of a total: per line, then summed per rate (horizontal), or per rate on the summed prices
    // (vertical). Unset: what the order states, else horizontal.
    std::optional<bool> vertical_tax;

    std::optional<int> exponent_override(std::string_view currency) const;
};

std::string_view rounding_name(Rounding r);
std::string_view proration_name(Proration p);
std::string_view tax_granularity_name(TaxGranularity t);
std::string_view inclusive_split_name(InclusiveSplit s);
std::string_view refund_allocation_name(RefundAllocation a);

bool parse_rounding(std::string_view s, Rounding& out);
bool parse_proration(std::string_view s, Proration& out);
bool parse_tax_granularity(std::string_view s, TaxGranularity& out);
bool parse_inclusive_split(std::string_view s, InclusiveSplit& out);
bool parse_refund_allocation(std::string_view s, RefundAllocation& out);

}  // namespace op
