#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian 12 machine with Node 20: Debian packages via apt-get, npm packages
# via `npm ci` from the committed lockfile. Nothing is downloaded from anywhere else.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
need_cmd() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need_file() { [ -e "$1" ] || missing+=("$2"); }

need_cmd emcc emscripten
need_cmd cmake cmake
need_cmd g++ g++
need_cmd make make
need_cmd clang++ clang
need_file /usr/include/nlohmann/json.hpp nlohmann-json3-dev
need_file /usr/include/catch2/catch.hpp catch2
# libFuzzer and the sanitizer runtimes for clang (fuzz smoke).
need_file /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a libclang-rt-14-dev
# Headless browser for the browser and demo suites (driven by playwright-core).
need_cmd chromium chromium
need_file /usr/share/fonts/truetype/liberation fonts-liberation

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "order-preflight needs these Debian packages: ${missing[*]}" >&2
    echo "Run: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "bootstrap: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages: reinstall only when the lockfile changed since the last install.
stamp=node_modules/.order-preflight-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "bootstrap: npm ci"
  npm ci --no-audit --no-fund
  cp package-lock.json "$stamp"
fi
