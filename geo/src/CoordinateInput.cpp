#include "citytwin/geo/CoordinateInput.h"

#include <charconv>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include "citytwin/geo/ChineseOffsets.h"
#include "citytwin/geo/CrsTransform.h"

namespace citytwin::geo {

namespace {

constexpr const char* kField = "coordinate";

struct Token {
    enum class Kind { Number, Degrees, Minutes, Seconds, Hemisphere, Separator };
    Kind kind;
    double value = 0.0;
    char hemisphere = 0;  ///< 'N', 'S', 'E', 'W'
    std::size_t at = 0;   ///< byte offset, for messages
    std::string text;
};

// Spellings of the units and hemispheres, longest first where they share a prefix.
struct Spelling {
    std::string_view text;
    Token::Kind kind;
    char hemisphere;
};
constexpr Spelling kSpellings[] = {
    {"\xE2\x80\xB2\xE2\x80\xB2", Token::Kind::Seconds, 0},  // ′′
    {"''", Token::Kind::Seconds, 0},
    {"\xC2\xB0", Token::Kind::Degrees, 0},                       // °
    {"\xC2\xBA", Token::Kind::Degrees, 0},                       // º (ordinal, often typed for °)
    {"\xE5\xBA\xA6", Token::Kind::Degrees, 0},                   // 度
    {"\xE2\x80\xB2", Token::Kind::Minutes, 0},                   // ′
    {"\xE2\x80\x99", Token::Kind::Minutes, 0},                   // ’
    {"\xE5\x88\x86", Token::Kind::Minutes, 0},                   // 分
    {"\xE2\x80\xB3", Token::Kind::Seconds, 0},                   // ″
    {"\xE2\x80\x9D", Token::Kind::Seconds, 0},                   // ”
    {"\xE7\xA7\x92", Token::Kind::Seconds, 0},                   // 秒
    {"\xE4\xB8\x9C\xE7\xBB\x8F", Token::Kind::Hemisphere, 'E'},  // 东经
    {"\xE8\xA5\xBF\xE7\xBB\x8F", Token::Kind::Hemisphere, 'W'},  // 西经
    {"\xE5\x8C\x97\xE7\xBA\xAC", Token::Kind::Hemisphere, 'N'},  // 北纬
    {"\xE5\x8D\x97\xE7\xBA\xAC", Token::Kind::Hemisphere, 'S'},  // 南纬
    {"\xEF\xBC\x8C", Token::Kind::Separator, 0},                 // ，
    {"\xEF\xBC\x9B", Token::Kind::Separator, 0},                 // ；
    {"\xE3\x80\x81", Token::Kind::Separator, 0},                 // 、
    {"d", Token::Kind::Degrees, 0},
    {"D", Token::Kind::Degrees, 0},
    {"'", Token::Kind::Minutes, 0},
    {"\"", Token::Kind::Seconds, 0},
    {",", Token::Kind::Separator, 0},
    {";", Token::Kind::Separator, 0},
};

std::string quoted(std::string_view s) {
    return "'" + std::string(s) + "'";
}

/// One UTF-8 character at `i` (for messages), or a single byte if malformed.
std::string_view characterAt(std::string_view s, std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xE  ? 3
                    : (c >> 3) == 0x1E ? 4
                                       : 1;
    return s.substr(i, std::min(n, s.size() - i));
}

Result<std::vector<Token>> tokenize(std::string_view s) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++i;
            continue;
        }
        // U+3000 ideographic space, U+00A0 no-break space
        if (s.substr(i, 3) == "\xE3\x80\x80") {
            i += 3;
            continue;
        }
        if (s.substr(i, 2) == "\xC2\xA0") {
            i += 2;
            continue;
        }
        if ((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+') {
            // A number (no exponent: "121.5E" is a longitude east). Blanks
            // between digit groups are not joined: the caller says so.
            std::size_t j = i;
            if (s[j] == '-' || s[j] == '+')
                ++j;
            while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == '.'))
                ++j;
            const std::string text(s.substr(i, j - i));
            const char* begin = text.data() + (text[0] == '+' ? 1 : 0);
            double v = 0.0;
            const auto r = std::from_chars(begin, text.data() + text.size(), v);
            if (r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(v))
                return Result<std::vector<Token>>::failure(
                    "'" + text + "' at character " + std::to_string(i + 1) + " is not a number", {},
                    0, kField);
            tokens.push_back({Token::Kind::Number, v, 0, i, text});
            i = j;
            continue;
        }
        if (c == 'N' || c == 'S' || c == 'E' || c == 'W' || c == 'n' || c == 's' || c == 'e' ||
            c == 'w') {
            const char h = static_cast<char>(c & ~0x20);
            tokens.push_back({Token::Kind::Hemisphere, 0.0, h, i, std::string(1, c)});
            ++i;
            continue;
        }
        bool matched = false;
        for (const auto& sp : kSpellings) {
            if (s.substr(i, sp.text.size()) == sp.text) {
                tokens.push_back({sp.kind, 0.0, sp.hemisphere, i, std::string(sp.text)});
                i += sp.text.size();
                matched = true;
                break;
            }
        }
        if (!matched)
            return Result<std::vector<Token>>::failure(
                quoted(characterAt(s, i)) + " at character " + std::to_string(i + 1) +
                    " is not part of a coordinate (numbers, ° ' \", N S E W, a comma)",
                {}, 0, kField);
    }
    return tokens;
}

