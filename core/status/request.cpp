#include "request.hpp"

#include "../order/fields.hpp"
#include "presets.hpp"
#include "../platforms/plan.hpp"

namespace op::status {
namespace {


bool load_options_and_request(std::string_view request, std::string_view options, StatusCall& sc) {
    Call& c = sc.call;
    if (!c.load_options(options)) return false;
    if (c.options_doc.root()) {
        const std::size_t before = c.diag.error_count();
        read_options(c.options_doc.root(), c.diag, c.options);
        if (c.diag.error_count() != before) return false;
    }
    if (!c.load_request(request, sc.request)) return false;
    if (!sc.request || sc.request.is_null()) {
        c.diag.error(Code::MISSING_FIELD, "No request was given.");
        return false;
    }
    if (!sc.request.is_object()) {
        c.diag.error(Code::WRONG_TYPE, {"The request must be an object, not ", sc.request.type_name(), "."});
        return false;
    }
    return true;
}

void warn_unknown_members(const StatusCall& sc, const std::vector<std::string_view>& keys, Diagnostics& d) {
    for (auto it = sc.request.begin(); it != sc.request.end(); ++it) {
        bool known = false;
        for (auto k : keys) known = known || k == it.key();
        if (!known)
            d.warning_at(it.key(), Code::UNKNOWN_FIELD,
                         {quoted(it.key()), " is not part of this request and was ignored."});
    }
}

bool resolve_preset(StatusCall& sc) {
    Diagnostics& d = sc.call.diag;
    std::string name;
    if (!require(read_text(sc.request, "preset", d, name, kMaxNameLength), "preset", d)) return false;
    const Preset* preset = find_preset(name);
    if (!preset) {
        d.error_at("preset", Code::UNKNOWN_PRESET, {quoted(name), " is not a preset; presets: ", preset_names(), "."});
        return false;
    }
    if (!preset->errors.empty()) {
        d.error_at("preset", Code::INTERNAL_ERROR,
                   {"The embedded preset ", quoted(name), " failed validation: ", preset->errors.front().message});
        return false;
    }
    sc.definition = &preset->definition;
    return true;
}

bool resolve_definition(StatusCall& sc) {
    Diagnostics& d = sc.call.diag;
    const json::Value preset = sc.request.get("preset");
    const json::Value def = sc.request.get("definition");
    const bool has_preset = preset && !preset.is_null();
    const bool has_def = def && !def.is_null();
    if (has_preset && has_def) {
        d.error_at("definition", Code::INVALID_VALUE, "Pass either a preset or a definition, not both.");
        return false;
    }
    if (has_preset) return resolve_preset(sc);
    if (!has_def) {
        d.error_at("preset", Code::MISSING_FIELD, {"Pass a preset (", preset_names(), ") or a definition."});
        return false;
    }
    std::string default_name;
    if (const json::Value m = sc.request.get("machine"); m.is_string() && m.text().size() <= kMaxNameLength)
        default_name = std::string(m.text());
    auto at = d.at("definition");
    if (!load_definition(def, default_name, d, sc.custom)) return false;
    sc.definition = &sc.custom;
    return true;
}

bool resolve_machine(StatusCall& sc) {
    Diagnostics& d = sc.call.diag;
    const Definition& def = *sc.definition;
    const json::Value m = sc.request.get("machine");
    if ((!m || m.is_null()) && sc.by_entity) {
        const std::string name = sc.entity_type + std::string(sc.call.platform->entities->machine_suffix);
        sc.machine = def.find(name);
        if (!sc.machine)
            d.error_at(
                "entity", Code::UNKNOWN_MACHINE,
                {"The preset has no machine ", quoted(name), " for this entity; machines: ", def.machine_names(), "."});
        return sc.machine != nullptr;
    }
    if (!m || m.is_null()) {
        if (def.machines.size() == 1) {
            sc.machine = &def.machines.front();
            return true;
        }
        d.error_at("machine", Code::MISSING_FIELD, {"'machine' is required; machines: ", def.machine_names(), "."});
        return false;
    }
    std::string name;
    if (read_text(sc.request, "machine", d, name, kMaxNameLength) != Read::ok) return false;
    sc.machine = def.find(name);
    if (!sc.machine) {
        const std::string owner = def.preset.empty() ? std::string("The definition") : "Preset " + quoted(def.preset);
        d.error_at("machine", Code::UNKNOWN_MACHINE,
                   {owner, " has no machine ", quoted(name), "; machines: ", def.machine_names(), "."});
    }
    return sc.machine != nullptr;
}

void read_embedded_order(StatusCall& sc) {
    const json::Value v = sc.request.get("order");
    if (!v || v.is_null()) return;
    Call& c = sc.call;
    auto at = c.diag.at("order");
    sc.has_order = c.read_order_at(v);
    sc.order_failed = !sc.has_order;
}

}  // namespace

bool load_status_request(std::string_view request, std::string_view options, const RequestShape& shape, StatusCall& sc) {
    if (!load_options_and_request(request, options, sc)) return false;
    Diagnostics& d = sc.call.diag;
    warn_unknown_members(sc, shape.keys, d);
    if (shape.reads_order) read_embedded_order(sc);
    if (!resolve_entity(sc)) return false;
    if (!resolve_definition(sc)) return false;
    return !shape.needs_machine || resolve_machine(sc);
}

bool resolve_entity(StatusCall& sc) {
    const json::Value e = sc.request.get("entity");
    if (!e || e.is_null()) return true;
    Diagnostics& d = sc.call.diag;
    auto at = d.at("entity");
    if (!expect_object(e, d)) return false;
    if (!require(read_text(e, "type", d, sc.entity_type, kMaxNameLength), "type", d)) return false;
    read_id(e, "id", d, sc.entity_id);
    if (!sc.has_order) {
        if (!sc.order_failed) d.error(Code::MISSING_FIELD, "An entity's state is read from the order: pass the order too.");
        return false;
    }
    const EntityStates* states = sc.call.platform->entities;
    if (!states) {
        d.error(Code::OPERATION_NOT_SUPPORTED,
                {sc.call.platform->name, " orders do not name entity states; pass machine and from."});
        return false;
    }
    std::string problem;
    if (!states->state_of(sc.call.order, sc.entity_type, sc.entity_id, sc.entity_state, problem)) {
        d.error(problem.find("no loaded state") != std::string::npos ? Code::MISSING_FIELD : Code::INVALID_VALUE, problem);
        return false;
    }
    sc.by_entity = true;
    return true;
}

void write_entity_call(json::Writer& w, const StatusCall& sc, std::string_view action) {
    w.key("entity").object();
    w.field("type", sc.entity_type);
    w.key("id");
    write_id(w, sc.entity_id);
    w.end_object();
    w.key("call");
    sc.call.platform->entities->write_call(w, sc.call.order, sc.entity_type, sc.entity_id, action);
}

void advise_entity(StatusCall& sc, std::string_view action) {
    if (sc.by_entity && sc.call.platform->entities->advise)
        sc.call.platform->entities->advise(sc.call.order, sc.entity_type, sc.entity_id, action, sc.call.diag);
}

bool read_request_name(json::Value request, std::string_view key, Diagnostics& d, std::string& out) {
    return require(read_text(request, key, d, out, kMaxNameLength), key, d);
}

void write_preset(json::Writer& w, const StatusCall& sc) {
    w.key("preset");
    if (sc.definition && !sc.definition->preset.empty())
        w.string(sc.definition->preset);
    else
        w.null();
}

void write_footer(json::Writer& w, const StatusCall& sc) {
    if (sc.has_order)
        write_result_footer(w, sc.call.order, *sc.call.platform);
    else
        w.field("engine_version", kEngineVersion);
}

}  // namespace op::status
