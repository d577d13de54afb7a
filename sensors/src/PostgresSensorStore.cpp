#include "PostgresSensorStore.h"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace citytwin::sensors {
namespace {

using geo::Result;
using geo::Status;

constexpr const char* kSchemaVersion = "1";
// Held while the schema or partitions are created, so that ingest processes
// starting together do not race on CREATE ... IF NOT EXISTS.
constexpr const char* kDdlLock = "SELECT pg_advisory_xact_lock(7424711816)";

const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key text PRIMARY KEY, value text);
CREATE TABLE IF NOT EXISTS series(
    id bigserial PRIMARY KEY, sensor text NOT NULL, metric text NOT NULL, UNIQUE(sensor, metric));
-- One partition per UTC day, created when the first reading of that day comes.
CREATE TABLE IF NOT EXISTS readings(
    series bigint NOT NULL, ts bigint NOT NULL, value double precision NOT NULL,
    ingest_ms bigint NOT NULL, PRIMARY KEY(series, ts)) PARTITION BY RANGE (ts);
-- The timeline's coverage and the scene's latest minute read by time.
CREATE INDEX IF NOT EXISTS readings_by_time ON readings(ts);
CREATE TABLE IF NOT EXISTS rollup_1m(
    series bigint NOT NULL, start bigint NOT NULL, n bigint NOT NULL, sum double precision NOT NULL,
    min double precision NOT NULL, max double precision NOT NULL, last_ts bigint NOT NULL,
    last_value double precision NOT NULL, PRIMARY KEY(series, start));
CREATE TABLE IF NOT EXISTS rollup_1h(
    series bigint NOT NULL, start bigint NOT NULL, n bigint NOT NULL, sum double precision NOT NULL,
    min double precision NOT NULL, max double precision NOT NULL, last_ts bigint NOT NULL,
    last_value double precision NOT NULL, PRIMARY KEY(series, start));
CREATE TABLE IF NOT EXISTS rollup_1d(
    series bigint NOT NULL, start bigint NOT NULL, n bigint NOT NULL, sum double precision NOT NULL,
    min double precision NOT NULL, max double precision NOT NULL, last_ts bigint NOT NULL,
    last_value double precision NOT NULL, PRIMARY KEY(series, start));
CREATE TABLE IF NOT EXISTS coverage_1h(start bigint PRIMARY KEY, n bigint NOT NULL);
CREATE TABLE IF NOT EXISTS rejected(
    id bigserial PRIMARY KEY, ingest_ms bigint NOT NULL, topic text NOT NULL,
    reason text NOT NULL, size bigint NOT NULL, first_bytes bytea);
CREATE TABLE IF NOT EXISTS gaps(
    id bigserial PRIMARY KEY, kind text NOT NULL, source text NOT NULL, start_ms bigint NOT NULL,
    end_ms bigint NOT NULL, lost bigint NOT NULL, detail text);
CREATE TABLE IF NOT EXISTS sensors(
    id text PRIMARY KEY, kind text NOT NULL, lon double precision NOT NULL,
    lat double precision NOT NULL, z double precision NOT NULL, metric text NOT NULL,
    unit text NOT NULL, name text, low double precision, high double precision,
    max_rate double precision, stale_s double precision);
CREATE TABLE IF NOT EXISTS alerts(
    id bigserial PRIMARY KEY, kind text NOT NULL, sensor text NOT NULL, metric text NOT NULL,
    raised_ms bigint NOT NULL, cleared_ms bigint, ack_ms bigint, ack_by text,
    value double precision, limit_value double precision, message text);
CREATE INDEX IF NOT EXISTS alerts_by_raise ON alerts(raised_ms);
CREATE INDEX IF NOT EXISTS alerts_open ON alerts(sensor, metric, kind) WHERE cleared_ms IS NULL;
)sql";

std::string upsertRollupSql(const char* table) {
    return std::string("INSERT INTO ") + table +
           " AS r (series, start, n, sum, min, max, last_ts, last_value)"
           " SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::float8[],"
           " $5::float8[], $6::float8[], $7::bigint[], $8::float8[])"
           " ON CONFLICT (series, start) DO UPDATE SET n = r.n + excluded.n,"
           " sum = r.sum + excluded.sum, min = least(r.min, excluded.min),"
           " max = greatest(r.max, excluded.max),"
           " last_value = CASE WHEN excluded.last_ts >= r.last_ts THEN excluded.last_value"
           " ELSE r.last_value END, last_ts = greatest(r.last_ts, excluded.last_ts)";
}