struct OneValue {
    double value = 0.0;
    char hemisphere = 0;
    bool sexagesimal = false;
};

/// Reads one coordinate from tokens[i...]: [hemisphere] number [° [number ′
/// [number ″]]] [hemisphere], advancing i.
Result<OneValue> readValue(const std::vector<Token>& t, std::size_t& i, const char* which) {
    using K = Token::Kind;
    OneValue out;
    auto fail = [&](std::string message) {
        return Result<OneValue>::failure(std::string(which) + " coordinate: " + message, {}, 0,
                                         kField);
    };
    if (i < t.size() && t[i].kind == K::Hemisphere)
        out.hemisphere = t[i++].hemisphere;
    if (i >= t.size() || t[i].kind != K::Number)
        return fail(i >= t.size() ? "missing" : "expected a number, found " + quoted(t[i].text));
    const Token& deg = t[i++];
    double value = deg.value;
    if (i < t.size() && t[i].kind == K::Degrees) {
        ++i;
        out.sexagesimal = true;
        const bool negative = std::signbit(deg.value);
        double magnitude = std::fabs(deg.value);
        const std::pair<K, double> parts[] = {{K::Minutes, 60.0}, {K::Seconds, 3600.0}};
        for (const auto& [unit, divisor] : parts) {
            if (!(i + 1 < t.size() && t[i].kind == K::Number && t[i + 1].kind == unit))
                break;
            const Token& part = t[i];
            const char* name = unit == K::Minutes ? "minutes" : "seconds";
            if (part.text[0] == '-' || part.text[0] == '+')
                return fail(std::string(name) + " " + quoted(part.text) + " must not carry a sign");
            if (part.value >= 60.0)
                return fail(std::string(name) + " " + part.text + " must be below 60");
            if (unit == K::Minutes && deg.text.find('.') != std::string::npos)
                return fail("degrees " + deg.text + " with a fraction cannot have minutes");
            magnitude += part.value / divisor;
            i += 2;
        }
        value = negative ? -magnitude : magnitude;
    } else if (i < t.size() && (t[i].kind == K::Minutes || t[i].kind == K::Seconds)) {
        return fail("the number " + deg.text + " before " + quoted(t[i].text) +
                    " needs degrees (°) first");
    }
    if (i < t.size() && t[i].kind == K::Hemisphere && !out.hemisphere)
        out.hemisphere = t[i++].hemisphere;
    if (out.hemisphere) {
        if (std::signbit(value) && value != 0.0)
            return fail("a negative value " + deg.text + " with a hemisphere (" +
                        std::string(1, out.hemisphere) + ") is ambiguous");
        if (out.hemisphere == 'S' || out.hemisphere == 'W')
            value = -value;
    }
    out.value = value;
    return out;
}

TypedPair::Axis axisOf(char hemisphere) {
    if (hemisphere == 'E' || hemisphere == 'W')
        return TypedPair::Axis::Longitude;
    if (hemisphere == 'N' || hemisphere == 'S')
        return TypedPair::Axis::Latitude;
    return TypedPair::Axis::Unknown;
}

