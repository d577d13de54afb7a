#pragma once
// SensorStore internals shared by its writing and query halves.

#include <sqlite3.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "Sqlite.h"
#include "citytwin/sensors/SensorStore.h"

namespace citytwin::sensors {

inline constexpr TimeMs kMinuteMs = 60'000;
inline constexpr TimeMs kHourMs = 3'600'000;
inline constexpr TimeMs kDayMs = 86'400'000;

/// Floor division, so that times before 1970 land in the right period.
inline TimeMs periodStart(TimeMs t, TimeMs period) {
    TimeMs q = t / period;
    if (t % period != 0 && t < 0)
        --q;
    return q * period;
}

struct SeriesKey {
    std::string sensorId;
    std::string metric;
};

struct SensorStore::Impl {
    sqlite3* db = nullptr;
    std::string path;
    SensorStoreOptions options;
    bool quickCheckComplete = true;

    // Series id <-> (sensor, metric); loaded lazily, grown by writes.
    std::unordered_map<std::string, std::int64_t> seriesIds;  // key: sensor '\x1f' metric
    std::unordered_map<std::int64_t, SeriesKey> seriesById;
    std::int64_t maxSeriesLoaded = 0;

    // Prepared once (writer side).
    detail::Statement insertReading, upsertMinute, upsertHour, insertSeries, insertRejected,
        insertGap, updateGap, insertAlert, clearAlert, markAlive;
    detail::Statement upsertDay;       // rollup_1d
    detail::Statement upsertCoverage;  // coverage_1h
    // Prepared once (query side).
    detail::Statement lastBeforeMinute, rawInMinute, activeAlertsAt;

    ~Impl();
    std::string error() const { return sqlite3_errmsg(db); }
    /// Loads series rows added since the last call (another process may write).
    bool refreshSeries();
    /// Id of the series, creating it (inside the caller's transaction).
    std::int64_t seriesId(const std::string& sensor, const std::string& metric);
    static std::string seriesKey(const std::string& sensor, const std::string& metric) {
        std::string k;
        k.reserve(sensor.size() + metric.size() + 1);
        k += sensor;
        k += '\x1f';
        k += metric;
        return k;
    }
    AlertRecord alertFromRow(const detail::Statement& s) const;
};

/// Column list matching Impl::alertFromRow.
inline constexpr const char* kAlertColumns =
    "id, kind, sensor, metric, raised_ms, cleared_ms, ack_ms, ack_by, value, limit_value, message";

}  // namespace citytwin::sensors
