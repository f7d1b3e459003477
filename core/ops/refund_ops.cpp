// calculateRefund and validateRefund: entry points over a read order (shared with sessions).
#include <unordered_set>

#include "call.hpp"
#include "../order/fields.hpp"
#include "ops.hpp"
#include "refund.hpp"

namespace op {
namespace {

struct RequestedTransaction {
    const Transaction* tx = nullptr;
    std::int64_t amount = 0;
};

// The create body's transactions: 29next [{id, amount}], v1 [{parent_id, amount, kind, gateway}].
std::int64_t check_transactions(json::Value list, const Order& order, Diagnostics& d) {
    std::int64_t total = 0;
    std::unordered_set<const Transaction*> seen;
    auto at = d.at("transactions");
    for_each_object(list, d, [&](json::Value v, std::size_t) {
        Id id;
        const std::string_view id_key = v.get("parent_id") ? "parent_id" : "id";
        std::int64_t amount = 0;
        if (!require(read_id(v, id_key, d, id), "id", d)) return;
        if (!require(read_amount(v, "amount", order.exponent, d, amount), "amount", d)) return;
        if (amount <= 0) {
            d.error_at("amount", Code::INVALID_AMOUNT, "A refund transaction amount must be positive.");
            return;
        }
        const Transaction* tx = order.find_transaction(id);
        if (!tx) {
            d.error_at(id_key, Code::TRANSACTION_NOT_FOUND, {"The order has no transaction ", id.text, "."});
            return;
        }
        if (!seen.insert(tx).second) {
            d.error_at(id_key, Code::DUPLICATE_ID, {"Transaction ", id.text, " is listed twice."});
            return;
        }
        total += amount;
        if (tx->kind == TxKind::authorization && tx->status == TxStatus::succeeded) {
            d.error_at(id_key, Code::PAYMENT_NOT_CAPTURED,
                       {"Transaction ", id.text, " is an authorisation: refund its capture, or void it instead."});
        } else if (!tx->is_payment()) {
            d.error_at(id_key, Code::INVALID_VALUE,
                       {"Transaction ", id.text, " is a ", tx_status_name(tx->status), " ", tx_kind_name(tx->kind),
                        ": only succeeded sales and captures can be refunded."});
        } else if (amount > tx->refundable) {
            d.error_at(
                "amount", Code::REFUND_EXCEEDS_TOTAL,
                {"Transaction ", id.text, " has ", Part::amount(tx->refundable, order.exponent), " left to refund."});
        }
    });
    return total;
}

void check_restock_given(const RefundRequest& request, const RefundCalculation& calc, Diagnostics& d) {
    auto at = d.at(request.lines_key);
    for (const auto& req : request.lines) {
        if (req.restock || req.restock_goods) continue;
        for (const auto& l : calc.lines)
            if (l.request_index == req.index) {
                auto at_i = d.at(req.index);
                d.warning_at("restock_type", Code::REFUND_MISMATCH,
                             {"restock_type is omitted; the calculation uses ", restock_name(l.restock), "."});
                break;
            }
    }
}

std::string render(const OrderContext& ctx, const RefundCalculation& calc) {
    std::string out;
    json::Writer w(out);
    w.object();
    ctx.platform.refund->write_calculation(w, ctx.order, calc);
    write_result_footer(w, ctx.order, ctx.platform);
    w.end_object();
    return out;
}

// The platform reads its own request shape where it has one.
bool read_request(const OrderContext& ctx, json::Value request, Diagnostics& d, RefundRequest& req) {
    if (!ctx.platform.refund) {
        d.error(Code::INVALID_VALUE, {"Refunds are not previewed for ", ctx.platform.name, " orders."});
        return false;
    }
    if (ctx.platform.refund->read_request) ctx.platform.refund->read_request(request, ctx.order, d, req);
    else read_refund_request(request, ctx.order, d, req);
    return request.is_object();
}

}  // namespace

std::string refund_result(const OrderContext& ctx, json::Value request, Diagnostics& d) {
    if (!platform_supports(ctx.platform.refund, ctx, "calculateRefund", d)) return {};
    RefundRequest req;
    if (!read_request(ctx, request, d, req)) return {};
    RefundCalculation calc;
    if (!calculate_refund(ctx.order, ctx.profile, req, d, calc)) return {};
    if (ctx.platform.refund->check) ctx.platform.refund->check(ctx.order, req, calc, d);
    return render(ctx, calc);
}

std::string validate_refund_result(const OrderContext& ctx, json::Value request, Diagnostics& d) {
    if (!platform_supports(ctx.platform.refund, ctx, "validateRefund", d)) return {};
    if (ctx.platform.refund && ctx.platform.refund->read_create) {
        RefundCalculation calc;
        ctx.platform.refund->read_create(request, ctx.order, d, calc);
        if (!request.is_object()) return {};
        if (ctx.platform.refund->check) ctx.platform.refund->check(ctx.order, RefundRequest{}, calc, d);
        return render(ctx, calc);
    }
    RefundRequest req;
    if (!read_request(ctx, request, d, req)) return {};
    RefundCalculation calc;
    calculate_refund(ctx.order, ctx.profile, req, d, calc);
    if (ctx.platform.refund->check) ctx.platform.refund->check(ctx.order, req, calc, d);
    check_restock_given(req, calc, d);
    std::string note;
    read_text(request, "note", d, note, 5000);
    bool notify = false;
    read_bool(request, ctx.platform.refund->notify_key, d, notify);
    json::Value txs;
    if (read_array(request, "transactions", d, txs)) {
        if (!txs || txs.size() == 0) {
            d.error_at("transactions", Code::MISSING_FIELD, "A refund body needs the transactions to refund (from the calculation).");
        } else {
            const std::int64_t total = check_transactions(txs, ctx.order, d);
            if (total != calc.amount_incl_tax)
                d.error_at("transactions", Code::REFUND_MISMATCH,
                           {"The transactions add up to ", Part::amount(total, ctx.order.exponent),
                            " but the refund is ", Part::amount(calc.amount_incl_tax, ctx.order.exponent), "."});
        }
    }
    return render(ctx, calc);
}

}  // namespace op
