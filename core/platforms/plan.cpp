#include "plan.hpp"

namespace op {

void PlanWriter::call(std::string_view method, const std::string& path, std::string_view operation) {
    w_.object();
    w_.field("method", method);
    w_.field("path", path);
    // An empty operation: the route is not in the platform's published contract (docs/rules.md names it).
    if (operation.empty())
        w_.key("operation").null();
    else
        w_.field("operation", operation);
    w_.key("headers").object();
    if (!header_.empty()) w_.field(header_, value_);
    w_.field("Content-Type", "application/json");
    w_.end_object();
}

std::string path_id(const Id& id, std::string_view placeholder) {
    return id.present() ? id.text : std::string(placeholder);
}

std::string path_text(const std::string& text, std::string_view placeholder) {
    return text.empty() ? std::string(placeholder) : text;
}

void write_edited_fields(json::Writer& w, const EditState& s, NameList except) {
    for (std::size_t i = 0; i < s.fields.size(); ++i) {
        if (except.contains(s.fields[i].first)) continue;
        bool later = false;
        for (std::size_t j = i + 1; j < s.fields.size(); ++j) later = later || s.fields[j].first == s.fields[i].first;
        if (!later) w.key(s.fields[i].first).copy(s.fields[i].second);
    }
}

void copy_members_except(json::Writer& w, json::Value object, NameList keys) {
    for (auto it = object.begin(); it != object.end(); ++it)
        if (!keys.contains(it.key())) w.key(it.key()).copy(*it);
}

}  // namespace op
