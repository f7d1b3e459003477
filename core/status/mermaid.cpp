#include "mermaid.hpp"

#include "request.hpp"
#include "status_api.hpp"

namespace op {
namespace status {
namespace {

bool is_id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_keyword(const std::string& id) {
    static constexpr std::string_view kKeywords[] = {"state", "note", "end", "direction", "class", "classDef",
                                                     "style", "click", "default", "as", "left", "right", "of"};
    for (auto k : kKeywords)
        if (id == k) return true;
    return false;
}

// Label text: control characters become spaces; ':', ';' and '#' become Mermaid entity codes.
std::string label(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            out += ' ';
        else if (c == ':')
            out += "#58;";
        else if (c == ';')
            out += "#59;";
        else if (c == '#')
            out += "#35;";
        else
            out += c;
    }
    return out;
}

std::string base_id(const std::string& name) {
    std::string id;
    for (char c : name) id += is_id_char(c) ? c : '_';
    if (id.empty() || (id[0] >= '0' && id[0] <= '9') || is_keyword(id)) id = join({"s_", id});
    return id;
}

}  // namespace

std::vector<std::string> mermaid_ids(const Machine& m) {
    std::vector<std::string> ids;
    for (const auto& name : m.states) {
        const std::string base = base_id(name);
        std::string id = base;
        for (int n = 2;; ++n) {
            bool taken = false;
            for (const auto& other : ids) taken = taken || other == id;
            if (!taken) break;
            id = join({base, "_", n});
        }
        ids.push_back(std::move(id));
    }
    return ids;
}

std::string mermaid_text(const Machine& m) {
    const auto ids = mermaid_ids(m);
    std::string out = "stateDiagram-v2\n    direction LR\n";
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (ids[i] != m.states[i]) out += "    " + ids[i] + ": " + label(m.states[i]) + "\n";
    out += "    [*] --> " + ids[m.initial] + "\n";
    for (const auto& t : m.transitions) {
        out += "    " + ids[t.from] + " --> " + ids[t.to] + ": " + label(m.actions[t.action]);
        if (t.guard != Guard::none) out += " [" + std::string(guard_name(t.guard)) + "]";
        out += "\n";
    }
    for (auto f : m.finals) out += "    " + ids[f] + " --> [*]\n";
    return out;
}

}  // namespace status

std::string mermaid(std::string_view request) {
    using namespace status;
    StatusCall sc;
    std::string result;
    const RequestShape shape{{"preset", "definition", "machine"}, true, false};
    if (load_status_request(request, {}, shape, sc)) {
        json::Writer w(result);
        w.object();
        write_preset(w, sc);
        w.field("machine", sc.machine->name);
        w.field("text", mermaid_text(*sc.machine));
        write_footer(w, sc);
        w.end_object();
    }
    return sc.call.envelope(result);
}

}  // namespace op
