// SensorStore: the read side (history, scene state, alerts, statistics).

#include <sys/stat.h>

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "SqliteSensorStore.h"
#include "StoreIntegrity.h"

namespace citytwin::sensors {
namespace {

using geo::Result;
using geo::Status;

std::int64_t fileSize(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? static_cast<std::int64_t>(st.st_size) : 0;
}

/// A failed query: what was asked and SQLite's reason, naming the store.
geo::Failure sqlFailure(SqliteSensorStore& d, const std::string& what) {
    return {{geo::makeError(what + ": " + d.error(), d.filePath)}};
}

/// Every alert row of an alert query (kAlertColumns), in its order.
Result<std::vector<AlertRecord>> readAlerts(SqliteSensorStore& d, detail::Statement& s) {
    if (!s.valid())
        return sqlFailure(d, "cannot query alerts");
    std::vector<AlertRecord> out;
    while (s.step() == SQLITE_ROW)
        out.push_back(d.alertFromRow(s));
    return out;
}

}  // namespace

Result<std::vector<HistoryPoint>> SqliteSensorStore::history(const std::string& sensorId,
                                                             const std::string& metric,
                                                             TimeMs fromMs, TimeMs toMs,
                                                             Aggregation aggregation) {
    auto& d = *this;
    using R = std::vector<HistoryPoint>;
    d.refreshSeries();
    const auto it = d.seriesIds.find(seriesKey(sensorId, metric));
    if (it == d.seriesIds.end())
        return R{};
    const auto series = it->second;
    R points;
    if (aggregation == Aggregation::Raw) {
        // The key is time first: visit the minutes of the range one by one
        // and seek (minute, series) in each, rather than scan every sensor.
        auto range = timeRange();
        if (!range)
            return R{};
        const TimeMs from = std::max(fromMs, range.value().first);
        const TimeMs to = std::min(toMs, range.value().second);
        if (from > to)
            return R{};
        detail::Statement s(
            d.db,
            "WITH RECURSIVE m(x) AS (SELECT ?1 UNION ALL SELECT x + 1 FROM m WHERE x < ?2)"
            " SELECT r.ts, r.value, r.ingest_ms FROM m CROSS JOIN readings r"
            " ON r.minute = m.x AND r.series = ?3 WHERE r.ts BETWEEN ?4 AND ?5"
            " ORDER BY r.minute, r.ts");
        if (!s.valid())
            return sqlFailure(d, "cannot query history");
        s.bind(1, periodStart(from, kMinuteMs) / kMinuteMs)
            .bind(2, periodStart(to, kMinuteMs) / kMinuteMs)
            .bind(3, series)
            .bind(4, from)
            .bind(5, to);
        int rc;
        while ((rc = s.step()) == SQLITE_ROW) {
            HistoryPoint p;
            p.ts = p.lastTs = s.int64(0);
            p.count = 1;
            p.mean = p.min = p.max = p.last = s.real(1);
            p.ingestMs = s.int64(2);
            points.push_back(p);
        }
        if (rc != SQLITE_DONE)
            return sqlFailure(d, "cannot query history");
        return points;
    }
    const TimeMs period = aggregation == Aggregation::Minute ? kMinuteMs
                          : aggregation == Aggregation::Hour ? kHourMs
                                                             : kDayMs;
    const char* table = aggregation == Aggregation::Minute ? "rollup_1m"
                        : aggregation == Aggregation::Hour ? "rollup_1h"
                                                           : "rollup_1d";
    detail::Statement s(
        d.db, std::string("SELECT start, n, sum, min, max, last_ts, last_value FROM ") + table +
                  " WHERE series = ?1 AND start BETWEEN ?2 AND ?3 ORDER BY start");
    if (!s.valid())
        return sqlFailure(d, "cannot query rollups");
    s.bind(1, series).bind(2, periodStart(fromMs, period)).bind(3, toMs);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        HistoryPoint p;
        p.ts = s.int64(0);
        p.count = s.int64(1);
        p.mean = p.count > 0 ? s.real(2) / static_cast<double>(p.count) : 0.0;
        p.min = s.real(3);
        p.max = s.real(4);
        p.lastTs = s.int64(5);
        p.last = s.real(6);
        points.push_back(p);
    }
    if (rc != SQLITE_DONE)
        return sqlFailure(d, "cannot query rollups");
    return points;
}

