#pragma once
// The SQLite backend of SensorStore (a file; WAL). Its writing half is
// SqliteSensorStore.cpp, its query half SqliteSensorStoreQueries.cpp.

#include <sqlite3.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "SensorStoreBackend.h"
#include "Sqlite.h"

namespace citytwin::sensors {

struct SeriesKey {
    std::string sensorId;
    std::string metric;
};

class SqliteSensorStore final : public SensorStoreBackend {
public:
    static geo::Result<std::unique_ptr<SensorStoreBackend>> open(const std::string& path,
                                                                 SensorStoreOptions options);

    sqlite3* db = nullptr;
    std::string filePath;
    SensorStoreOptions options;
    bool quickCheckDone = true;

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

    ~SqliteSensorStore() override;

    const std::string& path() const override { return filePath; }
    geo::Result<WriteSummary> write(std::span<const Reading> readings,
                                    std::span<const RejectedPayload> rejected,
                                    std::span<const StreamGap> gaps,
                                    std::span<const AlertEvent> alertEvents) override;
    geo::Status saveRegistry(const SensorRegistry& registry) override;
    geo::Status acknowledgeAlert(std::int64_t alertId, const std::string& operatorName,
                                 TimeMs atMs) override;
    geo::Status applyRetention(TimeMs nowMs) override;
    geo::Result<SensorRegistry> loadRegistry() override;
    geo::Result<std::vector<HistoryPoint>> history(const std::string& sensorId,
                                                   const std::string& metric, TimeMs fromMs,
                                                   TimeMs toMs, Aggregation aggregation) override;
    geo::Result<std::vector<std::string>> metricsOf(const std::string& sensorId) override;
    geo::Result<SceneState> sceneStateAt(TimeMs t) override;
    geo::Result<std::vector<AlertRecord>> alerts(TimeMs fromMs, TimeMs toMs) override;
    geo::Result<std::vector<AlertRecord>> openAlerts() override;
    geo::Result<std::vector<StreamGap>> gaps() override;
    geo::Result<std::vector<RejectedPayload>> rejected(std::size_t limit) override;
    geo::Result<std::vector<Coverage>> coverage(TimeMs fromMs, TimeMs toMs,
                                                TimeMs resolutionMs) override;
    geo::Result<std::pair<TimeMs, TimeMs>> timeRange() override;
    geo::Result<StoreStats> stats() override;
    geo::Status integrityCheck() override;
    bool quickCheckComplete() const override { return quickCheckDone; }
    geo::Status markIngestAlive(TimeMs nowMs) override;
    geo::Result<std::optional<TimeMs>> lastIngestAliveMs() override;

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

/// Column list matching SqliteSensorStore::alertFromRow.
inline constexpr const char* kAlertColumns =
    "id, kind, sensor, metric, raised_ms, cleared_ms, ack_ms, ack_by, value, limit_value, message";

}  // namespace citytwin::sensors
