// A read-only JSON document stored as a flat tape (one 12-byte node per value, strings in one pool),
// filled by nlohmann's SAX parser. Numbers keep their source text so money is never read through a
// binary fraction; the tape makes skipping unread subtrees and destroying the document O(1) allocations.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "../diag/diagnostics.hpp"

namespace op::json {

enum class Kind : std::uint8_t { null, boolean, integer, number, string, array, object, key };

struct Limits {
    std::size_t max_bytes = 8u * 1024u * 1024u;
    std::size_t max_depth = 64;
};

class Document;

// A cheap handle to one value of a Document. A default-constructed Value is "absent".
class Value {
public:
    Value() = default;
    Value(const Document* doc, std::uint32_t index) : doc_(doc), index_(index) {}

    bool present() const { return doc_ != nullptr; }
    explicit operator bool() const { return present(); }
    Kind kind() const;
    bool is_null() const { return present() && kind() == Kind::null; }
    bool is_string() const { return present() && kind() == Kind::string; }
    bool is_integer() const { return present() && kind() == Kind::integer; }
    bool is_number() const { return present() && (kind() == Kind::integer || kind() == Kind::number); }
    bool is_object() const { return present() && kind() == Kind::object; }
    bool is_array() const { return present() && kind() == Kind::array; }
    bool is_bool() const { return present() && kind() == Kind::boolean; }

    // String contents, or a number's source text ("59.99", "-3", "1e5").
    std::string_view text() const;
    bool boolean() const;
    // For integers that fit in int64; false otherwise.
    bool as_int64(std::int64_t& out) const;

    std::size_t size() const;               // elements of an array, members of an object
    Value get(std::string_view key) const;  // absent when missing or not an object
    Value at(std::size_t i) const;          // linear; prefer iteration
    std::string_view type_name() const;     // "string", "array", … for messages

    // Iterates an array's elements or an object's values; key() is valid for object members.
    class Iterator {
    public:
        Iterator(const Document* doc, std::uint32_t index, bool object) : doc_(doc), index_(index), object_(object) {}
        Value operator*() const { return Value(doc_, object_ ? index_ + 1 : index_); }
        std::string_view key() const;
        Iterator& operator++();
        bool operator!=(const Iterator& o) const { return index_ != o.index_; }
    private:
        const Document* doc_;
        std::uint32_t index_;
        bool object_;
    };
    Iterator begin() const;
    Iterator end() const;

    std::uint32_t index() const { return index_; }

private:
    const Document* doc_ = nullptr;
    std::uint32_t index_ = 0;
};

class Document {
public:
    // 8 bytes: the tape of a 10,000-line order has ~700,000 nodes. Inputs are at most 64 MB (the largest
    // max_bytes), so lengths and node indexes fit in 28 bits.
    struct Node {
        std::uint32_t a;       // string/number/key: offset in pool; container: member count; boolean: value
        std::uint32_t b : 28;  // string/number/key: length;        container: index one past its last node
        Kind kind : 4;

        static Node make(Kind kind, std::uint32_t a, std::uint32_t b) {
            Node n{};
            n.a = a;
            n.b = b;
            n.kind = kind;
            return n;
        }
    };
    static_assert(sizeof(Node) == 8, "a tape node packs into 8 bytes");

    // Parses `text`. On failure reports one issue (INVALID_JSON, INVALID_UTF8, INPUT_TOO_LARGE or
    // NESTING_TOO_DEEP) at `diag`'s current path extended by the location inside the text, and returns false.
    bool parse(std::string_view text, const Limits& limits, Diagnostics& diag);

    Value root() const { return nodes_.empty() ? Value() : Value(this, 0); }
    const Node& node(std::uint32_t i) const { return nodes_[i]; }
    std::string_view pool_text(std::uint32_t offset, std::uint32_t length) const {
        return std::string_view(pool_).substr(offset, length);
    }
    std::uint32_t next(std::uint32_t i) const {
        const Node& n = nodes_[i];
        return (n.kind == Kind::array || n.kind == Kind::object) ? n.b : i + 1;
    }
    std::size_t node_count() const { return nodes_.size(); }
    std::size_t source_bytes() const { return source_bytes_; }  // of the last parse
    // Allocated sizes: a large input is measured and allocated once (tests check the tape never regrows).
    std::size_t node_capacity() const { return nodes_.capacity(); }
    std::size_t pool_size() const { return pool_.size(); }
    std::size_t pool_capacity() const { return pool_.capacity(); }

private:
    friend class TapeBuilder;
    void reserve_for(std::string_view text);
    std::vector<Node> nodes_;
    std::string pool_;
    std::size_t source_bytes_ = 0;
};

}  // namespace op::json
