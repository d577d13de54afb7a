#pragma once
// Instants as milliseconds since the Unix epoch (UTC), and their ISO 8601
// text. Sensors, scenarios and the timeline all count time this way.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace citytwin::geo {

/// Milliseconds since 1970-01-01T00:00:00Z.
using TimeMs = std::int64_t;

/// Parses ISO 8601 with an explicit zone: "2026-11-26T05:00:00Z",
/// "2026-11-26T13:00:00.250+08:00", "+0800" also accepted. A time without a
/// zone is ambiguous and refused (nullopt).
std::optional<TimeMs> parseIso8601(std::string_view text);

/// Accepts what a user types for a time: ISO 8601 with zone, or an integer
/// number of epoch milliseconds.
std::optional<TimeMs> parseUserTime(std::string_view text);

/// "2026-11-26T05:00:00.000Z" (UTC, millisecond precision).
std::string formatIso8601(TimeMs t);

/// The current wall-clock time.
TimeMs systemNowMs();

}  // namespace citytwin::geo
