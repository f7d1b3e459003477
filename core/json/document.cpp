#include "document.hpp"

#include <nlohmann/json.hpp>

namespace op::json {
namespace {

// nlohmann's lexer appends every character of every string and number to its token buffer. With
// std::string those appends are calls into Emscripten's prebuilt libc++ (basic_string<char> is an extern
// template there, so they are never inlined). A string type with its own allocator is instantiated here,
// optimised with the rest of the parse and inlined.
template <class T>
struct LexerAllocator {
    using value_type = T;
    LexerAllocator() = default;
    template <class U>
    LexerAllocator(const LexerAllocator<U>&) noexcept {}
    T* allocate(std::size_t n) { return static_cast<T*>(::operator new(n * sizeof(T))); }
    void deallocate(T* p, std::size_t) noexcept { ::operator delete(p); }
    friend bool operator==(const LexerAllocator&, const LexerAllocator&) { return true; }
    friend bool operator!=(const LexerAllocator&, const LexerAllocator&) { return false; }
};
using LexerString = std::basic_string<char, std::char_traits<char>, LexerAllocator<char>>;
using SaxJson = nlohmann::basic_json<std::map, std::vector, LexerString>;

}  // namespace

Kind Value::kind() const { return doc_->node(index_).kind; }

std::string_view Value::text() const {
    if (!present()) return {};
    const auto& n = doc_->node(index_);
    if (n.kind == Kind::string || n.kind == Kind::integer || n.kind == Kind::number || n.kind == Kind::key)
        return doc_->pool_text(n.a, n.b);
    return {};
}

bool Value::boolean() const { return present() && kind() == Kind::boolean && doc_->node(index_).a != 0; }

bool Value::as_int64(std::int64_t& out) const {
    if (!is_integer()) return false;
    const std::string_view t = text();
    std::size_t i = 0;
    bool negative = false;
    if (!t.empty() && t[0] == '-') {
        negative = true;
        i = 1;
    }
    // Integers reach the tape only from nlohmann's int64/uint64 callbacks, so at most 20 digits.
    unsigned __int128 v = 0;
    for (; i < t.size(); ++i) v = v * 10 + static_cast<unsigned>(t[i] - '0');
    const unsigned __int128 limit = negative ? static_cast<unsigned __int128>(INT64_MAX) + 1 : INT64_MAX;
    if (v > limit) return false;
    out = negative ? static_cast<std::int64_t>(-static_cast<__int128>(v)) : static_cast<std::int64_t>(v);
    return true;
}

std::size_t Value::size() const {
    if (!is_array() && !is_object()) return 0;
    return doc_->node(index_).a;
}

Value Value::get(std::string_view key) const {
    if (!is_object()) return {};
    const auto& n = doc_->node(index_);
    std::uint32_t i = index_ + 1;
    for (std::uint32_t m = 0; m < n.a; ++m) {
        const auto& k = doc_->node(i);
        if (doc_->pool_text(k.a, k.b) == key) return Value(doc_, i + 1);
        i = doc_->next(i + 1);
    }
    return {};
}

Value Value::at(std::size_t i) const {
    std::size_t k = 0;
    for (auto it = begin(); it != end(); ++it, ++k)
        if (k == i) return *it;
    return {};
}

std::string_view Value::type_name() const {
    if (!present()) return "missing";
    switch (kind()) {
        case Kind::null: return "null";
        case Kind::boolean: return "boolean";
        case Kind::integer:
        case Kind::number: return "number";
        case Kind::string: return "string";
        case Kind::array: return "array";
        case Kind::object: return "object";
        case Kind::key: return "key";
    }
    return "unknown";
}

std::string_view Value::Iterator::key() const {
    const auto& k = doc_->node(index_);
    return doc_->pool_text(k.a, k.b);
}

Value::Iterator& Value::Iterator::operator++() {
    index_ = object_ ? doc_->next(index_ + 1) : doc_->next(index_);
    return *this;
}

Value::Iterator Value::begin() const {
    if (!is_array() && !is_object()) return end();
    return Iterator(doc_, index_ + 1, is_object());
}

Value::Iterator Value::end() const {
    if (!is_array() && !is_object()) return Iterator(doc_, index_, false);
    return Iterator(doc_, doc_->node(index_).b, is_object());
}

// Builds the tape from nlohmann's SAX events and tracks where it is, so a parse error can name a path.
class TapeBuilder {
public:
    using json = SaxJson;
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    TapeBuilder(Document& doc, std::size_t max_depth) : doc_(doc), max_depth_(max_depth) {}

