// Native benchmark driver for `npm run bench` (SPEC §7).
//
// The Node harness (bench/bench.mjs) starts this program once and steers it line by line over stdin, so a
// native batch runs between the wasm, floor and peer batches of the same run and machine noise hits every
// engine alike. Each reply is one line. Timing is std::chrono::steady_clock around `iters` calls; the
// harness takes the median over batches.
//
//   load <N> <dir>          read <dir>/orders-N.json, refund-N.json, refund2-N.json, edit-N.json, edit1-N.json and
//                           <dir>/transition.json; open a session on the order    -> "ok <session>"
//   run <op> <N> <iters>    time iters calls of op on the N-line workload           -> "<ns> <bytes> <fnv1a>"
//   unload <N>              close the session and drop the texts                    -> "ok"
//   show <op> <N>           one call; the result text itself (JSON has no raw newline) -> "<result>"
//   rss                     peak resident set size of this process                  -> "<kilobytes>"
//   quit
//
// ops: inspect, refund, edit, edit1 (one-shot one-line edit), session_edit1 (the same edit through the
// open session), session_refund2 (a two-line refund through the open session), open_close (open_order +
// close_order), transition (shopware order.state process).
// <bytes> and <fnv1a> describe the last result, so the harness can check native and wasm agree byte for byte.
//
// Profiling mode (valgrind --tool=callgrind or --tool=massif): op_bench --profile <dir> <op> <N> <iters>
#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "api/engine.hpp"
#include "api/session.hpp"
#include "status/status_api.hpp"

namespace {

struct Workload {
    std::string order, refund, refund2, edit, edit1;
    std::int64_t session = -1;
};

std::map<long, Workload> g_workloads;
std::string g_transition;

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 14695981039346656037ull;  // FNV-1a 64 offset basis
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

// The session id from an open_order envelope: {"…","result":{"session":12,…}}.
std::int64_t session_id(const std::string& envelope) {
    auto at = envelope.find("\"session\":");
    if (at == std::string::npos) return -1;
    return std::stoll(envelope.substr(at + 10));
}

std::string call(const std::string& op, Workload& w) {
    if (op == "inspect") return op::inspect_order(w.order, "");
    if (op == "refund") return op::calculate_refund(w.order, w.refund, "");
    if (op == "edit") return op::preview_edit(w.order, w.edit, "");
    if (op == "edit1") return op::preview_edit(w.order, w.edit1, "");
    if (op == "session_edit1") return op::session_call(w.session, "previewEdit", w.edit1, R"({"include_order":false})");
    if (op == "session_refund2") return op::session_call(w.session, "calculateRefund", w.refund2, "");
    if (op == "open_close") {
        std::string opened = op::open_order(w.order, "");
        op::close_order(session_id(opened));
        return opened;
    }
    if (op == "transition") return op::transition(g_transition, "");
    return std::string();
}

bool known(const std::string& op) {
    return op == "inspect" || op == "refund" || op == "edit" || op == "edit1" || op == "session_edit1" ||
           op == "session_refund2" || op == "open_close" || op == "transition";
}

std::string load(long n, const std::string& dir, bool open_session = true) {
    Workload w;
    const std::string suffix = "-" + std::to_string(n) + ".json";
    if (!read_file(dir + "/orders" + suffix, w.order) || !read_file(dir + "/refund" + suffix, w.refund) ||
        !read_file(dir + "/refund2" + suffix, w.refund2) ||
        !read_file(dir + "/edit" + suffix, w.edit) || !read_file(dir + "/edit1" + suffix, w.edit1) ||
        !read_file(dir + "/transition.json", g_transition)) {
        return "err cannot read the workload files for " + std::to_string(n) + " lines in " + dir;
    }
    if (open_session) {
        std::string opened = op::open_order(w.order, "");
        w.session = session_id(opened);
        if (w.session < 0) return "err open_order failed: " + opened.substr(0, 300);
    }
    g_workloads[n] = std::move(w);
    return "ok " + std::to_string(g_workloads[n].session);
}

std::string run(const std::string& op, long n, long iters) {
    auto it = g_workloads.find(n);
    if (it == g_workloads.end()) return "err not loaded: " + std::to_string(n);
    if (!known(op)) return "err unknown op: " + op;
    std::string last;
    std::size_t sink = 0;
    const auto start = std::chrono::steady_clock::now();
    for (long i = 0; i < iters; ++i) {
        last = call(op, it->second);
        sink += last.size();
    }
    const auto stop = std::chrono::steady_clock::now();
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(stop - start).count();
    if (sink == 0) return "err empty result";
    char hash[32];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(fnv1a(last)));
    return std::to_string(ns) + " " + std::to_string(last.size()) + " " + hash;
}

long peak_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

int profile(int argc, char** argv) {
    if (argc != 6) {
        std::cerr << "usage: op_bench --profile <dir> <op> <N> <iters>\n";
        return 2;
    }
    const long n = std::stol(argv[4]);
    // Only the session workload needs an open session (keeps heap profiles of the other ops clean).
    std::string loaded = load(n, argv[2], std::string(argv[3]).rfind("session_", 0) == 0);
    if (loaded.rfind("ok", 0) != 0) {
        std::cerr << loaded << "\n";
        return 1;
    }
    std::cout << run(argv[3], n, std::stol(argv[5])) << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::string(argv[1]) == "--profile") return profile(argc, argv);
    std::ios::sync_with_stdio(false);
    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream in(line);
        std::string cmd;
        in >> cmd;
        std::string reply;
        if (cmd == "load") {
            long n = 0;
            std::string dir;
            in >> n >> dir;
            reply = load(n, dir);
        } else if (cmd == "run") {
            std::string op;
            long n = 0, iters = 0;
            in >> op >> n >> iters;
            reply = iters > 0 ? run(op, n, iters) : "err iters must be positive";
        } else if (cmd == "unload") {
            long n = 0;
            in >> n;
            auto it = g_workloads.find(n);
            if (it != g_workloads.end()) {
                op::close_order(it->second.session);
                g_workloads.erase(it);
            }
            reply = "ok";
        } else if (cmd == "show") {
            std::string op;
            long n = 0;
            in >> op >> n;
            auto it = g_workloads.find(n);
            reply = it == g_workloads.end() || !known(op) ? "err not loaded or unknown op" : call(op, it->second);
        } else if (cmd == "rss") {
            reply = std::to_string(peak_rss_kb());
        } else if (cmd == "quit") {
            break;
        } else {
            reply = "err unknown command: " + cmd;
        }
        std::cout << reply << std::endl;
    }
    return 0;
}
