#!/usr/bin/env bash
# Ingest scale-out, every consumer on the same stream in the same run:
#   mosquitto_sub > /dev/null (the broker's own pace: the baseline),
#   one citytwin-cli ingest into a SQLite file,
#   1, 2 and 4 ingest processes on a shared subscription ($share/gN/...,
#   MQTT 5, QoS 1, persistent sessions), each group into its own PostgreSQL
#   database of one local cluster (fsync on, synchronous_commit on).
# Each group receives the whole stream; the broker splits it within a group.
# Printed per consumer: messages/s from the first publish to its last commit,
# the receive latency of timestamped probes (publish -> ingest clock, p50/p95)
# and the check received = stored = sent (the run fails otherwise).
# usage: bench/sensors/run_scaleout_bench.sh BUILD_DIR [MESSAGES]
set -euo pipefail
BUILD=${1:?usage: run_scaleout_bench.sh BUILD_DIR [MESSAGES]}
MESSAGES=${2:-50000}
CLI=$BUILD/bin/citytwin-cli
WORK=$(mktemp -d /tmp/citytwin-scaleout.XXXXXX)
chmod 755 "$WORK"  # the cluster runs as postgres under root
PGBIN=${CITYTWIN_PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    [ -f "$WORK/pg/data/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m fast stop > /dev/null 2>&1 || true
    rm -rf "$WORK"
}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
trap cleanup EXIT
trap 'exit 1' INT TERM
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

# --- servers ----------------------------------------------------------------
MQ=$(free_port)
cat > "$WORK/mosquitto.conf" <<CONF
listener $MQ 127.0.0.1
allow_anonymous true
persistence false
max_queued_messages 1000000
max_inflight_messages 1000
CONF
mosquitto -c "$WORK/mosquitto.conf" 2> "$WORK/mosquitto.log" & PIDS+=($!)
PG=$(free_port)
mkdir -p "$WORK/pg"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"
as_pg "$PGBIN/initdb" -D "$WORK/pg/data" -U citytwin -A trust > "$WORK/initdb.log"
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w \
    -o "-p $PG -k $WORK/pg -c listen_addresses=127.0.0.1 -c max_connections=40" start > /dev/null
for db in g1 g2 g4; do "$PGBIN/psql" -q -h 127.0.0.1 -p "$PG" -U citytwin -d postgres -c "CREATE DATABASE $db"; done
for _ in $(seq 100); do (echo > /dev/tcp/127.0.0.1/$MQ) 2>/dev/null && break; sleep 0.1; done
uri() { echo "postgresql://citytwin@127.0.0.1:$PG/$1"; }
psqlq() { "$PGBIN/psql" -qtA -h 127.0.0.1 -p "$PG" -U citytwin -d "$1" -c "$2"; }

# --- the stream: MESSAGES readings of 1000 sensors, each (sensor, ts) once ---
python3 - "$MESSAGES" "$WORK" <<'PY'
import sys
n, work = int(sys.argv[1]), sys.argv[2]
t0 = 1764133200000
parts = [open(f"{work}/part.{i}", "w") for i in range(4)]
for k in range(n):
    parts[k % 4].write('{"sensor":"s%d","ts":%d,"values":{"pm25":%d}}\n' % (k % 1000, t0 + k, k % 500))
PY

# --- consumers (all subscribed before the first message) ---------------------
INGEST=(--mqtt 127.0.0.1:$MQ --topic 'city/#' --max-skew none --queue 200000)
start_ingest() {  # name store extra...
    local name=$1 store=$2; shift 2
    "$CLI" ingest "${INGEST[@]}" --store "$store" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" &
    PIDS+=($!); echo $! > "$WORK/$name.pid"
}
mosquitto_sub -p "$MQ" -q 1 -t 'city/sensors/#' -C "$MESSAGES" > /dev/null & SUB=$!; PIDS+=($SUB)
start_ingest sqlite "$WORK/sqlite.db" --client-id bench-sqlite --persistent-session
MEMBERS=()
for g in 1 2 4; do
    for m in $(seq "$g"); do
        start_ingest "g$g-m$m" "$(uri g$g)" --shared-group "g$g" --client-id "g$g-m$m"
        MEMBERS+=("g$g-m$m")
    done
done
# Each ingest has created its schema and connected (the broker logs it).
for name in sqlite "${MEMBERS[@]}"; do
    for _ in $(seq 300); do grep -q "as $name" "$WORK/mosquitto.log" && break; sleep 0.1; done
done
grep -q "as bench-sqlite" "$WORK/mosquitto.log" || { echo "sqlite ingest did not connect"; exit 1; }
sleep 1  # SUBACKs are not visible to a shell; no result depends on this

# --- publish: four mosquitto_pub at once, probes on city/probe every 100 ms ---
T0=$(now_ms)
PUBS=()
for part in "$WORK"/part.*; do
    mosquitto_pub -p "$MQ" -q 1 -t city/sensors/bench -l < "$part" & PUBS+=($!)
done
PROBES=0
while kill -0 "${PUBS[@]}" 2>/dev/null; do
    mosquitto_pub -p "$MQ" -q 1 -t city/probe/p -m "{\"sensor\":\"probe\",\"ts\":$(now_ms),\"values\":{\"lat\":1}}"
    PROBES=$((PROBES + 1))
    sleep 0.1
done
wait "${PUBS[@]}" || true
TPUB=$(now_ms)
SENT=$((MESSAGES + PROBES))
wait $SUB; TSUB=$(now_ms)
echo "load before the drain: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores, shared)"

# --- drain: each store until it holds every message, then stop the ingests ---
count() {  # store -> readings
    case $1 in
        sqlite) sqlite3 "file:$WORK/sqlite.db?mode=ro" "SELECT count(*) FROM readings" 2>/dev/null || echo 0 ;;
        *) psqlq "$1" "SELECT count(*) FROM readings" 2>/dev/null || echo 0 ;;
    esac
}
declare -A DONE
for _ in $(seq 3000); do  # all stores polled together: each one's own finish time
    for store in sqlite g1 g2 g4; do
        [ -z "${DONE[$store]:-}" ] && [ "$(count $store)" -ge "$SENT" ] && DONE[$store]=$(now_ms)
    done
    [ ${#DONE[@]} = 4 ] && break
    sleep 0.05
done
for store in sqlite g1 g2 g4; do DONE[$store]=${DONE[$store]:-$(now_ms)}; done
for name in sqlite "${MEMBERS[@]}"; do kill -TERM "$(cat "$WORK/$name.pid")"; done
for name in sqlite "${MEMBERS[@]}"; do wait "$(cat "$WORK/$name.pid")" || true; done

received() {  # store -> messages received by its ingest processes
    local sum=0 f
    for f in "$WORK"/$1*.out; do sum=$((sum + $(awk '/^received/ {print $2}' "$f"))); done
    echo $sum
}
latency() {  # store -> "p50 p95" ms of probe ingest_ms - ts
    local sql="SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY r.ingest_ms - r.ts) || ' ' ||
      percentile_disc(0.95) WITHIN GROUP (ORDER BY r.ingest_ms - r.ts) FROM readings r JOIN series s
      ON s.id = r.series WHERE s.sensor = 'probe'"
    if [ "$1" = sqlite ]; then
        sqlite3 "$WORK/sqlite.db" "SELECT ingest_ms - ts FROM readings r JOIN series s ON s.id = r.series
            WHERE s.sensor = 'probe' ORDER BY 1" | awk '{a[NR]=$1} END {print a[int(NR*0.5)+1], a[int(NR*0.95)+1]}'
    else
        psqlq "$1" "$sql"
    fi
}
echo "stream: $MESSAGES messages + $PROBES probes = $SENT sent by 4 publishers in $((TPUB - T0)) ms"
echo "mosquitto_sub > /dev/null: $MESSAGES in $((TSUB - T0)) ms = $((MESSAGES * 1000 / (TSUB - T0 + 1))) msg/s"
FAIL=0
for store in sqlite g1 g2 g4; do
    n=$(count $store); r=$(received $store); ms=$((DONE[$store] - T0))
    case $store in sqlite) label="1 ingest -> SQLite";; g1) label="1 ingest  -> PostgreSQL";;
        g2) label="2 ingests -> PostgreSQL";; g4) label="4 ingests -> PostgreSQL";; esac
    read -r p50 p95 <<< "$(latency $store)"
    ok=ok; { [ "$n" = "$SENT" ] && [ "$r" = "$SENT" ]; } || { ok=MISMATCH; FAIL=1; }
    printf '%-26s %8d msg/s  sent %d received %d stored %d %s; probe latency p50 %s ms p95 %s ms\n' \
        "$label" $((SENT * 1000 / (ms + 1))) "$SENT" "$r" "$n" "$ok" "$p50" "$p95"
