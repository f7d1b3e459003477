# Shared by scripts/fuzz.sh and tests/fuzz/smoke.sh (sourced from the repository root): the target list, the
# build, the seeds and one libFuzzer run. A target is any tests/fuzz/fuzz_<name>.cpp but fuzz_support.cpp.

FUZZ_DIR=build/fuzz                 # the fuzz preset's binary dir; corpora, crashes and logs live here too
FUZZ_BIN=$FUZZ_DIR/tests/fuzz
FUZZ_CRASHES=$FUZZ_DIR/crashes
FUZZ_LOGS=$FUZZ_DIR/logs

# Leaks and every sanitizer report are failures; UBSan stops at the first report with a stack.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:symbolize=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

fuzz_targets() {
  local f
  for f in tests/fuzz/fuzz_*.cpp; do
    f=${f##*/}
    f=${f%.cpp}
    [ "$f" = fuzz_support ] || echo "$f"
  done
}

# Configures once, then builds incrementally; -j2 at most (the machine is shared).
fuzz_build() {
  [ -f "$FUZZ_DIR/CMakeCache.txt" ] || cmake --preset fuzz >/dev/null || return 1
  cmake --build --preset fuzz -j"${FUZZ_JOBS:-2}"
}

# libFuzzer flags per target: JSON targets take inputs up to 64 KiB and the JSON dictionary.
fuzz_flags() {
  case "$1" in
    fuzz_money) echo "-max_len=512" ;;
    *) echo "-max_len=65536 -dict=tests/fuzz/json.dict" ;;
  esac
}

# True when tests/fuzz/regressions/OPEN lists <target>/<name>: a bug that is reported but not fixed in core/ yet.
fuzz_open() { grep -qE "^$1( |$)" tests/fuzz/regressions/OPEN 2>/dev/null; }

# The committed regression inputs of a target, copied to $FUZZ_DIR/regressions/<target>/ without the open ones
# (FUZZ_STRICT=1 keeps them: the way to check a fix before deleting its line from OPEN).
fuzz_regressions() {
  local target=$1 f
  local out=$FUZZ_DIR/regressions/$target
  rm -rf "$out"
  mkdir -p "$out"
  for f in tests/fuzz/regressions/"$target"/*; do
    [ -f "$f" ] || continue
    if [ "${FUZZ_STRICT:-0}" != 1 ] && fuzz_open "$target/${f##*/}"; then continue; fi
    cp "$f" "$out/"
  done
  echo "$out"
}

# fuzz_run <target> <seconds> <corpus dir> <log> [fork]: runs one target (one worker at a time), with the
# committed regression inputs as a second, read-only corpus (run first). Crash, leak, timeout and OOM inputs go
# to $FUZZ_CRASHES. Plain mode stops at the first problem; "fork" mode (libFuzzer -fork=1, one child process at a
# time) records it and goes on until the time is up, so a long run reports every distinct problem it meets.
# Returns non-zero when anything was found.
fuzz_run() {
  local target=$1 seconds=$2 corpus=$3 log=$4 fork=${5:-}
  local extra=(-print_final_stats=1)
  [ "$fork" = fork ] && extra=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  mkdir -p "$corpus" "$FUZZ_CRASHES" "$(dirname "$log")"
  touch "$log.start"
  # shellcheck disable=SC2046
  "$FUZZ_BIN/$target" $(fuzz_flags "$target") -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=30 \
    "${extra[@]}" -artifact_prefix="$FUZZ_CRASHES/$target-" "$corpus" "$(fuzz_regressions "$target")" >"$log" 2>&1 || return 1
  [ -z "$(fuzz_new_inputs "$target" "$log")" ]
}

# The crash, leak, timeout and OOM inputs a run of <target> (with log <log>) saved; slow units are not failures.
fuzz_new_inputs() {
  find "$FUZZ_CRASHES" -name "$1-*" ! -name "$1-slow-unit-*" -newer "$2.start" 2>/dev/null | sort
}

# Executions of a finished run: the final stats (plain mode) or the last progress line (fork mode).
fuzz_execs() {
  local n
  n=$(LC_ALL=C sed -n 's/^stat::number_of_executed_units: *//p' "$1" | tail -n 1)
  [ -n "$n" ] || n=$(LC_ALL=C sed -n 's/^#\([0-9]*\): cov:.*/\1/p' "$1" | tail -n 1)
  echo "${n:-0}"
}

# The first line of a sanitizer / libFuzzer / harness report in a log (or stdin).
fuzz_problem() {
  grep -a -m1 -E '^==[0-9]+==ERROR|runtime error:|^==fuzz==|ALARM|out-of-memory|LeakSanitizer|deadly signal' "${1:--}"
}

# Runs a target once on one saved input and prints the report's first line (fork mode keeps no report in its log).
fuzz_replay() {
  "$FUZZ_BIN/$1" -rss_limit_mb=2048 -timeout=30 "$2" 2>&1 | fuzz_problem
}
