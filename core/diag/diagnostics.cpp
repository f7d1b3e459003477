#include "diagnostics.hpp"

#include "../money/money.hpp"

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

std::string excerpt(std::string_view text, std::size_t max) { return join({Part::excerpt(text, max)}); }

Part Part::amount(std::int64_t minor, int exponent) {
    return Part(Kind::amount, {}, static_cast<std::uint64_t>(minor), exponent);
}

Part Part::excerpt(std::string_view text, std::size_t max) {
    if (text.size() <= max) return Part(text);
    std::size_t end = max;
    // Step back over continuation bytes (10xxxxxx) so the cut falls before a character, not inside one.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return Part(text.substr(0, end));
}

void Part::append_to(std::string& out) const {
    switch (kind_) {
        case Kind::text:
            out.append(text_.data(), text_.size());
            return;
        case Kind::signed_integer:
            append_amount(out, static_cast<std::int64_t>(number_), 0);
            return;
        case Kind::unsigned_integer:
            append_decimal(out, number_, false, 0);
            return;
        case Kind::amount:
            append_amount(out, static_cast<std::int64_t>(number_), exponent_);
            return;
    }
}

std::string join(Message parts) {
    std::string out;
    for (const Part& part : parts) part.append_to(out);
    return out;
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

void Diagnostics::error(Code code, Message message) { error(code, join(message)); }
void Diagnostics::warning(Code code, Message message) { warning(code, join(message)); }
void Diagnostics::error_at(std::string_view key, Code code, Message message) { error_at(key, code, join(message)); }
void Diagnostics::warning_at(std::string_view key, Code code, Message message) { warning_at(key, code, join(message)); }

}  // namespace op
