#include "citytwin/sensors/SensorStore.h"

#include <sys/stat.h>

#include <algorithm>
#include <map>

#include "SqliteSensorStore.h"
#include "StoreIntegrity.h"

namespace citytwin::sensors {
namespace {

using geo::Result;
using geo::Status;

constexpr int kSchemaVersion = 1;

const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS series(
    id INTEGER PRIMARY KEY, sensor TEXT NOT NULL, metric TEXT NOT NULL, UNIQUE(sensor, metric));
-- Time first: live ingest appends; (minute, series, ts) is unique per (series, ts).
CREATE TABLE IF NOT EXISTS readings(
    minute INTEGER NOT NULL, series INTEGER NOT NULL, ts INTEGER NOT NULL,
    value REAL NOT NULL, ingest_ms INTEGER NOT NULL,
    PRIMARY KEY(minute, series, ts)) WITHOUT ROWID;
-- Rollups are series first: few rows, written once per series and period per
-- batch in key order, read per series (history, last value before a time).
CREATE TABLE IF NOT EXISTS rollup_1m(
    series INTEGER NOT NULL, start INTEGER NOT NULL, n INTEGER NOT NULL, sum REAL NOT NULL,
    min REAL NOT NULL, max REAL NOT NULL, last_ts INTEGER NOT NULL, last_value REAL NOT NULL,
    PRIMARY KEY(series, start)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rollup_1h(
    series INTEGER NOT NULL, start INTEGER NOT NULL, n INTEGER NOT NULL, sum REAL NOT NULL,
    min REAL NOT NULL, max REAL NOT NULL, last_ts INTEGER NOT NULL, last_value REAL NOT NULL,
    PRIMARY KEY(series, start)) WITHOUT ROWID;
-- Days are UTC days (start = a multiple of 86,400,000 ms): the chart zoomed
-- out to years reads a few hundred rows per series.
CREATE TABLE IF NOT EXISTS rollup_1d(
    series INTEGER NOT NULL, start INTEGER NOT NULL, n INTEGER NOT NULL, sum REAL NOT NULL,
    min REAL NOT NULL, max REAL NOT NULL, last_ts INTEGER NOT NULL, last_value REAL NOT NULL,
    PRIMARY KEY(series, start)) WITHOUT ROWID;
-- Where data exists: readings of any series per UTC hour. One row per hour
-- for the whole store (time first), so the timeline's coverage band at any
-- zoom is a few seeks, whatever the number of series. Kept by retention.
CREATE TABLE IF NOT EXISTS coverage_1h(start INTEGER PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS rejected(
    id INTEGER PRIMARY KEY, ingest_ms INTEGER NOT NULL, topic TEXT NOT NULL,
    reason TEXT NOT NULL, size INTEGER NOT NULL, first_bytes BLOB);
CREATE TABLE IF NOT EXISTS gaps(
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, source TEXT NOT NULL, start_ms INTEGER NOT NULL,
    end_ms INTEGER NOT NULL, lost INTEGER NOT NULL, detail TEXT);
CREATE TABLE IF NOT EXISTS sensors(
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL, z REAL NOT NULL,
    metric TEXT NOT NULL, unit TEXT NOT NULL, name TEXT, low REAL, high REAL, max_rate REAL,
    stale_s REAL);
CREATE TABLE IF NOT EXISTS alerts(
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, sensor TEXT NOT NULL, metric TEXT NOT NULL,
    raised_ms INTEGER NOT NULL, cleared_ms INTEGER, ack_ms INTEGER, ack_by TEXT,
    value REAL, limit_value REAL, message TEXT);
CREATE INDEX IF NOT EXISTS alerts_by_raise ON alerts(raised_ms);
CREATE INDEX IF NOT EXISTS alerts_open ON alerts(sensor, metric, kind) WHERE cleared_ms IS NULL;
)sql";

const char* kUpsertRollup =
    " (series, start, n, sum, min, max, last_ts, last_value) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)"
    " ON CONFLICT(series, start) DO UPDATE SET n = n + excluded.n, sum = sum + excluded.sum,"
    " min = min(min, excluded.min), max = max(max, excluded.max),"
    " last_value = CASE WHEN excluded.last_ts >= last_ts THEN excluded.last_value"
    " ELSE last_value END, last_ts = max(last_ts, excluded.last_ts)";

// Commits on success, rolls back if destroyed before commit().
class Transaction {
public:
    explicit Transaction(sqlite3* db) : _db(db) {
        _error = detail::exec(db, "BEGIN IMMEDIATE");
        _open = _error.empty();
    }
    ~Transaction() {
        if (_open)
            detail::exec(_db, "ROLLBACK");
    }
    const std::string& error() const { return _error; }
    bool commit() {
        _error = detail::exec(_db, "COMMIT");
        if (_error.empty())
            _open = false;
        return _error.empty();
    }

private:
    sqlite3* _db;
    bool _open = false;
    std::string _error;
};

bool upsertRollups(detail::Statement& stmt,
                   const std::map<std::pair<std::int64_t, TimeMs>, Rollup>& rollups) {
    for (const auto& [key, r] : rollups) {
        stmt.bind(1, key.first).bind(2, key.second).bind(3, r.n).bind(4, r.sum).bind(5, r.min);
        stmt.bind(6, r.max).bind(7, r.lastTs).bind(8, r.lastValue);
        const int rc = stmt.step();
        stmt.reset();
        if (rc != SQLITE_DONE)
            return false;
    }
    return true;
}

}  // namespace

SqliteSensorStore::~SqliteSensorStore() {
    // Statements must be finalized before the connection closes.
    insertReading = {};
    upsertMinute = {};
    upsertHour = {};
    upsertDay = {};
    upsertCoverage = {};
    insertSeries = {};
    insertRejected = {};
    insertGap = {};
    updateGap = {};
    insertAlert = {};
    clearAlert = {};
    markAlive = {};
    lastBeforeMinute = {};
    rawInMinute = {};
    activeAlertsAt = {};
    if (db)
        sqlite3_close_v2(db);
}

bool SqliteSensorStore::refreshSeries() {
    detail::Statement s(db, "SELECT id, sensor, metric FROM series WHERE id > ?1 ORDER BY id");
    if (!s.valid())
        return false;
    s.bind(1, maxSeriesLoaded);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        const auto id = s.int64(0);
        SeriesKey key{s.text(1), s.text(2)};
        seriesIds[seriesKey(key.sensorId, key.metric)] = id;
        seriesById[id] = std::move(key);
        maxSeriesLoaded = std::max(maxSeriesLoaded, id);
    }
    return rc == SQLITE_DONE;
}

std::int64_t SqliteSensorStore::seriesId(const std::string& sensor, const std::string& metric) {
    const auto key = seriesKey(sensor, metric);
    if (const auto it = seriesIds.find(key); it != seriesIds.end())
        return it->second;
    // Another process may have created it since we last looked.
    refreshSeries();
    if (const auto it = seriesIds.find(key); it != seriesIds.end())
        return it->second;
    insertSeries.bind(1, sensor).bind(2, metric);
    const int rc = insertSeries.step();
    insertSeries.reset();
    if (rc != SQLITE_DONE)
        return -1;
    const std::int64_t id = sqlite3_last_insert_rowid(db);
    seriesIds[key] = id;
    seriesById[id] = SeriesKey{sensor, metric};
    maxSeriesLoaded = std::max(maxSeriesLoaded, id);
    return id;
}

AlertRecord SqliteSensorStore::alertFromRow(const detail::Statement& s) const {
    AlertRecord a;
    a.id = s.int64(0);
    a.kind = parseAlertKind(s.text(1)).value_or(AlertKind::High);
    a.sensorId = s.text(2);
    a.metric = s.text(3);
    a.raisedMs = s.int64(4);
    if (!s.isNull(5))
        a.maybeClearedMs = s.int64(5);
    if (!s.isNull(6))
        a.maybeAckMs = s.int64(6);
    a.ackBy = s.text(7);
    a.value = s.real(8);
    a.limit = s.real(9);
    a.message = s.text(10);
    return a;
}

Result<std::unique_ptr<SensorStoreBackend>> SqliteSensorStore::open(const std::string& path,
                                                                    SensorStoreOptions options) {
    auto impl = std::make_unique<SqliteSensorStore>();
    impl->filePath = path;
    impl->options = options;
    const int flags =
        options.readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(path.c_str(), &impl->db, flags | SQLITE_OPEN_NOMUTEX, nullptr) !=
        SQLITE_OK) {
        return Result<std::unique_ptr<SensorStoreBackend>>::failure(
            std::string("cannot open sensor store: ") +
                (impl->db ? sqlite3_errmsg(impl->db) : "out of memory"),
            path);
    }
    sqlite3_busy_timeout(impl->db, options.busyTimeoutMs);
    const std::string cache = "PRAGMA cache_size = -" + std::to_string(options.cacheMiB * 1024);
    detail::exec(impl->db, cache.c_str());
    // A damaged store answers queries with rows missing and takes writes into
    // a broken file: refuse it before anything reads or writes.
    if (struct stat st{};
        options.quickCheckBudgetMs > 0 && ::stat(path.c_str(), &st) == 0 && st.st_size > 0) {
        const auto check = detail::checkIntegrity(impl->db, true, options.quickCheckBudgetMs);
        if (!check.ok)
            return Result<std::unique_ptr<SensorStoreBackend>>::failure(
                detail::damagedStoreMessage(check.problems, path), path);
        impl->quickCheckDone = check.complete;
    }
    if (!options.readOnly) {
        // Never add our tables to someone else's database.
        detail::Statement foreign(
            impl->db,
            "SELECT (SELECT count(*) FROM sqlite_master),"
            " (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta')");
        if (!foreign.valid() || foreign.step() != SQLITE_ROW)
            return Result<std::unique_ptr<SensorStoreBackend>>::failure(
                std::string("not a readable SQLite database: ") + sqlite3_errmsg(impl->db), path);
        if (foreign.int64(0) > 0 && foreign.int64(1) == 0)
            return Result<std::unique_ptr<SensorStoreBackend>>::failure(
                "not a citytwin sensor store (a SQLite database with other tables)", path);
        foreign = {};
        for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"}) {
            if (auto err = detail::exec(impl->db, pragma); !err.empty())
                return Result<std::unique_ptr<SensorStoreBackend>>::failure(
                    "cannot configure the store: " + err, path);
        }
        if (auto err = detail::exec(impl->db, kSchema); !err.empty())
            return Result<std::unique_ptr<SensorStoreBackend>>::failure(
                "cannot create the schema (not a sensor store?): " + err, path);
        const std::string version = "INSERT OR IGNORE INTO meta VALUES('schema_version', '" +
                                    std::to_string(kSchemaVersion) + "')";
        detail::exec(impl->db, version.c_str());
        // A store written before the coverage index: build it once from the
        // hour rollups (same counts).
        if (auto err =
                detail::exec(impl->db,
                             "INSERT INTO coverage_1h(start, n) SELECT start, sum(n) FROM rollup_1h"
                             " WHERE NOT EXISTS (SELECT 1 FROM coverage_1h) GROUP BY start");
            !err.empty())
            return Result<std::unique_ptr<SensorStoreBackend>>::failure(
                "cannot build the coverage index: " + err, path);
    }
    // Check the file is ours (and readable) before handing it out.
    {
        detail::Statement check(impl->db, "SELECT value FROM meta WHERE key = 'schema_version'");
        if (!check.valid() || check.step() != SQLITE_ROW)
            return Result<std::unique_ptr<SensorStoreBackend>>::failure(
                std::string("not a citytwin sensor store: ") + sqlite3_errmsg(impl->db), path);
        if (check.text(0) != std::to_string(kSchemaVersion))
            return Result<std::unique_ptr<SensorStoreBackend>>::failure(
                "unsupported sensor store schema version " + check.text(0), path);
    }
    auto& d = *impl;
    auto prepare = [&](detail::Statement& s, const std::string& sql) {
        s = detail::Statement(d.db, sql);
        return s.valid();
    };
    bool ok = true;
    if (!options.readOnly) {
        ok = prepare(d.insertReading,
                     "INSERT OR IGNORE INTO readings(minute, series, ts, value, ingest_ms)"
                     " VALUES (?1,?2,?3,?4,?5)") &&
             prepare(d.upsertMinute, std::string("INSERT INTO rollup_1m") + kUpsertRollup) &&
             prepare(d.upsertHour, std::string("INSERT INTO rollup_1h") + kUpsertRollup) &&
             prepare(d.upsertDay, std::string("INSERT INTO rollup_1d") + kUpsertRollup) &&
             prepare(d.upsertCoverage,
                     "INSERT INTO coverage_1h(start, n) VALUES (?1, ?2)"
                     " ON CONFLICT(start) DO UPDATE SET n = n + excluded.n") &&
             prepare(d.insertSeries, "INSERT INTO series(sensor, metric) VALUES (?1, ?2)") &&
             prepare(d.insertRejected,
                     "INSERT INTO rejected(ingest_ms, topic, reason, size, first_bytes)"
                     " VALUES (?1,?2,?3,?4,?5)") &&
             prepare(d.insertGap,
                     "INSERT INTO gaps(kind, source, start_ms, end_ms, lost, detail)"
                     " VALUES (?1,?2,?3,?4,?5,?6)") &&
             prepare(d.insertAlert,
                     "INSERT INTO alerts(kind, sensor, metric, raised_ms, value, limit_value,"
                     " message) VALUES (?1,?2,?3,?4,?5,?6,?7)") &&
             prepare(d.clearAlert,
                     "UPDATE alerts SET cleared_ms = ?4 WHERE sensor = ?1 AND metric = ?2 AND"
                     " kind = ?3 AND cleared_ms IS NULL") &&
             prepare(d.markAlive,
                     "INSERT INTO meta VALUES('ingest_alive_ms', ?1) ON CONFLICT(key) DO UPDATE"
                     " SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))");
    }
    ok = ok &&
         prepare(d.lastBeforeMinute,
                 // The latest rollup before t's minute, or t's own minute when
                 // all of it is at or before t (its raw readings may be gone).
                 "SELECT last_ts, last_value FROM rollup_1m WHERE series = ?1 AND start <= ?2"
                 " AND (start < ?2 OR last_ts <= ?3) ORDER BY start DESC LIMIT 1") &&
         prepare(d.rawInMinute,
                 "SELECT series, ts, value FROM readings WHERE minute = ?1 AND ts <= ?2") &&
         prepare(d.activeAlertsAt,
                 std::string("SELECT ") + kAlertColumns +
                     " FROM alerts WHERE raised_ms <= ?1 AND"
                     " (cleared_ms IS NULL OR cleared_ms > ?1) ORDER BY raised_ms");
    if (!ok)
        return Result<std::unique_ptr<SensorStoreBackend>>::failure(
            std::string("not a citytwin sensor store: ") + sqlite3_errmsg(d.db), path);
    if (!d.refreshSeries())
        return Result<std::unique_ptr<SensorStoreBackend>>::failure(
            std::string("cannot read series: ") + d.error(), path);
    return std::unique_ptr<SensorStoreBackend>(std::move(impl));
}

