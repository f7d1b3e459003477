#include "writer.hpp"

#include "../money/money.hpp"

namespace op::json {

void append_escaped(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    // Runs of characters that need no escape are appended whole: std::string's per-character append is an
    // out-of-line call in Emscripten's prebuilt libc++, and most texts need no escape at all.
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto u = static_cast<unsigned char>(s[i]);
        if (u >= 0x20 && u != '"' && u != '\\') continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        switch (u) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default: {
                const char hex[] = {'\\', 'u', '0', '0', kHex[u >> 4], kHex[u & 15]};
                out.append(hex, sizeof hex);
            }
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

void Writer::separate() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!first_.empty()) {
        if (!first_.back()) out_ += ',';
        first_.back() = false;
    }
}

Writer& Writer::object() {
    separate();
    out_ += '{';
    first_.push_back(true);
    return *this;
}

Writer& Writer::end_object() {
    out_ += '}';
    first_.pop_back();
    return *this;
}

Writer& Writer::array() {
    separate();
    out_ += '[';
    first_.push_back(true);
    return *this;
}

Writer& Writer::end_array() {
    out_ += ']';
    first_.pop_back();
    return *this;
}

Writer& Writer::key(std::string_view k) {
    separate();
    append_escaped(out_, k);
    out_ += ':';
    after_key_ = true;
    return *this;
}

Writer& Writer::string(std::string_view s) {
    separate();
    append_escaped(out_, s);
    return *this;
}

Writer& Writer::raw_number(std::string_view digits) {
    separate();
    out_ += digits;
    return *this;
}

Writer& Writer::integer(std::int64_t v) {
    separate();
    out_ += std::to_string(v);
    return *this;
}

Writer& Writer::boolean(bool v) {
    separate();
    out_ += v ? "true" : "false";
    return *this;
}

Writer& Writer::null() {
    separate();
    out_ += "null";
    return *this;
}

Writer& Writer::amount(std::int64_t minor, int exponent) {
    separate();
    out_ += '"';
    append_amount(out_, minor, exponent);
    out_ += '"';
    return *this;
}

Writer& Writer::copy(Value v) {
    if (!v) return null();
    switch (v.kind()) {
        case Kind::null: return null();
        case Kind::boolean: return boolean(v.boolean());
        case Kind::integer:
        case Kind::number: return raw_number(v.text());
        case Kind::string:
        case Kind::key: return string(v.text());
        case Kind::array:
            array();
            for (auto it = v.begin(); it != v.end(); ++it) copy(*it);
            return end_array();
        case Kind::object:
            object();
            for (auto it = v.begin(); it != v.end(); ++it) {
                key(it.key());
                copy(*it);
            }
            return end_object();
    }
    return null();
}

}  // namespace op::json
