// The refund rules of seed 000 (restock types, cumulative proration, shipping, transactions); every rule
// is listed with its source in docs/rules.md "Refunds".
#include <algorithm>
#include <map>

#include "refund.hpp"

namespace op {
namespace {


// Units of one line claimed by this request so far, per pool, and in total (for the proration offset).
struct Claims {
    std::int64_t fulfilled = 0;
    std::int64_t unfulfilled = 0;
    std::int64_t units() const { return fulfilled + unfulfilled; }
};

std::int64_t fulfilled_pool(const Line& l) { return std::max<std::int64_t>(0, l.fulfilled_quantity - l.refunded_in_place); }
std::int64_t unfulfilled_pool(const Line& l) { return l.fulfillable_quantity; }

std::string line_name(const Line& l) { return join({"line ", l.id.text}); }

// Finds the line for a request id; an id that matches only with another JSON type is its own error.
const Line* find_line(const Order& order, const Id& id, std::string_view id_key, Diagnostics& d) {
    if (const Line* l = order.find_line(id)) return l;
    for (const auto& l : order.lines)
        if (l.id.text == id.text) {
            d.error_at(id_key, Code::INVALID_ID,
                       {id_key, " ", id.text, " is a ", (id.is_string ? "string" : "number"),
                        " but the order's line id is a ", (l.id.is_string ? "string" : "number"), "."});
            return nullptr;
        }
    d.error_at(id_key, Code::LINE_ITEM_NOT_FOUND, {"The order has no line ", id.text, "."});
    return nullptr;
}

// Amounts for units (from, from + count] of a line, each component prorated cumulatively over the line's
// current units. Tax-inclusive orders prorate the gross so the customer sees the unit prices they paid.
void prorate_line(const Line& l, bool inclusive, Proration mode, std::int64_t from, std::int64_t count, RefundLine& out) {
    const std::int64_t basis = l.current_quantity;
    out.total_tax = prorate_units(l.total_tax, basis, from, count, mode);
    if (inclusive) {
        out.amount_incl_tax = prorate_units(l.amount_incl_tax, basis, from, count, mode);
        out.amount_excl_tax = out.amount_incl_tax - out.total_tax;
    } else {
        out.amount_excl_tax = prorate_units(l.amount_excl_tax, basis, from, count, mode);
        out.amount_incl_tax = out.amount_excl_tax + out.total_tax;
    }
}

void add_piece(const Order& order, const Profile& profile, const Line& line, const RefundLineRequest& req, Restock restock,
               std::int64_t pool_before, std::int64_t qty, Claims& claims, RefundCalculation& out) {
    RefundLine r;
    r.line = &line;
    r.request_index = req.index;
    r.quantity = qty;
    r.restock = restock;
    r.restock_goods = restock != Restock::no_restock;
    r.refundable_quantity = pool_before;
    prorate_line(line, order.tax_inclusive || order.refunds_prorate_gross, profile.proration, line.refunded_in_place + claims.units(), qty, r);
    if (restock == Restock::cancel)
        claims.unfulfilled += qty;
    else
        claims.fulfilled += qty;
    out.lines.push_back(r);
}

// One request entry with an explicit restock type: all units from that type's pool.
void explicit_restock(const Order& order, const Profile& profile, const Line& line, const RefundLineRequest& req,
                      Restock restock, Claims& claims, Diagnostics& d, RefundCalculation& out) {
    if (restock == Restock::return_ && line.digital) {
        d.error_at("restock_type", Code::INVALID_RESTOCK_TYPE,
                   {line_name(line), " is digital: fulfilled digital units must use no_restock."});
        return;
    }
    const bool cancel = restock == Restock::cancel;
    const std::int64_t pool = cancel ? unfulfilled_pool(line) - claims.unfulfilled : fulfilled_pool(line) - claims.fulfilled;
    const std::int64_t whole_pool = cancel ? unfulfilled_pool(line) : fulfilled_pool(line);
    if (whole_pool == 0) {
        if (cancel)
            d.error_at("restock_type", Code::INVALID_RESTOCK_TYPE,
                       {line_name(line), " has no unfulfilled units to cancel; use ",
                        line.digital ? "no_restock" : "return or no_restock", "."});
        else
            d.error_at("restock_type", Code::INVALID_RESTOCK_TYPE,
                       {line_name(line), " has no fulfilled units left to refund; unfulfilled units use cancel."});
        return;
    }
    if (req.quantity > pool) {
        d.error_at("quantity", Code::INVALID_QUANTITY,
                   {"Only ", pool, " unit(s) of ", line_name(line), " can be refunded with restock_type ",
                    restock_name(restock), "."});
        return;
    }
    add_piece(order, profile, line, req, restock, pool, req.quantity, claims, out);
}

// No restock type (or v1's boolean): fulfilled units first, then unfulfilled ones (seed 000 worked example).
void suggested_restock(const Order& order, const Profile& profile, const Line& line, const RefundRequest& request,
                       const RefundLineRequest& req, Claims& claims, Diagnostics& d, RefundCalculation& out) {
    const bool goods = req.restock_goods.value_or(false);
    if (goods && line.digital && fulfilled_pool(line) > 0) {
        d.error_at(request.restock_key, Code::INVALID_RESTOCK_TYPE,
                   {line_name(line), " is digital: fulfilled digital units cannot be restocked (no_restock)."});
        return;
    }
    const std::int64_t fulfilled = fulfilled_pool(line) - claims.fulfilled;
    const std::int64_t unfulfilled = unfulfilled_pool(line) - claims.unfulfilled;
    if (req.quantity > fulfilled + unfulfilled) {
        d.error_at("quantity", Code::INVALID_QUANTITY,
                   {"Only ", fulfilled + unfulfilled, " unit(s) of ", line_name(line), " can still be refunded."});
        return;
    }
    const std::int64_t from_fulfilled = std::min(req.quantity, fulfilled);
    if (from_fulfilled > 0)
        add_piece(order, profile, line, req, goods ? Restock::return_ : Restock::no_restock, fulfilled, from_fulfilled, claims, out);
    if (req.quantity > from_fulfilled)
        add_piece(order, profile, line, req, Restock::cancel, unfulfilled, req.quantity - from_fulfilled, claims, out);
}

void refund_shipping(const Order& order, const Profile& profile, const RefundRequest& request, Diagnostics& d,
                     RefundShipping& out) {
    const Shipping& s = order.shipping;
    out.refundable_amount = std::max<std::int64_t>(0, s.remaining_excl_tax());
    const ShippingRequest& req = request.shipping;
    if (!req.present) return;
    std::int64_t amount = 0;
    if (req.full) {
        amount = out.refundable_amount;
        out.full = true;
    } else if (req.amount_excl_tax) {
        amount = *req.amount_excl_tax;
        if (amount > out.refundable_amount) {
            auto at = d.at(request.shipping_key);
            d.error_at(
                request.amount_key, Code::SHIPPING_REFUND_EXCEEDS_REMAINING,
                {"Only ", Part::amount(out.refundable_amount, order.exponent), " of shipping is left to refund."});
            return;
        }
    }
    // Shipping tax is prorated cumulatively over the shipping amount, so partial shipping refunds sum to the tax.
    out.amount_excl_tax = amount;
    out.total_tax = prorate_cumulative(s.total_tax, s.amount_excl_tax, s.refunded_excl_tax + amount, profile.proration) -
                    prorate_cumulative(s.total_tax, s.amount_excl_tax, s.refunded_excl_tax, profile.proration);
    out.amount_incl_tax = out.amount_excl_tax + out.total_tax;
}

// A named transaction must be the order's, and a payment that money can go back to.
bool check_named_transaction(const Order& order, const RefundRequest& request, Diagnostics& d) {
    const Id& id = request.transaction_id;
    const Transaction* tx = order.find_transaction(id);
    if (!tx) {
        d.error_at(request.transaction_key, Code::TRANSACTION_NOT_FOUND,
                   {"The order has no transaction ", id.text, "."});
        return false;
    }
    if (tx->kind == TxKind::authorization) {
        d.error_at(request.transaction_key, Code::PAYMENT_NOT_CAPTURED,
                   {"Transaction ", id.text,
                    " is an authorisation, not a captured payment: void it (or capture it first) instead."});
        return false;
    }
    if (!tx->is_payment()) {
        d.error_at(request.transaction_key, Code::PAYMENT_NOT_CAPTURED,
                   {"Transaction ", id.text, " is ", tx_status_name(tx->status),
                    ": only completed payments can be refunded."});
        return false;
    }
    return true;
}

}  // namespace

bool allocate_refund(const Order& order, const Profile& profile, std::int64_t amount, Diagnostics& d,
                     std::vector<TransactionAllocation>& out, const Id& only) {
    std::vector<const Transaction*> candidates;
    std::int64_t refundable = 0;
    for (const auto& tx : order.transactions)
        if (tx.is_payment() && tx.refundable > 0 && (!only.present() || same_id(tx.id, only))) {
            candidates.push_back(&tx);
            refundable += tx.refundable;
        }
    if (amount > refundable) {
        if (only.present()) {
            d.error(Code::REFUND_EXCEEDS_TOTAL,
                    {"The refund is ", Part::amount(amount, order.exponent), " but transaction ", only.text,
                     " has only ", Part::amount(refundable, order.exponent), " left to refund."});
        } else if (order.payments.authorized_uncaptured > 0)
            d.error(Code::PAYMENT_NOT_CAPTURED,
                    {Part::amount(order.payments.authorized_uncaptured, order.exponent),
                     " is only authorised, not captured: uncaptured payments cannot be partially refunded. Void the "
                     "authorisation or cancel the order instead, or capture it first."});
        else
            d.error(Code::REFUND_EXCEEDS_TOTAL, {"The refund is ", Part::amount(amount, order.exponent), " but only ",
                                                 Part::amount(refundable, order.exponent), " is refundable."});
        return false;
    }
    switch (profile.refund_allocation) {
        case RefundAllocation::oldest_first: break;
        case RefundAllocation::newest_first: std::reverse(candidates.begin(), candidates.end()); break;
        case RefundAllocation::largest_first:
            std::stable_sort(candidates.begin(), candidates.end(),
                             [](const Transaction* a, const Transaction* b) { return a->refundable > b->refundable; });
            break;
    }
    std::int64_t left = amount;
    for (const Transaction* tx : candidates) {
        if (left == 0) break;
        const std::int64_t take = std::min(left, tx->refundable);
        out.push_back({tx, take});
        left -= take;
    }
    return true;
}

bool calculate_refund(const Order& order, const Profile& profile, const RefundRequest& request, Diagnostics& d,
                      RefundCalculation& out) {
    std::map<const Line*, Claims> claims;
    std::map<std::pair<const Line*, int>, std::size_t> explicit_seen;
    {
        auto at = d.at(request.lines_key);
        for (const auto& req : request.lines) {
            auto at_i = d.at(req.index);
            if (!req.valid) continue;  // already reported by the reader
            const Line* line = find_line(order, req.line_id, request.id_key, d);
            if (!line) continue;
            if (req.restock) {
                const auto key = std::make_pair(line, static_cast<int>(*req.restock));
                if (explicit_seen.count(key)) {
                    d.error_at("restock_type", Code::DUPLICATE_REFUND_LINE,
                               {line_name(*line), " already appears at ", request.lines_key, "[", explicit_seen[key],
                                "] with restock_type ", restock_name(*req.restock), "."});
                    continue;
                }
                explicit_seen[key] = req.index;
                explicit_restock(order, profile, *line, req, *req.restock, claims[line], d, out);
            } else {
                suggested_restock(order, profile, *line, request, req, claims[line], d, out);
            }
        }
    }
    refund_shipping(order, profile, request, d, out.shipping);
    if (request.amount) {
        if (!request.lines.empty() || request.shipping.present) {
            d.error_at("amount", Code::INVALID_VALUE, "Give either items or an amount, not both.");
            return true;
        }
        out.amount_only = true;
        out.amount_incl_tax = out.amount_excl_tax = *request.amount;
    }
    if (request.transaction_id.present() && !check_named_transaction(order, request, d)) return true;

    for (const auto& l : out.lines) {
        out.amount_excl_tax += l.amount_excl_tax;
        out.total_tax += l.total_tax;
        out.amount_incl_tax += l.amount_incl_tax;
    }
    out.amount_excl_tax += out.shipping.amount_excl_tax;
    out.total_tax += out.shipping.total_tax;
    out.amount_incl_tax += out.shipping.amount_incl_tax;
    if (out.lines.empty() && out.shipping.amount_excl_tax == 0 && !out.amount_only) {
        if (!d.has_errors()) d.error(Code::NOTHING_TO_REFUND, "The request refunds no units and no shipping.");
        return true;
    }
    // The valid parts are still computed and shown when other parts have errors, so a UI can mark the
    // wrong field and keep the rest of the preview; ok stays false.
    allocate_refund(order, profile, out.amount_incl_tax, d, out.transactions, request.transaction_id);
    return true;
}

}  // namespace op
