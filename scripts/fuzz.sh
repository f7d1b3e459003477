#!/usr/bin/env bash
# Builds the `fuzz` preset (libFuzzer + ASan + UBSan, Debian clang) and runs every fuzz target in turn, one
# process at a time, for N minutes in all (split evenly across the targets). Corpora grow in
# build/fuzz/corpus-<target>/ (seeded from the golden fixtures on every run); crash, leak, timeout and OOM inputs
# are kept in build/fuzz/crashes/; logs in build/fuzz/logs/. Each target runs in libFuzzer's fork mode, so it
# records a problem and goes on. Exits non-zero when any target found anything.
# Usage: scripts/fuzz.sh [--minutes N] [target ...]        npm run fuzz -- --minutes N
set -uo pipefail
cd "$(dirname "$0")/.."
. tests/fuzz/common.sh

minutes=1
only=()
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes=${2:?--minutes needs a number}; shift 2 ;;
    --minutes=*) minutes=${1#--minutes=}; shift ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fuzz: unknown option $1 (try --help)" >&2; exit 2 ;;
    *) only+=("$1"); shift ;;
  esac
done
case "$minutes" in ''|*[!0-9.]*|*.*.*) echo "fuzz: --minutes takes a number, not '$minutes'" >&2; exit 2 ;; esac

mapfile -t targets < <(fuzz_targets)
if [ ${#only[@]} -gt 0 ]; then
  for t in "${only[@]}"; do
    printf '%s\n' "${targets[@]}" | grep -qx "$t" || { echo "fuzz: no target $t (targets: ${targets[*]})" >&2; exit 2; }
  done
  targets=("${only[@]}")
fi

echo "fuzz: building the fuzz preset"
fuzz_build || { echo "fuzz: the build failed" >&2; exit 1; }
node tests/fuzz/seeds.mjs "$FUZZ_DIR" "${targets[@]}" >/dev/null || exit 1

per=$(awk -v m="$minutes" -v n=${#targets[@]} 'BEGIN { s = int(m * 60 / n); print (s < 1 ? 1 : s) }')
echo "fuzz: ${#targets[@]} targets, ${per} s each"
total=0
failed=()
for t in "${targets[@]}"; do
  log=$FUZZ_LOGS/$t.log
  if fuzz_run "$t" "$per" "$FUZZ_DIR/corpus-$t" "$log" fork; then status=ok; else status=FAILED; failed+=("$t"); fi
  execs=$(fuzz_execs "$log")
  total=$((total + execs))
  printf '%-22s %12s execs  %6s execs/s  corpus %6s  %s\n' "$t" "$execs" "$((execs / per))" \
    "$(find "$FUZZ_DIR/corpus-$t" -type f | wc -l)" "$status"
  if [ "$status" = FAILED ]; then
    fuzz_new_inputs "$t" "$log" | while read -r input; do
      echo "    $input"
      echo "      $(fuzz_replay "$t" "$input" | cut -c1-200)"
    done
    echo "    log: $log"
  fi
done
printf '%-22s %12s execs in %s min\n' total "$total" "$minutes"

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${#failed[@]} target(s) found problems: ${failed[*]}"
  echo "fuzz: reproduce with   $FUZZ_BIN/<target> <input>"
  echo "fuzz: minimise with    $FUZZ_BIN/<target> -minimize_crash=1 -runs=200000 -artifact_prefix=$FUZZ_CRASHES/min- <input>"
  exit 1
fi
