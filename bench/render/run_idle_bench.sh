#!/usr/bin/env bash
# Idle CPU of the citytwin window: the demo open, the clock paused (--time),
# nothing moving. Waits WARMUP seconds for the scene to load and settle, then
# reads the process's CPU time (utime + stime, /proc/PID/stat) over SECONDS
# and prints it as a share of one core. A second binary (e.g. a build of
# an older commit) is measured the same way in the same run for comparison.
#
# usage: bench/render/run_idle_bench.sh [BUILD_DIR] [SECONDS] [WARMUP] [OTHER_CITYTWIN]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build}
SECONDS_MEASURED=${2:-10}
WARMUP=${3:-45}
OTHER=${4:-}
TICK=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

measure() {
    local bin=$1 label=$2 xpid pid display
    # An X server of our own, so that the window and its GL are the only load.
    display=":$((90 + RANDOM % 100))"
    Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
    xpid=$!
    sleep 1
    DISPLAY=$display "$bin" --size 1280x800 --view lujiazui --time 2026-11-26T08:30:00+08:00 \
        >/dev/null 2>&1 &
    pid=$!
    sleep "$WARMUP"
    local t0 t1
    t0=$(cpu_ticks "$pid")
    sleep "$SECONDS_MEASURED"
    t1=$(cpu_ticks "$pid")
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    kill "$xpid" 2>/dev/null || true
    wait "$xpid" 2>/dev/null || true
    python3 -c "import sys; t=(int(sys.argv[1])-int(sys.argv[2]))/int(sys.argv[3]); \
print(f'{sys.argv[5]}: idle CPU {100*t/float(sys.argv[4]):.1f} % of a core ({t:.2f} s CPU in {sys.argv[4]} s)')" \
        "$t1" "$t0" "$TICK" "$SECONDS_MEASURED" "$label"
}

measure "$BUILD/bin/citytwin" "citytwin ($BUILD)"
if [ -n "$OTHER" ]; then
    measure "$OTHER" "citytwin ($OTHER)"
fi