Result<std::vector<std::string>> SqliteSensorStore::metricsOf(const std::string& sensorId) {
    auto& d = *this;
    detail::Statement s(d.db, "SELECT metric FROM series WHERE sensor = ?1 ORDER BY metric");
    if (!s.valid())
        return sqlFailure(d, "cannot list metrics");
    s.bind(1, sensorId);
    std::vector<std::string> out;
    while (s.step() == SQLITE_ROW)
        out.push_back(s.text(0));
    return out;
}

Result<SceneState> SqliteSensorStore::sceneStateAt(TimeMs t) {
    auto& d = *this;
    if (!d.refreshSeries())
        return sqlFailure(d, "cannot read series");
    // One read transaction: a consistent snapshot while the writer goes on.
    if (auto err = detail::exec(d.db, "BEGIN"); !err.empty())
        return Result<SceneState>::failure(err, d.filePath);
    struct Latest {
        TimeMs ts;
        double value;
    };
    std::unordered_map<std::int64_t, Latest> latest;
    latest.reserve(d.seriesById.size());
    const TimeMs minuteStart = periodStart(t, kMinuteMs);
    // Recent raw readings first, minute by minute back from t's own minute:
    // the key is time-first, so each minute is one contiguous range, and a
    // city of sensors reporting every few minutes is found in a few ranges
    // instead of one index seek per series (10,000 seeks: ~80 ms).
    constexpr int kRecentMinutes = 10;
    const TimeMs tMinute = minuteStart / kMinuteMs;
    for (TimeMs m = tMinute; m > tMinute - kRecentMinutes; --m) {
        auto& s = d.rawInMinute;
        s.bind(1, m).bind(2, t);
        while (s.step() == SQLITE_ROW) {
            const auto id = s.int64(0);
            const Latest v{s.int64(1), s.real(2)};
            auto [it, inserted] = latest.emplace(id, v);
            if (!inserted && v.ts >= it->second.ts)
                it->second = v;
        }
        s.reset();
        if (latest.size() >= d.seriesById.size())
            break;
    }
    // The rest (quiet sensors, or raw readings past retention): the last
    // value of the latest 1-min rollup before t's minute (or of t's minute
    // if it ends at or before t). A series with no
    // raw reading in the recent minutes has no rollup there either, so this
    // is the same answer as reading it all from the rollups.
    for (const auto& [id, key] : d.seriesById) {
        if (latest.count(id))
            continue;
        auto& s = d.lastBeforeMinute;
        s.bind(1, id).bind(2, minuteStart).bind(3, t);
        if (s.step() == SQLITE_ROW)
            latest[id] = Latest{s.int64(0), s.real(1)};
        s.reset();
    }
    SceneState state;
    state.time = t;
    state.values.reserve(latest.size());
    for (const auto& [id, v] : latest) {
        const auto& key = d.seriesById[id];
        state.values.push_back(SeriesValue{key.sensorId, key.metric, v.ts, v.value});
    }
    std::sort(state.values.begin(), state.values.end(), [](const auto& a, const auto& b) {
        return a.sensorId != b.sensorId ? a.sensorId < b.sensorId : a.metric < b.metric;
    });
    {
        auto& s = d.activeAlertsAt;
        s.bind(1, t);
        while (s.step() == SQLITE_ROW)
            state.activeAlerts.push_back(d.alertFromRow(s));
        s.reset();
    }
    detail::exec(d.db, "COMMIT");
    return state;
}

Result<std::vector<AlertRecord>> SqliteSensorStore::alerts(TimeMs fromMs, TimeMs toMs) {
    detail::Statement s(this->db,
                        std::string("SELECT ") + kAlertColumns +
                            " FROM alerts WHERE raised_ms <= ?2 AND (cleared_ms IS NULL OR"
                            " cleared_ms >= ?1) ORDER BY raised_ms, id");
    if (s.valid())
        s.bind(1, fromMs).bind(2, toMs);
    return readAlerts(*this, s);
}

Result<std::vector<AlertRecord>> SqliteSensorStore::openAlerts() {
    detail::Statement s(this->db,
                        std::string("SELECT ") + kAlertColumns +
                            " FROM alerts WHERE cleared_ms IS NULL ORDER BY raised_ms, id");
    return readAlerts(*this, s);
}

