#!/usr/bin/env bash
# Soak of the MQTT ingest: a QoS 1 stream of RATE msg/s (simulator payloads,
# `citytwin-cli simulate`) for MINUTES through a real mosquitto into
# `citytwin-cli ingest --persistent-session`, with a broker restart at 1/3
# and a `kill -9` of the ingest (then a restart) at 2/3 of the run.
# Checks: every message the broker acknowledged to the publisher is stored
# (distinct (sensor, ts) in the store = `delivered`), or counted as lost by the
# ingest's summaries; ingest RSS sampled every 10 s (flat = bounded memory).
# The broker keeps sessions over its restart (persistence on).
# usage: bench/sensors/soak_ingest.sh BUILD_DIR [RATE] [MINUTES]
set -euo pipefail
BUILD=${1:?usage: soak_ingest.sh BUILD_DIR [RATE] [MINUTES]}
RATE=${2:-10000}
MINUTES=${3:-30}
CLI=$BUILD/bin/citytwin-cli
WORK=$(mktemp -d /tmp/citytwin-soak.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'exit 1' INT TERM
# mosquitto started as root runs as user mosquitto: it must be able to save
# its persistence file here, or its restart loses what it held.
chmod 0777 "$WORK"
echo "work dir $WORK"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$WORK/mosquitto.conf" <<CONF
listener $PORT 127.0.0.1
allow_anonymous true
persistence true
persistence_location $WORK/
autosave_interval 30
max_queued_messages 0
max_inflight_messages 1000
CONF
start_broker() {
    mosquitto -c "$WORK/mosquitto.conf" 2>> "$WORK/mosquitto.log" &
    BROKER=$!
    PIDS+=($BROKER)
    for _ in $(seq 100); do (echo > /dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.1; done
}
start_ingest() {
    "$CLI" ingest --mqtt 127.0.0.1:$PORT --store "$WORK/soak.db" --client-id soak \
        --persistent-session >> "$WORK/ingest.out" 2>> "$WORK/ingest.err" &
    INGEST=$!
    PIDS+=($INGEST)
}
rss() { awk '/VmRSS/ {print $2}' /proc/$1/status 2>/dev/null || echo 0; }
stored_messages() {
    sqlite3 "file:$WORK/soak.db?mode=ro" \
        "SELECT count(*) FROM (SELECT DISTINCT s.sensor, r.ts FROM readings r JOIN series s ON s.id = r.series)" 2>/dev/null || echo -1
}

start_broker
start_ingest
sleep 2
SECONDS_TOTAL=$((MINUTES * 60))
SENSORS=1000
HZ=$(python3 -c "print($RATE / $SENSORS)")
"$CLI" simulate --sensors $SENSORS --rate "$HZ" --duration $SECONDS_TOTAL --seed 11 \
    --mqtt 127.0.0.1:$PORT --qos 1 2> "$WORK/simulate.err" &
SIM=$!
PIDS+=($SIM)

echo "t_s ingest_rss_kib readings"
for ((t = 10; t <= SECONDS_TOTAL; t += 10)); do
    sleep 10
    if ((t == SECONDS_TOTAL / 3 / 10 * 10)); then
        echo "# broker restart at ${t}s"
        kill -TERM $BROKER; wait $BROKER || true
        start_broker
    fi
    if ((t == 2 * SECONDS_TOTAL / 3 / 10 * 10)); then
        echo "# kill -9 of the ingest at ${t}s (rss $(rss $INGEST) KiB), restart"
        kill -KILL $INGEST; wait $INGEST || true
        start_ingest
    fi
    echo "$t $(rss $INGEST) $(sqlite3 "file:$WORK/soak.db?mode=ro" 'SELECT count(*) FROM readings' 2>/dev/null || echo -)"
done
wait $SIM
DELIVERED=$(awk '/^delivered/ {print $2}' "$WORK/simulate.err")
PUBLISHED=$(awk '/^published/ {print $2}' "$WORK/simulate.err")
# Let the ingest drain what the broker still queues, then stop it cleanly.
for _ in $(seq 12); do
    [ "$(stored_messages)" -ge "$DELIVERED" ] && break
    sleep 10
done
kill -TERM $INGEST; wait $INGEST || true
STORED=$(stored_messages)
UNSTORED=$(awk '/^unstored/ {s += $2} END {print s + 0}' "$WORK/ingest.out")
DROPPED=$(awk '/^dropped/ {s += $2} END {print s + 0}' "$WORK/ingest.out")
echo "published $PUBLISHED delivered(acknowledged by the broker) $DELIVERED"
echo "stored messages (distinct sensor, ts) $STORED; counted by the ingest: dropped $DROPPED unstored $UNSTORED"
sqlite3 "file:$WORK/soak.db?mode=ro" "SELECT kind, count(*), sum(lost) FROM gaps GROUP BY kind"
if [ "$STORED" -ge "$DELIVERED" ] || [ $((STORED + DROPPED)) -ge "$DELIVERED" ]; then
    echo "OK: received = stored + counted losses"
else
    echo "LOSS: $((DELIVERED - STORED - DROPPED)) acknowledged messages neither stored nor counted"
    exit 1
fi
