// PostgresSensorStore: the read side (history, scene state, alerts, statistics).

#include <algorithm>

#include "PostgresSensorStore.h"

namespace citytwin::sensors {
namespace {

using geo::Result;
using geo::Status;

constexpr const char* kAlertColumns =
    "id, kind, sensor, metric, raised_ms, cleared_ms, ack_ms, ack_by, value, limit_value, message";

AlertRecord alertFromRow(const pg::Result& r, int row) {
    AlertRecord a;
    a.id = r.int64(row, 0);
    a.kind = parseAlertKind(r.text(row, 1)).value_or(AlertKind::High);
    a.sensorId = r.text(row, 2);
    a.metric = r.text(row, 3);
    a.raisedMs = r.int64(row, 4);
    if (!r.isNull(row, 5))
        a.maybeClearedMs = r.int64(row, 5);
    if (!r.isNull(row, 6))
        a.maybeAckMs = r.int64(row, 6);
    a.ackBy = r.text(row, 7);
    a.value = r.real(row, 8);
    a.limit = r.real(row, 9);
    a.message = r.text(row, 10);
    return a;
}

}  // namespace

Result<std::vector<AlertRecord>> PostgresSensorStore::alertRows(pg::Result r) const {
    if (!r.ok())
        return failure("cannot query alerts: " + r.error());
    std::vector<AlertRecord> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(alertFromRow(r, i));
    return out;
}

Result<std::vector<HistoryPoint>> PostgresSensorStore::history(const std::string& sensorId,
                                                               const std::string& metric,
                                                               TimeMs fromMs, TimeMs toMs,
                                                               Aggregation aggregation) {
    std::vector<HistoryPoint> points;
    if (aggregation == Aggregation::Raw) {
        auto q = _db.exec(
            "SELECT r.ts, r.value, r.ingest_ms FROM readings r JOIN series s ON s.id = r.series"
            " WHERE s.sensor = $1 AND s.metric = $2 AND r.ts BETWEEN $3 AND $4 ORDER BY r.ts",
            {sensorId, metric, pg::num(fromMs), pg::num(toMs)});
        if (!q.ok())
            return failure("cannot query history: " + q.error());
        for (int i = 0; i < q.rows(); ++i) {
            HistoryPoint p;
            p.ts = p.lastTs = q.int64(i, 0);
            p.count = 1;
            p.mean = p.min = p.max = p.last = q.real(i, 1);
            p.ingestMs = q.int64(i, 2);
            points.push_back(p);
        }
        return points;
    }
    const TimeMs period = aggregation == Aggregation::Minute ? kMinuteMs
                          : aggregation == Aggregation::Hour ? kHourMs
                                                             : kDayMs;
    const char* table = aggregation == Aggregation::Minute ? "rollup_1m"
                        : aggregation == Aggregation::Hour ? "rollup_1h"
                                                           : "rollup_1d";
    auto q = _db.exec(std::string("SELECT r.start, r.n, r.sum, r.min, r.max, r.last_ts,"
                                  " r.last_value FROM ") +
                          table +
                          " r JOIN series s ON s.id = r.series WHERE s.sensor = $1 AND"
                          " s.metric = $2 AND r.start BETWEEN $3 AND $4 ORDER BY r.start",
                      {sensorId, metric, pg::num(periodStart(fromMs, period)), pg::num(toMs)});
    if (!q.ok())
        return failure("cannot query rollups: " + q.error());
    for (int i = 0; i < q.rows(); ++i) {
        HistoryPoint p;
        p.ts = q.int64(i, 0);
        p.count = q.int64(i, 1);
        p.mean = p.count > 0 ? q.real(i, 2) / static_cast<double>(p.count) : 0.0;
        p.min = q.real(i, 3);
        p.max = q.real(i, 4);
        p.lastTs = q.int64(i, 5);
        p.last = q.real(i, 6);
        points.push_back(p);
    }
    return points;
}

Result<std::vector<std::string>> PostgresSensorStore::metricsOf(const std::string& sensorId) {
    auto q = _db.exec("SELECT metric FROM series WHERE sensor = $1 ORDER BY metric COLLATE \"C\"",
                      {sensorId});
    if (!q.ok())
        return failure("cannot list metrics: " + q.error());
    std::vector<std::string> out;
    for (int i = 0; i < q.rows(); ++i)
        out.push_back(q.text(i, 0));
    return out;
}

Result<SceneState> PostgresSensorStore::sceneStateAt(TimeMs t) {
    // One snapshot for values and alerts while writers go on.
    if (auto err = _db.run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); !err.empty())
        return failure(err);
    const TimeMs minuteStart = periodStart(t, kMinuteMs);
    // Per series: its raw readings of t's own minute up to t, or the latest
    // 1-min rollup before that minute (or of it, when all of it is <= t: its
    // raw readings may be past retention) — the same answer as SQLite's.
    auto values = _db.exec(
        "SELECT s.sensor, s.metric, u.ts, u.value FROM (SELECT DISTINCT ON (series) series, ts,"
        " value FROM (SELECT series, ts, value FROM readings WHERE ts >= $1 AND ts <= $2"
        " UNION ALL SELECT s.id, r.last_ts, r.last_value FROM series s CROSS JOIN LATERAL"
        " (SELECT last_ts, last_value FROM rollup_1m WHERE series = s.id AND start <= $1 AND"
        " (start < $1 OR last_ts <= $2) ORDER BY start DESC LIMIT 1) r) a"
        " ORDER BY series, ts DESC) u JOIN series s ON s.id = u.series"
        " ORDER BY s.sensor COLLATE \"C\", s.metric COLLATE \"C\"",
        {pg::num(minuteStart), pg::num(t)});
    auto active = _db.exec(std::string("SELECT ") + kAlertColumns +
                               " FROM alerts WHERE raised_ms <= $1 AND"
                               " (cleared_ms IS NULL OR cleared_ms > $1) ORDER BY raised_ms",
                           {pg::num(t)});
    _db.run("COMMIT");
    if (!values.ok())
        return failure("cannot read the scene: " + values.error());
    SceneState state;
    state.time = t;
    for (int i = 0; i < values.rows(); ++i)
        state.values.push_back(SeriesValue{values.text(i, 0), values.text(i, 1), values.int64(i, 2),
                                           values.real(i, 3)});
    auto alerts = alertRows(std::move(active));
    if (!alerts)
        return geo::failedFrom(alerts);
    state.activeAlerts = std::move(alerts).value();
    return state;
}

