#include "session.hpp"

#include <memory>
#include <unordered_map>

#include "../ops/ops.hpp"
#include "../ops/call.hpp"
#include "../ops/order_facts.hpp"

namespace op {
namespace {

struct Session {
    Call call;  // keeps the parsed order, its options and the canonical model alive together
    // Line sources, line sums and unit counts, computed once: an edit preview then costs what it touches.
    OrderFacts facts;
};

struct Table {
    std::unordered_map<std::int64_t, std::unique_ptr<Session>> open;
    std::int64_t next_id = 1;
};

Table& table() {
    static Table t;
    return t;
}

struct Operation {
    std::string_view name;
    OrderOperation run;
};

constexpr Operation kOperations[] = {
    {"previewEdit", edit_result},       {"calculateRefund", refund_result}, {"validateRefund", validate_refund_result},
    {"previewCancel", cancel_result},   {"inspect", inspect_result},        {"deriveStatuses", statuses_result},
    {"previewReturn", return_result},   {"previewCaptureRefund", capture_refund_result},
};

std::string closed_envelope(std::int64_t id) {
    Diagnostics d;
    d.error_exact(Code::SESSION_CLOSED, "Session " + std::to_string(id) + " is closed (or was never opened); open the order again.",
                  "session");
    return render_envelope(d, {});
}

}  // namespace

std::string open_order(std::string_view order, std::string_view options) {
    auto session = std::make_unique<Session>();
    Call& call = session->call;
    if (table().open.size() >= kMaxOpenSessions) {
        call.diag.error(Code::LIMIT_EXCEEDED, {"At most ", kMaxOpenSessions,
                                               " sessions may be open at once; close the ones you no longer use."});
        return call.envelope({});
    }
    if (!call.load_options(options) || !call.load_order(order)) return call.envelope({});
    session->facts = compute_order_facts(call.order, call.order_root.get(call.platform->reading->lines_key));
    const std::int64_t id = table().next_id++;
    std::string result;
    json::Writer w(result);
    w.object();
    w.field("session", id);
    w.field("lines", static_cast<std::int64_t>(call.order.lines.size()));
    write_result_footer(w, call.order, *call.platform);
    w.end_object();
    std::string envelope = call.envelope(std::move(result));
    table().open.emplace(id, std::move(session));
    return envelope;
}

std::string session_call(std::int64_t id, std::string_view operation, std::string_view request, std::string_view options) {
    const auto it = table().open.find(id);
    if (it == table().open.end()) return closed_envelope(id);
    const Call& session = it->second->call;
    const OrderFacts& facts = it->second->facts;
    Diagnostics d;
    // The order was read when the session opened; its warnings belong to every answer about it, as in a one-shot call.
    for (const auto& w : session.diag.warnings()) d.warning_exact(w);
    const Operation* op = nullptr;
    for (const auto& candidate : kOperations)
        if (candidate.name == operation) op = &candidate;
    if (!op) {
        d.error_exact(Code::INVALID_VALUE, "'" + std::string(operation) + "' is not a session operation.", "operation");
        return render_envelope(d, {});
    }
    json::Document request_doc, options_doc;
    json::Value req, call_options = session.options.raw;
    {
        if (!request.empty() && !request_doc.parse(request, session.options.limits, d)) return render_envelope(d, {});
        req = request_doc.root();
    }
    if (!options.empty()) {
        auto at = d.at("options");
        if (!options_doc.parse(options, json::Limits{}, d)) return render_envelope(d, {});
        call_options = options_doc.root();
        for (std::string_view fixed : {"dialect", "profile", "limits", "tax_inclusive"})
            if (call_options.is_object() && call_options.get(fixed))
                d.warning_at(fixed, Code::INVALID_OPTION,
                             {"'", fixed, "' is fixed when the session opens; it is ignored here."});
    }
    // A request-level profile (default_tax_rate for previewEdit) still comes from the session's options.
    const OrderContext ctx{session.order, *session.platform, session.profile, session.options, session.order_root, call_options,
                           session.order_doc.source_bytes(), &facts, session.order_within};
    return render_envelope(d, op->run(ctx, req, d));
}

std::string close_order(std::int64_t id) {
    if (table().open.erase(id) == 0) return closed_envelope(id);
    Diagnostics d;
    std::string result;
    json::Writer w(result);
    w.object().field("session", id).field("closed", true).end_object();
    return render_envelope(d, std::move(result));
}

std::size_t open_session_count() { return table().open.size(); }

}  // namespace op
