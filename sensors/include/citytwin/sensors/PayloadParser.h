#pragma once
// Turns one MQTT (or file) payload into readings, or says precisely why not.
//
// Payload (UTF-8 JSON object, at most maxPayloadBytes):
//   {"sensor":"aq-0007","ts":1764133200000,"values":{"pm25":35.2,"noise_db":61}}
// - "sensor": string id; optional when the topic names it: the last level of
//   the topic is used (city/sensors/aq-0007).
// - "ts": epoch milliseconds (number) or ISO 8601 with zone (string). More
//   than maybeMaxPastMs before or maybeMaxFutureMs after the ingest clock is
//   rejected (a live stream's broken sensor clocks); history() lifts the past
//   limit for files and --backfill.
// - "values": object of metric name -> finite number (at least one).
// Thread safety: const methods may be called concurrently.

#include <optional>
#include <string_view>
#include <vector>

#include "citytwin/geo/Result.h"
#include "citytwin/sensors/Reading.h"

namespace citytwin::sensors {

struct PayloadParserOptions {
    static constexpr TimeMs kLiveWindowMs = 24LL * 3600 * 1000;  ///< 24 h

    std::size_t maxPayloadBytes = 64 * 1024;  ///< bytes
    /// ms a timestamp may lie before the ingest clock; nullopt: any past time.
    std::optional<TimeMs> maybeMaxPastMs = kLiveWindowMs;
    /// ms a timestamp may lie after the ingest clock; nullopt: no limit.
    std::optional<TimeMs> maybeMaxFutureMs = kLiveWindowMs;
    std::size_t maxIdLength = 128;  ///< characters of sensor id / metric

    /// The live defaults with the past limit lifted: recorded history
    /// (files, an MQTT --backfill replay) keeps its original timestamps.
    static PayloadParserOptions history();
};

class PayloadParser {
public:
    explicit PayloadParser(PayloadParserOptions options = {}) : _options(options) {}

    /// The readings of the payload, all stamped with ingestMs; on failure one
    /// error whose message is the rejection reason and whose field names the
    /// offending member ("ts", "values.pm25"...).
    geo::Result<std::vector<Reading>> parse(std::string_view topic, std::string_view payload,
                                            TimeMs ingestMs) const;

    /// Checks one reading built elsewhere (CSV files) by the same rules.
    geo::Status validate(const Reading& reading) const;

    /// The sensor id a topic names (its last non-empty level), or empty.
    static std::string_view sensorIdFromTopic(std::string_view topic);

    const PayloadParserOptions& options() const { return _options; }

private:
    PayloadParserOptions _options;
};

}  // namespace citytwin::sensors
