#include "citytwin/sensors/SensorRegistry.h"

#include <fstream>
#include <memory>
#include <sstream>

#include "CsvLine.h"
#include "citytwin/geo/CrsTransform.h"

namespace citytwin::sensors {
namespace {

using detail::parseDouble;
using geo::makeError;

const char* kKnownColumns[] = {"id",       "kind",    "x",          "y",   "z",
                               "crs",      "metric",  "unit",       "low", "high",
                               "max_rate", "stale_s", "on_delay_s", "name"};

bool isKnownColumn(const std::string& c) {
    for (const char* k : kKnownColumns)
        if (c == k)
            return true;
    return false;
}

// Caches one CrsTransform (or the reason there is none) per source CRS text,
// per thread: PROJ objects belong to their thread's context (CrsTransform.h),
// and building one reads proj.db (tens of ms), which a registry reloaded or
// parsed many times (the fuzz target: 3 inputs/s) should pay once. Bounded:
// a file of distinct garbage CRSs must not grow it without limit.
class ToWgs84 {
public:
    geo::Result<const geo::CrsTransform*> get(const std::string& crsText) {
        if (auto it = _cache.find(crsText); it != _cache.end())
            return it->second.transform
                       ? geo::Result<const geo::CrsTransform*>(it->second.transform.get())
                       : geo::Result<const geo::CrsTransform*>::failure(it->second.error);
        if (_cache.size() >= kMaxEntries)
            _cache.clear();
        Entry& entry = _cache[crsText];
        auto crs = geo::Crs::fromString(crsText);
        if (!crs) {
            entry.error = crs.messages();
            return geo::Result<const geo::CrsTransform*>::failure(entry.error);
        }
        auto transform = geo::CrsTransform::create(crs.value(), geo::Crs::wgs84());
        if (!transform) {
            entry.error = transform.messages();
            return geo::Result<const geo::CrsTransform*>::failure(entry.error);
        }
        entry.transform = std::make_unique<geo::CrsTransform>(std::move(transform).value());
        return entry.transform.get();
    }

private:
    static constexpr std::size_t kMaxEntries = 32;
    struct Entry {
        std::unique_ptr<geo::CrsTransform> transform;
        std::string error;
    };
    std::map<std::string, Entry> _cache;
};

}  // namespace

void SensorRegistry::add(SensorInfo sensor) {
    if (auto it = _index.find(sensor.id); it != _index.end()) {
        _sensors[it->second] = std::move(sensor);
        return;
    }
    _index.emplace(sensor.id, _sensors.size());
    _sensors.push_back(std::move(sensor));
}

const SensorInfo* SensorRegistry::find(const std::string& id) const {
    const auto it = _index.find(id);
    return it == _index.end() ? nullptr : &_sensors[it->second];
}

geo::Result<SensorRegistry> SensorRegistry::importCsv(const std::string& path,
                                                      const std::string& defaultCrs) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return geo::Result<SensorRegistry>::failure("cannot open file", path);
    std::ostringstream text;
    text << in.rdbuf();
    return parseCsv(text.str(), path, defaultCrs);
}

