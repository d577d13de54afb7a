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
    _queue.close();
    if (_thread.joinable())
        _thread.join();
    _running = false;
}

void StoreWriter::flush() {
    // Two full loop iterations guarantee that what was queued before has been
    // popped and committed.
    const auto target = _batchesDone.load() + 2;
    while (_running && _thread.joinable() && _batchesDone.load() < target)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

void StoreWriter::run() {
    std::vector<IngestItem> items;
    auto lastRetention = std::chrono::steady_clock::now();
    for (;;) {
        items.clear();
        const bool open = _queue.popAll(items, _options.commitInterval);
        writeBatch(items);
        ++_batchesDone;
        if (std::chrono::steady_clock::now() - lastRetention > _options.retentionInterval) {
            lastRetention = std::chrono::steady_clock::now();
            if (auto done = _store.applyRetention(_clock()); !done)
                geo::logWarning("sensor store retention: " + done.messages());
        }
        if (!open)
            break;
    }
}

void StoreWriter::writeBatch(std::vector<IngestItem>& items) {
    std::vector<Reading> readings;
    std::vector<RejectedPayload> rejected;
    std::vector<StreamGap> gaps;
    for (auto& item : items) {
        if (item.maybeRejected)
            rejected.push_back(std::move(*item.maybeRejected));
        if (item.maybeGap)
            gaps.push_back(std::move(*item.maybeGap));
        for (auto& r : item.readings)
            readings.push_back(std::move(r));
    }
    if (const auto overflow = _queue.takeOverflow(); overflow.droppedMessages > 0) {
        gaps.push_back(StreamGap{StreamGap::Kind::Overflow, _options.overflowSource,
                                 overflow.firstDropMs, overflow.lastDropMs,
                                 overflow.droppedMessages, "ingest queue full: messages dropped"});
    }
    // Alerts are decided before the write so that they commit with the
    // readings that caused them. Duplicates cannot re-raise: the engine
    // ignores readings not newer than the last it saw.
    std::vector<AlertEvent> events;
    if (_maybeAlerts) {
        for (const auto& r : readings) {
            auto e = _maybeAlerts->onReading(r);
            events.insert(events.end(), e.begin(), e.end());
        }
        auto stale = _maybeAlerts->checkStaleness(_clock());
        events.insert(events.end(), stale.begin(), stale.end());
    }
    if (readings.empty() && rejected.empty() && gaps.empty() && events.empty())
        return;
    auto result = _store.write(readings, rejected, gaps, events);
    if (!result) {
        ++_counters.failedCommits;
        geo::logError("sensor store: batch of " + std::to_string(readings.size()) +
                      " readings not written: " + result.messages());
        return;
    }
    _counters.stored += result.value().inserted;
    _counters.duplicates += result.value().duplicates;
    _counters.rejectedStored += rejected.size();
    _counters.alertEvents += events.size();
    ++_counters.commits;
    if (_onAlert)
        for (const auto& e : events)
            _onAlert(e);
}

}  // namespace citytwin::sensors
