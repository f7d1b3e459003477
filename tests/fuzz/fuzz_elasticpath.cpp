// The Elastic Path module: its reader and every operation it takes, on orders read as Elastic Path
// (options.dialect "elasticpath" is always given, so a mangled shape still reaches the Elastic Path reader).
// Input: a mode byte, then documents. Mode % 8 picks the operation: 0 inspect, 1 refund, 2 edit, 3 cancel,
// 4 statuses, 5 refund then toRefundCreateRequest, 6 validate-refund, 7 a session running refund, edit and cancel.
// Mode bit 0x08: "request \x1e extra-options" against the example Elastic Path order; otherwise
// "order \x1e request \x1e extra-options". Extra options (an object) are merged in after the dialect.
// Invariants on refunds that succeed: the calls' integer amounts add up to the refund and each stays within its
// transaction's refundable amount.
#include <nlohmann/json.hpp>

#include "api/engine.hpp"
#include "api/session.hpp"
#include "fuzz_support.hpp"
#include "money/money.hpp"
#include "status/status_api.hpp"

namespace {

std::string_view example_order() {
    for (std::size_t i = 0; i < fuzz::fixed_order_count(); ++i) {
        const std::string_view o = fuzz::fixed_order(i);
        if (o.find("\"type\": \"order\"") != std::string_view::npos || o.find("\"type\":\"order\"") != std::string_view::npos) return o;
    }
    return fuzz::fixed_order(0);
}

std::string options_of(std::string_view extra) {
    auto j = nlohmann::json::parse(extra, nullptr, false);
    if (j.is_discarded() || !j.is_object()) j = nlohmann::json::object();
    j["dialect"] = "elasticpath";
    return j.dump();
}

std::int64_t minor_of(const nlohmann::json& v) {
    std::int64_t out = 0;
    if (!v.is_string() || op::parse_amount(v.get<std::string>(), 2, out) != op::AmountError::none) return -1;
    return out;
}

void check_refund(std::string_view name, const std::string& result) {
    if (result.empty()) return;
    const auto r = nlohmann::json::parse(result, nullptr, false);
    fuzz::require(!r.is_discarded() && r.is_object(), name, "the result is not an object", result);
    if (!r.contains("requests") || r.value("currency", "") != "USD") return;  // amounts below assume 2 digits
    std::int64_t sent = 0;
    const auto& txs = r["transactions"];
    fuzz::require(txs.is_array() && r["requests"].is_array() && txs.size() == r["requests"].size(), name,
                  "one request per transaction", result);
    for (std::size_t i = 0; i < txs.size(); ++i) {
        const auto& call = r["requests"][i];
        const auto amount = call["body"]["data"]["amount"];
        fuzz::require(amount.is_number_integer() && amount.get<std::int64_t>() > 0, name, "a refund call's amount is a positive integer", result);
        fuzz::require(amount.get<std::int64_t>() == minor_of(txs[i]["amount"]), name, "the call carries the transaction's amount", result);
        fuzz::require(minor_of(txs[i]["amount"]) <= minor_of(txs[i]["refundable_amount"]), name, "an allocation exceeds what is refundable", result);
        sent += amount.get<std::int64_t>();
    }
    fuzz::require(txs.empty() || sent == minor_of(r["amount"]), name, "the calls add up to the refund", result);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = fuzz::text_of(data, size);
    const std::uint8_t mode = fuzz::take_mode(text);
    std::string_view order, request, extra;
    if (mode & 0x08) {
        const auto p = fuzz::split(text, 2);
        order = example_order();
        request = p[0];
        extra = p[1];
    } else {
        const auto p = fuzz::split(text, 3);
        order = p[0];
        request = p[1];
        extra = p[2];
    }
    const std::string options = options_of(extra);
    switch (mode % 8) {
        case 0: fuzz::check_envelope("inspect_order", op::inspect_order(order, options)); break;
        case 1: check_refund("calculate_refund", fuzz::check_envelope("calculate_refund", op::calculate_refund(order, request, options))); break;
        case 2: fuzz::check_envelope("preview_edit", op::preview_edit(order, request, options)); break;
        case 3: fuzz::check_envelope("preview_cancel", op::preview_cancel(order, request, options)); break;
        case 4: fuzz::check_envelope("derive_statuses", op::derive_statuses(order, options)); break;
        case 5: {
            const std::string calc = op::calculate_refund(order, request, options);
            fuzz::check_envelope("calculate_refund", calc);
            fuzz::check_envelope("to_refund_create_request", op::to_refund_create_request(calc, R"({"note":"fuzz"})", ""));
            break;
        }
        case 6: fuzz::check_envelope("validate_refund", op::validate_refund(order, request, options)); break;
        default: {
            const std::string opened = op::open_order(order, options);
            fuzz::check_envelope("open_order", opened);
            const auto j = nlohmann::json::parse(opened, nullptr, false);
            if (j.is_discarded() || !j["result"].is_object() || !j["result"]["session"].is_number_integer()) break;
            const std::int64_t id = j["result"]["session"].get<std::int64_t>();
            check_refund("session calculateRefund", fuzz::check_envelope("session calculateRefund", op::session_call(id, "calculateRefund", request, "")));
            fuzz::check_envelope("session previewEdit", op::session_call(id, "previewEdit", request, ""));
            fuzz::check_envelope("session previewCancel", op::session_call(id, "previewCancel", request, ""));
            fuzz::check_envelope("session deriveStatuses", op::session_call(id, "deriveStatuses", "", ""));
            fuzz::check_envelope("close_order", op::close_order(id));
        }
    }
    return 0;
}