geo::Result<SensorRegistry> SensorRegistry::parseCsv(const std::string& text,
                                                     const std::string& source,
                                                     const std::string& defaultCrs) {
    SensorRegistry registry;
    std::vector<geo::Diagnostic> problems;
    std::map<std::string, std::size_t> columns;
    std::vector<std::string> header;
    thread_local ToWgs84 transforms;
    std::istringstream lines(text);
    std::string line;
    long lineNo = 0;
    bool failed = false;
    auto error = [&](std::string message, std::string field = {}) {
        problems.push_back(makeError(std::move(message), source, lineNo, std::move(field)));
        failed = true;
    };

    while (std::getline(lines, line)) {
        ++lineNo;
        const auto trimmed = detail::trim(line);
        if (trimmed.empty() || trimmed.front() == '#')
            continue;
        auto fields = detail::splitCsvLine(trimmed);
        if (!fields) {
            error("unterminated quote");
            continue;
        }
        if (header.empty()) {
            header = *fields;
            for (std::size_t i = 0; i < header.size(); ++i) {
                if (!isKnownColumn(header[i]))
                    problems.push_back(
                        geo::makeWarning("unknown column ignored", source, lineNo, header[i]));
                columns[header[i]] = i;
            }
            for (const char* required : {"id", "kind", "x", "y"})
                if (!columns.count(required)) {
                    error("required column missing from the header", required);
                    return geo::Result<SensorRegistry>(problems.back());
                }
            continue;
        }
        if (fields->size() != header.size()) {
            error("has " + std::to_string(fields->size()) + " fields, the header has " +
                  std::to_string(header.size()));
            continue;
        }
        auto get = [&](const char* name) -> std::string {
            const auto it = columns.find(name);
            return it == columns.end() ? std::string() : (*fields)[it->second];
        };
        auto number = [&](const char* name, bool required, std::optional<double>& out) -> bool {
            const auto v = get(name);
            if (v.empty()) {
                if (required)
                    error("missing value", name);
                return !required;
            }
            out = parseDouble(v);
            if (!out) {
                error("'" + v + "' is not a finite number", name);
                return false;
            }
            return true;
        };

        SensorInfo s;
        s.id = get("id");
        if (s.id.empty()) {
            error("missing value", "id");
            continue;
        }
        const auto kindText = get("kind");
        const auto kind = parseSensorKind(kindText);
        if (!kind) {
            error("unknown sensor kind '" + kindText + "'", "kind");
            continue;
        }
        s.kind = *kind;
        std::optional<double> x, y, z;
        bool ok = number("x", true, x);
        ok = number("y", true, y) && ok;
        ok = number("z", false, z) && ok;
        ok = number("low", false, s.thresholds.low) && ok;
        ok = number("high", false, s.thresholds.high) && ok;
        ok = number("max_rate", false, s.thresholds.maxRatePerMinute) && ok;
        ok = number("stale_s", false, s.thresholds.staleAfterSeconds) && ok;
        ok = number("on_delay_s", false, s.thresholds.onDelaySeconds) && ok;
        if (!ok)
            continue;
        if (s.thresholds.onDelaySeconds && *s.thresholds.onDelaySeconds < 0) {
            error("on-delay must not be negative", "on_delay_s");
            continue;
        }
        if (s.thresholds.low && s.thresholds.high && *s.thresholds.low > *s.thresholds.high) {
            error("low threshold is above the high threshold", "low");
            continue;
        }
        const std::string crsText = get("crs").empty() ? defaultCrs : get("crs");
        auto transform = transforms.get(crsText);
        if (!transform) {
            error(transform.messages(), "crs");
            continue;
        }
        auto position = transform.value()->transform({*x, *y, z.value_or(0.0)});
        if (!position) {
            error("position cannot be converted to WGS 84: " + position.messages(), "x");
            continue;
        }
        s.position = position.value();
        if (s.position.x < -180 || s.position.x > 180 || s.position.y < -90 || s.position.y > 90) {
            error("position is outside WGS 84 bounds after conversion from " + crsText, "x");
            continue;
        }
        s.metric = get("metric").empty() ? std::string(defaultMetric(s.kind)) : get("metric");
        s.unit = get("unit").empty() ? std::string(defaultUnit(s.kind)) : get("unit");
        s.name = get("name");
        if (registry.find(s.id))
            problems.push_back(geo::makeWarning(
                "duplicate id '" + s.id + "' replaces the earlier row", source, lineNo, "id"));
        registry.add(std::move(s));
    }
    if (header.empty()) {
        lineNo = 0;
        error("no header row");
    }
    if (failed)
        return geo::Failure{std::move(problems)};
    geo::Result<SensorRegistry> result(std::move(registry));
    result.addDiagnostics(problems);
    return result;
}

}  // namespace citytwin::sensors