Result<std::vector<AlertRecord>> PostgresSensorStore::alerts(TimeMs fromMs, TimeMs toMs) {
    return alertRows(_db.exec(std::string("SELECT ") + kAlertColumns +
                                  " FROM alerts WHERE raised_ms <= $2 AND (cleared_ms IS NULL OR"
                                  " cleared_ms >= $1) ORDER BY raised_ms, id",
                              {pg::num(fromMs), pg::num(toMs)}));
}

Result<std::vector<AlertRecord>> PostgresSensorStore::openAlerts() {
    return alertRows(_db.exec(std::string("SELECT ") + kAlertColumns +
                              " FROM alerts WHERE cleared_ms IS NULL ORDER BY raised_ms, id"));
}

Result<std::vector<StreamGap>> PostgresSensorStore::gaps() {
    auto q = _db.exec(
        "SELECT kind, source, start_ms, end_ms, lost, detail FROM gaps ORDER BY start_ms, id");
    if (!q.ok())
        return failure("cannot query gaps: " + q.error());
    std::vector<StreamGap> out;
    for (int i = 0; i < q.rows(); ++i) {
        StreamGap g;
        g.kind = parseGapKind(q.text(i, 0));
        g.source = q.text(i, 1);
        g.startMs = q.int64(i, 2);
        g.endMs = q.int64(i, 3);
        g.lost = static_cast<std::uint64_t>(q.int64(i, 4));
        g.detail = q.text(i, 5);
        out.push_back(std::move(g));
    }
    return out;
}