Result<CoordinateTarget> resolveGeographic(const TypedPair& p, CoordinateSystem system) {
    using A = TypedPair::Axis;
    auto fail = [](std::string m) {
        return Result<CoordinateTarget>::failure(std::move(m), {}, 0, kField);
    };
    if (p.firstAxis != A::Unknown && p.firstAxis == p.secondAxis)
        return fail(std::string("both values are marked as ") +
                    (p.firstAxis == A::Latitude ? "latitude (N/S)" : "longitude (E/W)"));
    bool lonFirst;
    if (p.firstAxis != A::Unknown)
        lonFirst = p.firstAxis == A::Longitude;
    else if (p.secondAxis != A::Unknown)
        lonFirst = p.secondAxis == A::Latitude;
    else if (std::fabs(p.first) > 90.0 && std::fabs(p.second) <= 90.0)
        lonFirst = true;
    else
        lonFirst = false;  // latitude, longitude: the order map sites copy
    const double lon = lonFirst ? p.first : p.second;
    const double lat = lonFirst ? p.second : p.first;
    if (std::fabs(lat) > 90.0)
        return fail("latitude " + std::to_string(lat) + " is outside -90..90");
    if (std::fabs(lon) > 180.0)
        return fail("longitude " + std::to_string(lon) + " is outside -180..180");
    CoordinateTarget out;
    out.typed = {lon, lat, 0.0};
    switch (system) {
        case CoordinateSystem::Gcj02:
            out.wgs84 = gcj02ToWgs84(out.typed);
            out.systemLabel = "GCJ-02";
            break;
        case CoordinateSystem::Bd09:
            out.wgs84 = bd09ToWgs84(out.typed);
            out.systemLabel = "BD-09";
            break;
        case CoordinateSystem::Cgcs2000: {
            // CGCS2000 and WGS 84 agree to a few centimetres; PROJ decides how.
            auto t = CrsTransform::create(Crs::cgcs2000(), Crs::wgs84());
            CITYTWIN_RETURN_IF_FAILED(t);
            auto w = t->transform(out.typed);
            CITYTWIN_RETURN_IF_FAILED(w);
            out.wgs84 = *w;
            out.systemLabel = "EPSG:4490 CGCS2000";
            break;
        }
        default:
            out.wgs84 = out.typed;
            out.systemLabel = "EPSG:4326 WGS 84";
            break;
    }
    out.wgs84.z = 0.0;
    return out;
}

bool hasZonePrefix(double easting) {
    return easting >= 13e6 && easting < 46e6;
}
bool looksLikeEasting(double v) {
    return (v > 0.0 && v < 1e6) || hasZonePrefix(v);
}

Result<CoordinateTarget> resolveGaussKruger(const TypedPair& p, const CoordinateRequest& request) {
    auto fail = [](std::string m) {
        return Result<CoordinateTarget>::failure(std::move(m), {}, 0, kField);
    };
    if (p.sexagesimal || p.firstAxis != TypedPair::Axis::Unknown ||
        p.secondAxis != TypedPair::Axis::Unknown)
        return fail("a Gauss-Kruger coordinate is easting and northing in metres, not degrees");
    // Surveyors write X (northing) first, GIS users easting first: the easting
    // is the one that looks like one.
    double easting = p.first, northing = p.second;
    if (!looksLikeEasting(p.first) && looksLikeEasting(p.second))
        std::swap(easting, northing);
    if (!looksLikeEasting(easting))
        return fail("no easting among " + std::to_string(p.first) + " and " +
                    std::to_string(p.second) +
                    ": an easting lies between 0 and 1,000,000 m, or carries a zone prefix (13..45 "
                    "million)");
    if (northing < -1e7 || northing > 1e7)
        return fail("northing " + std::to_string(northing) +
                    " is outside -10,000,000..10,000,000 m");
    int zone = request.zone;
    int width = request.zoneWidth;
    const bool prefixed = hasZonePrefix(easting);
    if (prefixed) {
        const int prefix = static_cast<int>(easting / 1e6);
        const int prefixWidth = prefix <= 23 ? 6 : 3;
        if (zone != 0 && (zone != prefix || width != prefixWidth))
            return fail("the easting's prefix says zone " + std::to_string(prefix) + " (" +
                        std::to_string(prefixWidth) + "-degree), but zone " + std::to_string(zone) +
                        " (" + std::to_string(width) + "-degree) was chosen");
        zone = prefix;
        width = prefixWidth;
    } else if (zone == 0) {
        return fail("the easting " + std::to_string(easting) +
                    " has no zone prefix: choose the zone (e.g. 40 for CM 120 E)");
    }
    const int epsg = cgcs2000GaussKrugerEpsg(zone, width, prefixed);
    if (epsg == 0)
        return fail("there is no CGCS2000 " + std::to_string(width) + "-degree Gauss-Kruger zone " +
                    std::to_string(zone) + (width == 3 ? " (zones 25..45)" : " (zones 13..23)"));
    auto crs = Crs::fromString("EPSG:" + std::to_string(epsg));
    CITYTWIN_RETURN_IF_FAILED(crs);
    auto t = CrsTransform::create(*crs, Crs::wgs84());
    CITYTWIN_RETURN_IF_FAILED(t);
    auto w = t->transform({easting, northing, 0.0});
    if (!w.ok() || !std::isfinite(w->x) || !std::isfinite(w->y))
        return fail("easting " + std::to_string(easting) + ", northing " +
                    std::to_string(northing) + " cannot be converted from " + crs->label());
    CoordinateTarget out;
    out.typed = {easting, northing, 0.0};
    out.wgs84 = {w->x, w->y, 0.0};
    out.systemLabel = crs->label();
    return out;
}

}  // namespace

