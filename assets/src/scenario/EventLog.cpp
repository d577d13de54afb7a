// The event log's canonical JSON Lines form. Written by hand rather than by a
// JSON library so that the bytes are fixed by this file alone: keys sorted,
// only present fields, numbers with a fixed number of decimals by field
// (std::to_chars: no locale, no exponent), UTF-8 passed through.

#include "citytwin/assets/scenario/EventLog.h"

#include <array>
#include <charconv>
#include <cmath>
#include <tuple>

#include <nlohmann/json.hpp>

#include "citytwin/geo/Sha256.h"

namespace citytwin::assets {
namespace {

constexpr std::array<std::pair<LogEventKind, std::string_view>, 20> kNames = {{
    {LogEventKind::ScenarioStart, "scenario_start"},
    {LogEventKind::CableDown, "cable_down"},
    {LogEventKind::CableUp, "cable_up"},
    {LogEventKind::SiteDown, "site_down"},
    {LogEventKind::SiteUp, "site_up"},
    {LogEventKind::PowerLost, "power_lost"},
    {LogEventKind::BackhaulLost, "backhaul_lost"},
    {LogEventKind::BackhaulRestored, "backhaul_restored"},
    {LogEventKind::CoverageLost, "coverage_lost"},
    {LogEventKind::CoverageRestored, "coverage_restored"},
    {LogEventKind::ZoneEntered, "zone_entered"},
    {LogEventKind::ZoneLeft, "zone_left"},
    {LogEventKind::AnchoringInZone, "anchoring_in_zone"},
    {LogEventKind::Interference, "interference"},
    {LogEventKind::InterferenceEnded, "interference_ended"},
    {LogEventKind::TyphoonExposure, "typhoon_exposure"},
    {LogEventKind::SensorFault, "sensor_fault"},
    {LogEventKind::SensorRestored, "sensor_restored"},
    {LogEventKind::SensorReading, "sensor_reading"},
    {LogEventKind::ScenarioEnd, "scenario_end"},
}};

/// Decimals by field (docs/scenarios.md, "Numbers").
constexpr int kLonLatDecimals = 7;
constexpr int kAreaDecimals = 6;
constexpr int kValueDecimals = 3;

void appendString(std::string& out, std::string_view s) {
    out += '"';
    for (const char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    static const char* hex = "0123456789abcdef";
                    out += "\\u00";
                    out += hex[(c >> 4) & 0xf];
                    out += hex[c & 0xf];
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

void appendStrings(std::string& out, const std::vector<std::string>& list) {
    out += '[';
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i)
            out += ',';
        appendString(out, list[i]);
    }
    out += ']';
}

/// Writes a key: value pair with a comma before every pair but the first.
class ObjectWriter {
public:
    explicit ObjectWriter(std::string& out) : _out(out) { _out += '{'; }
    std::string& key(std::string_view k) {
        if (!_first)
            _out += ',';
        _first = false;
        appendString(_out, k);
        _out += ':';
        return _out;
    }
    void close() { _out += '}'; }

private:
    std::string& _out;
    bool _first = true;
};

}  // namespace

std::string formatFixed(double value, int decimals) {
    if (!std::isfinite(value))
        value = 0.0;
    // Rounding first so that -0.0004 does not print as "-0.000".
    const double scale = std::pow(10.0, decimals);
    double rounded = std::abs(value) < 1e15 ? std::round(value * scale) / scale : value;
    if (rounded == 0.0)
        rounded = 0.0;
    char buf[400];
    const auto r =
        std::to_chars(buf, buf + sizeof buf, rounded, std::chars_format::fixed, decimals);
    return std::string(buf, r.ptr);
}

std::string_view toString(LogEventKind kind) {
    for (const auto& [k, name] : kNames)
        if (k == kind)
            return name;
    return "scenario_start";
}

std::optional<LogEventKind> parseLogEventKind(std::string_view text) {
    for (const auto& [k, name] : kNames)
        if (name == text)
            return k;
    return std::nullopt;
}

bool logOrderLess(const LogEntry& a, const LogEntry& b) {
    return std::tie(a.t, a.kind, a.id, a.scenarioEvent, a.metric, a.related) <
           std::tie(b.t, b.kind, b.id, b.scenarioEvent, b.metric, b.related);
}

std::string toJsonLine(const LogEntry& e) {
    std::string out;
    out.reserve(160 + e.wkt.size());
    ObjectWriter w(out);
    // Keys in byte order.
    if (e.maybeAreaKm2)
        w.key("area_km2") += formatFixed(*e.maybeAreaKm2, kAreaDecimals);
    if (!e.cause.empty())
        appendStrings(w.key("cause"), e.cause);
    if (!e.detail.empty())
        appendString(w.key("detail"), e.detail);
    if (e.maybeDurationS)
        w.key("duration_s") += formatFixed(*e.maybeDurationS, kValueDecimals);
    appendString(w.key("event"), toString(e.kind));
    appendString(w.key("id"), e.id);
    if (e.maybePosition) {
        w.key("lat") += formatFixed(e.maybePosition->y, kLonLatDecimals);
        w.key("lon") += formatFixed(e.maybePosition->x, kLonLatDecimals);
    }
    if (!e.metric.empty())
        appendString(w.key("metric"), e.metric);
    if (!e.operatorName.empty())
        appendString(w.key("operator"), e.operatorName);
    if (!e.related.empty())
        appendStrings(w.key("related"), e.related);
    if (!e.rule.empty())
        appendString(w.key("rule"), e.rule);
    if (!e.rules.empty())
        appendStrings(w.key("rules"), e.rules);
    w.key("scenario_event") += std::to_string(e.scenarioEvent);
    appendString(w.key("t"), geo::formatIso8601(e.t));
    if (e.maybeValue)
        w.key("value") += formatFixed(*e.maybeValue, kValueDecimals);
    if (!e.wkt.empty())
        appendString(w.key("wkt"), e.wkt);
    if (e.maybeZoneHalfWidthM)
        w.key("zone_half_width_m") += formatFixed(*e.maybeZoneHalfWidthM, kValueDecimals);
    w.close();
    return out;
}

std::string writeEventLog(const std::vector<LogEntry>& log) {
    std::string out;
    for (const auto& e : log) {
        out += toJsonLine(e);
        out += '\n';
    }
    return out;
}

std::string eventLogSha256(const std::vector<LogEntry>& log) {
    geo::Sha256 hash;
    for (const auto& e : log) {
        hash.update(toJsonLine(e));
        hash.update("\n");
    }
    return hash.hex();
}

geo::Result<std::vector<LogEntry>> parseEventLog(std::string_view text,
                                                 const std::string& sourceName) {
    using R = geo::Result<std::vector<LogEntry>>;
    using json = nlohmann::json;
    std::vector<LogEntry> log;
    long lineNo = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        ++lineNo;
        const std::size_t eol = text.find('\n', pos);
        const std::string_view line =
            text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
        pos = eol == std::string_view::npos ? text.size() : eol + 1;
        if (line.empty())
            continue;
        std::string field;
        try {
            const json o = json::parse(line.begin(), line.end());
            if (!o.is_object())
                return R::failure("expected a JSON object", sourceName, lineNo);
            LogEntry e;
            const auto str = [&](const char* key, bool required) -> std::string {
                field = key;
                if (!o.contains(key)) {
                    if (required)
                        throw std::runtime_error("missing");
                    return {};
                }
                return o.at(key).get<std::string>();
            };
            const auto num = [&](const char* key) -> std::optional<double> {
                field = key;
                if (!o.contains(key))
                    return std::nullopt;
                if (!o.at(key).is_number())
                    throw std::runtime_error("expected a number");
                return o.at(key).get<double>();
            };
            const auto list = [&](const char* key) {
                field = key;
                return o.contains(key) ? o.at(key).get<std::vector<std::string>>()
                                       : std::vector<std::string>{};
            };
            const auto t = geo::parseIso8601(str("t", true));
            if (!t)
                throw std::runtime_error("not an ISO 8601 time");
            e.t = *t;
            const auto kind = parseLogEventKind(str("event", true));
            if (!kind)
                throw std::runtime_error("unknown event");
            e.kind = *kind;
            e.id = str("id", true);
            e.rule = str("rule", false);
            e.rules = list("rules");
            e.related = list("related");
            e.cause = list("cause");
            e.operatorName = str("operator", false);
            const auto lon = num("lon");
            const auto lat = num("lat");
            if (lon.has_value() != lat.has_value()) {
                field = lon ? "lat" : "lon";
                throw std::runtime_error("lon and lat come together");
            }
            if (lon)
                e.maybePosition = geo::GeoPoint{*lon, *lat, 0.0};
            e.maybeAreaKm2 = num("area_km2");
            e.wkt = str("wkt", false);
            e.metric = str("metric", false);
            e.maybeValue = num("value");
            e.maybeZoneHalfWidthM = num("zone_half_width_m");
            e.maybeDurationS = num("duration_s");
            e.detail = str("detail", false);
            field = "scenario_event";
            e.scenarioEvent = o.value("scenario_event", std::size_t{0});
            log.push_back(std::move(e));
        } catch (const json::parse_error& ex) {
            return R::failure(std::string("not JSON: ") + ex.what(), sourceName, lineNo);
        } catch (const std::exception& ex) {
            return R::failure(ex.what(), sourceName, lineNo, field);
        }
    }
    return log;
}

}  // namespace citytwin::assets
