#include "citytwin/sensors/StoreWriter.h"

#include "citytwin/geo/Log.h"
#include "citytwin/sensors/TimeFormat.h"

namespace citytwin::sensors {

StoreWriter::StoreWriter(SensorStore store, IngestQueue& queue,
                         std::unique_ptr<AlertEngine> maybeAlerts, StoreWriterOptions options,
                         Clock clock)
    : _store(std::move(store)),
      _queue(queue),
      _maybeAlerts(std::move(maybeAlerts)),
      _options(std::move(options)),
      _clock(clock ? std::move(clock) : Clock(systemNowMs)) {
    if (_options.commitInterval > std::chrono::seconds(1))
        _options.commitInterval = std::chrono::seconds(1);
    if (_maybeAlerts) {
        _maybeAlerts->setStartMs(_clock());
        if (auto open = _store.openAlerts())
            _maybeAlerts->restoreOpenAlerts(open.value());
    }
    if (auto alive = _store.lastIngestAliveMs())
        _maybePreviousAliveMs = alive.value();
}

StoreWriter::~StoreWriter() {
    stop();
}

void StoreWriter::start() {
    if (_running.exchange(true))
        return;
    _thread = std::thread([this] { run(); });
}

void StoreWriter::stop() {
    {
        std::lock_guard lock(_stateMutex);
        _stopDeadline = std::chrono::steady_clock::now() + _options.stopGrace;
        _stopRequested = true;
    }
    _wake.notify_all();
    _queue.close();
    if (_thread.joinable())
        _thread.join();
    _running = false;
}

void StoreWriter::flush() {
    // Two full loop iterations guarantee that what was queued before has been
    // popped and committed; a store that refuses writes ends the wait.
    const auto target = _batchesDone.load() + 2;
    while (_running && _thread.joinable() && _batchesDone.load() < target && storeError().empty())
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

void StoreWriter::countUnknown(const Reading& r) {
    _counters.unknownSensorReadings.fetch_add(1, std::memory_order_relaxed);
    std::lock_guard lock(_unknownMutex);
    UnknownSensorTally& t = _unknown[r.sensorId];
    t.sensorId = r.sensorId;
    ++t.readings;
    if (r.ts >= t.lastTs) {
        t.lastTs = r.ts;
        t.metric = r.metric;
        t.lastValue = r.value;
    }
}

std::vector<UnknownSensorTally> StoreWriter::unknownSensors() const {
    std::lock_guard lock(_unknownMutex);
    std::vector<UnknownSensorTally> out;
    out.reserve(_unknown.size());
    for (const auto& [id, t] : _unknown)
        out.push_back(t);
    return out;
}

std::string StoreWriter::storeError() const {
    std::lock_guard lock(_stateMutex);
    return _storeError;
}

void StoreWriter::recordOutageAs(std::string source) {
    std::lock_guard lock(_stateMutex);
    _outageSource = std::move(source);
}

void StoreWriter::waitBeforeRetry(std::chrono::milliseconds delay) {
    std::unique_lock lock(_stateMutex);
    const auto until = std::chrono::steady_clock::now() + delay;
    // Stopping shortens the wait to the stop deadline, never past it.
    _wake.wait_until(lock, until, [&] {
        return _stopRequested && std::chrono::steady_clock::now() >= _stopDeadline;
    });
}

void StoreWriter::run() {
    std::vector<IngestItem> items;
    auto lastRetention = std::chrono::steady_clock::now();
    auto retryDelay = _options.retryMin;
    for (bool open = true; open;) {
        items.clear();
        std::uint64_t lastSeq = 0;
        open = _queue.popAll(items, _options.commitInterval, &lastSeq);
        auto batch = makeBatch(items, lastSeq);
        // A batch that does not commit is retried, and nothing more is taken
        // from the queue meanwhile: sources do not acknowledge, the queue's
        // bound holds memory, and the order of commits is kept.
        while (!commit(batch)) {
            if (_stopRequested && std::chrono::steady_clock::now() >= _stopDeadline) {
                giveUp(batch);
                for (items.clear(); _queue.popAll(items, std::chrono::milliseconds(0));
                     items.clear()) {
                    auto rest = makeBatch(items, 0);
                    giveUp(rest);
                }
                return;
            }
            waitBeforeRetry(retryDelay);
            retryDelay = std::min(retryDelay * 2, _options.retryMax);
        }
        retryDelay = _options.retryMin;
        ++_batchesDone;
        if (std::chrono::steady_clock::now() - lastRetention > _options.retentionInterval) {
            lastRetention = std::chrono::steady_clock::now();
            if (auto done = _store.applyRetention(_clock()); !done)
                geo::logWarning("sensor store retention: " + done.messages());
        }
    }
    // A clean stop: the outage of the next start begins now.
    if (auto done = _store.markIngestAlive(_clock()); !done)
        geo::logWarning("sensor store: " + done.messages());
}

StoreWriter::Batch StoreWriter::makeBatch(std::vector<IngestItem>& items, std::uint64_t lastSeq) {
    Batch b;
    b.lastSeq = lastSeq;
    for (auto& item : items) {
        if (item.maybeRejected)
            b.rejected.push_back(std::move(*item.maybeRejected));
        if (item.maybeGap)
            b.gaps.push_back(std::move(*item.maybeGap));
        if (!item.readings.empty())
            ++b.messages;
        for (auto& r : item.readings)
            b.readings.push_back(std::move(r));
    }
    if (const auto overflow = _queue.takeOverflow(); overflow.droppedMessages > 0) {
        b.gaps.push_back(StreamGap{
            StreamGap::Kind::Overflow, _options.overflowSource, overflow.firstDropMs,
            overflow.lastDropMs, overflow.droppedMessages, "ingest queue full: messages dropped"});
    }
    if (!b.readings.empty()) {
        std::lock_guard lock(_stateMutex);
        if (!_outageSource.empty() && _maybePreviousAliveMs) {
            TimeMs first = b.readings.front().ingestMs;
            for (const auto& r : b.readings)
                first = std::min(first, r.ingestMs);
            if (first > *_maybePreviousAliveMs)
                b.gaps.push_back(StreamGap{StreamGap::Kind::Outage, _outageSource,
                                           *_maybePreviousAliveMs, first, 0,
                                           "ingest not running: from its last commit to the "
                                           "first reading after the restart"});
            _outageSource.clear();
        }
    }
    // Alerts are decided once, before the first write attempt, so that they
    // commit with the readings that caused them. Duplicates cannot re-raise:
    // the engine ignores readings not newer than the last it saw.
    if (_maybeAlerts) {
        for (const auto& r : b.readings) {
            if (!_maybeAlerts->registry().find(r.sensorId))
                countUnknown(r);
            auto e = _maybeAlerts->onReading(r);
            b.events.insert(b.events.end(), e.begin(), e.end());
        }
        auto stale = _maybeAlerts->checkStaleness(_clock());
        b.events.insert(b.events.end(), stale.begin(), stale.end());
    }
    return b;
}

bool StoreWriter::commit(Batch& b) {
    if (b.empty()) {
        _queue.markCommitted(b.lastSeq);
        return true;
    }
    // The period the store refused writes is itself a gap, written with the
    // first batch that commits.
    std::optional<TimeMs> maybeFailedSince;
    {
        std::lock_guard lock(_stateMutex);
        maybeFailedSince = _maybeFailingSince;
    }
    if (maybeFailedSince)
        b.gaps.push_back(StreamGap{StreamGap::Kind::StoreError, _store.path(), *maybeFailedSince,
                                   _clock(), 0, "store not writable: " + storeError()});
    auto result = _store.write(b.readings, b.rejected, b.gaps, b.events);
    if (!result) {
        if (maybeFailedSince)
            b.gaps.pop_back();
        ++_counters.failedCommits;
        std::lock_guard lock(_stateMutex);
        if (!_maybeFailingSince) {
            _maybeFailingSince = _clock();
            geo::logError("sensor store: cannot write (" + result.messages() +
                          "): nothing more is acknowledged to the sources; " +
                          std::to_string(b.readings.size()) +
                          " readings held, retrying until the store takes writes again");
        }
        _storeError = result.messages();
        return false;
    }
    if (maybeFailedSince) {
        std::lock_guard lock(_stateMutex);
        geo::logWarning("sensor store " + _store.path() + ": writable again after " +
                        std::to_string((_clock() - *_maybeFailingSince) / 1000) +
                        " s; ingest resumed");
        _maybeFailingSince.reset();
        _storeError.clear();
    }
    _counters.stored += result.value().inserted;
    _counters.duplicates += result.value().duplicates;
    _counters.rejectedStored += b.rejected.size();
    _counters.alertEvents += b.events.size();
    ++_counters.commits;
    _queue.markCommitted(b.lastSeq);
    if (_onAlert)
        for (const auto& e : b.events)
            _onAlert(e);
    return true;
}

void StoreWriter::giveUp(Batch& b) {
    if (b.messages == 0)
        return;
    _counters.unstoredMessages += b.messages;
    _counters.unstoredReadings += b.readings.size();
    geo::logError("sensor store: " + std::to_string(b.messages) + " messages (" +
                  std::to_string(b.readings.size()) +
                  " readings) not stored: the store did not take writes before the ingest "
                  "stopped; they were not acknowledged");
}

}  // namespace citytwin::sensors
