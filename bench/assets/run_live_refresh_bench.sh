#!/usr/bin/env bash
# NOTIFY-to-redraw latency of a window on a PostGIS project (issue #16 item 1,
# aim <= 1 s): the 3,008 real Shanghai Telecom sites imported into a
# PostgreSQL cluster of its own (bench/assets/pg_cluster.sh), one `citytwin`
# under a private Xvfb showing them; RUNS times an UPDATE of one site is
# committed by psql and the bench waits for the window's log line
# "live refresh: bench redrawn N ms after the notification".
# Prints, as medians and maxima over the runs:
#   commit -> redraw: from psql's start (so psql's connection counts too: an
#                     upper bound) to the log line's time stamp (the frame
#                     after the reload), wall clock;
#   heard -> redraw:  the N of the log line (from the NOTIFY reaching the
#                     window's watcher thread to the frame that shows it).
#
#   bench/assets/run_live_refresh_bench.sh [BUILD_DIR] [RUNS]   (defaults: build, 10)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${1:-$repo/build}
runs=${2:-10}
app=$build/bin/citytwin
cli=$build/bin/citytwin-cli
src=${CITYTWIN_SHARED_DATA:-$repo/../shared/data}/04_cell_towers/shanghai_telecom_base_stations_3008.geojson
for p in "$app" "$cli"; do [ -x "$p" ] || { echo "no $p (build it)" >&2; exit 1; }; done
[ -f "$src" ] || { echo "no $src (the shared data; CITYTWIN_SHARED_DATA=DIR)" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "Xvfb is not installed" >&2; exit 1; }

work=$(mktemp -d /tmp/citytwin_bench_live.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    pg_cluster_stop
    rm -rf "$work"
}
trap cleanup EXIT
. "$here/pg_cluster.sh"
"$cli" import "$src" --project "$pg" --layer base_stations >"$work/import.log" 2>&1

# A display of its own: Xvfb writes its number to fd 3 once it is up.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
pids+=($!)
for ((t = 0; t < 200; t++)); do [ -s "$work/display" ] && break; sleep 0.1; done
display=$(tr -d '\n' <"$work/display")
[ -n "$display" ] || { echo "Xvfb did not start: $(cat "$work/xvfb.log")" >&2; exit 1; }
log=$work/citytwin.log
TZ=UTC DISPLAY=":$display" XDG_CONFIG_HOME="$work/config" \
    "$app" --no-sensors --lang en --log-file "$log" "$pg" >"$work/app.out" 2>&1 &
pids+=($!)
wait_for() {  # wait_for PATTERN COUNT: until the log has COUNT lines matching
    for ((t = 0; t < 3000; t++)); do
        local n
        n=$(grep -c -- "$1" "$log" 2>/dev/null) || true  # no log yet: nothing printed
        [ "${n:-0}" -ge "$2" ] && return 0
        sleep 0.1
    done
    echo "timed out waiting for '$1' in $log" >&2
    tail -20 "$log" >&2
    exit 1
}
wait_for "scene loaded after" 1
wait_for "live refresh: listening to" 1

commit_to_redraw=()
heard_to_redraw=()
for ((i = 1; i <= runs; i++)); do
    committed=$(python3 -c 'import time; print(time.time_ns() // 1000000)')
    psql_bench -d bench -c "UPDATE base_stations SET fid = fid WHERE fid = $i"
    wait_for "redrawn .* ms after the notification" "$i"
    line=$(grep "redrawn .* ms after the notification" "$log" | sed -n "${i}p")
    drawn=$(python3 -c "import sys, datetime as d; t = d.datetime.fromisoformat(sys.argv[1]).replace(tzinfo=d.timezone.utc); print(int(t.timestamp() * 1000))" "${line%% *}")
    commit_to_redraw+=($((drawn - committed)))
    heard_to_redraw+=("$(sed -E 's/.*redrawn ([0-9]+) ms.*/\1/' <<<"$line")")
    sleep 0.5  # the next change after the window is idle again
done
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "median %d ms, max %d ms", a[int((NR+1)/2)], a[NR]}'; }
echo "live refresh of the 3008-site layer, $runs changes, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "commit -> redraw: $(stats "${commit_to_redraw[@]}")"
echo "heard -> redraw:  $(stats "${heard_to_redraw[@]}")"
echo "reloads logged: $(grep -c 'live refresh: reloading' "$log") (expected $runs)"