Result<WriteSummary> SqliteSensorStore::write(std::span<const Reading> readings,
                                              std::span<const RejectedPayload> rejected,
                                              std::span<const StreamGap> gaps,
                                              std::span<const AlertEvent> alertEvents) {
    auto& d = *this;
    if (d.options.readOnly)
        return Result<WriteSummary>::failure("store opened read-only", d.filePath);
    // Series created by a transaction that rolls back do not exist: forget
    // them, or a retry would write readings under ids that are not there.
    const std::int64_t seriesBefore = d.maxSeriesLoaded;
    auto forgetNewSeries = [&] {
        for (auto it = d.seriesById.begin(); it != d.seriesById.end();) {
            if (it->first > seriesBefore) {
                d.seriesIds.erase(seriesKey(it->second.sensorId, it->second.metric));
                it = d.seriesById.erase(it);
            } else {
                ++it;
            }
        }
        d.maxSeriesLoaded = seriesBefore;
    };
    auto fail = [&](const std::string& what) {
        auto failure = Result<WriteSummary>::failure(what + ": " + d.error(), d.filePath);
        forgetNewSeries();
        return failure;
    };
    Transaction tx(d.db);
    if (!tx.error().empty())
        return Result<WriteSummary>::failure(tx.error(), d.filePath);

    WriteSummary summary;
    summary.isNew.assign(readings.size(), false);
    // Insert in key order: the B-tree is then walked once, left to right.
    std::vector<std::pair<std::int64_t, std::size_t>> order;  // (series, index)
    order.reserve(readings.size());
    for (std::size_t i = 0; i < readings.size(); ++i) {
        const auto id = d.seriesId(readings[i].sensorId, readings[i].metric);
        if (id < 0)
            return fail("cannot create series");
        order.emplace_back(id, i);
    }
    std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
        const auto ma = periodStart(readings[a.second].ts, kMinuteMs);
        const auto mb = periodStart(readings[b.second].ts, kMinuteMs);
        if (ma != mb)
            return ma < mb;
        if (a.first != b.first)
            return a.first < b.first;
        return readings[a.second].ts < readings[b.second].ts;
    });
    std::map<std::pair<std::int64_t, TimeMs>, Rollup> minutes, hours, days;
    std::map<TimeMs, std::int64_t> covered;  // hour -> new readings of any series
    for (const auto& [series, i] : order) {
        const auto& r = readings[i];
        d.insertReading.bind(1, periodStart(r.ts, kMinuteMs) / kMinuteMs)
            .bind(2, series)
            .bind(3, r.ts)
            .bind(4, r.value)
            .bind(5, r.ingestMs);
        const int rc = d.insertReading.step();
        d.insertReading.reset();
        if (rc != SQLITE_DONE)
            return fail("cannot insert a reading");
        if (sqlite3_changes(d.db) == 0) {
            ++summary.duplicates;
            continue;
        }
        ++summary.inserted;
        summary.isNew[i] = true;
        minutes[{series, periodStart(r.ts, kMinuteMs)}].add(r.ts, r.value);
        hours[{series, periodStart(r.ts, kHourMs)}].add(r.ts, r.value);
        days[{series, periodStart(r.ts, kDayMs)}].add(r.ts, r.value);
        ++covered[periodStart(r.ts, kHourMs)];
    }
    if (!upsertRollups(d.upsertMinute, minutes) || !upsertRollups(d.upsertHour, hours) ||
        !upsertRollups(d.upsertDay, days))
        return fail("cannot update rollups");
    for (const auto& [hour, n] : covered) {
        d.upsertCoverage.bind(1, hour).bind(2, n);
        const int rc = d.upsertCoverage.step();
        d.upsertCoverage.reset();
        if (rc != SQLITE_DONE)
            return fail("cannot update the coverage index");
    }

    for (const auto& r : rejected) {
        d.insertRejected.bind(1, r.ingestMs)
            .bind(2, r.topic)
            .bind(3, r.reason)
            .bind(4, static_cast<std::int64_t>(r.size))
            .bindBlob(5, std::string_view(r.firstBytes).substr(0, kRejectedKeepBytes));
        const int rc = d.insertRejected.step();
        d.insertRejected.reset();
        if (rc != SQLITE_DONE)
            return fail("cannot record a rejected payload");
    }
    for (const auto& g : gaps) {
        d.insertGap.bind(1, toString(g.kind))
            .bind(2, g.source)
            .bind(3, g.startMs)
            .bind(4, g.endMs)
            .bind(5, static_cast<std::int64_t>(g.lost))
            .bind(6, g.detail);
        const int rc = d.insertGap.step();
        d.insertGap.reset();
        if (rc != SQLITE_DONE)
            return fail("cannot record a gap");
    }
    for (const auto& e : alertEvents) {
        auto& s = e.type == AlertEvent::Type::Raised ? d.insertAlert : d.clearAlert;
        if (e.type == AlertEvent::Type::Raised) {
            s.bind(1, toString(e.kind))
                .bind(2, e.sensorId)
                .bind(3, e.metric)
                .bind(4, e.at)
                .bind(5, e.value)
                .bind(6, e.limit)
                .bind(7, e.message);
        } else {
            s.bind(1, e.sensorId).bind(2, e.metric).bind(3, toString(e.kind)).bind(4, e.at);
        }
        const int rc = s.step();
        s.reset();
        if (rc != SQLITE_DONE)
            return fail("cannot record an alert");
    }
    // The newest ingest time of the batch: where an outage would begin.
    std::optional<TimeMs> maybeAlive;
    for (const auto& r : readings)
        maybeAlive = std::max(maybeAlive.value_or(r.ingestMs), r.ingestMs);
    if (maybeAlive) {
        d.markAlive.bind(1, *maybeAlive);
        const int rc = d.markAlive.step();
        d.markAlive.reset();
        if (rc != SQLITE_DONE)
            return fail("cannot record the commit time");
    }
    if (!tx.commit()) {
        forgetNewSeries();
        return Result<WriteSummary>::failure("commit failed: " + tx.error(), d.filePath);
    }
    return summary;
}

