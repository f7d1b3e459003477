#include "order.hpp"

namespace op {

std::string_view tx_kind_name(TxKind k) {
    static constexpr std::string_view names[] = {"sale", "authorization", "capture", "refund", "void"};
    return names[static_cast<int>(k)];
}

std::string_view line_kind_name(LineKind k) {
    static constexpr std::string_view names[] = {"item", "custom", "container", "discount", "credit", "other"};
    return names[static_cast<int>(k)];
}

std::string_view tx_status_name(TxStatus s) {
    static constexpr std::string_view names[] = {"succeeded", "pending", "failed"};
    return names[static_cast<int>(s)];
}

void Order::index_lines() {
    line_index.clear();
    line_index.reserve(lines.size());
    for (std::uint32_t i = 0; i < lines.size(); ++i) line_index.emplace(id_key(lines[i].id), i);
}

const Line* Order::find_line(const Id& id) const {
    const auto it = line_index.find(id_key(id));
    return it == line_index.end() ? nullptr : &lines[it->second];
}

const Transaction* Order::find_transaction(const Id& id) const {
    const auto it = transaction_index.find(id_key(id));
    return it == transaction_index.end() ? nullptr : &transactions[it->second];
}

Totals compute_totals(const std::vector<Line>& lines, const Shipping& shipping) {
    Totals t;
    for (const auto& line : lines) {
        t.lines_excl_tax += line.amount_excl_tax;
        t.lines_tax += line.total_tax;
        t.lines_incl_tax += line.amount_incl_tax;
        t.discounts += line.discount;
    }
    t.total_excl_tax = t.lines_excl_tax + shipping.amount_excl_tax;
    t.total_tax = t.lines_tax + shipping.total_tax;
    t.total_incl_tax = t.lines_incl_tax + shipping.amount_incl_tax;
    return t;
}

void apply_order_discount(Totals& t, std::int64_t discount_incl_tax) {
    // Applied after tax: the tax stays, the net and gross totals both drop, so excl + tax = incl still holds.
    t.discounts += discount_incl_tax;
    t.total_excl_tax -= discount_incl_tax;
    t.total_incl_tax -= discount_incl_tax;
}

namespace {

// FNV-1a, fed with fixed-width little-endian integers and length-prefixed text so the byte stream (and
// therefore the hash) is the same on every platform and build.
class Hasher {
public:
    void bytes(const void* data, std::size_t n) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < n; ++i) {
            h_ ^= p[i];
            h_ *= 0x100000001b3ULL;
        }
    }
    void integer(std::int64_t v) {
        unsigned char b[8];
        auto u = static_cast<std::uint64_t>(v);
        for (int i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>(u >> (8 * i));
        bytes(b, 8);
    }
    void text(std::string_view s) {
        integer(static_cast<std::int64_t>(s.size()));
        bytes(s.data(), s.size());
    }
    void id(const Id& v) {
        integer(v.is_string ? 1 : 0);
        text(v.text);
    }
    std::uint64_t value() const { return h_; }

private:
    std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

}  // namespace

std::uint64_t fingerprint(const Order& o) {
    Hasher h;
    h.text("order-preflight/fp1");
    h.integer(o.platform_tag);
    h.text(o.currency);
    h.integer(o.exponent);
    h.integer(o.tax_inclusive);
    h.text(o.status);
    h.text(o.payment_status);
    h.text(o.fulfillment_status);
    h.integer(static_cast<std::int64_t>(o.lines.size()));
    for (const auto& l : o.lines) {
        h.id(l.id);
        h.integer(l.digital);
        for (auto q : {l.quantity, l.current_quantity, l.fulfillable_quantity, l.editable_quantity,
                       l.refunded_quantity, l.refunded_in_place, l.amount_excl_tax, l.total_tax, l.discount,
                       l.refunded_excl_tax, l.refunded_incl_tax})
            h.integer(q);
        h.integer(l.has_rate ? l.tax_rate.units : -1);
        h.integer(l.tax_rate.scale);
        // Facts only some platforms give: hashed only when present, so other orders keep their fingerprints.
        if (l.kind != LineKind::item || l.unit_price != 0 || !l.state.empty() || l.returned_quantity != 0) {
            h.integer(static_cast<int>(l.kind));
            h.integer(l.unit_price);
            h.text(l.state);
            h.integer(l.returned_quantity);
            for (const auto& r : l.tax_rules) {
                h.integer(r.rate.units);
                h.integer(r.rate.scale);
                h.integer(r.share);
            }
        }
    }
    const auto& s = o.shipping;
    for (auto v : {s.amount_excl_tax, s.total_tax, s.refunded_excl_tax, s.refunded_incl_tax}) h.integer(v);
    h.integer(static_cast<std::int64_t>(o.transactions.size()));
    for (const auto& t : o.transactions) {
        h.id(t.id);
        h.id(t.parent_id);
        h.integer(static_cast<int>(t.kind));
        h.integer(static_cast<int>(t.status));
        h.integer(t.amount);
        // Facts only some platforms record: hashed only when set, so other orders keep their fingerprints.
        if (t.refunded_in_place != 0 || !t.gateway.empty() || t.manual_capture || t.expired || t.voided_in_place) {
            h.text("tx+");
            h.integer(t.refunded_in_place);
            h.text(t.gateway);
            h.integer(t.manual_capture);
            h.integer(t.expired);
            h.integer(t.voided_in_place);
        }
        if (!t.state.empty()) {
            h.text(t.state);
            for (const auto& p : t.positions) {
                h.id(p.line_id);
                h.integer(p.quantity);
                h.integer(p.amount);
            }
        }
    }
    if (o.order_discount_incl_tax != 0 || o.refunds_prorate_gross || o.anonymized) {
        h.text("order+");
        h.integer(o.order_discount_incl_tax);
        h.integer(o.refunds_prorate_gross);
        h.integer(o.anonymized);
    }
    const CashRounding plain;
    for (const CashRounding* c : {&o.item_rounding, &o.total_rounding})
        if (c->decimals != plain.decimals || c->interval != plain.interval || c->round_for_net != plain.round_for_net) {
            h.integer(c->decimals);
            h.integer(c->interval);
            h.integer(c->round_for_net);
        }
    if (o.tax_free || o.vertical_tax) h.integer(o.tax_free * 2 + o.vertical_tax);
    for (const auto& r : o.returns) {
        h.id(r.id);
        h.text(r.state);
        for (const auto& l : r.lines) {
            h.id(l.line_id);
            h.integer(l.quantity);
            h.integer(l.refund_amount);
            h.text(l.state);
        }
    }
    for (const auto& dl : o.deliveries) {
        h.id(dl.id);
        h.text(dl.state);
        h.integer(dl.shipping_total);
        for (const auto& [line, quantity] : dl.positions) {
            h.id(line);
            h.integer(quantity);
        }
        if (!dl.tax_type.empty()) h.text(dl.tax_type);
    }
    return h.value();
}

std::string fingerprint_text(std::uint64_t fp) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s = "fp1-";
    for (int i = 15; i >= 0; --i) s += kHex[(fp >> (4 * i)) & 15];
    return s;
}

}  // namespace op
