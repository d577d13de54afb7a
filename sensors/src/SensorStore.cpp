// SensorStore: chooses its backend from the store argument and forwards.

#include "citytwin/sensors/SensorStore.h"

#include "PostgresSensorStore.h"
#include "SqliteSensorStore.h"

namespace citytwin::sensors {

bool SensorStore::isPostgresLocation(std::string_view store) {
    return store.starts_with("postgresql://") || store.starts_with("postgres://") ||
           store.starts_with("host=");
}

geo::Result<SensorStore> SensorStore::open(const std::string& path, SensorStoreOptions options) {
    auto backend = isPostgresLocation(path) ? PostgresSensorStore::open(path, options)
                                            : SqliteSensorStore::open(path, options);
    if (!backend)
        return geo::failedFrom(backend);
    return SensorStore(std::move(backend).value());
}

SensorStore::SensorStore(std::unique_ptr<SensorStoreBackend> backend)
    : _backend(std::move(backend)) {}
SensorStore::SensorStore(SensorStore&&) noexcept = default;
SensorStore& SensorStore::operator=(SensorStore&&) noexcept = default;
SensorStore::~SensorStore() = default;

const std::string& SensorStore::path() const {
    return _backend->path();
}
geo::Result<WriteSummary> SensorStore::write(std::span<const Reading> readings,
                                             std::span<const RejectedPayload> rejected,
                                             std::span<const StreamGap> gaps,
                                             std::span<const AlertEvent> alertEvents) {
    return _backend->write(readings, rejected, gaps, alertEvents);
}
geo::Status SensorStore::saveRegistry(const SensorRegistry& registry) {
    return _backend->saveRegistry(registry);
}
geo::Status SensorStore::acknowledgeAlert(std::int64_t alertId, const std::string& operatorName,
                                          TimeMs atMs) {
    return _backend->acknowledgeAlert(alertId, operatorName, atMs);
}
geo::Status SensorStore::applyRetention(TimeMs nowMs) {
    return _backend->applyRetention(nowMs);
}
geo::Result<SensorRegistry> SensorStore::loadRegistry() {
    return _backend->loadRegistry();
}
geo::Result<std::vector<HistoryPoint>> SensorStore::history(const std::string& sensorId,
                                                            const std::string& metric,
                                                            TimeMs fromMs, TimeMs toMs,
                                                            Aggregation aggregation) {
    return _backend->history(sensorId, metric, fromMs, toMs, aggregation);
}
geo::Result<std::vector<std::string>> SensorStore::metricsOf(const std::string& sensorId) {
    return _backend->metricsOf(sensorId);
}
geo::Result<SceneState> SensorStore::sceneStateAt(TimeMs t) {
    return _backend->sceneStateAt(t);
}
geo::Result<std::vector<AlertRecord>> SensorStore::alerts(TimeMs fromMs, TimeMs toMs) {
    return _backend->alerts(fromMs, toMs);
}
geo::Result<std::vector<AlertRecord>> SensorStore::openAlerts() {
    return _backend->openAlerts();
}
geo::Result<std::vector<StreamGap>> SensorStore::gaps() {
    return _backend->gaps();
}
geo::Result<std::vector<RejectedPayload>> SensorStore::rejected(std::size_t limit) {
    return _backend->rejected(limit);
}
geo::Result<std::vector<Coverage>> SensorStore::coverage(TimeMs fromMs, TimeMs toMs,
                                                         TimeMs resolutionMs) {
    return _backend->coverage(fromMs, toMs, resolutionMs);
}
geo::Result<std::pair<TimeMs, TimeMs>> SensorStore::timeRange() {
    return _backend->timeRange();
}
geo::Result<StoreStats> SensorStore::stats() {
    return _backend->stats();
}
geo::Status SensorStore::integrityCheck() {
    return _backend->integrityCheck();
}
bool SensorStore::quickCheckComplete() const {
    return _backend->quickCheckComplete();
}
geo::Status SensorStore::markIngestAlive(TimeMs nowMs) {
    return _backend->markIngestAlive(nowMs);
}
geo::Result<std::optional<TimeMs>> SensorStore::lastIngestAliveMs() {
    return _backend->lastIngestAliveMs();
}

std::optional<std::vector<Coverage>> walkCoverage(const CoverageProbe& probe, TimeMs fromMs,
                                                  TimeMs toMs, TimeMs resolutionMs) {
    const TimeMs unit = probe.unit;
    auto key = [&](TimeMs t) { return probe.hours ? t : periodStart(t, kMinuteMs) / kMinuteMs; };
    auto time = [&](std::int64_t k) { return probe.hours ? k : k * kMinuteMs; };
    std::vector<Coverage> out;
    // The period being built ends where its last data before t is.
    auto closeBefore = [&](TimeMs t) {
        if (out.empty())
            return true;
        std::optional<std::int64_t> found;
        if (!probe.last(key(t), found))
            return false;
        if (found)
            out.back().toMs = std::max(out.back().toMs, time(*found) + unit);
        return true;
    };
    // Holes shorter than the resolution are not visible: join across them,
    // and skip ahead by a resolution step after each find (seeks ~ pixels).
    const TimeMs join = std::max(resolutionMs, unit);
    TimeMs c = periodStart(fromMs, unit);
    while (c < toMs) {
        std::optional<std::int64_t> found;
        if (!probe.next(key(c), key(toMs - 1) + 1, found))
            return std::nullopt;
        if (!found)
            break;
        const TimeMs u = time(*found);
        if (!out.empty() && u - out.back().toMs < join) {
            out.back().toMs = u + unit;
        } else {
            if (!closeBefore(c))
                return std::nullopt;
            out.push_back({u, u + unit});
        }
        c = std::max(u + unit, periodStart(u + resolutionMs, unit));
    }
    if (!closeBefore(std::min(c, toMs)))
        return std::nullopt;
    for (auto& r : out) {
        r.fromMs = std::max(r.fromMs, fromMs);
        r.toMs = std::min(r.toMs, toMs);
    }
    return out;
}

std::string_view toString(Aggregation a) {
    switch (a) {
        case Aggregation::Raw:
            return "raw";
        case Aggregation::Minute:
            return "1m";
        case Aggregation::Hour:
            return "1h";
        case Aggregation::Day:
            return "1d";
    }
    return "raw";
}

std::optional<Aggregation> parseAggregation(std::string_view text) {
    if (text == "raw")
        return Aggregation::Raw;
    if (text == "1m")
        return Aggregation::Minute;
    if (text == "1h")
        return Aggregation::Hour;
    if (text == "1d")
        return Aggregation::Day;
    return std::nullopt;
}

}  // namespace citytwin::sensors
