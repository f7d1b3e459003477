#!/usr/bin/env bash
# Builds the native suite, the wasm package and the Catch2 suite as wasm, incrementally.
# Usage: scripts/build.sh [native|asan|wasm|wasm-tests|all]   (default: all but asan, which test.mjs builds)
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs  # emcc's tools need Debian's acorn
jobs=$(nproc)

configure() { [ -f "build/$1/CMakeCache.txt" ] || cmake --preset "$1" >/dev/null; }

build_native() { configure native-debug; cmake --build --preset native-debug -j"$jobs"; }
build_asan() { configure native-asan; cmake --build --preset native-asan -j"$jobs"; }
build_release() { configure native-release; cmake --build --preset native-release -j"$jobs"; }
build_wasm() {
  configure wasm-release
  cmake --build --preset wasm-release -j"$jobs"
  mkdir -p js/dist
  cp build/wasm-release/wasm/order_preflight.mjs build/wasm-release/wasm/order_preflight.wasm js/dist/
}
build_wasm_tests() { configure wasm-release; cmake --build --preset wasm-tests -j"$jobs"; }

case "${1:-all}" in
  native) build_native ;;
  asan) build_asan ;;
  release) build_release ;;
  wasm) build_wasm ;;
  wasm-tests) build_wasm_tests ;;
  all) build_wasm; build_native ;;
  *) echo "usage: scripts/build.sh [native|asan|release|wasm|wasm-tests|all]" >&2; exit 2 ;;
esac
