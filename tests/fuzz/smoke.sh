#!/usr/bin/env bash
# The fuzz smoke run of `npm test`: builds the fuzz preset (incrementally), then runs every target for a few
# seconds on the seeds from the golden fixtures plus the committed regression inputs. TAP: one line per target,
# then "# pass N" and "# fail N". Budget: FUZZ_SMOKE_SECONDS (default 33) split across the targets.
set -uo pipefail
cd "$(dirname "$0")/../.."
. tests/fuzz/common.sh

echo "TAP version 13"
started=$SECONDS
if ! build_log=$(fuzz_build 2>&1); then
  echo "1..1"
  echo "not ok 1 - build of the fuzz preset"
  printf '%s\n' "$build_log" | tail -n 30 | sed 's/^/#   /'
  echo "# pass 0"
  echo "# fail 1"
  exit 1
fi
build_seconds=$((SECONDS - started))

mapfile -t targets < <(fuzz_targets)
per=$(( ${FUZZ_SMOKE_SECONDS:-33} / ${#targets[@]} ))
[ "$per" -ge 1 ] || per=1
smoke=$FUZZ_DIR/smoke
rm -rf "$smoke"
node tests/fuzz/seeds.mjs "$smoke" >/dev/null

echo "1..${#targets[@]}"
pass=0
fail=0
n=0
for t in "${targets[@]}"; do
  n=$((n + 1))
  log=$smoke/$t.log
  if fuzz_run "$t" "$per" "$smoke/corpus-$t" "$log"; then
    pass=$((pass + 1))
    echo "ok $n - $t: $(fuzz_execs "$log") execs in ${per} s"
  else
    fail=$((fail + 1))
    echo "not ok $n - $t: $(fuzz_problem "$log")"
    fuzz_new_inputs "$t" "$log" | sed 's/^/#   input: /'
    echo "#   log: $log"
    # The report's own frames (core/ and the harness), not libFuzzer's or libc's.
    grep -a -E '^==fuzz==|^SUMMARY|^ +#[0-9]+ .* (/[^ ]*/)?(core|tests/fuzz)/' "$log" | head -n 20 | sed 's/^/#   /'
  fi
done
echo "# build ${build_seconds} s, total $((SECONDS - started)) s"
echo "# pass $pass"
echo "# fail $fail"
[ "$fail" -eq 0 ]
