#pragma once
// SensorStore: the durable time-series store of sensor readings, on SQLite
// (a file, the default) or PostgreSQL (a server shared by several ingest
// processes and workstations). open() chooses by the store argument: a
// "postgresql://" or "postgres://" URI, or a libpq "host=..." key/value
// string, is PostgreSQL (docs/deployment-sensors.md); anything else a path.
// Both keep the contract below (tests/sensors/TestSensorStore.cpp runs
// against both).
//
// SQLite schema (docs/sensors.md explains and measures the choice):
// - readings: WITHOUT ROWID, key (minute, series, ts). Time first, so that
//   live ingest (all sensors, interleaved, now-ish timestamps) appends near
//   the end of the B-tree instead of touching one page per sensor; the key
//   also makes (sensor, metric, ts) unique: a repeat is stored once.
// - rollup_1m / rollup_1h / rollup_1d (UTC days): count, sum, min, max and
//   last value per series and period, updated in the same transaction as the
//   readings (so built incrementally by any import).
// - rejected, gaps, alerts, sensors: the stream's problems and context.
// WAL journal, synchronous=NORMAL: a killed process loses nothing committed.
// PostgreSQL: the same tables, readings partitioned by UTC day (partitions
// created on demand, retention drops whole days), batched multi-row inserts
// that ignore a repeated (series, ts); several processes may write at once.
//
// Thread safety: one SensorStore per thread (it owns one connection).
// Several SensorStores (threads or processes) may open the same file: one
// writes, the others read concurrently (WAL); writes from a second instance
// (e.g. acknowledging an alert) wait up to busyTimeoutMs for the writer.

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "citytwin/geo/Result.h"
#include "citytwin/sensors/Alert.h"
#include "citytwin/sensors/Reading.h"
#include "citytwin/sensors/SensorRegistry.h"

namespace citytwin::sensors {

struct SensorStoreOptions {
    bool readOnly = false;         ///< open an existing store for queries only
    TimeMs rawRetentionMs = 0;     ///< raw readings older than this are deleted; 0 = keep
    TimeMs minuteRetentionMs = 0;  ///< 1-min rollups older than this are deleted; 0 = keep
    int cacheMiB = 64;             ///< SQLite page cache of this connection, MiB
    int busyTimeoutMs = 5000;      ///< how long to wait for another writer, ms
    /// Opening an existing store runs `PRAGMA quick_check` for at most this
    /// long (a damaged store is refused); 0 skips it. A store too large to
    /// finish in time opens with the checked part good (stats checks it all).
    int quickCheckBudgetMs = 3000;
};

enum class Aggregation { Raw, Minute, Hour, Day };
std::string_view toString(Aggregation a);
std::optional<Aggregation> parseAggregation(std::string_view text);  ///< raw, 1m, 1h, 1d

/// One point of a sensor's history. Raw: one reading (count 1, min = max =
/// mean = last = value). Aggregated: ts is the period start.
struct HistoryPoint {
    TimeMs ts = 0;
    std::int64_t count = 0;
    double mean = 0.0;
    double min = 0.0;
    double max = 0.0;
    double last = 0.0;    ///< value of the latest reading in the period
    TimeMs lastTs = 0;    ///< its sensor time
    TimeMs ingestMs = 0;  ///< raw only: when it was received
};

/// The latest value of one sensor metric at or before a time.
struct SeriesValue {
    std::string sensorId;
    std::string metric;
    TimeMs ts = 0;  ///< when that value was measured (<= the state's time)
    double value = 0.0;
};

/// What the scene shows at one instant.
struct SceneState {
    TimeMs time = 0;
    std::vector<SeriesValue> values;        ///< one per series with any reading <= time
    std::vector<AlertRecord> activeAlerts;  ///< raised <= time and not cleared by then
};

/// A period with readings of some series, [fromMs, toMs).
struct Coverage {
    TimeMs fromMs = 0;
    TimeMs toMs = 0;
};

/// Outcome of one batched write.
struct WriteSummary {
    std::size_t inserted = 0;    ///< new readings
    std::size_t duplicates = 0;  ///< readings already stored (same sensor, metric, ts)
    std::vector<bool> isNew;     ///< per input reading
};

struct StoreStats {
    std::int64_t readings = 0;
    std::int64_t series = 0;
    std::int64_t sensorsSeen = 0;        ///< distinct sensor ids with readings
    std::int64_t registeredSensors = 0;  ///< rows of the sensors table
    std::optional<TimeMs> maybeFirstTs, maybeLastTs;
    std::optional<TimeMs> maybeLastIngestMs;
    std::int64_t rollupMinuteRows = 0, rollupHourRows = 0, rollupDayRows = 0;
    std::int64_t rejected = 0;
    std::vector<std::pair<std::string, std::int64_t>> rejectedByReason;  ///< top reasons
    std::int64_t gaps = 0;
    std::int64_t overflowLost = 0;  ///< messages dropped by queue overflow, summed
    std::int64_t alerts = 0, activeAlerts = 0, unacknowledgedAlerts = 0;
    std::int64_t fileBytes = 0;  ///< database + WAL (PostgreSQL: the database size)
};

class SensorStoreBackend;  // SQLite or PostgreSQL (private to sensors/)

class SensorStore {
public:
    /// Opens (creating if needed, unless readOnly) the store at path.
    /// path: a SQLite file, or a PostgreSQL location (isPostgresLocation).
    static geo::Result<SensorStore> open(const std::string& path, SensorStoreOptions options = {});
    /// "postgresql://...", "postgres://..." or "host=...": a PostgreSQL store.
    static bool isPostgresLocation(std::string_view store);

