#include "citytwin/geo/TimeZone.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>

#include "CivilDays.h"

namespace citytwin::geo {
namespace {

constexpr std::int64_t kDaySeconds = 86400;

using detail::daysFromCivil;

void civilFromDays(long long z, int& y, int& m, int& d) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(static_cast<long long>(yoe) + era * 400 + (m <= 2));
}

bool isLeap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int y, int m) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

/// Floor division, for negative instants.
std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// --- POSIX TZ strings ---------------------------------------------------

struct Cursor {
    std::string_view s;
    std::size_t pos = 0;
    bool atEnd() const { return pos >= s.size(); }
    char peek() const { return atEnd() ? '\0' : s[pos]; }
    bool take(char c) {
        if (peek() != c)
            return false;
        ++pos;
        return true;
    }
    std::optional<int> number(int maxDigits) {
        int v = 0, n = 0;
        while (n < maxDigits && peek() >= '0' && peek() <= '9') {
            v = v * 10 + (s[pos++] - '0');
            ++n;
        }
        return n == 0 ? std::nullopt : std::optional<int>(v);
    }
};

bool skipZoneName(Cursor& c) {
    if (c.take('<')) {
        while (!c.atEnd() && c.peek() != '>')
            ++c.pos;
        return c.take('>');
    }
    const std::size_t start = c.pos;
    while (!c.atEnd() &&
           ((c.peek() >= 'A' && c.peek() <= 'Z') || (c.peek() >= 'a' && c.peek() <= 'z')))
        ++c.pos;
    return c.pos - start >= 3;
}

/// [+-]hh[:mm[:ss]] in seconds; hours up to 167 (RFC 8536 extension).
std::optional<int> hms(Cursor& c) {
    int sign = 1;
    if (c.take('-'))
        sign = -1;
    else
        c.take('+');
    const auto h = c.number(3);
    if (!h || *h > 167)
        return std::nullopt;
    int total = *h * 3600;
    if (c.take(':')) {
        const auto m = c.number(2);
        if (!m || *m > 59)
            return std::nullopt;
        total += *m * 60;
        if (c.take(':')) {
            const auto sec = c.number(2);
            if (!sec || *sec > 59)
                return std::nullopt;
            total += *sec;
        }
    }
    return sign * total;
}

std::optional<PosixTzRule::Transition> transitionRule(Cursor& c) {
    using Kind = PosixTzRule::Transition::Kind;
    PosixTzRule::Transition t;
    if (c.take('M')) {
        const auto m = c.number(2);
        if (!m || *m < 1 || *m > 12 || !c.take('.'))
            return std::nullopt;
        const auto w = c.number(1);
        if (!w || *w < 1 || *w > 5 || !c.take('.'))
            return std::nullopt;
        const auto d = c.number(1);
        if (!d || *d > 6)
            return std::nullopt;
        t.kind = Kind::MonthWeekDay;
        t.month = *m;
        t.week = *w;
        t.weekday = *d;
    } else if (c.take('J')) {
        const auto n = c.number(3);
        if (!n || *n < 1 || *n > 365)
            return std::nullopt;
        t.kind = Kind::JulianNoLeap;
        t.day = *n;
    } else {
        const auto n = c.number(3);
        if (!n || *n > 365)
            return std::nullopt;
        t.kind = Kind::ZeroBasedDay;
        t.day = *n;
    }
    if (c.take('/')) {
        const auto time = hms(c);
        if (!time)
            return std::nullopt;
        t.timeSeconds = *time;
    }
    return t;
}