done

# --- 2. capacity: a backlog the broker queued while every ingest was away ---
# The same consumers' sessions (persistent) hold a second stream published
# while they were stopped; all start at once and drain it as fast as each
# store takes it: the ingest's own rate, not the publishers'.
python3 - "$MESSAGES" "$WORK" <<'PY'
import sys
n, work = int(sys.argv[1]), sys.argv[2]
t0 = 1764133200000 + n
parts = [open(f"{work}/backlog.{i}", "w") for i in range(4)]
for k in range(n):
    parts[k % 4].write('{"sensor":"s%d","ts":%d,"values":{"pm25":%d}}\n' % (k % 1000, t0 + k, k % 500))
PY
PUBS=()
for part in "$WORK"/backlog.*; do
    mosquitto_pub -p "$MQ" -q 1 -t city/sensors/bench -l < "$part" & PUBS+=($!)
done
wait "${PUBS[@]}" || true
TOTAL=$((SENT + MESSAGES))
for f in "$WORK"/*.out; do mv "$f" "${f%.out}.phase1"; done
T1=$(now_ms)
start_ingest sqlite "$WORK/sqlite.db" --client-id bench-sqlite --persistent-session
for g in 1 2 4; do
    for m in $(seq "$g"); do
        start_ingest "g$g-m$m" "$(uri g$g)" --shared-group "g$g" --client-id "g$g-m$m"
    done
done
declare -A DRAIN=()
for _ in $(seq 6000); do
    for store in sqlite g1 g2 g4; do
        [ -z "${DRAIN[$store]:-}" ] && [ "$(count $store)" -ge "$TOTAL" ] && DRAIN[$store]=$(now_ms)
    done
    [ ${#DRAIN[@]} = 4 ] && break
    sleep 0.05
done
echo "load after the drain: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in sqlite "${MEMBERS[@]}"; do kill -TERM "$(cat "$WORK/$name.pid")"; done
for name in sqlite "${MEMBERS[@]}"; do wait "$(cat "$WORK/$name.pid")" || true; done
echo "backlog of $MESSAGES messages queued while the ingests were stopped, all drained at once:"
for store in sqlite g1 g2 g4; do
    n=$(count $store); r=$(received $store)
    case $store in sqlite) label="1 ingest -> SQLite";; g1) label="1 ingest  -> PostgreSQL";;
        g2) label="2 ingests -> PostgreSQL";; g4) label="4 ingests -> PostgreSQL";; esac
    ok=ok; { [ "$n" = "$TOTAL" ] && [ "$r" = "$MESSAGES" ]; } || { ok=MISMATCH; FAIL=1; }
    if [ -n "${DRAIN[$store]:-}" ]; then ms=$((DRAIN[$store] - T1)); rate=$((MESSAGES * 1000 / (ms + 1))); else ms=-; rate=-; fi
    printf '%-26s %8s msg/s  (%s ms, process start included)  received %d stored %d of %d %s\n' \
        "$label" "$rate" "$ms" "$r" "$n" "$TOTAL" "$ok"
done
exit $FAIL
