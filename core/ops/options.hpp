// options: { dialect?, profile?: {rounding, proration, tax_granularity, inclusive_split, refund_allocation,
// currency_exponents}, tax_inclusive?, limits?: {max_bytes, max_depth, max_lines, max_string} } plus
// operation-specific members that each operation reads from `raw`.
#pragma once

#include <cstddef>
#include <optional>

#include "../diag/diagnostics.hpp"
#include "../json/document.hpp"
#include "../money/profile.hpp"
#include "../platforms/platform.hpp"

namespace op {

struct ProfileOverrides {
    std::optional<Rounding> rounding;
    std::optional<Proration> proration;
    std::optional<TaxGranularity> tax_granularity;
    std::optional<InclusiveSplit> inclusive_split;
    std::optional<RefundAllocation> refund_allocation;
    std::vector<std::pair<std::string, int>> currency_exponents;
    std::optional<Rate> default_tax_rate;
    std::optional<bool> vertical_tax;
};

struct CallOptions {
    const Platform* platform = nullptr;  // options.dialect: read the order as this platform's
    ProfileOverrides overrides;
    std::optional<bool> tax_inclusive;
    json::Limits limits;
    std::size_t max_lines = 20000;
    json::Value raw;  // the whole options object, for operation-specific members

    Profile profile_for(const Platform& platform) const;
};

// Reads options at path "options". Unknown profile knobs and bad values are errors; the defaults stay in
// force for anything not given.
void read_options(json::Value v, Diagnostics& d, CallOptions& out);

}  // namespace op
