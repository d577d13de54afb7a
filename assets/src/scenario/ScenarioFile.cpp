// Scenario JSON (docs/scenarios.md, schema version 1). Strict like the rules
// file: an unknown key is an error (a misspelt "repair_at" would otherwise
// silently never repair), and every error names the file, the event index
// and the field as a JSON path. Nothing is returned unless all of it parsed.

#include "citytwin/assets/scenario/ScenarioFile.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "citytwin/json/JsonText.h"

#include "../OgrGeometry.h"
#include "citytwin/assets/MetricPlane.h"

namespace citytwin::assets {
namespace {

using json = nlohmann::json;
using R = geo::Result<Scenario>;

struct ParseError {
    std::string field;
    std::string message;
};

/// Reads one object's members, remembering which keys were used so that the
/// rest can be reported as unknown.
class ObjectReader {
public:
    ObjectReader(const json& v, std::string path, std::string context)
        : _v(v), _path(std::move(path)), _context(std::move(context)) {
        if (!v.is_object())
            fail(_path, "expected an object");
    }

    [[noreturn]] void fail(const std::string& field, const std::string& message) const {
        throw ParseError{field, _context.empty() ? message : _context + ": " + message};
    }
    std::string pathOf(const std::string& key) const {
        return _path.empty() ? key : _path + "." + key;
    }
    bool has(const std::string& key) const { return _v.contains(key); }

