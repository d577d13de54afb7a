#pragma once
// Time zones for reading and printing wall-clock times: a fixed offset
// ("+08:00", "UTC") or an IANA zone ("Asia/Shanghai") read from the system's
// compiled tz database (/usr/share/zoneinfo, TZif v1-v4, RFC 8536) including
// the POSIX rule its footer gives for times after the last transition.
// No process-wide state (TZ, localtime_r) is used, so zones may be used from
// any thread.
// Thread safety: a TimeZone is immutable; const methods from any thread.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "citytwin/geo/IsoTime.h"
#include "citytwin/geo/Result.h"

namespace citytwin::geo {

/// A proleptic Gregorian date and time of day, without a zone.
struct CivilTime {
    int year = 1970;
    int month = 1;  ///< 1..12
    int day = 1;    ///< 1..31
    int hour = 0;   ///< 0..23
    int minute = 0;
    int second = 0;
    int millisecond = 0;
};

/// True if the fields name a real date and time (Feb 29 only in leap years).
bool isValidCivil(const CivilTime& c);
/// The instant the civil time names when read as UTC (no range check).
TimeMs civilAsUtcMs(const CivilTime& c);
/// The civil time of an instant in UTC.
CivilTime civilFromUtcMs(TimeMs t);

/// The POSIX TZ rule of a TZif footer, e.g. "CST-8" or
/// "EST5EDT,M3.2.0,M11.1.0": standard offset and, if any, daylight time and
/// the rules of its start and end.
struct PosixTzRule {
    struct Transition {
        enum class Kind { MonthWeekDay, JulianNoLeap, ZeroBasedDay } kind = Kind::MonthWeekDay;
        int month = 0, week = 0, weekday = 0;  ///< Mm.w.d
        int day = 0;                           ///< Jn (1..365) or n (0..365)
        int timeSeconds = 7200;                ///< local time of the change, s
    };
    int stdOffsetSeconds = 0;  ///< seconds east of UTC
    std::optional<int> maybeDstOffsetSeconds;
    Transition start, end;

    static std::optional<PosixTzRule> parse(std::string_view text);
    /// Seconds east of UTC at an instant.
    int offsetAt(TimeMs utc) const;
};

class TimeZone {
public:
    /// UTC, offset 0.
    TimeZone();

    /// "UTC", "Z", "+08:00", "-0530", "+08" (fixed offsets), or an IANA name
    /// whose TZif file is read under zoneinfoDir. Fails naming the zone.
    static Result<TimeZone> find(std::string_view name,
                                 const std::string& zoneinfoDir = "/usr/share/zoneinfo");
    /// A zone from the bytes of a TZif file; errors name `name`.
    static Result<TimeZone> fromTzif(std::string_view bytes, std::string name);
    /// A fixed offset east of UTC, in seconds (|offset| < 24 h).
    static TimeZone fixed(int offsetSeconds, std::string name);

    const std::string& name() const { return _name; }
    /// Seconds east of UTC at an instant.
    int offsetAt(TimeMs utc) const;
    /// The instant a wall-clock time names. A time that the clocks skipped
    /// (a DST gap) is nullopt; a repeated one (DST end) is its first instant.
    std::optional<TimeMs> toUtc(const CivilTime& local) const;
    /// The wall-clock time of an instant.
    CivilTime toLocal(TimeMs utc) const;
    /// "2013-12-06T12:00:00.000+08:00" (milliseconds, the zone's offset at t).
    std::string formatIso8601(TimeMs utc) const;

private:
    std::string _name;
    std::vector<std::int64_t> _transitions;   ///< UTC seconds, ascending
    std::vector<int> _offsetAfter;            ///< seconds east, per transition
    int _offsetBefore = 0;                    ///< before the first transition
    std::optional<PosixTzRule> _maybeFooter;  ///< after the last transition
};

}  // namespace citytwin::geo