Status SqliteSensorStore::saveRegistry(const SensorRegistry& registry) {
    auto& d = *this;
    Transaction tx(d.db);
    if (!tx.error().empty())
        return Status::failure(tx.error(), d.filePath);
    if (auto err = detail::exec(d.db, "DELETE FROM sensors"); !err.empty())
        return Status::failure(err, d.filePath);
    detail::Statement s(d.db,
                        "INSERT INTO sensors(id, kind, lon, lat, z, metric, unit, name, low, high,"
                        " max_rate, stale_s) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)");
    if (!s.valid())
        return Status::failure(d.error(), d.filePath);
    auto bindOptional = [&](int i, const std::optional<double>& v) {
        if (v)
            s.bind(i, *v);
        else
            s.bindNull(i);
    };
    for (const auto& info : registry.sensors()) {
        s.bind(1, info.id)
            .bind(2, toString(info.kind))
            .bind(3, info.position.x)
            .bind(4, info.position.y)
            .bind(5, info.position.z)
            .bind(6, info.metric)
            .bind(7, info.unit)
            .bind(8, info.name);
        bindOptional(9, info.thresholds.low);
        bindOptional(10, info.thresholds.high);
        bindOptional(11, info.thresholds.maxRatePerMinute);
        bindOptional(12, info.thresholds.staleAfterSeconds);
        const int rc = s.step();
        s.reset();
        if (rc != SQLITE_DONE)
            return Status::failure("cannot save sensor " + info.id + ": " + d.error(), d.filePath);
    }
    if (!tx.commit())
        return Status::failure(tx.error(), d.filePath);
    return geo::Done{};
}

