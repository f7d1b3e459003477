// Reads an order into the canonical model with a platform's reader. Every missing required fact is an error at its
// path (under "order"); optional facts are derived and the derivation is named in Line::derived.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "../diag/diagnostics.hpp"
#include "../json/document.hpp"
#include "../money/profile.hpp"
#include "order.hpp"

namespace op {

// Whether obj[key] is exactly what a writer would emit for the value: an integer with that value; an amount
// string with that many minor units at the currency's digits. For echoes that may hand back the input itself.
bool member_is_integer(json::Value obj, std::string_view key, std::int64_t value);
bool member_is_amount(json::Value obj, std::string_view key, std::int64_t minor, int exponent);

struct ReadOptions {
    Profile profile;
    std::optional<bool> tax_inclusive;  // options.tax_inclusive overrides what the order says
    std::size_t max_lines = 20000;
};

// A platform's reader: fills `out` from the platform's JSON; false when the order cannot be used.
using PlatformOrderReader = bool (*)(json::Value root, const ReadOptions& options, Diagnostics& d, Order& out);

// Runs `reader` and derives what every order needs (payments, totals, fingerprint). `diag` must already be
// scoped at the order's path. `platform_tag` is the platform's part of the fingerprint. Returns false when
// the order cannot be used.
bool read_order(json::Value root, const ReadOptions& options, PlatformOrderReader reader, std::uint8_t platform_tag,
                Diagnostics& diag, Order& out);

// Tools the platform readers share.
namespace detail {
// The exponent of out.currency: options.profile.currency_exponents, else ISO 4217. False when neither knows it.
bool currency_exponent(const ReadOptions& options, Order& out);
bool read_currency(json::Value root, const ReadOptions& options, Diagnostics& d, Order& out);
bool read_lines_array(json::Value root, std::string_view key, const ReadOptions& options, Diagnostics& d,
                      json::Value& out);
void read_gateway(json::Value v, Diagnostics& d, Transaction& tx);
void read_transaction_list(json::Value list, std::string_view list_name, Order& order, Diagnostics& d);
bool sums_in_range(const Order& order, Diagnostics& d);
void derive_payments(Order& order, Diagnostics& d);
void check_unique_line_ids(Order& order, std::string_view list_key, Diagnostics& d);
void check_total(Diagnostics& d, std::string_view key, json::Value root, int exponent, std::int64_t computed);
void finish_line_quantities(Line& line, Diagnostics& d);
bool parse_tx_kind(std::string_view s, TxKind& out);
bool parse_tx_status(std::string_view s, TxStatus& out);
}  // namespace detail

}  // namespace op
