#include "citytwin/sensors/PayloadParser.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

#include "citytwin/json/JsonText.h"

#include "citytwin/sensors/TimeFormat.h"

namespace citytwin::sensors {
namespace {

using geo::Result;
using json = nlohmann::json;

/// Epoch milliseconds beyond this (about year 287,000) are not times.
constexpr TimeMs kMaxEpochMs = 9'000'000'000'000'000LL;

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
    const auto slash = topic.rfind('/');
    // A topic of one level names no sensor: it is the stream, not the device.
    if (slash == std::string_view::npos)
        return {};
    const std::string_view id = topic.substr(slash + 1);
    return topicIdProblem(topic).empty() ? id : std::string_view{};
}

std::string PayloadParser::topicIdProblem(std::string_view topic) {
    const auto slash = topic.rfind('/');
    if (slash == std::string_view::npos)
        return "the topic has one level and names no sensor";
    // No level may walk the tree: city/sensors/../../etc names no sensor "etc".
    for (std::size_t start = 0; start <= topic.size();) {
        const auto end = std::min(topic.find('/', start), topic.size());
        const auto level = topic.substr(start, end - start);
        if (level == "." || level == "..")
            return "the topic has a '" + std::string(level) + "' level";
        start = end + 1;
    }
    const std::string_view id = topic.substr(slash + 1);
    if (id.empty())
        return "the topic ends in '/' and names no sensor";
    if (id.size() > kMaxTopicIdLength)
        return "the sensor id of the topic is longer than " + std::to_string(kMaxTopicIdLength);
    for (const char c : id)
        if (!isTopicIdChar(c))
            return "the sensor id of the topic has a character outside A-Z a-z 0-9 . _ : -";
    return {};
}

bool PayloadParser::isTopicIdChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == ':' || c == '-';
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
    const auto parsed = citytwin::json::parseJsonText(payload);
    if (!parsed.ok)
        return parsed.numberOutOfRange ? reject("number out of range", topic, parsed.path)
                                       : reject("bad JSON", topic);
    const auto& doc = parsed.doc;
    if (!doc.is_object())
        return reject("payload is not a JSON object", topic);

    std::string sensor;
    if (const auto it = doc.find("sensor"); it != doc.end()) {
        if (!it->is_string())
            return reject("not a string", topic, "sensor");
        sensor = it->get<std::string>();
    } else {
        if (const std::string problem = topicIdProblem(topic); !problem.empty())
            return reject("missing, and " + problem, topic, "sensor");
        sensor = std::string(sensorIdFromTopic(topic));
    }

    const auto tsIt = doc.find("ts");
    if (tsIt == doc.end())
        return reject("missing", topic, "ts");
    TimeMs ts = 0;
    if (tsIt->is_number_unsigned()) {
        // An unsigned above the signed range would wrap: checked before the cast.
        const auto v = tsIt->get<json::number_unsigned_t>();
        if (v > static_cast<json::number_unsigned_t>(kMaxEpochMs))
            return reject("not a valid epoch-millisecond number", topic, "ts");
        ts = static_cast<TimeMs>(v);
    } else if (tsIt->is_number_integer()) {
        ts = tsIt->get<TimeMs>();
        // Bounded so that the skew check below cannot overflow (INT64_MIN).
        if (ts > kMaxEpochMs || ts < -kMaxEpochMs)
            return reject("not a valid epoch-millisecond number", topic, "ts");
    } else if (tsIt->is_number_float()) {
        const double v = tsIt->get<double>();
        if (!std::isfinite(v) || std::fabs(v) > static_cast<double>(kMaxEpochMs))
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