Result<std::vector<StreamGap>> SqliteSensorStore::gaps() {
    auto& d = *this;
    using R = std::vector<StreamGap>;
    detail::Statement s(d.db,
                        "SELECT kind, source, start_ms, end_ms, lost, detail FROM gaps ORDER BY"
                        " start_ms, id");
    if (!s.valid())
        return sqlFailure(d, "cannot query gaps");
    R out;
    while (s.step() == SQLITE_ROW) {
        StreamGap g;
        g.kind = parseGapKind(s.text(0));
        g.source = s.text(1);
        g.startMs = s.int64(2);
        g.endMs = s.int64(3);
        g.lost = static_cast<std::uint64_t>(s.int64(4));
        g.detail = s.text(5);
        out.push_back(std::move(g));
    }
    return out;
}

Result<std::vector<RejectedPayload>> SqliteSensorStore::rejected(std::size_t limit) {
    auto& d = *this;
    using R = std::vector<RejectedPayload>;
    detail::Statement s(d.db,
                        "SELECT ingest_ms, topic, reason, size, first_bytes FROM rejected ORDER BY"
                        " id LIMIT ?1");
    if (!s.valid())
        return sqlFailure(d, "cannot query rejected payloads");
    s.bind(1, static_cast<std::int64_t>(limit));
    R out;
    while (s.step() == SQLITE_ROW) {
        RejectedPayload r;
        r.ingestMs = s.int64(0);
        r.topic = s.text(1);
        r.reason = s.text(2);
        r.size = static_cast<std::size_t>(s.int64(3));
        r.firstBytes = s.text(4);
        out.push_back(std::move(r));
    }
    return out;
}

Result<std::vector<Coverage>> SqliteSensorStore::coverage(TimeMs fromMs, TimeMs toMs,
                                                          TimeMs resolutionMs) {
    auto& d = *this;
    resolutionMs = std::max<TimeMs>(resolutionMs, 1);
    // Coarse views read the hour index; views finer than an hour a pixel the
    // raw readings' minutes (time first in their key: one seek each).
    const bool hours = resolutionMs >= kHourMs / 4;
    const TimeMs unit = hours ? kHourMs : kMinuteMs;
    const char* table = hours ? "coverage_1h" : "readings";
    const char* column = hours ? "start" : "minute";
    auto sql = [&](const char* where, const char* order) {
        return std::string("SELECT ") + column + " FROM " + table + " WHERE " + where +
               " ORDER BY " + column + order + " LIMIT 1";
    };
    const std::string c1 = std::string(column) + " >= ?1 AND " + column + " < ?2";
    const std::string c2 = std::string(column) + " < ?1";
    detail::Statement next(d.db, sql(c1.c_str(), "")), last(d.db, sql(c2.c_str(), " DESC"));
    if (!next.valid() || !last.valid())
        return sqlFailure(d, "cannot query coverage");
    CoverageProbe probe;
    probe.hours = hours;
    probe.unit = unit;
    auto first = [](detail::Statement& s, std::optional<std::int64_t>& out) {
        const int rc = s.step();
        out = rc == SQLITE_ROW ? std::optional<std::int64_t>(s.int64(0)) : std::nullopt;
        s.reset();
        return rc == SQLITE_ROW || rc == SQLITE_DONE;
    };
    probe.next = [&](std::int64_t a, std::int64_t b, std::optional<std::int64_t>& out) {
        next.bind(1, a).bind(2, b);
        return first(next, out);
    };
    probe.last = [&](std::int64_t a, std::optional<std::int64_t>& out) {
        last.bind(1, a);
        return first(last, out);
    };
    auto out = walkCoverage(probe, fromMs, toMs, resolutionMs);
    if (!out)
        return sqlFailure(d, "cannot query coverage");
    return std::move(*out);
}