Status SqliteSensorStore::acknowledgeAlert(std::int64_t alertId, const std::string& operatorName,
                                           TimeMs atMs) {
    auto& d = *this;
    detail::Statement s(d.db, "UPDATE alerts SET ack_ms = ?2, ack_by = ?3 WHERE id = ?1");
    if (!s.valid())
        return Status::failure(d.error(), d.filePath);
    s.bind(1, alertId).bind(2, atMs).bind(3, operatorName);
    if (s.step() != SQLITE_DONE)
        return Status::failure("cannot acknowledge: " + d.error(), d.filePath);
    if (sqlite3_changes(d.db) == 0)
        return Status::failure("no alert with id " + std::to_string(alertId), d.filePath);
    return geo::Done{};
}

Status SqliteSensorStore::markIngestAlive(TimeMs nowMs) {
    auto& d = *this;
    if (d.options.readOnly)
        return Status::failure("store opened read-only", d.filePath);
    d.markAlive.bind(1, nowMs);
    const int rc = d.markAlive.step();
    d.markAlive.reset();
    if (rc != SQLITE_DONE)
        return Status::failure("cannot record the ingest time: " + d.error(), d.filePath);
    return geo::Done{};
}

Result<std::optional<TimeMs>> SqliteSensorStore::lastIngestAliveMs() {
    auto& d = *this;
    detail::Statement s(d.db,
                        "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'ingest_alive_ms'");
    if (!s.valid())
        return Result<std::optional<TimeMs>>::failure("cannot read meta: " + d.error(), d.filePath);
    const int rc = s.step();
    if (rc == SQLITE_ROW)
        return std::optional<TimeMs>(s.int64(0));
    if (rc != SQLITE_DONE)
        return Result<std::optional<TimeMs>>::failure("cannot read meta: " + d.error(), d.filePath);
    return std::optional<TimeMs>();
}

Status SqliteSensorStore::applyRetention(TimeMs nowMs) {
    auto& d = *this;
    Transaction tx(d.db);
    if (!tx.error().empty())
        return Status::failure(tx.error(), d.filePath);
    if (d.options.rawRetentionMs > 0) {
        detail::Statement s(d.db, "DELETE FROM readings WHERE minute < ?1");
        s.bind(1, periodStart(nowMs - d.options.rawRetentionMs, kMinuteMs) / kMinuteMs);
        if (s.step() != SQLITE_DONE)
            return Status::failure(d.error(), d.filePath);
    }
    if (d.options.minuteRetentionMs > 0) {
        detail::Statement s(d.db, "DELETE FROM rollup_1m WHERE start < ?1");
        s.bind(1, nowMs - d.options.minuteRetentionMs);
        if (s.step() != SQLITE_DONE)
            return Status::failure(d.error(), d.filePath);
    }
    if (!tx.commit())
        return Status::failure(tx.error(), d.filePath);
    return geo::Done{};
}

}  // namespace citytwin::sensors
