// What every fuzz target shares: splitting one fuzz input into several documents, the fixed example orders,
// and the envelope check. A target is a few lines: pick the entry point and the shape of its input.
//
// Input shapes (the seeds in seeds.mjs build exactly these):
//   documents   "doc0 \x1e doc1 \x1e doc2"   -- kSep separates the documents of one call
//   with mode   one mode byte, then documents -- the byte picks the variant (see each target)
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fuzz {

// ASCII record separator. Raw control characters are never valid JSON text, so no input the engine could
// accept needs this byte; every other byte (NUL, invalid UTF-8, ...) still reaches the engine.
inline constexpr char kSep = '\x1e';

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Splits on kSep into exactly `count` parts (missing ones are empty; the last keeps any further kSep).
std::vector<std::string_view> split(std::string_view text, std::size_t count);

// Takes the mode byte off the front; 0 for an empty input.
std::uint8_t take_mode(std::string_view& text);

// The example orders (examples/orders/*.json, sorted by name), embedded at build time.
std::size_t fixed_order_count();
std::string_view fixed_order(std::size_t i);  // i modulo the count

// Aborts (a crash for libFuzzer) unless `out` is an envelope: valid JSON (nlohmann::json::accept) of exactly
// {ok: bool, errors: [issue], warnings: [issue], result: object | null}, each issue {code, message, path} with
// `code` one of codes(), ok == errors is empty. Returns the result as JSON text ("" for null).
std::string check_envelope(std::string_view operation, const std::string& out);

// Aborts with `what` (and `detail`, e.g. the outputs involved) when `condition` is false: the targets' invariants.
void require(bool condition, std::string_view operation, std::string_view what, std::string_view detail = {});

// A JSON object built from optional members: members whose value text is empty are left out.
std::string object_of(std::initializer_list<std::pair<std::string_view, std::string_view>> members);

// Huge inputs (SPEC 8: up to the 8 MB default limit) from small fuzz inputs: `prefix`, `element` `count` times
// separated by commas, `suffix`, cut down to at most kMaxRepeatedBytes (a little over the limit, so the limit
// itself is exercised too). count = 2^(byte % 15), up to 16384. Each "@@" in the element becomes the copy's
// number (1, 2, ...), so the copies can have ids of their own.
inline constexpr std::size_t kMaxRepeatedBytes = 9u * 1024u * 1024u;
std::string repeated(std::string_view prefix, std::string_view element, std::string_view suffix, std::uint8_t count_byte);

// Entry points of the shape (order, request, options), like calculate_refund.
using OrderOperation = std::string (*)(std::string_view, std::string_view, std::string_view);

// The usual target for such an entry point. Mode byte even: "order \x1e request \x1e options", all fuzzed.
// Odd: "request \x1e options" against fixed_order(mode / 2), so the fuzzer spends its time on the request.
// With bit 0x40 set the mode byte is followed by a count byte, and the order (even) or the request (odd) is
// given as three documents, "prefix \x1e element \x1e suffix", and built with `repeated`: orders with
// thousands of lines or transactions, requests with thousands of refund lines or edits.
// Returns the result text of the checked envelope.
std::string run_order_operation(std::string_view name, OrderOperation operation, const std::uint8_t* data,
                                std::size_t size);

}  // namespace fuzz
