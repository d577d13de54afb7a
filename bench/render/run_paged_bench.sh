#!/usr/bin/env bash
# Paged content under a memory budget: the same scripted fly-through over a
# generated 8 km DEM (2 m) + orthophoto (1.5 m) with a budget, and without
# one, in one run; then the same over a generated 3D Tiles point-cloud
# quadtree (341 tiles, 6.8 million points) instead of the terrain. Prints
# one line per run; numbers only, nothing is asserted.
#
# usage: bench/render/run_paged_bench.sh [BUILD_DIR] [BUDGET_MB] [FRAMES]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build}
BUDGET=${2:-16}
FRAMES=${3:-900}
WORK=${CITYTWIN_BENCH_DIR:-/tmp/citytwin_paged_bench}   # keeps the ~150 MB of rasters
run() { if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1600x1000x24" "$@"; fi; }
# GDAL's block cache (5 % of RAM by default) is not paged content: keep it small.
export GDAL_CACHEMAX=16
run "$BUILD/bin/bench_paged_flythrough" --budget "$BUDGET" --frames "$FRAMES" --size 960x600 "$WORK"
run "$BUILD/bin/bench_paged_flythrough" --budget 100000 --frames "$FRAMES" --size 960x600 "$WORK"
# 3D Tiles: the same flight over a paged tileset, budget and no budget.
if [ ! -f "$WORK/tileset/tileset.json" ]; then
    python3 "$ROOT/bench/render/make_tileset.py" "$WORK/tileset"
fi
run "$BUILD/bin/bench_paged_flythrough" --budget "$BUDGET" --frames "$FRAMES" --size 960x600 \
    --tileset "$WORK/tileset/tileset.json" --no-terrain "$WORK"
run "$BUILD/bin/bench_paged_flythrough" --budget 100000 --frames "$FRAMES" --size 960x600 \
    --tileset "$WORK/tileset/tileset.json" --no-terrain "$WORK"