    bool null() { return leaf(Kind::null, 0, 0); }
    bool boolean(bool v) { return leaf(Kind::boolean, v ? 1u : 0u, 0); }
    bool number_integer(number_integer_t v) { return text_leaf(Kind::integer, std::to_string(v)); }
    bool number_unsigned(number_unsigned_t v) { return text_leaf(Kind::integer, std::to_string(v)); }
    // The binary value is ignored on purpose: only the source text is exact.
    // A template because nlohmann's binary reader (never used here) passes a plain std::string.
    template <class Text>
    bool number_float(number_float_t, const Text& s) { return text_leaf(Kind::number, std::string_view(s)); }
    bool string(string_t& s) { return text_leaf(Kind::string, std::string_view(s.data(), s.size())); }
    bool binary(binary_t&) { return leaf(Kind::null, 0, 0); }
    bool start_object(std::size_t) { return open(Kind::object); }
    bool start_array(std::size_t) { return open(Kind::array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(string_t& k) {
        frames_.back().key_node = static_cast<std::uint32_t>(doc_.nodes_.size());
        append_text(Kind::key, std::string_view(k.data(), k.size()));
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
        error_message_ = e.what();
        return false;
    }

    bool depth_exceeded() const { return depth_exceeded_; }
    const std::string& error_message() const { return error_message_; }

    // The path of the value being read when parsing stopped, for the error's location.
    std::string path() const {
        std::string out;
        for (const auto& f : frames_) {
            const auto& n = doc_.nodes_[f.node];
            if (n.kind == Kind::object) {
                if (f.key_node == kNone) break;
                if (!out.empty()) out += '.';
                const auto& k = doc_.nodes_[f.key_node];
                out += doc_.pool_text(k.a, k.b);
            } else {
                out += '[' + std::to_string(f.count) + ']';
            }
        }
        return out;
    }

private:
    static constexpr std::uint32_t kNone = UINT32_MAX;
    struct Frame {
        std::uint32_t node;
        std::uint32_t count;
        std::uint32_t key_node;
    };

    void counted() {
        if (!frames_.empty()) ++doc_.nodes_[frames_.back().node].a;
    }
    void advance_array_index() {
        if (!frames_.empty() && doc_.nodes_[frames_.back().node].kind == Kind::array) ++frames_.back().count;
    }
    bool leaf(Kind kind, std::uint32_t a, std::uint32_t b) {
        counted();
        doc_.nodes_.push_back(Document::Node::make(kind, a, b));
        advance_array_index();
        return true;
    }
    void append_text(Kind kind, std::string_view s) {
        const auto offset = static_cast<std::uint32_t>(doc_.pool_.size());
        doc_.pool_ += s;
        doc_.nodes_.push_back(Document::Node::make(kind, offset, static_cast<std::uint32_t>(s.size())));
    }
    bool text_leaf(Kind kind, std::string_view s) {
        counted();
        append_text(kind, s);
        advance_array_index();
        return true;
    }
    bool open(Kind kind) {
        if (frames_.size() >= max_depth_) {
            depth_exceeded_ = true;
            return false;
        }
        counted();
        frames_.push_back({static_cast<std::uint32_t>(doc_.nodes_.size()), 0, kNone});
        doc_.nodes_.push_back(Document::Node::make(kind, 0, 0));
        return true;
    }
    bool close() {
        doc_.nodes_[frames_.back().node].b = static_cast<std::uint32_t>(doc_.nodes_.size());
        frames_.pop_back();
        advance_array_index();
        return true;
    }

    Document& doc_;
    std::size_t max_depth_;
    std::vector<Frame> frames_;
    bool depth_exceeded_ = false;
    std::string error_message_;
};

namespace {

struct TapeSize {
    std::size_t nodes = 0;
    std::size_t pool = 0;
};

// The exact node count and an upper bound of the pool, from one pass over the bytes. Only the structure
// is looked at (quotes, escapes, first characters of scalars); nlohmann validates everything afterwards.
TapeSize measure_tape(std::string_view text) {
    TapeSize size;
    const char* p = text.data();
    const char* const end = p + text.size();
    bool in_number = false;
    while (p != end) {
        const char c = *p++;
        if (c == '"') {  // a key or a string value: one node, its raw bytes bound its pool text
            ++size.nodes;
            in_number = false;
            const char* const start = p;
            while (p != end && *p != '"') {
                if (*p == '\\' && p + 1 != end) ++p;
                ++p;
            }
            size.pool += static_cast<std::size_t>(p - start);
            if (p != end) ++p;
            continue;
        }
        const bool number_char = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
        if (number_char && !in_number && (c == '-' || (c >= '0' && c <= '9'))) ++size.nodes;
        if (number_char) ++size.pool;
        in_number = number_char;
        if (c == '{' || c == '[' || c == 't' || c == 'f' || c == 'n') ++size.nodes;
    }
    return size;
}

}  // namespace

// Growing a vector or string doubles it, and the moment of the copy is the peak memory of a large call:
// inputs past 256 KB are measured first and allocated once (docs/bench.md, memory).
void Document::reserve_for(std::string_view text) {
    if (text.size() < (256u << 10)) {
        nodes_.reserve(text.size() / 12 + 8);
        pool_.reserve(text.size() / 2 + 16);
        return;
    }
    const TapeSize size = measure_tape(text);
    nodes_.reserve(size.nodes + 1);
    pool_.reserve(size.pool + 16);
}

bool Document::parse(std::string_view text, const Limits& limits, Diagnostics& diag) {
    nodes_.clear();
    pool_.clear();
    if (text.size() > limits.max_bytes) {
        diag.error(Code::INPUT_TOO_LARGE,
                   {"The input has ", text.size(), " bytes; the limit is ", limits.max_bytes, "."});
        return false;
    }
    source_bytes_ = text.size();
    reserve_for(text);
    TapeBuilder builder(*this, limits.max_depth);
    const bool ok = SaxJson::sax_parse(text.begin(), text.end(), &builder, SaxJson::input_format_t::json, true, false);
    if (ok) return true;

    const std::string inner = builder.path();
    std::string where = diag.path();
    if (!inner.empty()) where += (where.empty() || inner[0] == '[') ? inner : "." + inner;
    Code code = Code::INVALID_JSON;
    std::string message;
    if (builder.depth_exceeded()) {
        code = Code::NESTING_TOO_DEEP;
        message = join({"The JSON nests deeper than ", limits.max_depth, " levels."});
    } else if (builder.error_message().find("UTF-8") != std::string::npos) {
        code = Code::INVALID_UTF8;
        message = "A string is not valid UTF-8.";
    } else {
        // nlohmann's text names the byte and the token: "[json.exception.parse_error.101] parse error at line 1…"
        std::string detail = builder.error_message();
        const auto pos = detail.find("] ");
        if (pos != std::string::npos) detail = detail.substr(pos + 2);
        // nlohmann quotes the last bytes read, which may be invalid UTF-8 (found by fuzzing): keep the message
        // valid JSON text by replacing every byte outside printable ASCII.
        for (char& c : detail)
            if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) c = '?';
        message = join({"The text is not valid JSON: ", detail});
    }
    nodes_.clear();
    pool_.clear();
    diag.error_exact(code, std::move(message), std::move(where));
    return false;
}

}  // namespace op::json
