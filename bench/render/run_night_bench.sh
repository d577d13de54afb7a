#!/usr/bin/env bash
# What the night style costs a frame (#13 item 8): the whole demo in the
# same view and window at noon and at 22:00 Shanghai time (the scene clock
# lights the city; after dark the night program draws the lit windows and
# the dark ground), runs alternated so that the machine's load falls on
# both alike. Prints each run's median frame and the ratio of the medians.
#
# usage: bench/render/run_night_bench.sh [BUILD_DIR] [FRAMES] [ROUNDS]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build}
FRAMES=${2:-200}
ROUNDS=${3:-3}
CAMERA="121.4875,31.2300,900,50,-22"   # the "lujiazui" view
NOON=2026-06-21T12:00+08:00
NIGHT=2026-06-21T22:00+08:00
# Fresh settings: the lighting follows the scene clock (the default), not
# whatever a user last chose in View > Lighting.
export XDG_CONFIG_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT

run() { if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1920x1080x24" "$@"; fi; }
median() { run "$BUILD/bin/citytwin" --size 1280x800 --camera "$CAMERA" --time "$1" --benchmark "$FRAMES" |
           tr ' ' '\n' | awk -F= '$1=="frame_ms_median"{print $2}'; }
noon=(); night=()
for ((i = 0; i < ROUNDS; i++)); do
  noon+=("$(median "$NOON")")
  night+=("$(median "$NIGHT")")
  echo "round $((i + 1)): noon ${noon[-1]} ms, night ${night[-1]} ms"
done
python3 - "${noon[*]}" "${night[*]}" <<'PY'
import statistics, sys
noon = [float(x) for x in sys.argv[1].split()]
night = [float(x) for x in sys.argv[2].split()]
a, b = statistics.median(noon), statistics.median(night)
print(f"whole demo, median of the runs' median frames: noon {a:.2f} ms, night {b:.2f} ms = {b/a:.2f}x")
PY
