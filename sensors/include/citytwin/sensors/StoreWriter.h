#pragma once
// StoreWriter: the thread that drains the IngestQueue into a SensorStore in
// batched transactions (at least one commit per commitInterval, <= 1 s),
// runs the AlertEngine on what it stored, records queue overflows as gaps and
// applies retention. stop() drains what is queued and commits it.
// After each commit it tells the queue how far it got (sources acknowledge
// only that). A batch that cannot be written (disk full, read-only, damaged
// file) is kept and retried with back-off while nothing more is taken from
// the queue; the failure is logged as an error once, the recovery as a
// warning, and the period is recorded as a store_error gap. What is still
// unwritten when stop() gives up is counted (unstoredMessages/Readings).
// Thread safety: start/stop/counters from the owning thread; the store is
// used only by the writer thread while running.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "citytwin/sensors/AlertEngine.h"
#include "citytwin/sensors/IngestQueue.h"
#include "citytwin/sensors/SensorStore.h"

namespace citytwin::sensors {

struct StoreWriterOptions {
    std::chrono::milliseconds commitInterval{250};  ///< longest wait before a commit, <= 1 s
    std::chrono::seconds retentionInterval{3600};   ///< how often retention runs
    std::string overflowSource = "ingest-queue";    ///< names overflow gaps
    std::chrono::milliseconds retryMin{100};        ///< first wait after a failed write
    std::chrono::milliseconds retryMax{5000};       ///< back-off doubles up to this
    std::chrono::milliseconds stopGrace{5000};      ///< stop(): how long to keep retrying
};

struct WriterCounters {
    std::atomic<std::uint64_t> stored{0};      ///< new readings committed
    std::atomic<std::uint64_t> duplicates{0};  ///< readings already in the store
    std::atomic<std::uint64_t> rejectedStored{0};
    std::atomic<std::uint64_t> commits{0};
    std::atomic<std::uint64_t> failedCommits{0};  ///< write attempts that failed (retried)
    std::atomic<std::uint64_t> alertEvents{0};
    std::atomic<std::uint64_t> unstoredMessages{0};  ///< given up at stop (store not writable)
    std::atomic<std::uint64_t> unstoredReadings{0};
    /// Readings of sensors the registry does not know (stored, never alerted on).
    std::atomic<std::uint64_t> unknownSensorReadings{0};
};

/// Readings of one sensor the registry does not know.
struct UnknownSensorTally {
    std::string sensorId;
    std::string metric;  ///< the metric of its latest reading
    std::uint64_t readings = 0;
    TimeMs lastTs = 0;  ///< sensor time of its latest reading, ms
    double lastValue = 0.0;
};

class StoreWriter {
public:
    using AlertCallback = std::function<void(const AlertEvent&)>;
    using Clock = std::function<TimeMs()>;

    /// The writer takes the store; maybeAlerts may be null (no alerting).
    StoreWriter(SensorStore store, IngestQueue& queue, std::unique_ptr<AlertEngine> maybeAlerts,
                StoreWriterOptions options = {}, Clock clock = {});
    ~StoreWriter();  ///< stops

    /// Called on the writer thread after an alert event is committed; a GUI
    /// must marshal it to its own thread.
    void setAlertCallback(AlertCallback callback) { _onAlert = std::move(callback); }

    void start();
    /// Closes the queue, writes everything still queued, joins the thread.
    void stop();
    /// Blocks until everything queued before the call is committed.
    void flush();

    const WriterCounters& counters() const { return _counters; }
    /// Empty while the store takes writes; else the last error (any thread).
    std::string storeError() const;
    /// The next batch with readings is preceded by an outage gap of source
    /// from the store's last known commit (before this writer) to its first
    /// reading. Call before the source starts.
    void recordOutageAs(std::string source);
    /// Sensors heard from that the registry does not know, by id (any
    /// thread; empty without a registry: then nothing is "unknown").
    std::vector<UnknownSensorTally> unknownSensors() const;
    /// The store, once stopped (for final statistics).
    SensorStore& store() { return _store; }

private:
    struct Batch {
        std::vector<Reading> readings;
        std::vector<RejectedPayload> rejected;
        std::vector<StreamGap> gaps;
        std::vector<AlertEvent> events;
        std::uint64_t messages = 0;  ///< items with readings
        std::uint64_t lastSeq = 0;   ///< queue sequence covered once committed
        bool empty() const {
            return readings.empty() && rejected.empty() && gaps.empty() && events.empty();
        }
    };
    void run();
    Batch makeBatch(std::vector<IngestItem>& items, std::uint64_t lastSeq);
    bool commit(Batch& batch);
    void giveUp(Batch& batch);
    void waitBeforeRetry(std::chrono::milliseconds delay);
    void countUnknown(const Reading& r);

    SensorStore _store;
    IngestQueue& _queue;
    std::unique_ptr<AlertEngine> _maybeAlerts;
    StoreWriterOptions _options;
    Clock _clock;
    AlertCallback _onAlert;
    WriterCounters _counters;
    std::thread _thread;
    std::atomic<std::uint64_t> _batchesDone{0};
    std::atomic<bool> _running{false};
    std::atomic<bool> _stopRequested{false};
    std::chrono::steady_clock::time_point _stopDeadline;
    std::optional<TimeMs> _maybePreviousAliveMs;  // the store's last commit before us
    mutable std::mutex _stateMutex;
    std::condition_variable _wake;
    std::string _storeError, _outageSource;
    std::optional<TimeMs> _maybeFailingSince;
    mutable std::mutex _unknownMutex;
    std::map<std::string, UnknownSensorTally> _unknown;
};

}  // namespace citytwin::sensors
