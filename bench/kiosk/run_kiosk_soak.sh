#!/usr/bin/env bash
# Soak: `citytwin --kiosk` touring the demo with its live sensor simulator
# for DURATION seconds at a compressed tour time, then SIGTERM. Prints the
# resident memory at the tour's start, after its first full loop (the
# warm-up: the tour's views paged in, the scenario run once) and at the end,
# with the growth over the warm part as the leak measure; an RSS series per
# minute; frames over 100 ms, the kiosk's paint time median beside the normal window's
# `--benchmark` frame median on the tour's first view. Not part of ctest.
#
# usage: bench/kiosk/run_kiosk_soak.sh [BUILD_DIR] [DURATION_S=1800] [TIME_SCALE=10]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build}
DURATION=${2:-1800}
SCALE=${3:-10}
SIZE_W=1280; SIZE_H=800
CAMERA="121.4875,31.2300,900,50,-22"   # the demo tour's first stop
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a -s "-screen 0 ${SIZE_W}x${SIZE_H}x24" "$0" "$BUILD" "$DURATION" "$SCALE"
fi

rss_mb() { awk '/^VmRSS:/{printf "%.1f", $2/1024}' "/proc/$1/status"; }

CITYTWIN_KIOSK_TIME_SCALE=$SCALE CITYTWIN_KIOSK_STATS_S=60 \
    "$BUILD/bin/citytwin" --kiosk --lang en --log-file "$OUT/kiosk.log" \
    > "$OUT/stdout.txt" 2> "$OUT/stderr.txt" &
PID=$!
for _ in $(seq 1 600); do
    grep -q "kiosk: tour started" "$OUT/kiosk.log" 2>/dev/null && break
    kill -0 $PID 2>/dev/null || { echo "kiosk died while loading"; tail -20 "$OUT/stderr.txt"; exit 1; }
    sleep 1
done
grep -q "kiosk: tour started" "$OUT/kiosk.log" || { echo "tour did not start"; kill $PID; exit 1; }
RSS_START=$(rss_mb $PID)
echo "soak: ${DURATION} s at tour time x${SCALE}, RSS at tour start ${RSS_START} MiB"
END=$((SECONDS + DURATION))
RSS_WARM=""
NEXT_SAMPLE=$SECONDS
while [ $SECONDS -lt $END ]; do
    kill -0 $PID 2>/dev/null || { echo "kiosk exited early"; tail -20 "$OUT/kiosk.log"; exit 1; }
    # Warm once the first stop comes round again: every stop seen once.
    if [ -z "$RSS_WARM" ] && [ "$(grep -c 'kiosk: stop 1/' "$OUT/kiosk.log")" -ge 2 ]; then
        RSS_WARM=$(rss_mb $PID)
        echo "soak: first loop done after $((SECONDS - END + DURATION)) s, RSS ${RSS_WARM} MiB"
    fi
    if [ $SECONDS -ge $NEXT_SAMPLE ]; then
        echo "rss t=$((SECONDS - END + DURATION))s $(rss_mb $PID) MiB" >> "$OUT/rss.txt"
        NEXT_SAMPLE=$((NEXT_SAMPLE + 60))
    fi
    sleep 5
done
RSS_END=$(rss_mb $PID)
RSS_WARM=${RSS_WARM:-$RSS_START}
cat "$OUT/rss.txt"
kill -TERM $PID
wait $PID; CODE=$?
STOPS=$(grep -c "kiosk: at stop" "$OUT/kiosk.log" || true)
# Scenario stops played, and how often the scenario was shown (opened) there.
PLAYED=$(grep -c "playing scenario" "$OUT/kiosk.log" || true)
SHOWN=$(grep -c "log entries in" "$OUT/kiosk.log" || true)
echo "scenario stops played: $PLAYED; scenario shown (opened) $SHOWN times"

normal=$("$BUILD/bin/citytwin" --size ${SIZE_W}x${SIZE_H} --camera "$CAMERA" --benchmark 300 --no-sensors)

python3 - "$OUT/kiosk.log" "$RSS_START" "$RSS_END" "$CODE" "$STOPS" "$normal" "$RSS_WARM" <<'PY'
import re, sys, statistics
log, rss0, rss1, code, stops, normal = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
rssw = float(sys.argv[7])
lines = [l for l in open(log, encoding="utf-8") if "kiosk: frames=" in l]
kv = [dict(re.findall(r"(\w+)=([\d.]+)", l)) for l in lines]
medians = [float(d["paint_ms_median"]) for d in kv if int(d["frames"]) > 0]
total = int(kv[-1]["total_frames"]) if kv else 0
over = int(kv[-1]["total_over_100ms"]) if kv else 0
nmed = float(dict(re.findall(r"(\w+)=([\d.]+)", normal))["frame_ms_median"])
kmed = statistics.median(medians) if medians else float("nan")
imeds = [float(d.get("flight_interval_ms_median", 0)) for d in kv if float(d.get("flight_interval_ms_median", 0)) > 0]
imed = statistics.median(imeds) if imeds else float("nan")
print(f"exit code on SIGTERM: {code}; stops visited: {stops}")
print(f"RSS: tour start {rss0:.1f} MiB, after the first loop {rssw:.1f} MiB, end {rss1:.1f} MiB")
print(f"RSS growth after warm-up (the leak measure): {100*(rss1-rssw)/rssw:+.1f} %; "
      f"from tour start: {100*(rss1-rss0)/rss0:+.1f} %")
series = [(float(d["rss_mb"]), float(d["paged_mb"])) for d in kv if "paged_mb" in d]
if series:
    print("per stats line, RSS / paged content the budget counts (MiB): " +
          " ".join(f"{r:.0f}/{p:.0f}" for r, p in series))
print(f"frames: {total}, over 100 ms: {over} ({100*over/max(total,1):.2f} %)")
print(f"kiosk paint median (median of per-minute medians): {kmed:.2f} ms; "
      f"normal window --benchmark median on the first stop's view: {nmed:.2f} ms")
print(f"kiosk frame interval in flight (median of per-minute medians): {imed:.2f} ms "
      f"= {imed/nmed:.2f}x the normal window's frame median")
PY
