// Issues (code, message, JSON path) collected during one call. The core never throws for user data:
// every problem is reported here and the caller decides whether a result can still be built.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
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
