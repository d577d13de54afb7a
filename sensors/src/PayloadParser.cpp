#include "citytwin/sensors/PayloadParser.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

#include "citytwin/sensors/TimeFormat.h"

namespace citytwin::sensors {
namespace {

using geo::Result;

/// A failure of any parse, naming the topic and the field.
geo::Failure reject(std::string reason, std::string_view topic, std::string field = {}) {
    return {{geo::makeError(std::move(reason), std::string(topic), 0, std::move(field))}};
}

bool isPrintableId(std::string_view id) {
    for (const unsigned char c : id)
        if (c < 0x20 || c == 0x7f)
            return false;
    return true;
}

/// "24 h", "90 min", "1500 ms": a window as the rejection names it.
std::string describeWindow(TimeMs ms) {
    if (ms % 3'600'000 == 0)
        return std::to_string(ms / 3'600'000) + " h";
    if (ms % 60'000 == 0)
        return std::to_string(ms / 60'000) + " min";
    if (ms % 1000 == 0)
        return std::to_string(ms / 1000) + " s";
    return std::to_string(ms) + " ms";
}

/// Why ts lies outside the window around the ingest clock, if it does.
/// Computed without overflow for any pair of 64-bit times.
std::optional<std::string> clockWindowProblem(TimeMs ts, TimeMs ingestMs,
                                              const PayloadParserOptions& o) {
    TimeMs diff = 0;
    const bool overflow = __builtin_sub_overflow(ts, ingestMs, &diff);
    const bool future = overflow ? ts > ingestMs : diff > 0;
    const auto& limit = future ? o.maybeMaxFutureMs : o.maybeMaxPastMs;
    if (!limit)
        return std::nullopt;
    const bool outside = overflow || (future ? diff > *limit : diff < -*limit);
    if (!outside)
        return std::nullopt;
    return "timestamp " + formatIso8601(ts) + " is more than " + describeWindow(*limit) +
           (future ? " ahead of" : " behind") + " the ingest clock " + formatIso8601(ingestMs);
}

}  // namespace

PayloadParserOptions PayloadParserOptions::history() {
    PayloadParserOptions o;
    o.maybeMaxPastMs.reset();
    return o;
}

std::string_view PayloadParser::sensorIdFromTopic(std::string_view topic) {
    while (!topic.empty() && topic.back() == '/')
        topic.remove_suffix(1);
    const auto slash = topic.rfind('/');
    // A topic of one level names no sensor: it is the stream, not the device.
    if (slash == std::string_view::npos)
        return {};
    return topic.substr(slash + 1);
}

geo::Status PayloadParser::validate(const Reading& r) const {
    if (r.sensorId.empty() || r.sensorId.size() > _options.maxIdLength ||
        !isPrintableId(r.sensorId))
        return geo::Status::failure("empty, too long or non-printable sensor id", {}, 0, "sensor");
    if (r.metric.empty() || r.metric.size() > _options.maxIdLength || !isPrintableId(r.metric))
        return geo::Status::failure("empty, too long or non-printable metric name", {}, 0,
                                    "values");
    if (!std::isfinite(r.value))
        return geo::Status::failure("not a finite number", {}, 0, "values." + r.metric);
    if (auto why = clockWindowProblem(r.ts, r.ingestMs, _options))
        return geo::Status::failure(std::move(*why), {}, 0, "ts");
    return geo::Done{};
}

Result<std::vector<Reading>> PayloadParser::parse(std::string_view topic, std::string_view payload,
                                                  TimeMs ingestMs) const {
    if (payload.size() > _options.maxPayloadBytes)
        return reject("payload of " + std::to_string(payload.size()) +
                          " bytes exceeds the cap of " + std::to_string(_options.maxPayloadBytes),
                      topic);
    const auto doc = nlohmann::json::parse(payload.begin(), payload.end(), nullptr, false);
    if (doc.is_discarded())
        return reject("bad JSON", topic);
    if (!doc.is_object())
        return reject("payload is not a JSON object", topic);

    std::string sensor;
    if (const auto it = doc.find("sensor"); it != doc.end()) {
        if (!it->is_string())
            return reject("not a string", topic, "sensor");
        sensor = it->get<std::string>();
    } else {
        sensor = std::string(sensorIdFromTopic(topic));
        if (sensor.empty())
            return reject("missing, and the topic names no sensor", topic, "sensor");
    }

    const auto tsIt = doc.find("ts");
    if (tsIt == doc.end())
        return reject("missing", topic, "ts");
    TimeMs ts = 0;
    if (tsIt->is_number_integer()) {
        ts = tsIt->get<TimeMs>();
    } else if (tsIt->is_number_float()) {
        const double v = tsIt->get<double>();
        if (!std::isfinite(v) || std::fabs(v) > 9.0e15)
            return reject("not a valid epoch-millisecond number", topic, "ts");
        ts = static_cast<TimeMs>(std::llround(v));
    } else if (tsIt->is_string()) {
        const auto parsed = parseIso8601(tsIt->get_ref<const std::string&>());
        if (!parsed)
            return reject("not ISO 8601 with a zone", topic, "ts");
        ts = *parsed;
    } else {
        return reject("neither epoch milliseconds nor an ISO 8601 string", topic, "ts");
    }

    const auto valuesIt = doc.find("values");
    if (valuesIt == doc.end())
        return reject("missing", topic, "values");
    if (!valuesIt->is_object())
        return reject("not an object", topic, "values");
    if (valuesIt->empty())
        return reject("no values", topic, "values");

    std::vector<Reading> readings;
    readings.reserve(valuesIt->size());
    for (auto it = valuesIt->begin(); it != valuesIt->end(); ++it) {
        if (!it.value().is_number())
            return reject("not a number", topic, "values." + it.key());
        Reading r{sensor, it.key(), ts, it.value().get<double>(), ingestMs};
        if (auto ok = validate(r); !ok) {
            const auto& d = ok.diagnostics().front();
            return reject(d.message, topic, d.field);
        }
        readings.push_back(std::move(r));
    }
    return readings;
}

}  // namespace citytwin::sensors
