#pragma once
// The vocabulary of the ingest pipeline: a reading, a rejected payload and a
// gap in a stream. Times are milliseconds since the Unix epoch, UTC.

#include <cstdint>
#include <string>

#include "citytwin/geo/IsoTime.h"

namespace citytwin::sensors {

/// Milliseconds since 1970-01-01T00:00:00Z.
using TimeMs = geo::TimeMs;

/// One value of one metric of one sensor.
struct Reading {
    std::string sensorId;  ///< e.g. "aq-0007"
    std::string metric;    ///< e.g. "pm25"
    TimeMs ts = 0;         ///< the sensor's own timestamp
    double value = 0.0;    ///< in the sensor's unit for that metric
    TimeMs ingestMs = 0;   ///< when citytwin received it
};

/// A payload that was not accepted; kept in the store's `rejected` table.
struct RejectedPayload {
    std::string topic;       ///< MQTT topic, or "file:LINE" for a file source
    std::string reason;      ///< why, naming the field
    std::string firstBytes;  ///< up to kRejectedKeepBytes of the payload, as received
    std::size_t size = 0;    ///< full payload size in bytes
    TimeMs ingestMs = 0;
};

/// How many payload bytes a rejected record keeps.
inline constexpr std::size_t kRejectedKeepBytes = 256;

/// A period in which a source may have missed data: a broken connection, a
/// queue overflow, the ingest not running (outage: from its last commit to the
/// first reading after a restart) or a store that could not be written.
/// Recorded, never hidden.
struct StreamGap {
    enum class Kind { Disconnect, Overflow, Outage, StoreError };
    Kind kind = Kind::Disconnect;
    std::string source;      ///< e.g. "mqtt://127.0.0.1:1883"
    TimeMs startMs = 0;      ///< ingest clock
    TimeMs endMs = 0;        ///< ingest clock; == startMs while still open
    std::uint64_t lost = 0;  ///< messages known lost (overflow), 0 if unknown
    std::string detail;
};

std::string_view toString(StreamGap::Kind kind);
/// "disconnect", "overflow", "outage", "store_error"; unknown text: Disconnect.
StreamGap::Kind parseGapKind(std::string_view text);

}  // namespace citytwin::sensors
