#include "call.hpp"

#include "../platforms/registry.hpp"

namespace op {
namespace {

void write_issues(json::Writer& w, std::string_view name, const std::vector<Issue>& issues) {
    w.key(name).array();
    for (const auto& issue : issues) {
        w.object();
        w.field("code", code_name(issue.code));
        w.field("message", issue.message);
        w.field("path", issue.path);
        w.end_object();
    }
    w.end_array();
}

}  // namespace

bool Call::load_options(std::string_view text) {
    if (text.empty()) return true;
    auto at = diag.at("options");
    // Options are small; parse them with the default limits so a limit cannot be raised by a huge input.
    if (!options_doc.parse(text, json::Limits{}, diag)) return false;
    return true;
}

bool Call::load_order(std::string_view text) {
    if (options_doc.root()) {
        const std::size_t before = diag.error_count();
        read_options(options_doc.root(), diag, options);
        if (diag.error_count() != before) return false;
    }
    auto at = diag.at("order");
    if (text.empty()) {
        diag.error(Code::ORDER_NOT_FOUND, "No order was given.");
        return false;
    }
    if (!order_doc.parse(text, options.limits, diag)) return false;
    return read_order_at(order_doc.root());
}

bool Call::read_order_at(json::Value root) {
    platform = options.platform ? options.platform : &detect_platform(root);
    const OrderReading& reading = *platform->reading;
    ReadOptions ro;
    ro.profile = options.profile_for(*platform);
    ro.tax_inclusive = options.tax_inclusive;
    ro.max_lines = options.max_lines;
    profile = ro.profile;
    // A webhook delivers the order inside a wrapper ({api_version, data: {…}}): read the order inside, with
    // paths through the wrapper's member.
    const json::Value inner = reading.wrapper_key.empty() ? json::Value() : root.get(reading.wrapper_key);
    if (inner.is_object() && !root.get(reading.lines_key)) {
        auto at = diag.at(reading.wrapper_key);
        order_root = inner;
        order_within = reading.wrapper_key;
        return read_order(inner, ro, reading.read, platform->fingerprint_tag, diag, order);
    }
    order_root = root;
    return read_order(root, ro, reading.read, platform->fingerprint_tag, diag, order);
}

bool Call::load_request(std::string_view text, json::Value& out) {
    if (text.empty()) {
        out = json::Value();
        return true;
    }
    if (!request_doc.parse(text, options.limits, diag)) return false;
    out = request_doc.root();
    return true;
}

std::string render_envelope(const Diagnostics& diag, std::string result) {
    std::string head;
    json::Writer w(head);
    w.object();
    w.field("ok", !diag.has_errors());
    write_issues(w, "errors", diag.errors());
    write_issues(w, "warnings", diag.warnings());
    w.key("result");
    if (result.empty()) {
        w.null();
        w.end_object();
        return head;
    }
    // The result is spliced in place, not copied: for a large echo (previewEdit of 10,000 lines, ~9 MB) a
    // second copy would be the call's peak memory. Producers reserve kEnvelopeRoom for the head.
    result.insert(0, head);
    result += '}';
    return result;
}

std::string Call::envelope(std::string result) const { return render_envelope(diag, std::move(result)); }

void write_result_footer(json::Writer& w, const Order& order, const Platform& platform) {
    w.field("platform", platform.name);
    w.field("order_fingerprint", fingerprint_text(order.fingerprint));
    w.field("engine_version", kEngineVersion);
}

}  // namespace op