using RollupMap = std::map<std::pair<std::int64_t, TimeMs>, Rollup>;

std::vector<pg::Param> rollupParams(const RollupMap& rollups) {
    pg::ArrayLiteral series, start, n, sum, min, max, lastTs, lastValue;
    for (const auto& [key, r] : rollups) {
        series.add(key.first);
        start.add(key.second);
        n.add(r.n);
        sum.add(r.sum);
        min.add(r.min);
        max.add(r.max);
        lastTs.add(r.lastTs);
        lastValue.add(r.lastValue);
    }
    return {series.str(), start.str(), n.str(),      sum.str(),
            min.str(),    max.str(),   lastTs.str(), lastValue.str()};
}

std::string seriesKey(const std::string& sensor, const std::string& metric) {
    return sensor + '\x1f' + metric;
}

std::string partitionName(std::int64_t day) {
    return day < 0 ? "readings_day_m" + std::to_string(-day)
                   : "readings_day_" + std::to_string(day);
}

/// The day of a partition's name, nullopt if it is not one of ours.
std::optional<std::int64_t> partitionDay(const std::string& name) {
    const std::string prefix = "readings_day_";
    if (!name.starts_with(prefix))
        return std::nullopt;
    std::string digits = name.substr(prefix.size());
    const bool negative = !digits.empty() && digits[0] == 'm';
    if (negative)
        digits.erase(0, 1);
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    const auto v = std::stoll(digits);
    return negative ? -v : v;
}

// Rolls back unless committed.
class Transaction {
public:
    Transaction(pg::Connection& db, const char* begin = "BEGIN") : _db(db) {
        _error = db.run(begin);
        _open = _error.empty();
    }
    ~Transaction() {
        if (_open)
            _db.run("ROLLBACK");
    }
    const std::string& error() const { return _error; }
    bool commit() {
        _error = _db.run("COMMIT");
        _open = false;
        return _error.empty();
    }

private:
    pg::Connection& _db;
    std::string _error;
    bool _open = false;
};

}  // namespace

geo::Failure PostgresSensorStore::failure(const std::string& what) const {
    return {{geo::makeError(what, pg::redacted(_location))}};
}

Result<std::unique_ptr<SensorStoreBackend>> PostgresSensorStore::open(const std::string& location,
                                                                      SensorStoreOptions options) {
    using R = Result<std::unique_ptr<SensorStoreBackend>>;
    auto store = std::make_unique<PostgresSensorStore>();
    store->_location = location;
    store->_options = options;
    auto& db = store->_db;
    if (auto err = db.connect(location); !err.empty())
        return store->failure("cannot connect to the PostgreSQL sensor store: " + err);
    if (!options.readOnly) {
        Transaction tx(db);
        if (auto err = db.run(kDdlLock); !err.empty())
            return store->failure("cannot lock the schema: " + err);
        // Never add our tables to someone else's: a readings table without
        // our meta table is not a store.
        auto foreign =
            db.exec("SELECT to_regclass('readings') IS NOT NULL AND to_regclass('meta') IS NULL");
        if (!foreign.ok())
            return store->failure("not a usable database: " + foreign.error());
        if (foreign.text(0, 0) == "t")
            return store->failure(
                "not a citytwin sensor store (a database with another 'readings' table)");
        if (auto err = db.run(kSchema); !err.empty())
            return store->failure("cannot create the schema: " + err);
        auto version =
            db.exec("INSERT INTO meta VALUES('schema_version', $1) ON CONFLICT DO NOTHING",
                    {kSchemaVersion});
        if (!version.ok())
            return store->failure("cannot record the schema version: " + version.error());
        if (!tx.commit())
            return store->failure("cannot create the schema: " + tx.error());
    } else if (auto err = db.run("SET default_transaction_read_only = on"); !err.empty()) {
        return store->failure("cannot open read-only: " + err);
    }
    auto check = db.exec("SELECT value FROM meta WHERE key = 'schema_version'");
    if (!check.ok() || check.rows() != 1)
        return store->failure("not a citytwin sensor store" +
                              (check.ok() ? std::string() : ": " + check.error()));
    if (check.text(0, 0) != kSchemaVersion)
        return store->failure("unsupported sensor store schema version " + check.text(0, 0));
    return R(std::unique_ptr<SensorStoreBackend>(std::move(store)));
}