int cgcs2000GaussKrugerEpsg(int zone, int width, bool withPrefix) {
    if (width == 3 && zone >= 25 && zone <= 45)
        return (withPrefix ? 4513 : 4534) + (zone - 25);
    if (width == 6 && zone >= 13 && zone <= 23)
        return (withPrefix ? 4491 : 4502) + (zone - 13);
    return 0;
}

Result<TypedPair> parseTypedPair(std::string_view text) {
    auto tokens = tokenize(text);
    CITYTWIN_RETURN_IF_FAILED(tokens);
    const auto& t = *tokens;
    if (t.empty())
        return Result<TypedPair>::failure("empty: type two numbers, e.g. 31.2397, 121.4998", {}, 0,
                                          kField);
    std::size_t i = 0;
    auto first = readValue(t, i, "first");
    CITYTWIN_RETURN_IF_FAILED(first);
    if (i < t.size() && t[i].kind == Token::Kind::Separator)
        ++i;
    if (i >= t.size())
        return Result<TypedPair>::failure("only one value: a coordinate needs two", {}, 0, kField);
    auto second = readValue(t, i, "second");
    CITYTWIN_RETURN_IF_FAILED(second);
    if (i < t.size()) {
        std::string more = quoted(t[i].text) + " at character " + std::to_string(t[i].at + 1);
        const bool digitGroups = t[i].kind == Token::Kind::Number;
        return Result<TypedPair>::failure(
            "unexpected " + more + " after the second value" +
                (digitGroups ? " (write numbers without blanks between digit groups)" : ""),
            {}, 0, kField);
    }
    TypedPair out;
    out.first = first->value;
    out.second = second->value;
    out.firstAxis = axisOf(first->hemisphere);
    out.secondAxis = axisOf(second->hemisphere);
    out.sexagesimal = first->sexagesimal || second->sexagesimal;
    return out;
}

Result<CoordinateTarget> resolveCoordinate(std::string_view text,
                                           const CoordinateRequest& request) {
    auto pair = parseTypedPair(text);
    CITYTWIN_RETURN_IF_FAILED(pair);
    if (request.system == CoordinateSystem::GaussKruger)
        return resolveGaussKruger(*pair, request);
    return resolveGeographic(*pair, request.system);
}

const char* toString(CoordinateSystem system) {
    switch (system) {
        case CoordinateSystem::Wgs84:
            return "WGS 84";
        case CoordinateSystem::Cgcs2000:
            return "CGCS2000";
        case CoordinateSystem::GaussKruger:
            return "CGCS2000 Gauss-Kruger";
        case CoordinateSystem::Gcj02:
            return "GCJ-02";
        case CoordinateSystem::Bd09:
            return "BD-09";
    }
    return "?";
}

}  // namespace citytwin::geo
