// Walks the golden corpus tests/fixtures/<operation>/<case>/ — the same files tests/js walks through the
// JS API — so the native build, the wasm build and the package cannot drift apart.
// OP_UPDATE_FIXTURES=1 rewrites expected.json from the engine (review every diff before committing).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>

#include "api/engine.hpp"
#include "status/status_api.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Inputs {
    std::string order, request, options;
};

using Runner = std::function<std::string(const Inputs&)>;

// Keep in step with tests/fixtures/operations.mjs.
const std::map<std::string, Runner>& operations() {
    static const std::map<std::string, Runner> table = {
        {"inspect", [](const Inputs& in) { return op::inspect_order(in.order, in.options); }},
        {"refund", [](const Inputs& in) { return op::calculate_refund(in.order, in.request, in.options); }},
        {"validate-refund", [](const Inputs& in) { return op::validate_refund(in.order, in.request, in.options); }},
        {"edit", [](const Inputs& in) { return op::preview_edit(in.order, in.request, in.options); }},
        {"cancel", [](const Inputs& in) { return op::preview_cancel(in.order, in.request, in.options); }},
        {"transition", [](const Inputs& in) { return op::transition(in.request, in.options); }},
        {"statuses", [](const Inputs& in) { return op::derive_statuses(in.order, in.options); }},
        {"return", [](const Inputs& in) { return op::preview_return(in.order, in.request, in.options); }},
        {"capture-refund", [](const Inputs& in) { return op::preview_capture_refund(in.order, in.request, in.options); }},
    };
    return table;
}

std::string read_if_exists(const fs::path& p) { return fs::exists(p) ? test::read_file(p.string()) : std::string(); }

json normalise(json envelope) {
    if (envelope.contains("result") && envelope["result"].is_object() && envelope["result"].contains("engine_version"))
        envelope["result"]["engine_version"] = "<engine_version>";
    return envelope;
}

}  // namespace

TEST_CASE("Every golden fixture produces its expected envelope", "[fixtures]") {
    const fs::path root(OP_FIXTURES_DIR);
    const bool update = std::getenv("OP_UPDATE_FIXTURES") != nullptr;
    std::size_t cases = 0;
    std::vector<fs::path> op_dirs;
    for (const auto& entry : fs::directory_iterator(root))
        if (entry.is_directory()) op_dirs.push_back(entry.path());
    std::sort(op_dirs.begin(), op_dirs.end());
    for (const auto& op_dir : op_dirs) {
        const std::string op_name = op_dir.filename().string();
        INFO("operation " << op_name);
        const auto runner = operations().find(op_name);
        REQUIRE(runner != operations().end());  // a folder without a runner would be silently untested
        std::vector<fs::path> case_dirs;
        for (const auto& entry : fs::directory_iterator(op_dir))
            if (entry.is_directory()) case_dirs.push_back(entry.path());
        std::sort(case_dirs.begin(), case_dirs.end());
        for (const auto& dir : case_dirs) {
            INFO("case " << dir.filename().string());
            const Inputs in{read_if_exists(dir / "order.json"), read_if_exists(dir / "request.json"),
                            read_if_exists(dir / "options.json")};
            const std::string actual_text = runner->second(in);
            const json actual = normalise(test::parse(actual_text));
            const fs::path expected_path = dir / "expected.json";
            if (update) {
                std::ofstream(expected_path) << actual.dump(2) << "\n";
            }
            REQUIRE(fs::exists(expected_path));
            const json expected = normalise(test::parse(test::read_file(expected_path.string())));
            if (actual != expected) FAIL_CHECK("diff: " << json::diff(expected, actual).dump());
            ++cases;
        }
    }
    CHECK(cases > 0);
}
