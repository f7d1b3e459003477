// The Shopware module's operation parts, assembled by platform.cpp.
#pragma once

#include "platform.hpp"

namespace op::shopware {

std::string_view tax_status(const Order& o);

void read_return_request(json::Value request, const Order& order, Diagnostics& d, ReturnRequest& out);
bool returnable(const Line& line);
void write_return_result(json::Writer& w, const Order& o, const ReturnPreview& p);
void write_return_plan(json::Writer& w, const Order& o, const ReturnPreview& p);

void read_capture_refund_request(json::Value request, json::Value options, const Order& order, Diagnostics& d,
                                 CaptureRefundRequest& out);
void write_capture_refund_result(json::Writer& w, const Order& o, const CaptureRefundPreview& p);

bool entity_state(const Order& order, std::string_view type, const Id& id, std::string& state, std::string& problem);
void advise_transition(const Order& order, std::string_view type, const Id& id, std::string_view action, Diagnostics& d);
void write_transition_call(json::Writer& w, const Order& order, std::string_view type, const Id& id, std::string_view action);

std::string edit_line_refusal(const Line& line);
std::string edit_field_refusal(std::string_view key);
void recalculate_edit(const Order& order, EditState& state, Diagnostics& d);
void write_edit_calls(json::Writer& w, const EditPlanInput& input, Diagnostics& d);

}  // namespace op::shopware