/// Local seconds since the epoch of a transition rule in year y (in the
/// local time that is in force before the change).
std::int64_t transitionLocalSeconds(const PosixTzRule::Transition& t, int y) {
    using Kind = PosixTzRule::Transition::Kind;
    long long day = 0;
    switch (t.kind) {
        case Kind::MonthWeekDay: {
            const long long first = daysFromCivil(y, static_cast<unsigned>(t.month), 1);
            const int firstWeekday = static_cast<int>(((first % 7) + 11) % 7);  // 1970-01-01: Thu
            int dom = 1 + (t.weekday - firstWeekday + 7) % 7 + 7 * (t.week - 1);
            while (dom > daysInMonth(y, t.month))
                dom -= 7;
            day = first + dom - 1;
            break;
        }
        case Kind::JulianNoLeap:
            day = daysFromCivil(y, 1, 1) + t.day - 1 + (isLeap(y) && t.day >= 60 ? 1 : 0);
            break;
        case Kind::ZeroBasedDay:
            day = daysFromCivil(y, 1, 1) + t.day;
            break;
    }
    return day * kDaySeconds + t.timeSeconds;
}

// --- TZif -----------------------------------------------------------------

struct Reader {
    std::string_view bytes;
    std::size_t pos = 0;
    bool has(std::size_t n) const { return pos <= bytes.size() && bytes.size() - pos >= n; }
    std::int64_t be(std::size_t n) {
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < n; ++i)
            v = (v << 8) | static_cast<unsigned char>(bytes[pos + i]);
        pos += n;
        if (n == 4)
            return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
        return static_cast<std::int64_t>(v);
    }
};

struct TzifCounts {
    std::uint32_t isut = 0, isstd = 0, leap = 0, time = 0, type = 0, chars = 0;
    char version = 0;
};

bool readHeader(Reader& r, TzifCounts& c) {
    if (!r.has(44) || r.bytes.substr(r.pos, 4) != "TZif")
        return false;
    c.version = r.bytes[r.pos + 4];
    r.pos += 20;
    std::uint32_t* fields[] = {&c.isut, &c.isstd, &c.leap, &c.time, &c.type, &c.chars};
    for (auto* f : fields)
        *f = static_cast<std::uint32_t>(r.be(4));
    return true;
}

std::uint64_t blockSize(const TzifCounts& c, std::size_t timeBytes) {
    return std::uint64_t{c.time} * (timeBytes + 1) + std::uint64_t{c.type} * 6 + c.chars +
           std::uint64_t{c.leap} * (timeBytes + 4) + c.isstd + c.isut;
}

}  // namespace

bool isValidCivil(const CivilTime& c) {
    return c.month >= 1 && c.month <= 12 && c.day >= 1 && c.day <= daysInMonth(c.year, c.month) &&
           c.hour >= 0 && c.hour <= 23 && c.minute >= 0 && c.minute <= 59 && c.second >= 0 &&
           c.second <= 59 && c.millisecond >= 0 && c.millisecond <= 999 && c.year >= -100000 &&
           c.year <= 100000;
}

TimeMs civilAsUtcMs(const CivilTime& c) {
    const long long days =
        daysFromCivil(c.year, static_cast<unsigned>(c.month), static_cast<unsigned>(c.day));
    return ((days * 24 + c.hour) * 60 + c.minute) * 60'000LL + c.second * 1000LL + c.millisecond;
}