bool PostgresSensorStore::seriesIds(std::span<const Reading> readings,
                                    std::vector<std::int64_t>& ids, std::string& error) {
    pg::ArrayLiteral sensors, metrics;
    std::unordered_set<std::string> missing;
    for (const auto& r : readings) {
        const auto key = seriesKey(r.sensorId, r.metric);
        if (!_seriesIds.count(key) && missing.insert(key).second) {
            sensors.add(r.sensorId);
            metrics.add(r.metric);
        }
    }
    if (!missing.empty()) {
        const std::vector<pg::Param> params{sensors.str(), metrics.str()};
        auto created = _db.exec(
            "INSERT INTO series(sensor, metric) SELECT * FROM unnest($1::text[], $2::text[])"
            " ON CONFLICT DO NOTHING",
            params);
        auto found = created.ok() ? _db.exec(
                                        "SELECT s.id, s.sensor, s.metric FROM series s JOIN"
                                        " unnest($1::text[], $2::text[]) AS k(sensor, metric)"
                                        " USING (sensor, metric)",
                                        params)
                                  : std::move(created);
        if (!found.ok()) {
            error = "cannot create series: " + found.error();
            return false;
        }
        for (int i = 0; i < found.rows(); ++i)
            _seriesIds[seriesKey(found.text(i, 1), found.text(i, 2))] = found.int64(i, 0);
    }
    ids.clear();
    ids.reserve(readings.size());
    for (const auto& r : readings) {
        const auto it = _seriesIds.find(seriesKey(r.sensorId, r.metric));
        if (it == _seriesIds.end()) {
            error = "series of " + r.sensorId + "/" + r.metric + " not created";
            return false;
        }
        ids.push_back(it->second);
    }
    return true;
}

bool PostgresSensorStore::ensurePartitions(std::span<const Reading> readings, std::string& error) {
    std::set<std::int64_t> days;
    for (const auto& r : readings) {
        const auto day = periodStart(r.ts, kDayMs) / kDayMs;
        if (!_knownDays.count(day))
            days.insert(day);
    }
    if (days.empty())
        return true;
    Transaction tx(_db);
    std::string sql = kDdlLock;
    sql += ";";
    for (const auto day : days)
        sql += "CREATE TABLE IF NOT EXISTS " + partitionName(day) +
               " PARTITION OF readings FOR VALUES FROM (" + std::to_string(day * kDayMs) +
               ") TO (" + std::to_string((day + 1) * kDayMs) + ");";
    if (error = tx.error().empty() ? _db.run(sql) : tx.error(); !error.empty())
        return false;
    if (!tx.commit()) {
        error = tx.error();
        return false;
    }
    _knownDays.insert(days.begin(), days.end());
    return true;
}

Result<WriteSummary> PostgresSensorStore::write(std::span<const Reading> readings,
                                                std::span<const RejectedPayload> rejected,
                                                std::span<const StreamGap> gaps,
                                                std::span<const AlertEvent> alertEvents) {
    if (_options.readOnly)
        return failure("store opened read-only");
    // Concurrent writers may deadlock on a rollup row, and retention in
    // another process may drop a day partition we think exists: try again.
    for (int attempt = 0;; ++attempt) {
        std::string state;
        auto result = writeOnce(readings, rejected, gaps, alertEvents, state);
        const bool retry = state == "40P01" || state == "40001" || state == "23514";
        if (result || !retry || attempt >= 4)
            return result;
        _knownDays.clear();
    }
}

