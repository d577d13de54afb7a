#!/usr/bin/env bash
# check-site and audit on the 3,008 real Shanghai Telecom sites
# (../shared/data/04_cell_towers), the same layer imported with
# `citytwin-cli import` into a GeoPackage project and into a PostGIS project
# (a PostgreSQL 15 cluster of its own on a free port, removed at the end),
# in the same run; prints the medians and the PostGIS/GeoPackage ratio.
# Each timing is a whole citytwin-cli run, as a user sees it: connect or
# open, read and validate the project, build the index, check, print.
#
#   bench/assets/run_pg_vs_gpkg.sh [BUILD_DIR] [RUNS]     (defaults: build, 15)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${1:-$repo/build}
runs=${2:-15}
cli=$build/bin/citytwin-cli
src=${CITYTWIN_SHARED_DATA:-$repo/../shared/data}/04_cell_towers/shanghai_telecom_base_stations_3008.geojson
[ -x "$cli" ] || { echo "no $cli (build citytwin-cli)" >&2; exit 1; }
[ -f "$src" ] || { echo "no $src (the shared data)" >&2; exit 1; }
work=$(mktemp -d /tmp/citytwin_bench_pg.XXXXXX)
cleanup() {
    pg_cluster_stop
    rm -rf "$work"
}
trap cleanup EXIT
. "$here/pg_cluster.sh"
gpkg=$work/bench.gpkg

# The dataset has positions only: the attributes the rules read, as in
# tests/assets/TestRealCellTowers.cpp (every 7th removed, capacity by id).
sites=$work/base_stations.geojson
ogr2ogr -f GeoJSON "$sites" "$src" -dialect sqlite -sql \
    "SELECT geometry, 'TEL-' || id AS id, 'China Telecom' AS operator,
            CASE WHEN id % 7 = 0 THEN 'removed' ELSE 'active' END AS status,
            id % 3 AS spare_capacity, 400 AS coverage_radius_m, 'tower' AS host_type,
            '2026-01-01' AS last_inspection, 90 + id % 200 AS inspection_interval_days
     FROM shanghai_telecom_base_stations_3008"
"$cli" import "$sites" --project "$gpkg" --layer base_stations >/dev/null 2>&1
"$cli" import "$sites" --project "$pg" --layer base_stations >/dev/null 2>&1

# Proposals 50 m north-east of every 150th real site.
mapfile -t points < <(python3 - "$sites" <<'PY'
import json, sys, math
f = json.load(open(sys.argv[1]))["features"]
for i in range(0, len(f), 150):
    lon, lat = f[i]["geometry"]["coordinates"][:2]
    print(f"{lon + 35 / (111320 * math.cos(math.radians(lat))):.7f} {lat + 35 / 110540:.7f}")
PY
)

ms() { python3 -c 'import time; print(int(time.time_ns() // 1000000))'; }
# median_of KEY CMD...: runs CMD $runs times, keeps its output in $work/out.KEY,
# prints the median ms.
median_of() {
    local key=$1; shift
    local times=()
    for ((i = 0; i < runs; i++)); do
        local t0 t1 out
        t0=$(ms)
        out=$("$@" 2>/dev/null)
        t1=$(ms)
        times+=($((t1 - t0)))
        printf '%s' "$out" >"$work/out.$key"
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

echo "citytwin-cli on 3008 sites, $runs runs each, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
same=yes
declare -A med
for backend in gpkg pg; do
    project=$gpkg
    [ $backend = pg ] && project=$pg
    total=0
    for p in "${points[@]}"; do
        set -- $p
        m=$(median_of "$backend-$1" "$cli" check-site --project "$project" --lon "$1" --lat "$2")
        total=$((total + m))
    done
    med[$backend-site]=$((total / ${#points[@]}))
    med[$backend-audit]=$(median_of "$backend-audit" "$cli" audit --project "$project" --date 2026-06-30)
done
for p in "${points[@]}"; do
    set -- $p
    cmp -s "$work/out.gpkg-$1" "$work/out.pg-$1" || same=no
done
cmp -s "$work/out.gpkg-audit" "$work/out.pg-audit" || same=no
grep -q '"rule"' "$work/out.gpkg-audit" || same="no findings at all (check the layer)"
ratio() { python3 -c "print(f'{$1 / max($2, 1):.2f}x')"; }
echo "check-site (mean of the medians over ${#points[@]} proposals): GeoPackage ${med[gpkg-site]} ms | PostGIS ${med[pg-site]} ms | ratio $(ratio ${med[pg-site]} ${med[gpkg-site]})"
echo "audit (median): GeoPackage ${med[gpkg-audit]} ms | PostGIS ${med[pg-audit]} ms | ratio $(ratio ${med[pg-audit]} ${med[gpkg-audit]})"
echo "same findings on both: $same"
