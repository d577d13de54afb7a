#!/usr/bin/env bash
# Sensor benchmarks, each against a baseline in the same run:
#  1. sustained ingest from a real broker on loopback: messages/s stored by
#     `citytwin-cli ingest` vs `mosquitto_sub > /dev/null` on the same stream;
#  2. peak memory of ingest under a publisher that outruns the writer (small
#     queue, drop-newest): stays bounded, drops are counted;
#  3. insert throughput of the readings schema vs plain append inserts;
#  4. seek latency (sceneStateAt) over a stored day of 10,000 sensors vs the
#     naive SQL over the raw readings.
# usage: bench/sensors/run_sensors_bench.sh BUILD_DIR [MESSAGES]
set -euo pipefail
BUILD=${1:?usage: run_sensors_bench.sh BUILD_DIR [MESSAGES]}
MESSAGES=${2:-200000}
BIN=$BUILD/bin
WORK=$(mktemp -d /tmp/citytwin-sensors-bench.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 1' INT TERM

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$WORK/mosquitto.conf" <<CONF
listener $PORT 127.0.0.1
allow_anonymous true
persistence false
max_queued_messages 1000000
CONF
mosquitto -c "$WORK/mosquitto.conf" 2> "$WORK/mosquitto.log" & PIDS+=($!)
for _ in $(seq 100); do (echo > /dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.1; done

# The stream: MESSAGES payloads of the simulator, one sensor reading each
# (1000 sensors; the JSON is generated first so publishing is not the limit).
SENSORS=1000
RATE=$(( (MESSAGES + SENSORS - 1) / SENSORS ))
"$BIN/citytwin-cli" simulate --sensors $SENSORS --rate 1000 --duration "$(python3 -c "print($RATE/1000)")" \
    --seed 7 > "$WORK/stream.jsonl" 2> /dev/null
MESSAGES=$(wc -l < "$WORK/stream.jsonl")
READINGS=$(python3 -c "
import json,sys
print(sum(len(json.loads(l)['values']) for l in open('$WORK/stream.jsonl')))")
echo "stream: $MESSAGES messages, $READINGS readings"
split -n l/4 "$WORK/stream.jsonl" "$WORK/part."
PUBS=()

now_ms() { date +%s%3N; }
count_rows() { sqlite3 "file:$1?mode=ro" "SELECT count(*) FROM readings" 2>/dev/null || echo 0; }

ingest_run() {  # $1 = label, $2.. = extra ingest options
    local label=$1; shift
    local db="$WORK/$label.db"
    rm -f "$db"*
    mosquitto_sub -p "$PORT" -t 'city/sensors/#' -C "$MESSAGES" > /dev/null & local sub=$!
    /usr/bin/time -v -o "$WORK/$label.time" "$BIN/citytwin-cli" ingest --mqtt 127.0.0.1:$PORT \
        --topic 'city/sensors/#' --store "$db" --qos 0 "$@" > "$WORK/$label.out" 2> "$WORK/$label.err" &
    local ing=$!
    sleep 1.5  # both subscribed (no assertion depends on it)
    local t0; t0=$(now_ms)
    # Four publishers at once: one mosquitto_pub is slower than the broker.
    for part in "$WORK"/part.*; do
        mosquitto_pub -p "$PORT" -t city/sensors/bench -l < "$part" & PUBS+=($!)
    done
    wait "${PUBS[@]}"; PUBS=()
    local tpub; tpub=$(now_ms)
    wait $sub; local tsub; tsub=$(now_ms)
    # Ingest is done when the stored count stops growing for 2 s.
    local last=-1 n=0 tlast=$tsub tchange; tchange=$(now_ms)
    while :; do
        n=$(count_rows "$db")
        if [ "$n" -ge "$READINGS" ]; then tlast=$(now_ms); break; fi
        if [ "$n" = "$last" ] && [ $(( $(now_ms) - tchange )) -gt 2000 ]; then break; fi
        if [ "$n" != "$last" ]; then last=$n; tchange=$(now_ms); tlast=$tchange; fi
        sleep 0.05
    done
    kill -INT "$(pgrep -P $ing)"; wait $ing || true  # GNU time ignores SIGINT: signal its child
    local rss; rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$WORK/$label.time")
    python3 - "$label" "$MESSAGES" "$READINGS" "$n" "$t0" "$tpub" "$tsub" "$tlast" "$rss" <<'PY'
import sys
label, msgs, readings, stored, t0, tpub, tsub, tlast, rss = sys.argv[1:]
msgs, readings, stored = int(msgs), int(readings), int(stored)
t0, tpub, tsub, tlast = map(int, (t0, tpub, tsub, tlast))
sub_rate = msgs / max(tsub - t0, 1) * 1000
stored_msgs = msgs * stored / readings
ing_rate = stored_msgs / max(tlast - t0, 1) * 1000
print(f"[{label}] publish {msgs / max(tpub - t0, 1) * 1000:,.0f} msg/s; mosquitto_sub {sub_rate:,.0f} msg/s; "
      f"ingest stored {stored}/{readings} readings = {ing_rate:,.0f} msg/s; ratio {ing_rate / sub_rate:.2f}; "
      f"peak RSS {int(rss) / 1024:.1f} MiB")
PY
    sed 's/^/    /' "$WORK/$label.out"
}

echo "== 1. sustained ingest (default queue 200000 readings, drop-newest)"
ingest_run default
echo "== 2. publisher outrunning the writer: queue of 5000 readings"
ingest_run small-queue --queue 5000
ingest_run small-queue-block --queue 5000 --overflow block

echo "== 2b. a file source outruns the writer (no broker in between): peak RSS by queue size"
for q in 5000 200000; do
    rm -f "$WORK/file-$q.db"*
    /usr/bin/time -v -o "$WORK/file-$q.time" "$BIN/citytwin-cli" ingest --file "$WORK/stream.jsonl" \
        --store "$WORK/file-$q.db" --queue $q > "$WORK/file-$q.out" 2>&1
    echo "  --queue $q: peak RSS $(awk -F': ' '/Maximum resident/ {printf "%.1f MiB", $2/1024}' "$WORK/file-$q.time");" \
        $(tr '\n' ' ' < "$WORK/file-$q.out")
done
rm -f "$WORK/file-block.db"*
"$BIN/citytwin-cli" ingest --file "$WORK/stream.jsonl" --store "$WORK/file-block.db" --queue 5000 \
    --overflow block | tr '\n' ' ' | sed 's/^/  --queue 5000 --overflow block: /'; echo

echo "== 3. readings schema: insert throughput vs plain append (10000 sensors x 60 s)"
"$BIN/bench_sensors_schema" "$WORK" 10000 60

echo "== 4. seek over a stored day of 10000 sensors (one reading per 5 min each)"
"$BIN/bench_sensors_seek" "$WORK/day.db" 10000 300 50
T=$(( 1764086400000 + 13 * 3600000 + 1234 ))
echo "   baseline, naive SQL over raw readings (last value per series <= t), sqlite3 shell:"
sqlite3 "$WORK/day.db" ".timer on" \
  "SELECT count(*) FROM (SELECT series, max(ts) FROM readings WHERE ts <= $T GROUP BY series);" \
  | sed 's/^/    /'