    const json& get(const std::string& key) {
        const auto it = _v.find(key);
        if (it == _v.end())
            fail(pathOf(key), "missing");
        _used.insert(key);
        return *it;
    }
    std::string string(const std::string& key, bool allowEmpty = false) {
        const json& v = get(key);
        if (!v.is_string())
            fail(pathOf(key), "expected a string");
        auto s = v.get<std::string>();
        if (!allowEmpty && s.empty())
            fail(pathOf(key), "must not be empty");
        return s;
    }
    std::string optionalString(const std::string& key) {
        return has(key) ? string(key, true) : std::string();
    }
    double number(const std::string& key, double min, double max, bool minExclusive = false) {
        const json& v = get(key);
        if (!v.is_number())
            fail(pathOf(key), "expected a number");
        const double d = v.get<double>();
        if (!std::isfinite(d) || d < min || d > max || (minExclusive && d == min)) {
            char range[128];
            std::snprintf(range, sizeof range, "expected a finite number %s %g and <= %g",
                          minExclusive ? ">" : ">=", min, max);
            fail(pathOf(key), range);
        }
        return d;
    }
    geo::TimeMs time(const std::string& key) {
        const std::string text = string(key);
        const auto t = geo::parseIso8601(text);
        if (!t)
            fail(pathOf(key), "'" + text + "' is not an ISO 8601 time with a zone");
        return *t;
    }
    /// Every key not read is unknown.
    void finish() const {
        for (const auto& [key, value] : _v.items())
            if (!_used.count(key))
                fail(pathOf(key), "unknown key");
    }
    const std::string& path() const { return _path; }
    const std::string& context() const { return _context; }

private:
    const json& _v;
    std::string _path;
    std::string _context;
    std::set<std::string> _used;
};

struct Range {
    geo::TimeMs start = 0;
    geo::TimeMs end = 0;
};

void checkInRange(ObjectReader& r, const std::string& key, geo::TimeMs t, const Range& range) {
    if (t < range.start || t > range.end)
        r.fail(r.pathOf(key), "time " + geo::formatIso8601(t) + " lies outside the scenario (" +
                                  geo::formatIso8601(range.start) + " to " +
                                  geo::formatIso8601(range.end) + ")");
}

geo::TimeMs timeIn(ObjectReader& r, const std::string& key, const Range& range) {
    const auto t = r.time(key);
    checkInRange(r, key, t, range);
    return t;
}

/// An optional end time that must come after `after`.
std::optional<geo::TimeMs> laterTime(ObjectReader& r, const std::string& key, geo::TimeMs after,
                                     const Range& range) {
    if (!r.has(key))
        return std::nullopt;
    const auto t = timeIn(r, key, range);
    if (t <= after)
        r.fail(r.pathOf(key), "must come after " + geo::formatIso8601(after));
    return t;
}

geo::GeoPoint lonLat(ObjectReader& r) {
    geo::GeoPoint p;
    p.x = r.number("lon", -180.0, 180.0);
    p.y = r.number("lat", -90.0, 90.0);
    return p;
}

const json& nonEmptyArray(ObjectReader& r, const std::string& key) {
    const json& v = r.get(key);
    if (!v.is_array())
        r.fail(r.pathOf(key), "expected an array");
    if (v.empty())
        r.fail(r.pathOf(key), "must not be empty");
    return v;
}

void checkIncreasing(ObjectReader& item, geo::TimeMs previous, geo::TimeMs t, std::size_t i) {
    if (i > 0 && t <= previous)
        item.fail(item.pathOf("at"),
                  "times must increase strictly (previous " + geo::formatIso8601(previous) + ")");
}

CableCutEvent parseCableCut(ObjectReader& r, const Range& range) {
    CableCutEvent e;
    e.at = timeIn(r, "at", range);
    e.cable = r.string("cable");
    if (r.has("position_m"))
        e.maybeArcM = r.number("position_m", 0.0, 1.0e8);
    if (r.has("lon") || r.has("lat")) {
        if (e.maybeArcM)
            r.fail(r.pathOf("lon"), "give position_m or lon/lat, not both");
        e.maybeLonLat = lonLat(r);
    }
    e.maybeRepairAt = laterTime(r, "repair_at", e.at, range);
    e.cause = r.optionalString("cause");
    return e;
}

SiteOutageEvent parseSiteOutage(ObjectReader& r, const Range& range) {
    SiteOutageEvent e;
    e.at = timeIn(r, "at", range);
    e.site = r.string("site");
    e.cause = r.has("cause") ? r.string("cause") : std::string("power");
    if (r.has("battery_h"))
        e.maybeBatteryH = r.number("battery_h", 0.0, 1000.0);
    e.maybeRestoreAt = laterTime(r, "restore_at", e.at, range);
    return e;
}

geo::Polygon polygonFromWkt(ObjectReader& item, const std::string& key) {
    const std::string wkt = item.string(key);
    std::vector<geo::Polygon> polygons;
    std::string error;
    if (!detail::polygonsFromWkt(wkt, polygons, error))
        item.fail(item.pathOf(key), error);
    if (polygons.size() != 1)
        item.fail(item.pathOf(key),
                  "expected one POLYGON, got " + std::to_string(polygons.size()) + " polygons");
    for (const auto& ring : polygons[0].rings)
        for (const auto& p : ring)
            if (!std::isfinite(p.x) || !std::isfinite(p.y) || std::abs(p.x) > 180.0 ||
                std::abs(p.y) > 90.0)
                item.fail(item.pathOf(key), "coordinates must be WGS 84 lon/lat degrees");
    if (polygons[0].rings.empty() || polygons[0].rings[0].size() < 4)
        item.fail(item.pathOf(key), "a polygon needs at least three distinct vertices");
    const std::string invalid = detail::invalidityReason(polygons);
    if (!invalid.empty())
        item.fail(item.pathOf(key), "invalid polygon: " + invalid);
    return polygons[0];
}

ExcavationEvent parseExcavation(ObjectReader& r, const Range& range) {
    ExcavationEvent e;
    e.id = r.string("id");
    const std::string kind = r.string("kind");
    const auto maybeKind = parseWorksKind(kind);
    if (!maybeKind) {
        std::string names;
        for (auto n : worksKindNames())
            names += (names.empty() ? "" : ", ") + std::string(n);
        r.fail(r.pathOf("kind"),
               "unknown works kind '" + kind + "' (expected one of " + names + ")");
    }
    e.kind = *maybeKind;
    const json& frames = nonEmptyArray(r, "keyframes");
    for (std::size_t i = 0; i < frames.size(); ++i) {
        ObjectReader item(frames[i], r.pathOf("keyframes") + "[" + std::to_string(i) + "]",
                          r.context());
        ExcavationKeyframe k;
        k.at = timeIn(item, "at", range);
        checkIncreasing(item, e.keyframes.empty() ? 0 : e.keyframes.back().at, k.at, i);
        k.polygon = polygonFromWkt(item, "wkt");
        item.finish();
        e.keyframes.push_back(std::move(k));
    }
    return e;
}

VesselEvent parseVessel(ObjectReader& r, const Range& range) {
    VesselEvent e;
    e.id = r.string("id");
    e.name = r.optionalString("name");
    const json& track = nonEmptyArray(r, "track");
    for (std::size_t i = 0; i < track.size(); ++i) {
        ObjectReader item(track[i], r.pathOf("track") + "[" + std::to_string(i) + "]", r.context());
        VesselFix f;
        f.at = timeIn(item, "at", range);
        checkIncreasing(item, e.track.empty() ? 0 : e.track.back().at, f.at, i);
        f.position = lonLat(item);
        f.sogKn = item.number("sog_kn", 0.0, 102.2);  // AIS: 102.2 kn is the largest speed
        const std::string status = item.string("status");
        const auto s = parseVesselStatus(status);
        if (!s)
            item.fail(item.pathOf("status"),
                      "unknown status '" + status + "' (expected underway, anchored or moored)");
        f.status = *s;
        item.finish();
        e.track.push_back(f);
    }
    return e;
}

TyphoonEvent parseTyphoon(ObjectReader& r, const Range& range) {
    TyphoonEvent e;
    e.id = r.string("id");
    const json& track = nonEmptyArray(r, "track");
    for (std::size_t i = 0; i < track.size(); ++i) {
        ObjectReader item(track[i], r.pathOf("track") + "[" + std::to_string(i) + "]", r.context());
        TyphoonFix f;
        f.at = timeIn(item, "at", range);
        checkIncreasing(item, e.track.empty() ? 0 : e.track.back().at, f.at, i);
        f.centre = lonLat(item);
        f.radiusKm = item.number("radius_km", 0.0, 2000.0, true);
        f.windMs = item.number("wind_ms", 0.0, 150.0);
        item.finish();
        e.track.push_back(f);
    }
    if (r.has("damage_wind_ms"))
        e.maybeDamageWindMs = r.number("damage_wind_ms", 0.0, 150.0, true);
    if (r.has("repair_after_h"))
        e.repairAfterH = r.number("repair_after_h", 0.0, 10000.0, true);
    return e;
}

SensorFaultEvent parseSensorFault(ObjectReader& r, const Range& range) {
    SensorFaultEvent e;
    e.at = timeIn(r, "at", range);
    e.sensor = r.string("sensor");
    const std::string mode = r.string("mode");
    const auto m = parseSensorFaultMode(mode);
    if (!m)
        r.fail(r.pathOf("mode"), "unknown mode '" + mode + "' (expected offline, stuck or spike)");
    e.mode = *m;
    e.maybeUntil = laterTime(r, "until", e.at, range);
    return e;
}

InterferenceEvent parseInterference(ObjectReader& r, const Range& range) {
    InterferenceEvent e;
    e.at = timeIn(r, "at", range);
    e.id = r.string("id");
    e.position = lonLat(r);
    e.powerW = r.number("power_w", 0.0, 1.0e9);
    e.maybeUntil = laterTime(r, "until", e.at, range);
    return e;
}

ScenarioEvent parseEvent(const json& v, std::size_t index, const Range& range) {
    const std::string path = "events[" + std::to_string(index) + "]";
    std::string type;
    if (v.is_object() && v.contains("type") && v["type"].is_string())
        type = v["type"].get<std::string>();
    ObjectReader r(v, path,
                   "event " + std::to_string(index) + (type.empty() ? "" : " (" + type + ")"));
    type = r.string("type");
    ScenarioEvent event;
    if (type == "cable_cut")
        event = parseCableCut(r, range);
    else if (type == "site_outage")
        event = parseSiteOutage(r, range);
    else if (type == "excavation")
        event = parseExcavation(r, range);
    else if (type == "vessel")
        event = parseVessel(r, range);
    else if (type == "typhoon")
        event = parseTyphoon(r, range);
    else if (type == "sensor_fault")
        event = parseSensorFault(r, range);
    else if (type == "interference")
        event = parseInterference(r, range);
    else
        r.fail(r.pathOf("type"),
               "unknown event type '" + type +
                   "' (expected cable_cut, site_outage, excavation, vessel, typhoon, "
                   "sensor_fault or interference)");
    r.finish();
    return event;
}

std::string eventContext(const ParseError& e) {
    return e.message;
}

/// "event 3: " for a path inside events[3], else "".
std::string eventOf(const std::string& path) {
    if (path.rfind("events[", 0) != 0)
        return {};
    const auto close = path.find(']');
    return "event " + path.substr(7, close - 7) + ": ";
}

Scenario parseDocument(const json& doc) {
    ObjectReader r(doc, "", "");
    Scenario s;
    const json& version = r.get("version");
    if (!version.is_number_integer() || version.get<long long>() != 1)
        r.fail("version", "unsupported version (this program reads version 1)");
    {
        ObjectReader name(r.get("name"), "name", "");
        s.nameZh = name.string("zh");
        s.nameEn = name.string("en");
        name.finish();
    }
    s.description = r.optionalString("description");
    const json& seed = r.get("seed");
    if (!seed.is_number_integer() || (seed.is_number_integer() && !seed.is_number_unsigned()))
        r.fail("seed", "expected a non-negative integer");
    s.seed = seed.get<std::uint64_t>();
    s.start = r.time("start");
    s.end = r.time("end");
    if (s.end <= s.start)
        r.fail("end", "must come after start");
    const json& events = r.get("events");
    if (!events.is_array())
        r.fail("events", "expected an array");
    const Range range{s.start, s.end};
    for (std::size_t i = 0; i < events.size(); ++i)
        s.events.push_back(parseEvent(events[i], i, range));
    r.finish();
    return s;
}

// ---- writing ----

std::string numberText(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

std::string polygonWkt(const geo::Polygon& polygon) {
    std::string out = "POLYGON (";
    for (std::size_t r = 0; r < polygon.rings.size(); ++r) {
        out += r ? ", (" : "(";
        for (std::size_t i = 0; i < polygon.rings[r].size(); ++i) {
            if (i)
                out += ", ";
            out += numberText(polygon.rings[r][i].x) + " " + numberText(polygon.rings[r][i].y);
        }
        out += ")";
    }
    return out + ")";
}

json eventJson(const ScenarioEvent& event) {
    json o = json::object();
    o["type"] = eventTypeName(event);
    const auto time = [](geo::TimeMs t) { return geo::formatIso8601(t); };
    if (const auto* e = std::get_if<CableCutEvent>(&event)) {
        o["at"] = time(e->at);
        o["cable"] = e->cable;
        if (e->maybeArcM)
            o["position_m"] = *e->maybeArcM;
        if (e->maybeLonLat) {
            o["lon"] = e->maybeLonLat->x;
            o["lat"] = e->maybeLonLat->y;
        }
        if (e->maybeRepairAt)
            o["repair_at"] = time(*e->maybeRepairAt);
        if (!e->cause.empty())
            o["cause"] = e->cause;
    } else if (const auto* e = std::get_if<SiteOutageEvent>(&event)) {
        o["at"] = time(e->at);
        o["site"] = e->site;
        o["cause"] = e->cause.empty() ? std::string("power") : e->cause;
        if (e->maybeBatteryH)
            o["battery_h"] = *e->maybeBatteryH;
        if (e->maybeRestoreAt)
            o["restore_at"] = time(*e->maybeRestoreAt);
    } else if (const auto* e = std::get_if<ExcavationEvent>(&event)) {
        o["id"] = e->id;
        o["kind"] = std::string(toString(e->kind));
        json frames = json::array();
        for (const auto& k : e->keyframes)
            frames.push_back({{"at", time(k.at)}, {"wkt", polygonWkt(k.polygon)}});
        o["keyframes"] = frames;
    } else if (const auto* e = std::get_if<VesselEvent>(&event)) {
        o["id"] = e->id;
        if (!e->name.empty())
            o["name"] = e->name;
        json track = json::array();
        for (const auto& f : e->track)
            track.push_back({{"at", time(f.at)},
                             {"lon", f.position.x},
                             {"lat", f.position.y},
                             {"sog_kn", f.sogKn},
                             {"status", toString(f.status)}});
        o["track"] = track;
    } else if (const auto* e = std::get_if<TyphoonEvent>(&event)) {
        o["id"] = e->id;
        json track = json::array();
        for (const auto& f : e->track)
            track.push_back({{"at", time(f.at)},
                             {"lon", f.centre.x},
                             {"lat", f.centre.y},
                             {"radius_km", f.radiusKm},
                             {"wind_ms", f.windMs}});
        o["track"] = track;
        if (e->maybeDamageWindMs)
            o["damage_wind_ms"] = *e->maybeDamageWindMs;
        o["repair_after_h"] = e->repairAfterH;
    } else if (const auto* e = std::get_if<SensorFaultEvent>(&event)) {
        o["at"] = time(e->at);
        o["sensor"] = e->sensor;
        o["mode"] = toString(e->mode);
        if (e->maybeUntil)
            o["until"] = time(*e->maybeUntil);
    } else if (const auto* e = std::get_if<InterferenceEvent>(&event)) {
        o["at"] = time(e->at);
        o["id"] = e->id;
        o["lon"] = e->position.x;
        o["lat"] = e->position.y;
        o["power_w"] = e->powerW;
        if (e->maybeUntil)
            o["until"] = time(*e->maybeUntil);
    }
    return o;
}

/// How far (m) a cut given by lon/lat may lie from its cable.
constexpr double kCutReachM = 500.0;

}  // namespace

geo::Result<Scenario> parseScenario(std::string_view text, const std::string& sourceName) {
    const auto parsed = citytwin::json::parseJsonText(text);
    if (!parsed.ok) {
        if (parsed.line == 0)
            return R::failure(parsed.message, sourceName);
        // A number too large for a double is a bad value, not bad syntax.
        if (parsed.numberOutOfRange)
            return R::failure(eventOf(parsed.path) + "not a finite number " + parsed.where,
                              sourceName, parsed.line, parsed.path);
        return R::failure("JSON syntax error " + parsed.where + ": " + parsed.reason, sourceName,
                          parsed.line);
    }
    try {
        Scenario s = parseDocument(parsed.doc);
        s.sourcePath = sourceName;
        return s;
    } catch (const ParseError& e) {
        return R::failure(eventContext(e), sourceName, 0, e.field);
    } catch (const std::exception& e) {
        return R::failure(std::string("cannot read JSON: ") + e.what(), sourceName);
    }
}

geo::Result<Scenario> loadScenario(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return R::failure("cannot open the scenario file", path);
    std::ostringstream text;
    text << in.rdbuf();
    return parseScenario(text.str(), path);
}

geo::Status checkScenarioAgainst(const Scenario& scenario, const NetworkModel& network) {
    geo::Status status = geo::Done{};
    const auto error = [&](std::size_t i, const std::string& field, const std::string& message) {
        status = geo::Status(geo::makeError("event " + std::to_string(i) + " (" +
                                                eventTypeName(scenario.events[i]) + "): " + message,
                                            scenario.sourcePath, 0,
                                            "events[" + std::to_string(i) + "]." + field));
    };
    for (std::size_t i = 0; i < scenario.events.size() && status.ok(); ++i) {
        const auto& event = scenario.events[i];
        if (const auto* e = std::get_if<CableCutEvent>(&event)) {
            if (!network.hasCable(e->cable)) {
                error(i, "cable", "cable '" + e->cable + "' is not in the project's network");
                continue;
            }
            const double length = network.cableLengthM(e->cable);
            if (e->maybeArcM && *e->maybeArcM > length + 1e-6) {
                error(i, "position_m",
                      "position " + numberText(*e->maybeArcM) + " m lies beyond the cable's end (" +
                          numberText(length) + " m)");
                continue;
            }
            if (e->maybeLonLat) {
                const auto at = network.locate(e->cable, *e->maybeLonLat);
                const double d =
                    at ? MetricPlane(*e->maybeLonLat).distanceFromOrigin(at->point) : 1e300;
                if (d > kCutReachM)
                    error(i, "lon",
                          "the cut point lies " + numberText(std::round(d)) + " m from cable '" +
                              e->cable + "' (at most " + numberText(kCutReachM) + " m)");
            }
        } else if (const auto* e = std::get_if<SiteOutageEvent>(&event)) {
            const auto node = network.findNode(e->site);
            if (!node || network.nodes()[*node].kind != NetworkNodeKind::Site)
                error(i, "site", "site '" + e->site + "' is not in the project's network");
        }
    }
    return status;
}

std::string writeScenario(const Scenario& scenario) {
    json doc = json::object();
    doc["version"] = 1;
    doc["name"] = {{"zh", scenario.nameZh}, {"en", scenario.nameEn}};
    if (!scenario.description.empty())
        doc["description"] = scenario.description;
    doc["seed"] = scenario.seed;
    doc["start"] = geo::formatIso8601(scenario.start);
    doc["end"] = geo::formatIso8601(scenario.end);
    json events = json::array();
    for (const auto& e : scenario.events)
        events.push_back(eventJson(e));
    doc["events"] = events;
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace citytwin::assets
