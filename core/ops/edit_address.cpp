// Shipping-address checks: the members the platform's address update needs, and an ISO 3166-1 alpha-2 country.
#include <algorithm>
#include <iterator>

#include "../order/fields.hpp"
#include "edit.hpp"

namespace op {
namespace {

constexpr std::string_view kCountries[] = {
#include "countries.inc"
};

bool is_country(std::string_view code) {
    return std::binary_search(std::begin(kCountries), std::end(kCountries), code);
}

}  // namespace

void check_address(json::Value address, const Platform& rules, Diagnostics& d) {
    // Required: what the platform needs to ship (line, city, postcode, country).
    for (const std::string_view key : rules.edit->address_required) {
        std::string value;
        const Read r = read_text(address, key, d, value, 255);
        if (r == Read::absent || (r == Read::ok && value.empty()))
            d.error_at(key, Code::INVALID_ADDRESS, {"The address needs '", key, "'."});
    }
    for (auto it = address.begin(); it != address.end(); ++it) {
        if (rules.edit->address_members.count > 0 && !rules.edit->address_members.contains(it.key()))
            d.error_at(it.key(), Code::UNKNOWN_FIELD,
                       {"'", Part::excerpt(it.key(), 40), "' is not an address member this platform takes."});
        else if (!(*it).is_string() && !(*it).is_null() && !(*it).is_integer())
            d.error_at(it.key(), Code::WRONG_TYPE, "Address fields are strings.");
        else if ((*it).text().size() > 255)
            d.error_at(it.key(), Code::LIMIT_EXCEEDED, "Address fields have at most 255 characters.");
    }
    const json::Value country = address.get("country");
    if (country.is_string() && !country.text().empty() && !is_country(country.text()))
        d.error_at(
            "country", Code::INVALID_ADDRESS,
            {"'", Part::excerpt(country.text(), 20), "' is not an ISO 3166-1 alpha-2 country code (e.g. US, DE)."});
}

}  // namespace op
