// A platform is everything one commerce server knows: how its orders read into the canonical Order, which
// edits and cancellations it accepts, its field names, and the calls that carry a preview out. The operations
// in core/ops compute on the canonical model and ask the platform through this one table; only the platform
// folders and the registry name a platform (docs/architecture.md).
//
// Two roles: the platform that *read* the order speaks for its shape (echoes, refund results, request names);
// the platform whose *rules* apply (options.preset, else the same one) decides edits and cancellations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../diag/diagnostics.hpp"
#include "../json/document.hpp"
#include "../json/writer.hpp"
#include "../money/profile.hpp"
#include "../order/order.hpp"
#include "../order/previews.hpp"
#include "../order/reader.hpp"

namespace op {

// A fixed list of names kept in static storage (C++17 has no std::span).
struct NameList {
    const std::string_view* first = nullptr;
    std::size_t count = 0;
    constexpr NameList() = default;
    template <std::size_t N>
    constexpr NameList(const std::string_view (&names)[N]) : first(names), count(N) {}
    const std::string_view* begin() const { return first; }
    const std::string_view* end() const { return first + count; }
    bool contains(std::string_view name) const;
};

// What an edit's plan is written from.
struct EditPlanInput {
    const Order& order;
    const EditState& state;
    std::int64_t balance;      // > 0 the customer owes, < 0 the merchant owes
    json::Value call_options;  // this call's options (e.g. send_payment_notification)
};

// Reading the platform's order JSON.
struct OrderReading {
    bool (*claims)(json::Value root);  // nullptr: only chosen by options.dialect or as the default
    bool (*read)(json::Value root, const ReadOptions& options, Diagnostics& d, Order& out);
    Profile (*default_profile)();
    std::string_view lines_key;  // where the order lists its lines, for results that echo them
    std::string_view wrapper_key;  // non-empty: an order may arrive inside this member (a webhook's payload)
};

// Refund results and the bodies that refer to them, in the platform's names.
struct RefundSpeech {
    std::string_view notify_key;  // the create body's notification flag
    void (*write_calculation)(json::Writer& w, const Order& order, const RefundCalculation& calc);
    // The refund request that removes units instead of an edit (a plan whose balance the merchant owes).
    std::string_view lines_key;
    void (*write_removal_line)(json::Writer& w, const Id& line, std::int64_t quantity);
    // The platform's own refund request shape (nullptr: the refund_lines / refund_line_items reader).
    bool (*read_request)(json::Value request, const Order& order, Diagnostics& d, RefundRequest& out) = nullptr;
    // The platform's rules on a computed refund (order state, gateways), reported into `d` (nullptr: none).
    void (*check)(const Order& order, const RefundRequest& request, const RefundCalculation& calc, Diagnostics& d) = nullptr;
    // validateRefund of the platform's own create body (nullptr: the refund_lines body checked against a
    // recalculation): fills `calc` with what the body would refund, reporting each problem.
    void (*read_create)(json::Value body, const Order& order, Diagnostics& d, RefundCalculation& calc) = nullptr;
};

// previewEdit's echo of the order after the edits, in the order's own shape.
struct EditEcho {
    void (*write_line)(json::Writer& w, const EditedLine& line, int exponent);
    bool keeps_removed_lines;  // a removed line stays listed with quantity 0
    NameList totals_keys;      // the order's total members, rewritten after the edits
    void (*write_totals)(json::Writer& w, const Order& order, const Totals& after);
    // True when write_line of this unchanged line would give back its input object (the same members and values):
    // the JS package then reuses the caller's object instead of parsing the engine's copy (order_echo: "changes").
    bool (*line_is_source)(const EditedLine& line, int exponent) = nullptr;
};

// Which edits the server accepts (the operations check them; messages say why in the platform's terms).
struct EditRules {
    bool line_price_changes;            // update_line may set a new unit price
    std::string_view price_change_refusal;
    std::string_view items_refusal;     // non-empty: lines cannot be added, changed or removed
    std::string_view fulfilled_order_refusal;  // non-empty: a fulfilled order takes no edits
    bool address_locked_by_fulfilment;  // the address is locked while fulfilment processes
    std::string_view address_lock_refusal;
    // update_order's status and shipping members: nullptr when the platform changes them only by transitions.
    bool (*check_status_field)(std::string_view key, std::string_view value, const Order& order, Diagnostics& d);
    std::size_t reference_max_length;   // order_number and external_ref
    std::string_view reference_limit_note;
    NameList address_required;
    NameList added_product_keys;        // add_line's product member(s); the first is asked for when none is given
    // Why update_order cannot set `key` here, naming the call that does; empty when it can (nullptr: all can).
    std::string (*field_refusal)(std::string_view key);
    bool collects_payment;              // write_calls asks the customer for what they owe
    void (*write_calls)(json::Writer& plan, const EditPlanInput& input, Diagnostics& d);  // into the plan array
    NameList order_fields;              // update_order members the server takes (empty: all the engine knows)
    NameList address_members;           // shipping_address members the server takes (empty: any)
    std::string_view order_number_limit_note;  // non-empty: order_number's limit is the project's, said so
    // Why update_line / remove_line cannot touch this line (a promotion, a container …); empty when it can
    // (nullptr: every line can, within its editable quantity).
    std::string (*line_refusal)(const Line& line) = nullptr;
    // Recomputes the edited order as the server's own recalculation does (every line's price and taxes, shipping,
    // totals before and after, warnings on what it keeps); `state` then holds every line of the order, not only the
    // touched ones (include_every_line). nullptr: the frozen-per-unit amounts stand.
    void (*recalculate)(const Order& order, EditState& state, Diagnostics& d) = nullptr;
};

// What a cancellation asks for and what it leaves.
struct CancelRules {
    void (*read_request)(json::Value request, Diagnostics& d, CancelRequest& out);
    std::string_view fulfilled_refusal;  // non-empty: a fulfilled order cannot be cancelled
    std::string_view keeps_payment_note;  // non-empty: cancelling never refunds here; said when money was paid
    void (*write_statuses)(json::Writer& w, const Order& order, std::string_view payment_status_after);
    void (*write_call)(json::Writer& w, const Order& order, const CancelRequest& request);
    // What cancelling leaves to do (voids, refunds) as further calls; nullptr: nothing beyond `voids`.
    void (*write_follow_up)(json::Writer& w, const Order& order, Diagnostics& d) = nullptr;
};

// deriveStatuses' vocabulary.
enum class StatusWords : std::uint8_t {
    detailed,  // authorisation expiry, partial voids, not_required / processing / incomplete fulfilment
    basic,     // pending / authorized / paid / refunded and unfulfilled / partial / fulfilled
    balance,   // unpaid / partially_authorized / partially_paid / authorized / paid / refunded (what is still owed);
               // unfulfilled / fulfilled for the whole order; the order status follows the payment
};
struct StatusVocabulary {
    std::string_view payment_key;
    StatusWords words;
    std::string_view fulfillment_key = "fulfillment_status";  // the order's (and the machine's) fulfilment member
    std::string_view order_status_key = {};  // non-empty: the order status is derived too (from the payment)
    std::string_view statuses_at = {};       // the order member holding its statuses (empty: the order itself)
};

// previewReturn: returns as records of their own (who may return what, and the calls).
struct ReturnRules {
    void (*read_request)(json::Value request, const Order& order, Diagnostics& d, ReturnRequest& out);
    bool (*returnable)(const Line& line);
    NameList blocking_line_states;     // a line in one of these cannot be returned
    bool shipping_in_default_currency; // typed return shipping is multiplied by the order's currency factor
    void (*write_result)(json::Writer& w, const Order& order, const ReturnPreview& preview);
    void (*write_plan)(json::Writer& w, const Order& order, const ReturnPreview& preview);
};

// previewCaptureRefund: refunds recorded against one capture, with positions per line.
struct CaptureRefundRules {
    void (*read_request)(json::Value request, json::Value options, const Order& order, Diagnostics& d,
                         CaptureRefundRequest& out);
    NameList refundable_transaction_states;  // the capture's transaction must be in one of these
    NameList counted_refund_states;          // refunds that take from the capture
    std::string_view capture_done_state;     // the capture's state once captured
    void (*write_result)(json::Writer& w, const Order& order, const CaptureRefundPreview& preview);
};

// Status transitions with the order as context: the current state of one of the order's entities (order,
// delivery, transaction, capture, refund, return, line …) and the server call that applies an action to it.
struct EntityStates {
    // False with `problem` set when the entity is not in the order or its state is not loaded.
    bool (*state_of)(const Order& order, std::string_view type, const Id& id, std::string& state, std::string& problem);
    std::string_view machine_suffix;  // the preset's machine is type + suffix (".state")
    void (*write_call)(json::Writer& w, const Order& order, std::string_view type, const Id& id, std::string_view action);
    // Advice the server does not enforce (warnings): e.g. cancelling keeps captured money.
    void (*advise)(const Order& order, std::string_view type, const Id& id, std::string_view action, Diagnostics& d);
};

struct Platform {
    std::string_view name;           // as in options.dialect and options.preset
    std::uint8_t fingerprint_tag;    // stable per platform: part of every order fingerprint
    std::string_view payment_status_key;  // the order's payment status member
    const OrderReading* reading;     // nullptr: its rules apply to orders read by another platform
    const RefundSpeech* refund;
    const EditEcho* echo;
    const EditRules* edit;
    const CancelRules* cancel;
    const StatusVocabulary* statuses;  // nullptr: deriveStatuses does not speak this platform
    const ReturnRules* returns;        // nullptr: previewReturn does not apply
    const CaptureRefundRules* capture_refunds;  // nullptr: previewCaptureRefund does not apply
    const EntityStates* entities;      // nullptr: transitions take `from` / `state` from the request only
};

}  // namespace op
