#include "citytwin/sensors/IngestService.h"

#include "citytwin/sensors/SimulatorSource.h"

namespace citytwin::sensors {

geo::Result<std::unique_ptr<IngestService>> IngestService::open(IngestServiceOptions options) {
    auto store = SensorStore::open(options.storePath, options.store);
    CITYTWIN_RETURN_IF_FAILED(store);
    std::unique_ptr<AlertEngine> maybeAlerts;
    if (options.maybeRegistry) {
        if (options.saveRegistry)
            CITYTWIN_RETURN_IF_FAILED(store.value().saveRegistry(*options.maybeRegistry));
        if (!options.maybeRegistry->empty())
            maybeAlerts = std::make_unique<AlertEngine>(*options.maybeRegistry);
    }
    std::unique_ptr<IngestService> service(new IngestService());
    service->_queue = std::make_unique<IngestQueue>(options.queueCapacity, options.overflow);
    service->_pipeline =
        std::make_unique<IngestPipeline>(*service->_queue, PayloadParser(options.parser));
    service->_writer = std::make_unique<StoreWriter>(std::move(store).value(), *service->_queue,
                                                     std::move(maybeAlerts), options.writer);
    service->_options = std::move(options);
    service->_writer->start();
    return service;
}

IngestService::~IngestService() {
    stop();
}

geo::Status IngestService::startMqtt(MqttOptions options) {
    if (_mqtt)
        return geo::Status::failure("MQTT ingest already started");
    _mqtt = std::make_unique<MqttIngest>(std::move(options), *_pipeline);
    _writer->recordOutageAs(_mqtt->sourceName());
    auto started = _mqtt->start();
    if (!started)
        _mqtt.reset();
    return started;
}

void IngestService::startSimulator(const SensorSimulator& simulator, double rateHz) {
    if (_simulator)
        return;
    _simulator = std::make_unique<SimulatorSource>(simulator, *_pipeline, rateHz);
    _writer->recordOutageAs("simulator");
    _simulator->start();
}

geo::Result<std::size_t> IngestService::feedFile(const std::string& path, FileFormat format) {
    return FileSource(path, format).feed(*_pipeline);
}

geo::Result<FileFeedReport> IngestService::feedFile(const std::string& path,
                                                    FileSourceOptions options) {
    return FileSource(path, std::move(options)).feedWithReport(*_pipeline);
}

void IngestService::stop() {
    if (_stopped)
        return;
    _stopped = true;
    if (_mqtt)
        _mqtt->stop();
    if (_simulator)
        _simulator->stop();
    if (_writer)
        _writer->stop();
}

IngestReport IngestService::report() const {
    IngestReport r;
    const auto& in = _pipeline->counters();
    r.received = in.received;
    r.rejected = in.rejected;
    r.dropped = in.dropped;
    const auto& out = _writer->counters();
    r.stored = out.stored;
    r.duplicates = out.duplicates;
    r.alertEvents = out.alertEvents;
    r.failedCommits = out.failedCommits;
    r.unstoredMessages = out.unstoredMessages;
    r.unstoredReadings = out.unstoredReadings;
    r.unknownSensorReadings = out.unknownSensorReadings;
    r.queueDepth = _queue->depth();
    r.queuePeak = _queue->peakDepth();
    return r;
}

}  // namespace citytwin::sensors
