#pragma once
// The PostgreSQL backend of SensorStore (libpq): the SQLite store's tables on
// a server several ingest processes and workstations share. Readings are
// partitioned by UTC day (declarative range partitions on ts, made on
// demand; retention drops whole days), written in one multi-row
// INSERT ... ON CONFLICT DO NOTHING per batch; rollups and coverage are
// upserted in the same transaction, in key order (concurrent writers do not
// deadlock on them; a deadlock or a partition dropped under us is retried).
// Writes: PostgresSensorStore.cpp; queries: PostgresSensorStoreQueries.cpp.

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>

#include "Postgres.h"
#include "SensorStoreBackend.h"

namespace citytwin::sensors {

class PostgresSensorStore final : public SensorStoreBackend {
public:
    static geo::Result<std::unique_ptr<SensorStoreBackend>> open(const std::string& location,
                                                                 SensorStoreOptions options);

    const std::string& path() const override { return _location; }
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
    bool quickCheckComplete() const override { return true; }
    geo::Status markIngestAlive(TimeMs nowMs) override;
    geo::Result<std::optional<TimeMs>> lastIngestAliveMs() override;

private:
    /// A failure naming the store (password hidden).
    geo::Failure failure(const std::string& what) const;
    /// One attempt of write(); sqlState says whether a retry may help.
    geo::Result<WriteSummary> writeOnce(std::span<const Reading> readings,
                                        std::span<const RejectedPayload> rejected,
                                        std::span<const StreamGap> gaps,
                                        std::span<const AlertEvent> alertEvents,
                                        std::string& sqlState);
    /// Ids of the readings' series, creating missing ones (committed at once:
    /// an unused series is harmless, and no transaction waits on another's).
    bool seriesIds(std::span<const Reading> readings, std::vector<std::int64_t>& ids,
                   std::string& error);
    /// The day partitions the readings fall in, created if missing.
    bool ensurePartitions(std::span<const Reading> readings, std::string& error);
    geo::Result<std::vector<AlertRecord>> alertRows(pg::Result r) const;

    std::string _location;
    SensorStoreOptions _options;
    pg::Connection _db;
    std::unordered_map<std::string, std::int64_t> _seriesIds;  // sensor '\x1f' metric
    std::set<std::int64_t> _knownDays;                         // partitions seen
};

}  // namespace citytwin::sensors
