// Tools the platforms share to write their server calls: one call object {method, path, operation, headers,
// body} at a time, and the edited order-level members where the last edit of a member wins.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "../json/writer.hpp"
#include "../order/previews.hpp"
#include "platform.hpp"

namespace op {

class PlanWriter {
public:
    // `header: value` is sent with every call besides Content-Type (an API version, for example).
    explicit PlanWriter(json::Writer& w, std::string_view header = {}, std::string_view value = {})
        : w_(w), header_(header), value_(value) {}

    // Starts a call; the caller writes the body (or not) and calls end().
    void call(std::string_view method, const std::string& path, std::string_view operation);
    json::Writer& body() { return w_.key("body"); }
    void end() { w_.end_object(); }
    json::Writer& w() { return w_; }

private:
    json::Writer& w_;
    std::string_view header_;
    std::string_view value_;
};

// Echoes an id with the JSON type it came in.
inline void write_id(json::Writer& w, const Id& id) {
    if (id.is_string)
        w.string(id.text);
    else if (id.text.empty())
        w.null();
    else
        w.raw_number(id.text);
}

// An id in a path, or the template's placeholder when the order does not carry it.
std::string path_id(const Id& id, std::string_view placeholder);
std::string path_text(const std::string& text, std::string_view placeholder);

// Writes the order-level members the edits set; a member edited twice is written once, with its last value.
void write_edited_fields(json::Writer& w, const EditState& state, NameList except = {});

// Copies an object's members except `keys` (line echoes rewrite the members an edit changes).
void copy_members_except(json::Writer& w, json::Value object, NameList keys);

}  // namespace op
