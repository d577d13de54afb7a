# Sourced by the CI scripts: `stage NAME COMMAND...` runs COMMAND and prints
# how long it took; `stage_summary` prints every stage so far with the
# total. The times go to $CITYTWIN_STAGE_LOG (default build/ci-stages.txt) so
# that build-and-test.sh can sum the stages sanitize-and-fuzz.sh ran.
CITYTWIN_STAGE_LOG=$(realpath -m "${CITYTWIN_STAGE_LOG:-${CITYTWIN_BUILD_DIR:-build}/ci-stages.txt}")
export CITYTWIN_STAGE_LOG
if [ -z "${CITYTWIN_STAGE_LOG_STARTED:-}" ]; then
  mkdir -p "$(dirname "$CITYTWIN_STAGE_LOG")"
  : >"$CITYTWIN_STAGE_LOG"
  export CITYTWIN_STAGE_LOG_STARTED=1
fi

stage() {
  local name=$1
  shift
  local start=$SECONDS
  echo "==== stage $name: $*"
  local rc=0
  "$@" || rc=$?
  local took=$((SECONDS - start))
  printf '%-16s %5d s  %s\n' "$name" "$took" "$([ $rc = 0 ] && echo ok || echo "FAILED (exit $rc)")" \
    >>"$CITYTWIN_STAGE_LOG"
  echo "==== stage $name: $took s ($((took / 60)) min $((took % 60)) s), exit $rc"
  return $rc
}

stage_summary() {
  echo "==== CI stages (wall time):"
  cat "$CITYTWIN_STAGE_LOG"
  awk '{ s += $2 } END { printf "total            %5d s  (%d min %d s)\n", s, s / 60, s % 60 }' \
    "$CITYTWIN_STAGE_LOG"
}
