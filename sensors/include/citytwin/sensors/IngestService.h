#pragma once
// IngestService: the whole ingest chain wired together — bounded queue,
// pipeline, store writer (with alerts if a registry is given) and the
// sources (MQTT, files, the in-process simulator). What citytwin-cli ingest
// and the GUI's live mode both run.
//
//   auto service = IngestService::open({.storePath = "city.db"});
//   service.value()->startSimulator(simulator, 1.0 / 60);   // demo, no broker
//   ... service.value()->stop();                             // drains, commits
// Thread safety: one owning thread; counters may be read from any thread.

#include <memory>
#include <optional>
#include <string>

#include "citytwin/sensors/FileSource.h"
#include "citytwin/sensors/IngestPipeline.h"
#include "citytwin/sensors/MqttIngest.h"
#include "citytwin/sensors/SensorSimulator.h"
#include "citytwin/sensors/StoreWriter.h"

namespace citytwin::sensors {

struct IngestServiceOptions {
    std::string storePath;
    SensorStoreOptions store;
    std::size_t queueCapacity = 200'000;  ///< readings
    OverflowPolicy overflow = OverflowPolicy::DropNewest;
    PayloadParserOptions parser;  ///< the live sources' (MQTT) rules; files have their own
    StoreWriterOptions writer;
    /// Sensors to alert on (also saved into the store). Empty: no alerts.
    std::optional<SensorRegistry> maybeRegistry;
    /// false: the registry only judges the readings and the store's saved
    /// registry stays (an import beside the live writer that saved it).
    bool saveRegistry = true;
};

/// Counts at one moment.
struct IngestReport {
    std::uint64_t received = 0;    ///< messages (or file lines) offered
    std::uint64_t rejected = 0;    ///< messages refused by the parser
    std::uint64_t dropped = 0;     ///< messages lost to queue overflow
    std::uint64_t stored = 0;      ///< new readings committed
    std::uint64_t duplicates = 0;  ///< readings already stored
    std::uint64_t alertEvents = 0;
    std::uint64_t failedCommits = 0;     ///< write attempts that failed (then retried)
    std::uint64_t unstoredMessages = 0;  ///< given up at stop: the store never took them
    std::uint64_t unstoredReadings = 0;
    std::size_t queueDepth = 0, queuePeak = 0;  ///< readings
    std::uint64_t unknownSensorReadings = 0;    ///< readings of sensors not in the registry
};

class IngestService {
public:
    static geo::Result<std::unique_ptr<IngestService>> open(IngestServiceOptions options);
    ~IngestService();  ///< stops

    geo::Status startMqtt(MqttOptions options);
    /// Feeds samples of every sensor at rateHz (per sensor) from now on.
    void startSimulator(const SensorSimulator& simulator, double rateHz);
    /// Feeds a file synchronously (blocks until read; the writer keeps up).
    geo::Result<std::size_t> feedFile(const std::string& path,
                                      FileFormat format = FileFormat::Auto);
    /// The same with a file's own options (mapping, time window, progress).
    geo::Result<FileFeedReport> feedFile(const std::string& path, FileSourceOptions options);

    /// Stops the sources, then drains the queue and commits.
    void stop();

    IngestReport report() const;
    IngestPipeline& pipeline() { return *_pipeline; }
    StoreWriter& writer() { return *_writer; }
    MqttIngest* maybeMqtt() { return _mqtt.get(); }

private:
    IngestService() = default;
    IngestServiceOptions _options;
    std::unique_ptr<IngestQueue> _queue;
    std::unique_ptr<IngestPipeline> _pipeline;
    std::unique_ptr<StoreWriter> _writer;
    std::unique_ptr<MqttIngest> _mqtt;
    std::unique_ptr<class SimulatorSource> _simulator;
    bool _stopped = false;
};

}  // namespace citytwin::sensors
