#!/usr/bin/env bash
# npm run bench        — builds what it measures, installs the JS peer (Medusa) into bench/node_modules, runs
#                        every engine side by side, prints the table, writes bench/results/latest.json.
# npm run bench:smoke  — a few seconds: 5 and 50 lines, few batches, no peer install (for CI).
# Extra arguments go to bench/bench.mjs (e.g. --sizes 5,50,1000 or --no-peer).
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs   # emcc's tools need Debian's acorn (scripts/build.sh sets it too)
export MEDUSA_DISABLE_TELEMETRY=true # the peer's packages must not phone home during a benchmark

smoke=0
for a in "$@"; do [ "$a" = "--smoke" ] && smoke=1; done

# The wasm package as users get it (incremental; a no-op when js/dist is current).
bash scripts/build.sh wasm >&2

# The native driver: the native-release preset plus the bench option (configured once, then incremental).
if ! grep -q '^OP_BUILD_BENCH:BOOL=ON' build/native-release/CMakeCache.txt 2>/dev/null; then
  cmake --preset native-release -DOP_BUILD_BENCH=ON >&2
fi
cmake --build build/native-release --target op_bench -j"$(nproc)" >&2

# The peer's npm packages: only for the full run, only when bench/package-lock.json changed since the last
# install. A failed install is reported and the bench runs without the peer column (it prints why).
if [ "$smoke" = 0 ] && ! cmp -s bench/package-lock.json bench/node_modules/.installed-package-lock.json; then
  echo "installing the peer's packages (npm ci in bench/) …" >&2
  if (cd bench && npm ci --no-audit --no-fund --loglevel=error >&2); then
    cp bench/package-lock.json bench/node_modules/.installed-package-lock.json
  else
    echo "npm ci in bench/ failed: the Medusa column will be skipped" >&2
  fi
fi

exec node bench/bench.mjs "$@"
