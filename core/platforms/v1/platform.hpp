// The generic "v1" Orders API: the module's parts, assembled into kV1 by platform.cpp.
#pragma once

#include "../plan.hpp"
#include "../platform.hpp"

namespace op::v1 {

bool read_order(json::Value root, const ReadOptions& options, Diagnostics& d, Order& out);
void write_refund_calculation(json::Writer& w, const Order& order, const RefundCalculation& calc);

void write_edited_line(json::Writer& w, const EditedLine& line, int exponent);
bool edited_line_is_source(const EditedLine& line, int exponent);
void write_totals_after(json::Writer& w, const Order& order, const Totals& after);
void write_edit_calls(json::Writer& w, const EditPlanInput& input, Diagnostics& d);

void read_cancel_request(json::Value request, Diagnostics& d, CancelRequest& out);
void write_cancel_statuses(json::Writer& w, const Order& order, std::string_view payment_status_after);
void write_cancel_call(json::Writer& w, const Order& order, const CancelRequest& request);

}  // namespace op::v1