Result<WriteSummary> PostgresSensorStore::writeOnce(std::span<const Reading> readings,
                                                    std::span<const RejectedPayload> rejected,
                                                    std::span<const StreamGap> gaps,
                                                    std::span<const AlertEvent> alertEvents,
                                                    std::string& sqlState) {
    std::vector<std::int64_t> ids;
    std::string error;
    if (!seriesIds(readings, ids, error) || !ensurePartitions(readings, error))
        return failure(error);
    auto fail = [&](const std::string& what, const pg::Result& r) {
        sqlState = r.sqlState();
        return Result<WriteSummary>(failure(what + ": " + r.error()));
    };
    Transaction tx(_db);
    if (!tx.error().empty())
        return failure(tx.error());
    WriteSummary summary;
    summary.isNew.assign(readings.size(), false);
    if (!readings.empty()) {
        // Key order: concurrent batches take row locks in the same order.
        std::vector<std::size_t> order(readings.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return ids[a] != ids[b] ? ids[a] < ids[b] : readings[a].ts < readings[b].ts;
        });
        pg::ArrayLiteral series, ts, value, ingest;
        for (const auto i : order) {
            series.add(ids[i]);
            ts.add(readings[i].ts);
            value.add(readings[i].value);
            ingest.add(readings[i].ingestMs);
        }
        auto inserted = _db.exec(
            "INSERT INTO readings(series, ts, value, ingest_ms) SELECT * FROM"
            " unnest($1::bigint[], $2::bigint[], $3::float8[], $4::bigint[])"
            " ON CONFLICT DO NOTHING RETURNING series, ts",
            {series.str(), ts.str(), value.str(), ingest.str()});
        if (!inserted.ok())
            return fail("cannot insert readings", inserted);
        std::set<std::pair<std::int64_t, TimeMs>> fresh;
        for (int row = 0; row < inserted.rows(); ++row)
            fresh.emplace(inserted.int64(row, 0), inserted.int64(row, 1));
        RollupMap minutes, hours, days;
        std::map<TimeMs, std::int64_t> covered;
        for (const auto i : order) {
            const auto& r = readings[i];
            // The first of repeats within the batch is the new one.
            if (fresh.erase({ids[i], r.ts}) == 0) {
                ++summary.duplicates;
                continue;
            }
            ++summary.inserted;
            summary.isNew[i] = true;
            minutes[{ids[i], periodStart(r.ts, kMinuteMs)}].add(r.ts, r.value);
            hours[{ids[i], periodStart(r.ts, kHourMs)}].add(r.ts, r.value);
            days[{ids[i], periodStart(r.ts, kDayMs)}].add(r.ts, r.value);
            ++covered[periodStart(r.ts, kHourMs)];
        }
        const std::pair<const char*, const RollupMap*> tables[] = {
            {"rollup_1m", &minutes}, {"rollup_1h", &hours}, {"rollup_1d", &days}};
        for (const auto& [table, rollups] : tables) {
            if (rollups->empty())
                continue;
            auto up = _db.exec(upsertRollupSql(table), rollupParams(*rollups));
            if (!up.ok())
                return fail("cannot update rollups", up);
        }
        if (!covered.empty()) {
            pg::ArrayLiteral start, n;
            for (const auto& [hour, count] : covered) {
                start.add(hour);
                n.add(count);
            }
            auto up = _db.exec(
                "INSERT INTO coverage_1h AS c (start, n) SELECT * FROM"
                " unnest($1::bigint[], $2::bigint[]) ON CONFLICT (start) DO UPDATE"
                " SET n = c.n + excluded.n",
                {start.str(), n.str()});
            if (!up.ok())
                return fail("cannot update the coverage index", up);
        }
    }
    for (const auto& r : rejected) {
        auto q = _db.exec(
            "INSERT INTO rejected(ingest_ms, topic, reason, size, first_bytes)"
            " VALUES ($1, $2, $3, $4, $5::bytea)",
            {pg::num(r.ingestMs), r.topic, r.reason, pg::num(static_cast<std::int64_t>(r.size)),
             pg::byteaHex(std::string_view(r.firstBytes).substr(0, kRejectedKeepBytes))});
        if (!q.ok())
            return fail("cannot record a rejected payload", q);
    }
    for (const auto& g : gaps) {
        auto q = _db.exec(
            "INSERT INTO gaps(kind, source, start_ms, end_ms, lost, detail)"
            " VALUES ($1, $2, $3, $4, $5, $6)",
            {std::string(toString(g.kind)), g.source, pg::num(g.startMs), pg::num(g.endMs),
             pg::num(static_cast<std::int64_t>(g.lost)), g.detail});
        if (!q.ok())
            return fail("cannot record a gap", q);
    }
    for (const auto& e : alertEvents) {
        auto q = e.type == AlertEvent::Type::Raised
                     ? _db.exec(
                           "INSERT INTO alerts(kind, sensor, metric, raised_ms, value,"
                           " limit_value, message) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                           {std::string(toString(e.kind)), e.sensorId, e.metric, pg::num(e.at),
                            pg::num(e.value), pg::num(e.limit), e.message})
                     : _db.exec(
                           "UPDATE alerts SET cleared_ms = $4 WHERE sensor = $1 AND metric = $2"
                           " AND kind = $3 AND cleared_ms IS NULL",
                           {e.sensorId, e.metric, std::string(toString(e.kind)), pg::num(e.at)});
        if (!q.ok())
            return fail("cannot record an alert", q);
    }
    std::optional<TimeMs> maybeAlive;
    for (const auto& r : readings)
        maybeAlive = std::max(maybeAlive.value_or(r.ingestMs), r.ingestMs);
    if (maybeAlive) {
        if (auto st = markIngestAlive(*maybeAlive); !st)
            return failure(st.messages());
    }
    if (!tx.commit())
        return failure("commit failed: " + tx.error());
    return summary;
}

