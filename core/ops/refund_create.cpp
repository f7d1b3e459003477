// toRefundCreateRequest: the exact ordersRefundCreate body (seed 000) — or the v1 create body (seed 002) —
// for a calculation, so "preview, then send exactly this" is one step.
#include <algorithm>

#include "call.hpp"
#include "ops.hpp"
#include "../money/currency.hpp"
#include "../order/fields.hpp"

namespace op {
namespace {

// Accepts a whole envelope or just its result.
json::Value calculation_of(json::Value root, Diagnostics& d) {
    if (root.is_object() && root.get("ok") && root.get("result")) {
        if (!root.get("ok").boolean()) {
            d.error_at("ok", Code::INVALID_VALUE, "The calculation has errors; fix them before building the create request.");
            return {};
        }
        auto at = d.at("result");
        const json::Value result = root.get("result");
        if (!expect_object(result, d)) return {};
        return result;
    }
    if (!expect_object(root, d)) return {};
    return root;
}

// Calculation pieces of one line with the same restock are merged into one body entry: the server refuses a
// line listed twice with the same restock type, and cumulative proration makes the merged units cost exactly
// what the pieces cost together (found by fuzz_refund_create: a line listed twice with restock omitted).
struct BodyLine {
    json::Value id;
    std::string key;  // typed id + restock, for merging
    std::int64_t quantity = 0;
    std::string restock;
};

void write_lines(json::Writer& w, json::Value calc, bool v1, Diagnostics& d) {
    const std::string_view list_key = v1 ? "refund_line_items" : "refund_lines";
    const std::string_view id_key = v1 ? "line_item_id" : "line_id";
    json::Value lines;
    read_array(calc, list_key, d, lines);
    std::vector<BodyLine> body;
    {
        auto at = d.at(list_key);
        for_each_object(lines, d, [&](json::Value l, std::size_t) {
            Id id;
            std::int64_t qty = 0;
            std::string restock;
            require(read_id(l, id_key, d, id), id_key, d);
            require(read_count(l, "quantity", d, qty), "quantity", d);
            require(read_text(l, "restock_type", d, restock, 32), "restock_type", d);
            if (v1) restock = restock == "no_restock" ? "false" : "true";
            const std::string key = join({op::id_key(id), "|", restock});
            auto same = std::find_if(body.begin(), body.end(), [&](const BodyLine& b) { return b.key == key; });
            if (same != body.end()) same->quantity += qty;
            else body.push_back({l.get(id_key), key, qty, restock});
        });
    }
    w.key(list_key).array();
    for (const auto& b : body) {
        w.object();
        w.key(id_key).copy(b.id);
        w.field("quantity", b.quantity);
        if (v1) w.field("restock", b.restock == "true");
        else w.field("restock_type", b.restock);
        w.end_object();
    }
    w.end_array();
}

// full_refund is true when the calculation refunds all the shipping that was left.
void write_shipping(json::Writer& w, json::Value calc, bool v1, int exponent, Diagnostics& d) {
    const std::string_view key = v1 ? "shipping" : "refund_shipping";
    const std::string_view amount_key = v1 ? "amount" : "amount_excl_tax";
    const std::string_view left_key = v1 ? "maximum_refundable" : "refundable_amount";
    auto at = d.at(key);
    const json::Value shipping = calc.get(key);
    std::int64_t amount = 0, left = 0;
    if (!expect_object(shipping, d) || !require(read_amount(shipping, amount_key, exponent, d, amount), amount_key, d) ||
        !require(read_amount(shipping, left_key, exponent, d, left), left_key, d))
        return;
    const bool full = amount > 0 && amount == left;
    w.key(key).object();
    if (v1) {
        if (full) w.field("full_refund", true);
        else w.amount_field("amount", amount, exponent);
    } else {
        w.amount_field("amount_excl_tax", amount, exponent);
        w.field("full_refund", full);
    }
    w.end_object();
}

void write_transactions(json::Writer& w, json::Value calc, bool v1, int exponent, Diagnostics& d) {
    json::Value txs;
    read_array(calc, "transactions", d, txs);
    auto at = d.at("transactions");
    const std::string_view id_key = v1 ? "parent_id" : "id";
    w.key("transactions").array();
    std::size_t i = 0;
    for (auto it = txs.begin(); it != txs.end(); ++it, ++i) {
        auto at_i = d.at(i);
        const json::Value t = *it;
        Id id;
        std::int64_t amount = 0;
        if (!expect_object(t, d) || !require(read_id(t, id_key, d, id), id_key, d) ||
            !require(read_amount(t, "amount", exponent, d, amount), "amount", d))
            continue;
        w.object();
        w.key(id_key).copy(t.get(id_key));
        w.amount_field("amount", amount, exponent);
        if (v1) {
            w.field("kind", "refund");
            // The v1 create body names the gateway of the transaction it refunds (v1 reference, "Create Refund").
            if (const json::Value g = t.get("gateway"); g.is_string()) w.field("gateway", g.text());
        }
        w.end_object();
    }
    w.end_array();
}

// A calculation that already carries its calls (one refund call per transaction, amounts in minor units): the
// create request is those calls, with the note in each body's options, and the amount per transaction.
void write_carried_calls(json::Writer& w, json::Value calc, const std::string& note, Diagnostics& d) {
    w.object();
    w.key("transactions").array();
    const json::Value requests = calc.get("requests");
    const json::Value txs = calc.get("transactions");
    {
        auto at = d.at("requests");
        std::size_t i = 0;
        for (auto it = requests.begin(); it != requests.end(); ++it, ++i) {
            auto at_i = d.at(i);
            const json::Value call = *it;
            const json::Value body = call.is_object() ? call.get("body") : json::Value();
            const json::Value data = body.is_object() ? body.get("data") : json::Value();
            const json::Value amount = data.is_object() ? data.get("amount") : json::Value();
            const json::Value tx = txs.is_array() && i < txs.size() ? txs.at(i) : json::Value();
            if (!amount.is_integer() || !tx.is_object() || !tx.get("id")) {
                d.error(Code::INVALID_VALUE, "A carried refund call needs body.data.amount in integer minor units and its transaction.");
                continue;
            }
            w.object().key("id").copy(tx.get("id")).key("amount").copy(amount).end_object();
        }
    }
    w.end_array();
    w.key("requests").array();
    for_each_object(requests, d, [&](json::Value call, std::size_t) {
        w.object();
        for (auto it = call.begin(); it != call.end(); ++it) {
            if (it.key() != "body") {
                w.key(it.key()).copy(*it);
                continue;
            }
            const json::Value data = (*it).get("data");
            w.key("body").object().key("data").object();
            if (data.is_object())
                for (auto jt = data.begin(); jt != data.end(); ++jt)
                    if (jt.key() != "options") w.key(jt.key()).copy(*jt);
            if (!note.empty()) w.key("options").object().field("note", note).end_object();
            w.end_object().end_object();
        }
        w.end_object();
    });
    w.end_array();
    w.end_object();
}

}  // namespace

std::string refund_create_envelope(std::string_view calculation, std::string_view request, std::string_view options) {
    Diagnostics d;
    json::Document calc_doc, req_doc, opt_doc;
    std::string out;
    {
        auto at = d.at("calculation");
        if (!calc_doc.parse(calculation, json::Limits{}, d)) return render_envelope(d, out);
    }
    const json::Value req = [&] {
        auto at = d.at("request");
        return request.empty() || !req_doc.parse(request, json::Limits{}, d) ? json::Value() : req_doc.root();
    }();
    // options.profile.currency_exponents: a currency the calculation was made with by override.
    CallOptions call_options;
    const bool options_parsed = options.empty() || [&] {
        auto at_o = d.at("options");
        return opt_doc.parse(options, json::Limits{}, d);
    }();
    if (options_parsed && opt_doc.root()) read_options(opt_doc.root(), d, call_options);
    auto at = d.at("calculation");
    const json::Value calc = calculation_of(calc_doc.root(), d);
    if (!calc) return render_envelope(d, out);
    if (calc.get("requests").is_array()) {
        std::string note;
        if (req && req.is_object()) {
            auto at_r = d.at("request");
            read_text(req, "note", d, note, 5000);
        }
        json::Writer w(out);
        write_carried_calls(w, calc, note, d);
        if (d.has_errors()) out.clear();
        return render_envelope(d, out);
    }
    const bool v1 = static_cast<bool>(calc.get("refund_line_items"));
    std::string currency;
    int exponent = 2;
    if (require(read_text(calc, "currency", d, currency, 16), "currency", d)) {
        const auto& overrides = call_options.overrides.currency_exponents;
        const auto o = std::find_if(overrides.begin(), overrides.end(), [&](const auto& x) { return x.first == currency; });
        if (o != overrides.end()) exponent = o->second;
        else if (auto c = find_currency(currency)) exponent = c->exponent;
        else
            d.error_at("currency", Code::UNKNOWN_CURRENCY, {"'", currency, "' is not an active ISO 4217 currency."});
    }

    std::string note;
    // 29next's RefundOrder.send_refund_notification defaults to true when omitted (the contract); v1's
    // notify_customer to false.
    bool notify = !v1;
    {
        auto at_r = d.at("request");
        if (req) {
            if (expect_object(req, d)) {
                read_text(req, "note", d, note, 5000);
                read_bool(req, v1 ? "notify_customer" : "send_refund_notification", d, notify);
            }
        }
    }
    json::Writer w(out);
    w.object();
    if (!note.empty()) w.field("note", note);
    if (v1) {
        w.field("notify_customer", notify);
        write_shipping(w, calc, true, exponent, d);
        write_lines(w, calc, true, d);
    } else {
        write_lines(w, calc, false, d);
        write_shipping(w, calc, false, exponent, d);
        w.field("send_refund_notification", notify);
    }
    write_transactions(w, calc, v1, exponent, d);
    w.end_object();
    if (d.has_errors()) out.clear();
    return render_envelope(d, out);
}

}  // namespace op
