#include "profile.hpp"

namespace op {
namespace {

template <typename E, std::size_t N>
bool parse_enum(std::string_view s, E& out, const std::string_view (&names)[N]) {
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == s) {
            out = static_cast<E>(i);
            return true;
        }
    }
    return false;
}

// Name tables in enum order.
constexpr std::string_view kRoundings[] = {"half_up", "half_even"};
constexpr std::string_view kProrations[] = {"half_up", "floor"};
constexpr std::string_view kGranularities[] = {"line", "unit"};
constexpr std::string_view kSplits[] = {"tax_first", "net_first"};
constexpr std::string_view kAllocations[] = {"oldest_first", "newest_first", "largest_first"};

}  // namespace

std::optional<int> Profile::exponent_override(std::string_view currency) const {
    for (const auto& [code, exponent] : currency_exponents)
        if (code == currency) return exponent;
    return std::nullopt;
}

std::string_view rounding_name(Rounding r) { return kRoundings[static_cast<int>(r)]; }
std::string_view proration_name(Proration p) { return kProrations[static_cast<int>(p)]; }
std::string_view tax_granularity_name(TaxGranularity t) { return kGranularities[static_cast<int>(t)]; }
std::string_view inclusive_split_name(InclusiveSplit s) { return kSplits[static_cast<int>(s)]; }
std::string_view refund_allocation_name(RefundAllocation a) { return kAllocations[static_cast<int>(a)]; }

bool parse_rounding(std::string_view s, Rounding& out) { return parse_enum(s, out, kRoundings); }
bool parse_proration(std::string_view s, Proration& out) { return parse_enum(s, out, kProrations); }
bool parse_tax_granularity(std::string_view s, TaxGranularity& out) { return parse_enum(s, out, kGranularities); }
bool parse_inclusive_split(std::string_view s, InclusiveSplit& out) { return parse_enum(s, out, kSplits); }
bool parse_refund_allocation(std::string_view s, RefundAllocation& out) { return parse_enum(s, out, kAllocations); }

}  // namespace op
