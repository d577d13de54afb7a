#pragma once
// StoreWriter: the thread that drains the IngestQueue into a SensorStore in
// batched transactions (at least one commit per commitInterval, <= 1 s),
// runs the AlertEngine on what it stored, records queue overflows as gaps and
// applies retention. stop() drains what is queued and commits it.
// Thread safety: start/stop/counters from the owning thread; the store is
// used only by the writer thread while running.

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <thread>

#include "citytwin/sensors/AlertEngine.h"
#include "citytwin/sensors/IngestQueue.h"
#include "citytwin/sensors/SensorStore.h"

namespace citytwin::sensors {

struct StoreWriterOptions {
    std::chrono::milliseconds commitInterval{250};  ///< longest wait before a commit, <= 1 s
    std::chrono::seconds retentionInterval{3600};   ///< how often retention runs
    std::string overflowSource = "ingest-queue";    ///< names overflow gaps
};

struct WriterCounters {
    std::atomic<std::uint64_t> stored{0};      ///< new readings committed
    std::atomic<std::uint64_t> duplicates{0};  ///< readings already in the store
    std::atomic<std::uint64_t> rejectedStored{0};
    std::atomic<std::uint64_t> commits{0};
    std::atomic<std::uint64_t> failedCommits{0};  ///< batches lost to a store error (logged)
    std::atomic<std::uint64_t> alertEvents{0};
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
    /// The store, once stopped (for final statistics).
    SensorStore& store() { return _store; }

private:
    void run();
    void writeBatch(std::vector<IngestItem>& items);

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
};

}  // namespace citytwin::sensors
