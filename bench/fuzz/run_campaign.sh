#!/usr/bin/env bash
# Runs every libFuzzer target of a -DCITYTWIN_FUZZ=ON build for SECONDS each
# (default 60), from its checked-in seed corpus, and prints per target: runs,
# execs/s, coverage (libFuzzer's cov: edges and ft: features), the corpus it
# grew to, peak RSS and the verdict. Exit status 1 if any target found a
# crash, leak, timeout, out-of-memory or sanitizer report: its input is kept
# in $BUILD_DIR/fuzz-artifacts/ (once the bug is fixed, copy it into
# tests/fuzz/corpus/<target>/: docs/testing.md).
#   bench/fuzz/run_campaign.sh [SECONDS] [TARGET...]
# Environment: CITYTWIN_ASAN_BUILD_DIR (default build-asan), FUZZ_JOBS
# (targets run side by side, default 1), FUZZ_KEEP_CORPUS=1 keeps what each
# run found in $BUILD_DIR/fuzz-work/<target>/ and starts the next run there,
# FUZZ_TIMEOUT (default 10 s: one input taking longer is a hang; raise it for
# campaigns at nice 19 on a loaded machine, where a starved process takes
# 10 s of wall time for 0.2 s of CPU and libFuzzer calls that a timeout).
# CI (packaging/sanitize-and-fuzz.sh) runs it for 30 s per target.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SECONDS_PER_TARGET=${1:-60}
shift || true
BUILD_DIR=${CITYTWIN_ASAN_BUILD_DIR:-build-asan}
BIN=$BUILD_DIR/bin
WORK=$BUILD_DIR/fuzz-work
ARTIFACTS=$BUILD_DIR/fuzz-artifacts
LOGS=$BUILD_DIR/fuzz-logs
CORPUS=$ROOT/tests/fuzz/corpus
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/tests/sanitizers/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p "$WORK" "$ARTIFACTS" "$LOGS"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for d in "$CORPUS"/*/; do targets+=("$(basename "$d")"); done
fi
for t in "${targets[@]}"; do
  if [ ! -x "$BIN/fuzz_$t" ]; then
    echo "run_campaign: $BIN/fuzz_$t missing: build with packaging/sanitize-and-fuzz.sh" >&2
    echo "(or cmake -DCMAKE_CXX_COMPILER=clang++-14 -DCITYTWIN_FUZZ=ON)" >&2
    exit 2
  fi
  if "$BIN/fuzz_$t" -help=1 2>&1 | grep -q "^replayed"; then
    echo "run_campaign: $BIN/fuzz_$t is a corpus replayer, not a libFuzzer build" >&2
    exit 2
  fi
done

run_one() {
  local t=$1
  if [ "${FUZZ_KEEP_CORPUS:-0}" != 1 ]; then rm -rf "${WORK:?}/$t"; fi
  mkdir -p "$WORK/$t"
  # -timeout: an input taking FUZZ_TIMEOUT s is a hang; -rss_limit_mb: 2 GB is a bomb.
  # New inputs go to the work folder (first); the seeds are read, not written.
  set +e
  "$BIN/fuzz_$t" -max_total_time="$SECONDS_PER_TARGET" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$ARTIFACTS/$t-" \
    "$WORK/$t" "$CORPUS/$t" >"$LOGS/$t.log" 2>&1
  echo $? >"$LOGS/$t.rc"
  set -e
}

running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "${FUZZ_JOBS:-1}" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait

failed=0
printf '%-24s %10s %8s %7s %7s %9s %7s  %s\n' target runs exec/s cov ft corpus rss_mb verdict
for t in "${targets[@]}"; do
  rc=$(cat "$LOGS/$t.rc")
  # The last status line (#N ... cov: C ft: F corp: U/Sb ...) and the final stats.
  status=$(grep -E '^#[0-9]+' "$LOGS/$t.log" | tail -1 || true)
  stat() { sed -n "s/^stat::$1: *//p" "$LOGS/$t.log" | tail -1; }
  field() { echo "$status" | sed -n "s/.* $1: \([^ ]*\).*/\1/p"; }
  verdict=ok
  if [ "$rc" != 0 ]; then
    verdict="FAILED (exit $rc): $(grep -m1 -E 'ERROR: |runtime error|deadly signal|Timeout|out-of-memory' "$LOGS/$t.log" | cut -c1-120)"
    failed=1
  fi
  printf '%-24s %10s %8s %7s %7s %9s %7s  %s\n' "$t" "$(stat number_of_executed_units)" \
    "$(stat average_exec_per_sec)" "$(field cov)" "$(field ft)" "$(field corp)" \
    "$(stat peak_rss_mb)" "$verdict"
done
if [ "$failed" != 0 ]; then
  echo "run_campaign: a fuzz target failed; logs in $LOGS/, inputs in $ARTIFACTS/" >&2
  for t in "${targets[@]}"; do
    if [ "$(cat "$LOGS/$t.rc")" != 0 ]; then
      echo "---- $t ($LOGS/$t.log, last 40 lines)" >&2
      tail -40 "$LOGS/$t.log" >&2
    fi
  done
  exit 1
fi
