#include "engine.hpp"

#include "../diag/diagnostics.hpp"
#include "../json/writer.hpp"
#include "../ops/call.hpp"
#include "../ops/ops.hpp"

namespace op {

std::string_view engine_version() { return kEngineVersion; }

std::string codes_json() {
    std::string out;
    json::Writer w(out);
    w.object().key("codes").array();
    for (const Code c : all_codes()) {
        w.object();
        w.field("code", code_name(c));
        w.field("description", code_description(c));
        w.end_object();
    }
    w.end_array().end_object();
    return out;
}

std::string inspect_order(std::string_view order, std::string_view options) {
    return run_with_order(order, {}, options, inspect_result);
}

std::string calculate_refund(std::string_view order, std::string_view request, std::string_view options) {
    return run_with_order(order, request, options, refund_result);
}

std::string validate_refund(std::string_view order, std::string_view request, std::string_view options) {
    return run_with_order(order, request, options, validate_refund_result);
}

std::string to_refund_create_request(std::string_view calculation, std::string_view request, std::string_view options) {
    return refund_create_envelope(calculation, request, options);
}

std::string compare_refund(std::string_view preview, std::string_view server_response, std::string_view options) {
    return compare_refund_envelope(preview, server_response, options);
}

std::string preview_edit(std::string_view order, std::string_view edits, std::string_view options) {
    return run_with_order(order, edits, options, edit_result);
}

std::string preview_cancel(std::string_view order, std::string_view request, std::string_view options) {
    return run_with_order(order, request, options, cancel_result);
}

std::string preview_return(std::string_view order, std::string_view request, std::string_view options) {
    return run_with_order(order, request, options, return_result);
}

std::string preview_capture_refund(std::string_view order, std::string_view request, std::string_view options) {
    return run_with_order(order, request, options, capture_refund_result);
}

}  // namespace op
