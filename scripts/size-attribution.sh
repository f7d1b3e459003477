#!/usr/bin/env bash
# Builds the package's wasm with its function names kept (--profiling-funcs: same code, plus a name section) in
# build/wasm-names and prints where its bytes go (scripts/wasm-size.mjs). Extra arguments go to the CMake
# configure step, e.g. -DOP_WASM_READER_OPT=-Os to measure another optimisation level for the readers.
# Usage: scripts/size-attribution.sh [-Dvar=value ...]        npm run size:attribution
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
cmake -S . -B build/wasm-names -G "Unix Makefiles" --toolchain /usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs "$@" >/dev/null
cmake --build build/wasm-names --target order_preflight_wasm -j"$(nproc)" >/dev/null
node scripts/wasm-size.mjs build/wasm-names/wasm/order_preflight.wasm --top 30