CivilTime civilFromUtcMs(TimeMs t) {
    CivilTime c;
    const std::int64_t days = floorDiv(t, kDaySeconds * 1000);
    std::int64_t ms = t - days * kDaySeconds * 1000;
    civilFromDays(days, c.year, c.month, c.day);
    c.hour = static_cast<int>(ms / 3'600'000);
    ms %= 3'600'000;
    c.minute = static_cast<int>(ms / 60'000);
    ms %= 60'000;
    c.second = static_cast<int>(ms / 1000);
    c.millisecond = static_cast<int>(ms % 1000);
    return c;
}

std::optional<PosixTzRule> PosixTzRule::parse(std::string_view text) {
    Cursor c{text};
    PosixTzRule rule;
    if (!skipZoneName(c))
        return std::nullopt;
    const auto stdOffset = hms(c);
    if (!stdOffset)
        return std::nullopt;
    rule.stdOffsetSeconds = -*stdOffset;  // POSIX counts west of UTC
    if (c.atEnd())
        return rule;
    if (!skipZoneName(c))
        return std::nullopt;
    rule.maybeDstOffsetSeconds = rule.stdOffsetSeconds + 3600;
    if (!c.atEnd() && c.peek() != ',') {
        const auto dst = hms(c);
        if (!dst)
            return std::nullopt;
        rule.maybeDstOffsetSeconds = -*dst;
    }
    if (c.atEnd()) {
        // No rule given: POSIX leaves it to the implementation; the US rule
        // is what glibc assumes.
        rule.start = {Transition::Kind::MonthWeekDay, 3, 2, 0, 0, 7200};
        rule.end = {Transition::Kind::MonthWeekDay, 11, 1, 0, 0, 7200};
        return rule;
    }
    if (!c.take(','))
        return std::nullopt;
    const auto start = transitionRule(c);
    if (!start || !c.take(','))
        return std::nullopt;
    const auto end = transitionRule(c);
    if (!end || !c.atEnd())
        return std::nullopt;
    rule.start = *start;
    rule.end = *end;
    return rule;
}

int PosixTzRule::offsetAt(TimeMs utc) const {
    if (!maybeDstOffsetSeconds)
        return stdOffsetSeconds;
    const std::int64_t s = floorDiv(utc, 1000);
    const int year = civilFromUtcMs((s + stdOffsetSeconds) * 1000).year;
    // The start is given in standard time, the end in daylight time.
    const std::int64_t dstStart = transitionLocalSeconds(start, year) - stdOffsetSeconds;
    const std::int64_t dstEnd = transitionLocalSeconds(end, year) - *maybeDstOffsetSeconds;
    const bool inDst = dstStart < dstEnd ? (s >= dstStart && s < dstEnd)
                                         : (s < dstEnd || s >= dstStart);  // southern hemisphere
    return inDst ? *maybeDstOffsetSeconds : stdOffsetSeconds;
}

TimeZone::TimeZone() : _name("UTC") {}

TimeZone TimeZone::fixed(int offsetSeconds, std::string name) {
    TimeZone z;
    z._name = std::move(name);
    z._offsetBefore = offsetSeconds;
    return z;
}

Result<TimeZone> TimeZone::find(std::string_view name, const std::string& zoneinfoDir) {
    if (name == "UTC" || name == "Z" || name == "GMT" || name == "Etc/UTC")
        return fixed(0, std::string(name));
    if (!name.empty() && (name.front() == '+' || name.front() == '-')) {
        Cursor c{name};
        const int sign = c.take('-') ? -1 : 1;
        c.take('+');
        const auto h = c.number(2);
        int minutes = 0;
        if (h && !c.atEnd()) {
            c.take(':');
            const auto m = c.number(2);
            minutes = m && *m < 60 ? *m : -1;
        }
        if (!h || *h > 23 || minutes < 0 || !c.atEnd())
            return Result<TimeZone>::failure("not a UTC offset like +08:00", std::string(name));
        return fixed(sign * (*h * 3600 + minutes * 60), std::string(name));
    }
    // An IANA name: letters, digits, '_', '-', '+' and '/' between parts;
    // never a path that climbs out of the database.
    bool ok = !name.empty() && name.front() != '/' && name.find("..") == std::string_view::npos;
    for (const char ch : name)
        ok = ok && ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
                    (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' || ch == '+' || ch == '/');
    if (!ok)
        return Result<TimeZone>::failure("not a time zone name (e.g. Asia/Shanghai or +08:00)",
                                         std::string(name));
    const std::string path = zoneinfoDir + "/" + std::string(name);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Result<TimeZone>::failure(
            "unknown time zone: no " + path + " in the tz database (install tzdata)",
            std::string(name));
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return fromTzif(bytes, std::string(name));
}

Result<TimeZone> TimeZone::fromTzif(std::string_view bytes, std::string name) {
    auto bad = [&](const std::string& why) {
        return Result<TimeZone>::failure("bad TZif data: " + why, name);
    };
    Reader r{bytes};
    TzifCounts c;
    if (!readHeader(r, c))
        return bad("no TZif header");
    std::size_t timeBytes = 4;
    if (c.version >= '2') {
        // Skip the 32-bit block: the 64-bit one after it is complete.
        const auto skip = blockSize(c, 4);
        if (!r.has(skip))
            return bad("truncated version 1 block");
        r.pos += skip;
        if (!readHeader(r, c))
            return bad("no second TZif header");
        timeBytes = 8;
    }
    if (c.type == 0 || c.type > 256 || !r.has(blockSize(c, timeBytes)))
        return bad("truncated or no local time types");
    TimeZone z;
    z._name = std::move(name);
    std::vector<std::int64_t> times(c.time);
    for (auto& t : times)
        t = r.be(timeBytes);
    std::vector<unsigned> typeIndex(c.time);
    for (auto& i : typeIndex) {
        i = static_cast<unsigned char>(bytes[r.pos++]);
        if (i >= c.type)
            return bad("transition names local time type " + std::to_string(i));
    }
    std::vector<int> offsets(c.type);
    for (auto& o : offsets) {
        o = static_cast<int>(r.be(4));
        r.pos += 2;  // isdst, abbreviation index
        if (o <= -86400 || o >= 86400)
            return bad("UT offset of a day or more");
    }
    for (std::size_t i = 0; i < times.size(); ++i)
        if (i > 0 && times[i] <= times[i - 1])
            return bad("transition times not ascending");
    r.pos += c.chars + std::uint64_t{c.leap} * (timeBytes + 4) + c.isstd + c.isut;
    z._transitions = std::move(times);
    z._offsetAfter.reserve(typeIndex.size());
    for (const unsigned i : typeIndex)
        z._offsetAfter.push_back(offsets[i]);
    // RFC 8536: time type 0 is in force before the first transition.
    z._offsetBefore = offsets[0];
    if (timeBytes == 8 && r.has(2) && bytes[r.pos] == '\n') {
        const auto end = bytes.find('\n', r.pos + 1);
        if (end == std::string_view::npos)
            return bad("unterminated footer");
        const auto footer = bytes.substr(r.pos + 1, end - r.pos - 1);
        if (!footer.empty()) {
            z._maybeFooter = PosixTzRule::parse(footer);
            if (!z._maybeFooter)
                return bad("footer '" + std::string(footer) + "' is not a POSIX TZ rule");
        }
    }
    return z;
}

int TimeZone::offsetAt(TimeMs utc) const {
    const std::int64_t s = floorDiv(utc, 1000);
    const auto it = std::upper_bound(_transitions.begin(), _transitions.end(), s);
    if (it == _transitions.begin())
        return _offsetBefore;
    if (it == _transitions.end() && _maybeFooter)
        return _maybeFooter->offsetAt(utc);
    return _offsetAfter[static_cast<std::size_t>(it - _transitions.begin()) - 1];
}

std::optional<TimeMs> TimeZone::toUtc(const CivilTime& local) const {
    const TimeMs asUtc = civilAsUtcMs(local);
    // The offsets in force around that wall time; a candidate is right if
    // the zone has that offset at the instant it gives.
    std::set<int> offsets;
    for (const TimeMs probe : {asUtc - kDaySeconds * 1000, asUtc, asUtc + kDaySeconds * 1000})
        offsets.insert(offsetAt(probe));
    std::optional<TimeMs> best;
    for (const int o : offsets) {
        const TimeMs candidate = asUtc - o * 1000LL;
        if (offsetAt(candidate) == o && (!best || candidate < *best))
            best = candidate;
    }
    return best;
}

CivilTime TimeZone::toLocal(TimeMs utc) const {
    return civilFromUtcMs(utc + offsetAt(utc) * 1000LL);
}

std::string TimeZone::formatIso8601(TimeMs utc) const {
    const int offset = offsetAt(utc);
    const CivilTime c = civilFromUtcMs(utc + offset * 1000LL);
    const int a = offset < 0 ? -offset : offset;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03d%c%02d:%02d", c.year, c.month,
                  c.day, c.hour, c.minute, c.second, c.millisecond, offset < 0 ? '-' : '+',
                  a / 3600, (a % 3600) / 60);
    return buf;
}

}  // namespace citytwin::geo
