// A machine as a Mermaid `stateDiagram-v2`, in the style of the seeds' diagrams (seed 000): `direction LR`,
// `id: label` lines for states whose names are not plain identifiers, then one arrow per transition.
#pragma once

#include <string>
#include <vector>

#include "machine.hpp"

namespace op::status {

// Mermaid-safe ids for a machine's states, in state order: characters other than [A-Za-z0-9_] become '_',
// a leading digit or a Mermaid keyword gets an "s_" prefix, and a clash with an earlier id gets "_2", "_3"…
std::vector<std::string> mermaid_ids(const Machine& m);

// "stateDiagram-v2\n    direction LR\n    [*] --> open\n    open --> cancelled: cancel\n ..." with
// guarded arrows labelled "action [guard]" and "state --> [*]" for each final state.
std::string mermaid_text(const Machine& m);

}  // namespace op::status
