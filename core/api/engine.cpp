#include "engine.hpp"

#include "../diag/diagnostics.hpp"
#include "../json/writer.hpp"
#include "call.hpp"
#include "../order/reader.hpp"

namespace op {

std::string_view engine_version() { return kEngineVersion; }

std::string codes_json() {
    std::string out;
    json::Writer w(out);
    w.object().key("codes").array();
    for (const Code c : all_codes()) {
        w.object();
        w.field("code", code_name(c));
        w.field("description", code_description(c));
        w.end_object();
    }
    w.end_array().end_object();
    return out;
}

}  // namespace op
