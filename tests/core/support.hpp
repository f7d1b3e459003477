// Helpers shared by the Catch2 files: parse an envelope and look for issues in it.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace test {

inline nlohmann::json parse(const std::string& text) { return nlohmann::json::parse(text); }

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string fixture_path(const std::string& relative) { return std::string(OP_FIXTURES_DIR) + "/" + relative; }
inline std::string example(const std::string& name) {
    return read_file(std::string(OP_FIXTURES_DIR) + "/../../examples/orders/" + name);
}

// True when the envelope lists an error (or warning) with this code and path.
inline bool has_issue(const nlohmann::json& env, const std::string& code, const std::string& path,
                      const char* list = "errors") {
    for (const auto& issue : env.at(list))
        if (issue.at("code") == code && issue.at("path") == path) return true;
    return false;
}

inline std::string issues_text(const nlohmann::json& env) { return env.at("errors").dump() + env.at("warnings").dump(); }

}  // namespace test
