#include "diagnostics.hpp"

namespace op {
namespace {

struct CodeInfo {
    Code code;
    std::string_view name;
    std::string_view description;
};

constexpr CodeInfo kCodes[] = {
#define OP_CODE(name, text) {Code::name, #name, text},
#include "codes.def"
#undef OP_CODE
};

void append_segment(std::string& out, const PathSegment& seg) {
    if (seg.index >= 0) {
        out += '[';
        out += std::to_string(seg.index);
        out += ']';
        return;
    }
    if (!out.empty()) out += '.';
    out.append(seg.key.data(), seg.key.size());
}

}  // namespace

std::string excerpt(std::string_view text, std::size_t max) {
    if (text.size() <= max) return std::string(text);
    std::size_t end = max;
    // Step back over continuation bytes (10xxxxxx) so the cut falls before a character, not inside one.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return std::string(text.substr(0, end));
}

std::string_view code_name(Code code) { return kCodes[static_cast<std::size_t>(code)].name; }
std::string_view code_description(Code code) { return kCodes[static_cast<std::size_t>(code)].description; }

const std::vector<Code>& all_codes() {
    static const std::vector<Code> codes = [] {
        std::vector<Code> v;
        for (const auto& info : kCodes) v.push_back(info.code);
        return v;
    }();
    return codes;
}

std::string Diagnostics::path() const {
    std::string out;
    for (const auto& seg : path_) append_segment(out, seg);
    return out;
}

std::string Diagnostics::path_with(std::string_view key) const {
    std::string out = path();
    append_segment(out, PathSegment{key, -1});
    return out;
}

void Diagnostics::error_at(std::string_view key, Code code, std::string message) {
    errors_.push_back({code, std::move(message), path_with(key)});
}

void Diagnostics::warning_at(std::string_view key, Code code, std::string message) {
    warnings_.push_back({code, std::move(message), path_with(key)});
}

}  // namespace op