Status PostgresSensorStore::markIngestAlive(TimeMs nowMs) {
    if (_options.readOnly)
        return failure("store opened read-only");
    auto q = _db.exec(
        "INSERT INTO meta AS m VALUES('ingest_alive_ms', $1) ON CONFLICT (key) DO UPDATE"
        " SET value = greatest(m.value::bigint, excluded.value::bigint)::text",
        {pg::num(nowMs)});
    if (!q.ok())
        return failure("cannot record the ingest time: " + q.error());
    return geo::Done{};
}

Result<std::optional<TimeMs>> PostgresSensorStore::lastIngestAliveMs() {
    auto q = _db.exec("SELECT value::bigint FROM meta WHERE key = 'ingest_alive_ms'");
    if (!q.ok())
        return failure("cannot read meta: " + q.error());
    if (q.rows() == 0)
        return std::optional<TimeMs>();
    return std::optional<TimeMs>(q.int64(0, 0));
}

Status PostgresSensorStore::saveRegistry(const SensorRegistry& registry) {
    Transaction tx(_db);
    if (!tx.error().empty())
        return failure(tx.error());
    if (auto err = _db.run("DELETE FROM sensors"); !err.empty())
        return failure(err);
    auto optional = [](const std::optional<double>& v) {
        return v ? pg::Param(pg::num(*v)) : pg::Param();
    };
    for (const auto& info : registry.sensors()) {
        auto q = _db.exec(
            "INSERT INTO sensors(id, kind, lon, lat, z, metric, unit, name, low, high, max_rate,"
            " stale_s) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)",
            {info.id, std::string(toString(info.kind)), pg::num(info.position.x),
             pg::num(info.position.y), pg::num(info.position.z), info.metric, info.unit, info.name,
             optional(info.thresholds.low), optional(info.thresholds.high),
             optional(info.thresholds.maxRatePerMinute),
             optional(info.thresholds.staleAfterSeconds)});
        if (!q.ok())
            return failure("cannot save sensor " + info.id + ": " + q.error());
    }
    if (!tx.commit())
        return failure(tx.error());
    return geo::Done{};
}

Status PostgresSensorStore::acknowledgeAlert(std::int64_t alertId, const std::string& operatorName,
                                             TimeMs atMs) {
    auto q = _db.exec("UPDATE alerts SET ack_ms = $2, ack_by = $3 WHERE id = $1",
                      {pg::num(alertId), pg::num(atMs), operatorName});
    if (!q.ok())
        return failure("cannot acknowledge: " + q.error());
    if (q.affected() == 0)
        return failure("no alert with id " + std::to_string(alertId));
    return geo::Done{};
}

Status PostgresSensorStore::applyRetention(TimeMs nowMs) {
    Transaction tx(_db);
    if (!tx.error().empty())
        return failure(tx.error());
    if (_options.rawRetentionMs > 0) {
        const TimeMs cutoff = periodStart(nowMs - _options.rawRetentionMs, kMinuteMs);
        // Whole days go with their partition (no dead rows, no vacuum); the
        // day the cutoff falls in loses its older rows.
        auto parts = _db.exec(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
            " WHERE i.inhparent = 'readings'::regclass");
        if (!parts.ok())
            return failure("cannot list partitions: " + parts.error());
        for (int i = 0; i < parts.rows(); ++i) {
            const auto name = parts.text(i, 0);
            const auto day = partitionDay(name);
            if (!day || (*day + 1) * kDayMs > cutoff)
                continue;
            if (auto err = _db.run("DROP TABLE " + name); !err.empty())
                return failure("cannot drop partition " + name + ": " + err);
            _knownDays.erase(*day);
        }
        auto q = _db.exec("DELETE FROM readings WHERE ts < $1", {pg::num(cutoff)});
        if (!q.ok())
            return failure(q.error());
    }
    if (_options.minuteRetentionMs > 0) {
        auto q = _db.exec("DELETE FROM rollup_1m WHERE start < $1",
                          {pg::num(nowMs - _options.minuteRetentionMs)});
        if (!q.ok())
            return failure(q.error());
    }
    if (!tx.commit())
        return failure(tx.error());
    return geo::Done{};
}

}  // namespace citytwin::sensors
