// compareRefund: field-by-field differences between a preview and what the server answered, for
// integrators' record-and-replay parity tests. Amounts compare as exact decimals ("3.99" == 3.99 == "3.990").
#include <algorithm>
#include <unordered_map>

#include "call.hpp"
#include "ops.hpp"
#include "../order/fields.hpp"

namespace op {
namespace {

constexpr std::size_t kMaxDifferences = 1000;

// "-0012.3400" -> "-12.34"; nullopt when the text is not a plain decimal.
std::optional<std::string> canonical_decimal(std::string_view t) {
    std::size_t i = 0;
    bool negative = false;
    if (i < t.size() && t[i] == '-') {
        negative = true;
        ++i;
    }
    const std::size_t int_start = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == int_start) return std::nullopt;
    std::string_view int_part = t.substr(int_start, i - int_start);
    std::string_view frac;
    if (i < t.size() && t[i] == '.') {
        const std::size_t f = ++i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
        if (i == f) return std::nullopt;
        frac = t.substr(f, i - f);
    }
    if (i != t.size()) return std::nullopt;
    while (int_part.size() > 1 && int_part[0] == '0') int_part.remove_prefix(1);
    while (!frac.empty() && frac.back() == '0') frac.remove_suffix(1);
    std::string out(int_part);
    if (!frac.empty()) out += "." + std::string(frac);
    if (negative && out != "0") out = join({"-", out});
    return out;
}

bool same_scalar(json::Value a, json::Value b) {
    const bool a_num = a.is_number() || a.is_string();
    const bool b_num = b.is_number() || b.is_string();
    if (a_num && b_num && (a.is_number() || b.is_number() || (a.is_string() && b.is_string()))) {
        const auto ca = canonical_decimal(a.text());
        const auto cb = canonical_decimal(b.text());
        if (ca && cb) return *ca == *cb;
    }
    if (a.kind() != b.kind() && !(a.is_number() && b.is_number())) return false;
    if (a.is_bool()) return a.boolean() == b.boolean();
    return a.text() == b.text();
}

// Array elements are matched by what identifies them, not by position, when they have an id.
std::string identity(json::Value v) {
    if (!v.is_object()) return {};
    for (std::string_view key : {"line_id", "line_item_id", "id", "parent_id"})
        if (const json::Value id = v.get(key); id.is_string() || id.is_integer()) {
            std::string k = join({key, "=", id.text()});
            if (const json::Value r = v.get("restock_type"); r.is_string()) k += "/" + std::string(r.text());
            return k;
        }
    return {};
}

bool ignored(std::string_view key) { return key == "order_fingerprint" || key == "engine_version"; }

class Differ {
public:
    Differ(json::Writer& w) : w_(w) {}
    std::size_t count() const { return count_; }

    void compare(json::Value a, json::Value b, const std::string& path) {
        if (a.is_object() && b.is_object()) return objects(a, b, path);
        if (a.is_array() && b.is_array()) return arrays(a, b, path);
        if (!a || !b || a.is_object() || a.is_array() || b.is_object() || b.is_array() || !same_scalar(a, b))
            report(path, a, b);
    }

private:
    void objects(json::Value a, json::Value b, const std::string& path) {
        for (auto it = a.begin(); it != a.end(); ++it)
            if (!ignored(it.key())) compare(*it, b.get(it.key()), join(path, it.key()));
        for (auto it = b.begin(); it != b.end(); ++it)
            if (!a.get(it.key()) && !ignored(it.key())) compare(json::Value(), *it, join(path, it.key()));
    }
    // Identities are computed once per element and looked up by hash, so large arrays cost linear time
    // (found by fuzzing: two 8,192-element arrays took n^2 identity strings).
    void arrays(json::Value a, json::Value b, const std::string& path) {
        std::vector<json::Value> right;
        right.reserve(b.size());
        std::unordered_map<std::string, std::vector<std::size_t>> by_identity;
        for (auto jt = b.begin(); jt != b.end(); ++jt) {
            const std::string id = identity(*jt);
            if (!id.empty()) by_identity[id].push_back(right.size());
            right.push_back(*jt);
        }
        for (auto& entry : by_identity) std::reverse(entry.second.begin(), entry.second.end());
        std::vector<bool> matched(right.size(), false);
        std::size_t i = 0;
        for (auto it = a.begin(); it != a.end(); ++it, ++i) {
            const std::string id = identity(*it);
            std::size_t found = right.size();
            if (id.empty()) {
                if (i < right.size() && !matched[i]) found = i;
            } else if (auto hit = by_identity.find(id); hit != by_identity.end() && !hit->second.empty()) {
                found = hit->second.back();
                hit->second.pop_back();
            }
            const std::string here = op::join({path, "[", i, "]"});
            if (found == right.size()) {
                report(here, *it, json::Value());
            } else {
                matched[found] = true;
                compare(*it, right[found], here);
            }
        }
        for (std::size_t j = 0; j < right.size(); ++j)
            if (!matched[j]) report(path + "[" + std::to_string(j) + "]", json::Value(), right[j]);
    }
    static std::string join(const std::string& path, std::string_view key) {
        return path.empty() ? std::string(key) : path + "." + std::string(key);
    }
    void report(const std::string& path, json::Value a, json::Value b) {
        if (++count_ > kMaxDifferences) return;
        w_.object();
        w_.field("path", path);
        w_.key("preview").copy(a);
        w_.key("server").copy(b);
        w_.end_object();
    }
    json::Writer& w_;
    std::size_t count_ = 0;
};

json::Value unwrap_envelope(json::Value root) {
    if (root.is_object() && root.get("ok") && root.get("result") && root.get("errors")) return root.get("result");
    return root;
}

}  // namespace

std::string compare_refund_envelope(std::string_view preview, std::string_view server_response, std::string_view) {
    Diagnostics d;
    json::Document a, b;
    {
        auto at = d.at("preview");
        a.parse(preview, json::Limits{}, d);
    }
    {
        auto at = d.at("server");
        b.parse(server_response, json::Limits{}, d);
    }
    std::string out;
    if (d.has_errors()) return render_envelope(d, out);
    const json::Value pa = unwrap_envelope(a.root());
    const json::Value pb = unwrap_envelope(b.root());
    {
        auto at = d.at("preview");
        if (!expect_object(pa, d)) return render_envelope(d, out);
    }
    {
        auto at = d.at("server");
        if (!expect_object(pb, d)) return render_envelope(d, out);
    }
    json::Writer w(out);
    w.object();
    w.key("differences").array();
    Differ differ(w);
    differ.compare(pa, pb, "");
    w.end_array();
    w.field("equal", differ.count() == 0);
    w.field("difference_count", static_cast<std::int64_t>(differ.count()));
    w.field("engine_version", kEngineVersion);
    w.end_object();
    if (differ.count() > kMaxDifferences)
        d.warning(Code::LIMIT_EXCEEDED, {"Only the first ", kMaxDifferences, " differences are listed."});
    return render_envelope(d, out);
}

}  // namespace op
