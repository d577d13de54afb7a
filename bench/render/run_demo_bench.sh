#!/usr/bin/env bash
# Launch time and frame time of the citytwin demo beside a plain osgViewer
# rendering the same buildings exported to .osgb, same view, same window
# size, in one run. Prints both lines and the ratios.
#
# usage: bench/render/run_demo_bench.sh [BUILD_DIR] [FRAMES]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build}
FRAMES=${2:-200}
SIZE_W=1280; SIZE_H=800
CAMERA="121.4875,31.2300,900,50,-22"   # the "lujiazui" view
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

run() { if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1920x1080x24" "$@"; fi; }

# The same geometry citytwin draws for the demo buildings, as .osgb.
"$BUILD/bin/citytwin-cli" export-osgb "$ROOT/data/demo/buildings.geojson" --out "$OUT/buildings.osgb" > "$OUT/export.txt"
ORIGIN=$(awk '/^origin /{print $2}' "$OUT/export.txt")
LON=${ORIGIN%,*}; LAT=${ORIGIN#*,}

base=$(run "$BUILD/bin/bench_osgviewer_baseline" "$OUT/buildings.osgb" $SIZE_W $SIZE_H "$FRAMES" "$LON" "$LAT" "$CAMERA")
ours=$(run "$BUILD/bin/citytwin" --size ${SIZE_W}x${SIZE_H} --camera "$CAMERA" --benchmark "$FRAMES" \
         --hide-layer roads --hide-layer water --hide-layer landuse --hide-layer public_facilities \
         --hide-layer base_stations --hide-layer cables --hide-layer ground "$ROOT/data/demo/buildings.geojson")
full=$(run "$BUILD/bin/citytwin" --size ${SIZE_W}x${SIZE_H} --camera "$CAMERA" --benchmark "$FRAMES")
echo "$base"
echo "$ours (same buildings only)"
echo "$full (whole demo)"
get() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1==k{print $2}'; }
python3 - "$(get "$base" first_frame_ms)" "$(get "$ours" loaded_ms)" "$(get "$base" frame_ms_median)" \
          "$(get "$ours" frame_ms_median)" "$(get "$full" loaded_ms)" "$(get "$full" frame_ms_median)" <<'PY'
import sys
b_first, o_loaded, b_frame, o_frame, f_loaded, f_frame = map(float, sys.argv[1:])
print(f"launch to first frame of the buildings: citytwin {o_loaded:.0f} ms / osgviewer {b_first:.0f} ms = {o_loaded/b_first:.2f}x")
print(f"frame time (median):                     citytwin {o_frame:.2f} ms / osgviewer {b_frame:.2f} ms = {o_frame/b_frame:.2f}x")
print(f"whole demo: launch to drawn scene {f_loaded:.0f} ms, frame time {f_frame:.2f} ms ({f_frame/b_frame:.2f}x the buildings-only baseline)")
PY
