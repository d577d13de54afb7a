#!/usr/bin/env bash
# The 200,000-building city (issue 6, item 5): frame time of citytwin beside a
# plain osgViewer::Viewer (bench_osgviewer_baseline) drawing the same
# geometry exported to .osgb by `citytwin-cli export-osgb`, same view, same
# window size, same run; and the peak resident memory of each (GNU time).
# usage: bench/render/run_city_bench.sh [BUILD_DIR] [N_BUILDINGS] [FRAMES]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build}
N=${2:-200000}
FRAMES=${3:-60}
SIZE_W=1280; SIZE_H=800
# Over the middle of the city, looking north-east across it to the horizon.
CAMERA=${CAMERA:-121.49,31.20,1500,30,-20}
OUT=${OUT:-/tmp/citytwin-city-bench}
mkdir -p "$OUT"
# Peak resident memory of the program itself (GNU time on the child, not xvfb-run).
peak() {
    local name=$1; shift
    if [ -n "${DISPLAY:-}" ]; then
        /usr/bin/time -f "peak_rss_kb=%M" -o "$OUT/$name.time" "$@"
    else
        xvfb-run -a -s "-screen 0 1920x1080x24" /usr/bin/time -f "peak_rss_kb=%M" -o "$OUT/$name.time" "$@"
    fi
}

[ -f "$OUT/city.geojson" ] || python3 "$ROOT/bench/render/make_city.py" "$ROOT/data/demo/buildings.geojson" "$N" "$OUT/city.geojson"
[ -f "$OUT/city.osgb" ] || "$BUILD/bin/citytwin-cli" export-osgb "$OUT/city.geojson" --out "$OUT/city.osgb" > "$OUT/export.txt"
cat "$OUT/export.txt"
ORIGIN=$(awk '/^origin /{print $2}' "$OUT/export.txt")
LON=${ORIGIN%,*}; LAT=${ORIGIN#*,}

base=$(peak base "$BUILD/bin/bench_osgviewer_baseline" "$OUT/city.osgb" $SIZE_W $SIZE_H "$FRAMES" "$LON" "$LAT" "$CAMERA")
ours=$(peak ours "$BUILD/bin/citytwin" --no-sensors --size ${SIZE_W}x${SIZE_H} --camera "$CAMERA" \
         --benchmark "$FRAMES" --hide-layer ground "$OUT/city.geojson")
echo "$base $(cat "$OUT/base.time")"
echo "$ours $(cat "$OUT/ours.time")"
get() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1==k{print $2}'; }
python3 - "$(get "$base" frame_ms_median)" "$(get "$ours" frame_ms_median)" \
          "$(get "$(cat "$OUT/base.time")" peak_rss_kb)" "$(get "$(cat "$OUT/ours.time")" peak_rss_kb)" \
          "$(get "$ours" loaded_ms)" <<'PY'
import sys
b_frame, o_frame, b_rss, o_rss, o_loaded = map(float, sys.argv[1:])
print(f"frame time (median): citytwin {o_frame:.2f} ms / osgviewer {b_frame:.2f} ms = {o_frame/b_frame:.2f}x (aim <= 1.2)")
print(f"peak memory: citytwin {o_rss/1024:.0f} MiB, osgviewer {b_rss/1024:.0f} MiB ({o_rss/b_rss:.2f}x)")
print(f"citytwin launch to drawn city: {o_loaded/1000:.1f} s")
PY
