#include "fuzz_support.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

#include <nlohmann/json.hpp>

#include "api/engine.hpp"

namespace fuzz {
namespace {

struct Embedded {
    std::string_view name;
    std::string_view json;
};

// OP_PRESET is the macro scripts/embed_presets.cmake writes; here it embeds examples/orders/*.json.
constexpr Embedded kFixedOrders[] = {
#define OP_PRESET(name, text) {name, text},
#include "fixed_orders.inc"
#undef OP_PRESET
};

[[noreturn]] void fail(std::string_view operation, std::string_view what, std::string_view output) {
    std::fprintf(stderr, "\n==fuzz== %.*s: %.*s\n==fuzz== output (first 4000 bytes): %.*s\n",
                 static_cast<int>(operation.size()), operation.data(), static_cast<int>(what.size()), what.data(),
                 static_cast<int>(output.size() > 4000 ? 4000 : output.size()), output.data());
    std::abort();
}

const std::set<std::string>& known_codes() {
    static const std::set<std::string> codes = [] {
        std::set<std::string> out;
        const auto j = nlohmann::json::parse(op::codes_json(), nullptr, false);
        if (j.is_discarded() || !j.contains("codes")) fail("codes_json", "not the codes list", op::codes_json());
        for (const auto& c : j["codes"]) out.insert(c.at("code").get<std::string>());
        return out;
    }();
    return codes;
}

void check_issues(std::string_view operation, const nlohmann::json& list, const std::string& out) {
    if (!list.is_array()) fail(operation, "errors/warnings is not an array", out);
    for (const auto& issue : list) {
        if (!issue.is_object() || issue.size() != 3) fail(operation, "an issue is not {code, message, path}", out);
        const auto code = issue.find("code");
        const auto message = issue.find("message");
        const auto path = issue.find("path");
        if (code == issue.end() || !code->is_string() || code->get_ref<const std::string&>().empty())
            fail(operation, "an issue has no code", out);
        if (!known_codes().count(code->get<std::string>())) fail(operation, "an issue's code is not one of codes()", out);
        if (message == issue.end() || !message->is_string() || message->get_ref<const std::string&>().empty())
            fail(operation, "an issue has no message", out);
        if (path == issue.end() || !path->is_string()) fail(operation, "an issue has no path", out);
    }
}


// The text of the top-level member `key` of a JSON object text (already known to be valid), so results pass
// on byte for byte (nlohmann would turn integers beyond 64 bits into doubles).
std::string member_text(const std::string& text, std::string_view key) {
    int depth = 0;
    std::size_t start = std::string::npos;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            const std::size_t open = i;
            for (++i; i < text.size() && text[i] != '"'; ++i)
                if (text[i] == '\\') ++i;
            if (depth == 1 && start == std::string::npos && i + 1 < text.size() && text[i + 1] == ':' &&
                std::string_view(text).substr(open + 1, i - open - 1) == key)
                start = i + 2;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0 && start != std::string::npos) return text.substr(start, i - start);
        } else if (c == ',' && depth == 1 && start != std::string::npos) {
            return text.substr(start, i - start);
        }
    }
    return {};
}

}  // namespace

std::vector<std::string_view> split(std::string_view text, std::size_t count) {
    std::vector<std::string_view> parts;
    parts.reserve(count);
    while (parts.size() + 1 < count) {
        const std::size_t at = text.find(kSep);
        if (at == std::string_view::npos) break;
        parts.push_back(text.substr(0, at));
        text.remove_prefix(at + 1);
    }
    parts.push_back(text);
    parts.resize(count);
    return parts;
}

std::uint8_t take_mode(std::string_view& text) {
    if (text.empty()) return 0;
    const auto mode = static_cast<std::uint8_t>(text[0]);
    text.remove_prefix(1);
    return mode;
}

std::size_t fixed_order_count() { return std::size(kFixedOrders); }
std::string_view fixed_order(std::size_t i) { return kFixedOrders[i % std::size(kFixedOrders)].json; }

std::string check_envelope(std::string_view operation, const std::string& out) {
    if (!nlohmann::json::accept(out)) fail(operation, "the output is not valid JSON", out);
    const auto j = nlohmann::json::parse(out, nullptr, false);
    if (!j.is_object() || j.size() != 4) fail(operation, "the output is not {ok, errors, warnings, result}", out);
    const auto ok = j.find("ok");
    const auto errors = j.find("errors");
    const auto warnings = j.find("warnings");
    const auto result = j.find("result");
    if (ok == j.end() || errors == j.end() || warnings == j.end() || result == j.end())
        fail(operation, "the output lacks ok, errors, warnings or result", out);
    if (!ok->is_boolean()) fail(operation, "ok is not a boolean", out);
    check_issues(operation, *errors, out);
    check_issues(operation, *warnings, out);
    if (ok->get<bool>() != errors->empty()) fail(operation, "ok disagrees with errors", out);
    if (!result->is_object() && !result->is_null()) fail(operation, "result is neither an object nor null", out);
    if (result->is_null()) return {};
    std::string text = member_text(out, "result");
    if (!nlohmann::json::accept(text)) fail(operation, "cannot cut the result out of the envelope", out);
    return text;
}

void require(bool condition, std::string_view operation, std::string_view what, std::string_view detail) {
    if (!condition) fail(operation, what, detail);
}

std::string object_of(std::initializer_list<std::pair<std::string_view, std::string_view>> members) {
    std::string out = "{";
    for (const auto& [key, value] : members) {
        if (value.empty()) continue;
        if (out.size() > 1) out += ',';
        out += '"';
        out += key;
        out += "\":";
        out += value;
    }
    out += '}';
    return out;
}

std::string repeated(std::string_view prefix, std::string_view element, std::string_view suffix, std::uint8_t count_byte) {
    std::size_t count = std::size_t{1} << (count_byte % 15);
    const std::size_t room = kMaxRepeatedBytes - std::min(kMaxRepeatedBytes, prefix.size() + suffix.size());
    count = std::min(count, room / (element.size() + 1));
    std::vector<std::string_view> pieces;  // the element around its "@@"s
    for (std::size_t at; (at = element.find("@@")) != std::string_view::npos; element.remove_prefix(at + 2))
        pieces.push_back(element.substr(0, at));
    pieces.push_back(element);
    std::string out;
    out += prefix;
    for (std::size_t i = 0; i < count && out.size() < kMaxRepeatedBytes; ++i) {
        if (i > 0) out += ',';
        out += pieces[0];
        for (std::size_t k = 1; k < pieces.size(); ++k) {
            out += std::to_string(i + 1);
            out += pieces[k];
        }
    }
    out += suffix;
    return out;
}

std::string run_order_operation(std::string_view name, OrderOperation operation, const std::uint8_t* data,
                                std::size_t size) {
    std::string_view text = text_of(data, size);
    const std::uint8_t mode = take_mode(text);
    if (mode & 0x40) {
        const std::uint8_t count = take_mode(text);
        if (mode % 2 == 0) {
            const auto p = split(text, 5);
            const std::string order = repeated(p[0], p[1], p[2], count);
            return check_envelope(name, operation(order, p[3], p[4]));
        }
        const auto p = split(text, 4);
        const std::string request = repeated(p[0], p[1], p[2], count);
        return check_envelope(name, operation(fixed_order(mode / 2), request, p[3]));
    }
    if (mode % 2 == 0) {
        const auto p = split(text, 3);
        return check_envelope(name, operation(p[0], p[1], p[2]));
    }
    const auto p = split(text, 2);
    return check_envelope(name, operation(fixed_order(mode / 2), p[0], p[1]));
}

}  // namespace fuzz