Result<std::vector<RejectedPayload>> PostgresSensorStore::rejected(std::size_t limit) {
    auto q = _db.exec(
        "SELECT ingest_ms, topic, reason, size, first_bytes FROM rejected ORDER BY id LIMIT $1",
        {pg::num(static_cast<std::int64_t>(limit))});
    if (!q.ok())
        return failure("cannot query rejected payloads: " + q.error());
    std::vector<RejectedPayload> out;
    for (int i = 0; i < q.rows(); ++i) {
        RejectedPayload r;
        r.ingestMs = q.int64(i, 0);
        r.topic = q.text(i, 1);
        r.reason = q.text(i, 2);
        r.size = static_cast<std::size_t>(q.int64(i, 3));
        r.firstBytes = q.bytes(i, 4);
        out.push_back(std::move(r));
    }
    return out;
}

Result<std::vector<Coverage>> PostgresSensorStore::coverage(TimeMs fromMs, TimeMs toMs,
                                                            TimeMs resolutionMs) {
    resolutionMs = std::max<TimeMs>(resolutionMs, 1);
    // As SQLite: coarse views the hour index, finer ones the raw readings'
    // minutes (an index on ts: one seek each).
    CoverageProbe probe;
    probe.hours = resolutionMs >= kHourMs / 4;
    probe.unit = probe.hours ? kHourMs : kMinuteMs;
    const std::string nextSql =
        probe.hours ? "SELECT start FROM coverage_1h WHERE start >= $1 AND start < $2"
                      " ORDER BY start LIMIT 1"
                    : "SELECT (ts - ((ts % 60000) + 60000) % 60000) / 60000 FROM readings"
                      " WHERE ts >= $1::bigint * 60000 AND ts < $2::bigint * 60000"
                      " ORDER BY ts LIMIT 1";
    const std::string lastSql =
        probe.hours ? "SELECT start FROM coverage_1h WHERE start < $1 ORDER BY start DESC LIMIT 1"
                    : "SELECT (ts - ((ts % 60000) + 60000) % 60000) / 60000 FROM readings"
                      " WHERE ts < $1::bigint * 60000 ORDER BY ts DESC LIMIT 1";
    auto first = [](pg::Result r, std::optional<std::int64_t>& out) {
        out = r.ok() && r.rows() > 0 ? std::optional<std::int64_t>(r.int64(0, 0)) : std::nullopt;
        return r.ok();
    };
    probe.next = [&](std::int64_t a, std::int64_t b, std::optional<std::int64_t>& out) {
        return first(_db.exec(nextSql, {pg::num(a), pg::num(b)}), out);
    };
    probe.last = [&](std::int64_t a, std::optional<std::int64_t>& out) {
        return first(_db.exec(lastSql, {pg::num(a)}), out);
    };
    auto out = walkCoverage(probe, fromMs, toMs, resolutionMs);
    if (!out)
        return failure("cannot query coverage: " + _db.error());
    return std::move(*out);
}

Result<std::pair<TimeMs, TimeMs>> PostgresSensorStore::timeRange() {
    auto q = _db.exec("SELECT min(ts), max(ts) FROM readings");
    if (!q.ok())
        return failure("cannot query time range: " + q.error());
    if (q.isNull(0, 0))
        return failure("the store holds no readings");
    return std::pair<TimeMs, TimeMs>{q.int64(0, 0), q.int64(0, 1)};
}