    SensorStore(SensorStore&&) noexcept;
    SensorStore& operator=(SensorStore&&) noexcept;
    ~SensorStore();

    const std::string& path() const;

    // --- writing (one transaction each) ---------------------------------
    /// Stores readings (duplicates ignored, rollups updated), rejected
    /// payloads and gaps, and the alert events, atomically.
    geo::Result<WriteSummary> write(std::span<const Reading> readings,
                                    std::span<const RejectedPayload> rejected = {},
                                    std::span<const StreamGap> gaps = {},
                                    std::span<const AlertEvent> alertEvents = {});
    /// Replaces the registered sensors with the registry's.
    geo::Status saveRegistry(const SensorRegistry& registry);
    /// Operator acknowledgement of an alert (GUI). Fails if no such alert.
    geo::Status acknowledgeAlert(std::int64_t alertId, const std::string& operatorName,
                                 TimeMs atMs);
    /// Deletes what the retention options say is too old relative to nowMs.
    geo::Status applyRetention(TimeMs nowMs);

    // --- reading ----------------------------------------------------------
    geo::Result<SensorRegistry> loadRegistry();
    /// History of one sensor metric in [fromMs, toMs], ascending time.
    geo::Result<std::vector<HistoryPoint>> history(const std::string& sensorId,
                                                   const std::string& metric, TimeMs fromMs,
                                                   TimeMs toMs, Aggregation aggregation);
    /// The metrics a sensor has readings of.
    geo::Result<std::vector<std::string>> metricsOf(const std::string& sensorId);
    /// The scene at time t: last value per series at or before t (from the
    /// 1-min rollups plus the raw readings of t's minute) and active alerts.
    geo::Result<SceneState> sceneStateAt(TimeMs t);
    /// Alerts raised in [fromMs, toMs], or still active at fromMs.
    geo::Result<std::vector<AlertRecord>> alerts(TimeMs fromMs, TimeMs toMs);
    geo::Result<std::vector<AlertRecord>> openAlerts();  ///< not cleared yet
    geo::Result<std::vector<StreamGap>> gaps();
    geo::Result<std::vector<RejectedPayload>> rejected(std::size_t limit);
    /// Where readings of any series exist in [fromMs, toMs): ascending
    /// periods, holes shorter than resolutionMs joined. resolutionMs >= 15 min
    /// reads the hour index (coverage_1h, kept by retention): hours with data;
    /// finer, the raw readings: minutes with data. About one seek per
    /// resolution step with data, whatever the number of series.
    geo::Result<std::vector<Coverage>> coverage(TimeMs fromMs, TimeMs toMs, TimeMs resolutionMs);
    /// First and last sensor timestamp stored, if any.
    geo::Result<std::pair<TimeMs, TimeMs>> timeRange();
    geo::Result<StoreStats> stats();
    /// SQLite: PRAGMA integrity_check, ok or the problems SQLite lists.
    /// PostgreSQL: every table of the schema present and readable.
    geo::Status integrityCheck();
    /// Whether open()'s quick check reached the end of the file in its budget.
    bool quickCheckComplete() const;

    /// Records that an ingest was alive (committing) at nowMs; write() does
    /// it too, with the newest ingest time of its batch.
    geo::Status markIngestAlive(TimeMs nowMs);
    /// The last time an ingest was known alive, if any: the start of an
    /// outage gap when the next ingest starts.
    geo::Result<std::optional<TimeMs>> lastIngestAliveMs();

private:
    explicit SensorStore(std::unique_ptr<SensorStoreBackend> backend);
    std::unique_ptr<SensorStoreBackend> _backend;
};

}  // namespace citytwin::sensors
