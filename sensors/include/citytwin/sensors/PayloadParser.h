#pragma once
// Turns one MQTT (or file) payload into readings, or says precisely why not.
//
// Payload (UTF-8 JSON object, at most maxPayloadBytes):
//   {"sensor":"aq-0007","ts":1764133200000,"values":{"pm25":35.2,"noise_db":61}}
// - "sensor": string id; optional when the topic names it: the last level of
//   the topic is used (city/sensors/aq-0007), which must be 1..128 of
//   A-Z a-z 0-9 . _ : - in a topic with no "." or ".." level.
// - Numbers no double holds (1e999) are rejected naming their field.
// - "ts": epoch milliseconds (number) or ISO 8601 with zone (string). More
//   than maybeMaxPastMs before or maybeMaxFutureMs after the ingest clock is
//   rejected (a live stream's broken sensor clocks); history() lifts the past
//   limit for files and --backfill.
// - "values": object of metric name -> finite number (at least one).
// Thread safety: const methods may be called concurrently.

#include <optional>
#include <string>
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

    /// The sensor id a topic names (its last level), or empty when the topic
    /// names none or an invalid one (see topicIdProblem).
    static std::string_view sensorIdFromTopic(std::string_view topic);

    /// Why the topic's last level is not a sensor id, or empty when it is.
    /// A topic sensor id is 1..128 characters of A-Z a-z 0-9 . _ : - and no
    /// level of the topic is "." or ".." (city/sensors/ and
    /// city/sensors/../../etc name no sensor).
    static std::string topicIdProblem(std::string_view topic);

    static constexpr std::size_t kMaxTopicIdLength = 128;

    const PayloadParserOptions& options() const { return _options; }

private:
    static bool isTopicIdChar(char c);
    PayloadParserOptions _options;
};

}  // namespace citytwin::sensors
