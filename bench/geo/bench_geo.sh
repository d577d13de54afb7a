#!/bin/sh
# Geo benchmarks, each a ratio against a baseline run in the same script:
#  1. citytwin-cli transform vs PROJ's cs2cs on the same 1,000,000 points
#     (time ratio; aim <= 0.5);
#  2. the library call vs a bare proj_trans_generic loop (bench_geo_transform;
#     throughput ratio; aim >= 0.8);
#  3. citytwin-cli import of the largest OSM layer of ../shared/data into a
#     GeoPackage vs ogr2ogr -f GPKG (time ratio; aim <= 1.5).
# Usage: bench/geo/bench_geo.sh [BUILD_DIR] [POINTS]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${1:-$repo/build}
points=${2:-1000000}
cli=$build/bin/citytwin-cli
shared=$(cd "$repo/../shared/data" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
# best of 3 wall-clock seconds of a shell command
best3() {
    best=""
    for i in 1 2 3; do
        t0=$(now); sh -c "$1" >/dev/null 2>&1 || echo "bench: failed: $1" >&2; t1=$(now)
        t=$(echo "$t1 - $t0" | bc -l)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
    done
    echo "$best"
}

echo "== transform of $points points, EPSG:4326 -> EPSG:4549 =="
# Same points for both: 'lon lat h' for citytwin (GIS order), 'lat lon h' for cs2cs (EPSG order).
awk -v n="$points" 'BEGIN { srand(7); for (i = 0; i < n; i++) printf "%.9f %.9f %.3f\n", 120.85 + 1.35*rand(), 30.68 + 1.19*rand(), 10*rand() }' > "$work/gis.txt"
awk '{ print $2, $1, $3 }' "$work/gis.txt" > "$work/epsg.txt"
t_cli=$(best3 "'$cli' transform --from EPSG:4326 --to EPSG:4549 < '$work/gis.txt' > '$work/cli.out'")
t_cs2cs=$(best3 "cs2cs -f %.12f EPSG:4326 +to EPSG:4549 < '$work/epsg.txt' > '$work/cs2cs.out'")
printf 'citytwin-cli transform: %.3f s\ncs2cs:                  %.3f s\nratio cli/cs2cs:        %.3f (aim <= 0.5)\n' \
    "$t_cli" "$t_cs2cs" "$(echo "$t_cli / $t_cs2cs" | bc -l)"

echo "== library vs bare proj_trans_generic =="
"$build/bin/bench_geo_transform" "$points" 5

echo "== import of the largest OSM layer =="
largest=""; largest_n=0
for f in "$shared"/01_buildings/*.geojson "$shared"/02_roads_metro/*.geojson "$shared"/09_street_furniture/*.geojson; do
    [ -f "$f" ] || continue
    n=$(ogrinfo -ro -so -al "$f" 2>/dev/null | awk -F': ' '/Feature Count/ { print $2; exit }')
    if [ "${n:-0}" -gt "$largest_n" ]; then largest=$f; largest_n=$n; fi
done
echo "layer: $largest ($largest_n features)"
t_imp=$(best3 "rm -f '$work/a.gpkg'; '$cli' import '$largest' --project '$work/a.gpkg' --layer osm")
t_ogr=$(best3 "rm -f '$work/b.gpkg'; ogr2ogr -f GPKG -unsetFid '$work/b.gpkg' '$largest' -nln osm")
printf 'citytwin-cli import: %.3f s\nogr2ogr -f GPKG:     %.3f s\nratio import/ogr2ogr: %.3f (aim <= 1.5)\n' \
    "$t_imp" "$t_ogr" "$(echo "$t_imp / $t_ogr" | bc -l)"
