#pragma once
// The entry of every source (MQTT, files, the simulator): parses payloads,
// counts what it received and rejected, and hands the results to the bounded
// IngestQueue that the StoreWriter drains. A bad payload becomes a rejection
// record; it never stops the stream.
// Thread safety: all methods may be called from any thread.

#include <atomic>
#include <functional>
#include <string_view>

#include "citytwin/sensors/IngestQueue.h"
#include "citytwin/sensors/PayloadParser.h"

namespace citytwin::sensors {

/// Counters of the producing side (the writer has its own).
struct IngestCounters {
    std::atomic<std::uint64_t> received{0};  ///< messages / lines offered
    std::atomic<std::uint64_t> accepted{0};  ///< messages parsed and queued
    std::atomic<std::uint64_t> rejected{0};  ///< messages refused by the parser
    std::atomic<std::uint64_t> dropped{0};   ///< messages lost to queue overflow
};

class IngestPipeline {
public:
    using Clock = std::function<TimeMs()>;

    /// clock: the ingest clock (default: system time).
    explicit IngestPipeline(IngestQueue& queue, PayloadParser parser = PayloadParser{},
                            Clock clock = {});

    /// One payload as received on a topic (or file line "file:PATH:LINE").
    void submitPayload(std::string_view topic, std::string_view payload);
    /// The same, checked by another parser's rules (history files: no past limit).
    void submitPayload(std::string_view topic, std::string_view payload,
                       const PayloadParser& parser);
    /// Readings already built and checked (simulator, CSV file rows).
    void submitReadings(std::vector<Reading> readings);
    /// A rejection decided by a source (e.g. a CSV row with a bad field).
    void submitRejected(std::string_view topic, std::string_view payload, std::string reason);
    void submitGap(StreamGap gap);

    TimeMs nowMs() const { return _clock(); }
    const PayloadParser& parser() const { return _parser; }
    const IngestCounters& counters() const { return _counters; }
    IngestQueue& queue() { return _queue; }

private:
    IngestQueue& _queue;
    PayloadParser _parser;
    Clock _clock;
    IngestCounters _counters;
};

}  // namespace citytwin::sensors