Result<std::pair<TimeMs, TimeMs>> SqliteSensorStore::timeRange() {
    auto& d = *this;
    using R = std::pair<TimeMs, TimeMs>;
    // min/max of the leading key column are single seeks; ts then within that minute.
    detail::Statement s(d.db,
                        "SELECT (SELECT min(ts) FROM readings WHERE minute ="
                        " (SELECT min(minute) FROM readings)),"
                        " (SELECT max(ts) FROM readings WHERE minute ="
                        " (SELECT max(minute) FROM readings))");
    if (!s.valid() || s.step() != SQLITE_ROW)
        return sqlFailure(d, "cannot query time range");
    if (s.isNull(0))
        return Result<R>::failure("the store holds no readings", d.filePath);
    return R{s.int64(0), s.int64(1)};
}

Result<StoreStats> SqliteSensorStore::stats() {
    auto& d = *this;
    StoreStats st;
    auto scalar = [&](const char* sql, std::int64_t& out) {
        detail::Statement s(d.db, sql);
        if (!s.valid())
            return false;
        if (s.step() == SQLITE_ROW)
            out = s.int64(0);
        return true;
    };
    bool ok = scalar("SELECT count(*) FROM readings", st.readings) &&
              scalar("SELECT count(*) FROM series", st.series) &&
              scalar("SELECT count(DISTINCT sensor) FROM series", st.sensorsSeen) &&
              scalar("SELECT count(*) FROM sensors", st.registeredSensors) &&
              scalar("SELECT count(*) FROM rollup_1m", st.rollupMinuteRows) &&
              scalar("SELECT count(*) FROM rollup_1h", st.rollupHourRows) &&
              scalar("SELECT count(*) FROM rollup_1d", st.rollupDayRows) &&
              scalar("SELECT count(*) FROM rejected", st.rejected) &&
              scalar("SELECT count(*) FROM gaps", st.gaps) &&
              scalar("SELECT coalesce(sum(lost), 0) FROM gaps WHERE kind = 'overflow'",
                     st.overflowLost) &&
              scalar("SELECT count(*) FROM alerts", st.alerts) &&
              scalar("SELECT count(*) FROM alerts WHERE cleared_ms IS NULL", st.activeAlerts) &&
              scalar("SELECT count(*) FROM alerts WHERE ack_ms IS NULL", st.unacknowledgedAlerts);
    if (!ok)
        return sqlFailure(d, "cannot compute statistics");
    if (auto range = timeRange()) {
        st.maybeFirstTs = range.value().first;
        st.maybeLastTs = range.value().second;
        std::int64_t lastIngest = 0;
        if (scalar("SELECT max(ingest_ms) FROM readings WHERE minute >="
                   " (SELECT max(minute) FROM readings) - 1440",
                   lastIngest))
            st.maybeLastIngestMs = lastIngest;
    }
    detail::Statement reasons(
        d.db,
        "SELECT reason, count(*) FROM rejected GROUP BY reason ORDER BY 2 DESC"
        " LIMIT 10");
    while (reasons.valid() && reasons.step() == SQLITE_ROW)
        st.rejectedByReason.emplace_back(reasons.text(0), reasons.int64(1));
    st.fileBytes = fileSize(d.filePath) + fileSize(d.filePath + "-wal");
    return st;
}

Status SqliteSensorStore::integrityCheck() {
    auto& d = *this;
    const auto check = detail::checkIntegrity(d.db, false, 0);
    if (!check.ok)
        return Status::failure("integrity check failed: " + check.problems, d.filePath);
    return geo::Done{};
}

Result<SensorRegistry> SqliteSensorStore::loadRegistry() {
    auto& d = *this;
    detail::Statement s(d.db,
                        "SELECT id, kind, lon, lat, z, metric, unit, name, low, high, max_rate,"
                        " stale_s FROM sensors ORDER BY id");
    if (!s.valid())
        return sqlFailure(d, "cannot read sensors");
    SensorRegistry registry;
    auto optional = [&](int col) -> std::optional<double> {
        if (s.isNull(col))
            return std::nullopt;
        return s.real(col);
    };
    while (s.step() == SQLITE_ROW) {
        SensorInfo info;
        info.id = s.text(0);
        info.kind = parseSensorKind(s.text(1)).value_or(SensorKind::AirQuality);
        info.position = {s.real(2), s.real(3), s.real(4)};
        info.metric = s.text(5);
        info.unit = s.text(6);
        info.name = s.text(7);
        info.thresholds = {optional(8), optional(9), optional(10), optional(11)};
        registry.add(std::move(info));
    }
    return registry;
}

}  // namespace citytwin::sensors
