# Sourced by the PostGIS benches: a PostgreSQL cluster of their own in
# $work (a scratch folder the caller made) on a free port of 127.0.0.1, trust
# authentication for the role citytwin, fsync off; the database "bench" with
# PostGIS. Sets $pgbin, $port, $pg (GDAL's PG: form) and psql_bench (psql on
# it); pg_cluster_stop stops the server (call it from the caller's EXIT trap).
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pgbin/initdb" ] || { echo "PostgreSQL's server programs are not installed" >&2; exit 1; }
as_owner=()
if [ "$(id -u)" = 0 ]; then chown postgres: "$work"; as_owner=(runuser -u postgres --); fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
pg_cluster_stop() {
    "${as_owner[@]}" "$pgbin/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true
}
"${as_owner[@]}" "$pgbin/initdb" -D "$work/data" -U citytwin --auth=trust -E UTF8 \
    --locale=C.UTF-8 --no-sync >"$work/initdb.log"
"${as_owner[@]}" "$pgbin/pg_ctl" -D "$work/data" -l "$work/pg.log" -w \
    -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
psql_bench() { psql -X -q -h 127.0.0.1 -p "$port" -U citytwin "$@"; }
psql_bench -d postgres -c "CREATE DATABASE bench"
psql_bench -d bench -c "CREATE EXTENSION postgis"
pg="PG:host=127.0.0.1 port=$port user=citytwin dbname=bench"
