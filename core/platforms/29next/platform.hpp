// The 29next Admin API (2024-04-01): the module's parts, assembled into k29next by platform.cpp.
#pragma once

#include "../plan.hpp"
#include "../platform.hpp"

namespace op::n29next {

inline constexpr std::string_view kApiVersionHeader = "X-29next-API-Version";  // as the contract spells it
inline constexpr std::string_view kApiVersion = "2024-04-01";

bool read_order(json::Value root, const ReadOptions& options, Diagnostics& d, Order& out);
void write_refund_calculation(json::Writer& w, const Order& order, const RefundCalculation& calc);
void write_removal_line(json::Writer& w, const Id& line, std::int64_t quantity);

void write_edited_line(json::Writer& w, const EditedLine& line, int exponent);
bool edited_line_is_source(const EditedLine& line, int exponent);
void write_totals_after(json::Writer& w, const Order& order, const Totals& after);
void write_edit_calls(json::Writer& w, const EditPlanInput& input, Diagnostics& d);

void read_cancel_request(json::Value request, Diagnostics& d, CancelRequest& out);
void write_cancel_statuses(json::Writer& w, const Order& order, std::string_view payment_status_after);
void write_cancel_call(json::Writer& w, const Order& order, const CancelRequest& request);

}  // namespace op::n29next
