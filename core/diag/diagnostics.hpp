// Issues (code, message, JSON path) collected during one call. The core never throws for user data:
// every problem is reported here and the caller decides whether a result can still be built.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace op {

enum class Code : std::uint16_t {
#define OP_CODE(name, text) name,
#include "codes.def"
#undef OP_CODE
};

// At most `max` bytes of `text` for a message, never cutting a UTF-8 sequence (messages must stay valid JSON).
std::string excerpt(std::string_view text, std::size_t max);

std::string_view code_name(Code code);
std::string_view code_description(Code code);
const std::vector<Code>& all_codes();

// One part of a message: text, an integer, an amount in minor units or an excerpt of user text. A message is a
// braced list of parts joined out of line, so a call site stores a few words instead of chaining std::string
// temporaries; in wasm every such chain costs code and an exception cleanup at the site (docs/bench.md).
// A part views its text: write the list in the call that joins it, never keep one.
class Part {
public:
    Part(const char* text) : text_(text) {}
    Part(std::string_view text) : text_(text) {}
    Part(const std::string& text) : text_(text) {}
    template <typename T,
              std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char>, int> = 0>
    Part(T number)
        : kind_(std::is_signed_v<T> ? Kind::signed_integer : Kind::unsigned_integer),
          number_(static_cast<std::uint64_t>(number)) {}

    // `minor` written with exactly `exponent` fractional digits, as format_amount does.
    static Part amount(std::int64_t minor, int exponent);
    // At most `max` bytes of `text`, as excerpt() cuts it.
    static Part excerpt(std::string_view text, std::size_t max);

    void append_to(std::string& out) const;

private:
    enum class Kind : std::uint8_t { text, signed_integer, unsigned_integer, amount };
    Part(Kind kind, std::string_view text, std::uint64_t number, int exponent)
        : kind_(kind), text_(text), number_(number), exponent_(exponent) {}

    Kind kind_ = Kind::text;
    std::string_view text_;
    std::uint64_t number_ = 0;
    int exponent_ = 0;
};

using Message = std::initializer_list<Part>;

// The parts of a message, joined.
std::string join(Message parts);

struct Issue {
    Code code;
    std::string message;
    std::string path;
};

// One step of a JSON path: an object key or an array index.
struct PathSegment {
    std::string_view key;
    std::int64_t index = -1;
};

class Diagnostics {
public:
    // Keeps the path stack balanced even on early returns.
    class Scope {
    public:
        Scope(Diagnostics& d, PathSegment seg) : d_(&d) { d_->path_.push_back(seg); }
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;
        ~Scope() { d_->path_.pop_back(); }
    private:
        Diagnostics* d_;
    };

    Scope at(std::string_view key) { return Scope(*this, PathSegment{key, -1}); }
    Scope at(std::size_t index) { return Scope(*this, PathSegment{{}, static_cast<std::int64_t>(index)}); }

    void error(Code code, std::string message) { errors_.push_back({code, std::move(message), path()}); }
    void warning(Code code, std::string message) { warnings_.push_back({code, std::move(message), path()}); }
    // For issues about a field next to the current path (e.g. a missing key).
    void error_at(std::string_view key, Code code, std::string message);
    void warning_at(std::string_view key, Code code, std::string message);

    // The same, for messages given as parts: {"The order has ", n, " lines."}.
    void error(Code code, Message message);
    void warning(Code code, Message message);
    void error_at(std::string_view key, Code code, Message message);
    void warning_at(std::string_view key, Code code, Message message);

    // For locations computed elsewhere (e.g. inside a JSON text that failed to parse).
    void error_exact(Code code, std::string message, std::string path) {
        errors_.push_back({code, std::move(message), std::move(path)});
    }

    void warning_exact(const Issue& issue) { warnings_.push_back(issue); }

    std::string path() const;
    std::string path_with(std::string_view key) const;

    bool has_errors() const { return !errors_.empty(); }
    std::size_t error_count() const { return errors_.size(); }
    const std::vector<Issue>& errors() const { return errors_; }
    const std::vector<Issue>& warnings() const { return warnings_; }

private:
    std::vector<PathSegment> path_;
    std::vector<Issue> errors_;
    std::vector<Issue> warnings_;
};

}  // namespace op