Result<StoreStats> PostgresSensorStore::stats() {
    StoreStats st;
    auto q = _db.exec(
        "SELECT (SELECT count(*) FROM readings), (SELECT count(*) FROM series),"
        " (SELECT count(DISTINCT sensor) FROM series), (SELECT count(*) FROM sensors),"
        " (SELECT count(*) FROM rollup_1m), (SELECT count(*) FROM rollup_1h),"
        " (SELECT count(*) FROM rollup_1d), (SELECT count(*) FROM rejected),"
        " (SELECT count(*) FROM gaps),"
        " (SELECT coalesce(sum(lost), 0) FROM gaps WHERE kind = 'overflow'),"
        " (SELECT count(*) FROM alerts),"
        " (SELECT count(*) FROM alerts WHERE cleared_ms IS NULL),"
        " (SELECT count(*) FROM alerts WHERE ack_ms IS NULL),"
        " pg_database_size(current_database()),"
        " (SELECT max(ingest_ms) FROM readings WHERE ts >="
        "  (SELECT max(ts) FROM readings) - 86400000)");
    if (!q.ok())
        return failure("cannot compute statistics: " + q.error());
    std::int64_t* fields[] = {&st.readings,
                              &st.series,
                              &st.sensorsSeen,
                              &st.registeredSensors,
                              &st.rollupMinuteRows,
                              &st.rollupHourRows,
                              &st.rollupDayRows,
                              &st.rejected,
                              &st.gaps,
                              &st.overflowLost,
                              &st.alerts,
                              &st.activeAlerts,
                              &st.unacknowledgedAlerts,
                              &st.fileBytes};
    for (int i = 0; i < 14; ++i)
        *fields[i] = q.int64(0, i);
    if (!q.isNull(0, 14))
        st.maybeLastIngestMs = q.int64(0, 14);
    if (auto range = timeRange()) {
        st.maybeFirstTs = range.value().first;
        st.maybeLastTs = range.value().second;
    }
    auto reasons =
        _db.exec("SELECT reason, count(*) FROM rejected GROUP BY reason ORDER BY 2 DESC LIMIT 10");
    for (int i = 0; reasons.ok() && i < reasons.rows(); ++i)
        st.rejectedByReason.emplace_back(reasons.text(i, 0), reasons.int64(i, 1));
    return st;
}

Status PostgresSensorStore::integrityCheck() {
    // The server keeps its pages whole (WAL, checksums when enabled); what
    // can go wrong here is a schema someone changed: every table there and
    // readable, every readings partition one of our days.
    for (const char* table : {"meta", "series", "readings", "rollup_1m", "rollup_1h", "rollup_1d",
                              "coverage_1h", "rejected", "gaps", "sensors", "alerts"}) {
        auto q = _db.exec(std::string("SELECT 1 FROM ") + table + " LIMIT 1");
        if (!q.ok())
            return failure(std::string("integrity check failed: table ") + table + ": " +
                           q.error());
    }
    auto parts = _db.exec(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
        " WHERE i.inhparent = 'readings'::regclass AND c.relname !~ '^readings_day_m?[0-9]+$'");
    if (!parts.ok())
        return failure("integrity check failed: " + parts.error());
    if (parts.rows() > 0)
        return failure("integrity check failed: readings has a partition not made by the store: " +
                       parts.text(0, 0));
    return geo::Done{};
}

Result<SensorRegistry> PostgresSensorStore::loadRegistry() {
    auto q = _db.exec(
        "SELECT id, kind, lon, lat, z, metric, unit, name, low, high, max_rate, stale_s"
        " FROM sensors ORDER BY id COLLATE \"C\"");
    if (!q.ok())
        return failure("cannot read sensors: " + q.error());
    SensorRegistry registry;
    for (int i = 0; i < q.rows(); ++i) {
        auto optional = [&](int col) -> std::optional<double> {
            if (q.isNull(i, col))
                return std::nullopt;
            return q.real(i, col);
        };
        SensorInfo info;
        info.id = q.text(i, 0);
        info.kind = parseSensorKind(q.text(i, 1)).value_or(SensorKind::AirQuality);
        info.position = {q.real(i, 2), q.real(i, 3), q.real(i, 4)};
        info.metric = q.text(i, 5);
        info.unit = q.text(i, 6);
        info.name = q.text(i, 7);
        info.thresholds = {optional(8), optional(9), optional(10), optional(11)};
        registry.add(std::move(info));
    }
    return registry;
}

}  // namespace citytwin::sensors
