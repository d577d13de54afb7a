#include "kiosk/TourFile.h"

#include <nlohmann/json.hpp>

#include "citytwin/json/JsonText.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <sstream>

#include "citytwin/geo/IsoTime.h"

namespace citytwin::app::kiosk {

namespace {

using nlohmann::json;

/// Collects the first error with the JSON path of the field it is about.
class Checker {
public:
    explicit Checker(std::string source) : _source(std::move(source)) {}

    bool failed() const { return _failed; }
    geo::Diagnostic error() const { return geo::makeError(_message, _source, 0, _field); }

    void fail(const std::string& field, const std::string& message) {
        if (_failed)
            return;
        _failed = true;
        _field = field;
        _message = message;
    }

    /// Only `allowed` keys may appear in `object` (a typo is an error, not a default).
    void onlyKeys(const json& object, const std::string& path,
                  std::initializer_list<const char*> allowed) {
        for (const auto& [key, value] : object.items()) {
            bool known = false;
            for (const char* a : allowed)
                known = known || key == a;
            if (!known)
                fail(join(path, key), "unknown field");
        }
    }

    const json* object(const json& parent, const std::string& path, const char* key,
                       bool required) {
        const json* v = member(parent, path, key, required);
        if (v && !v->is_object()) {
            fail(join(path, key), "must be an object");
            return nullptr;
        }
        return v;
    }

    std::optional<double> number(const json& parent, const std::string& path, const char* key,
                                 bool required, double min, double max) {
        const json* v = member(parent, path, key, required);
        if (!v)
            return std::nullopt;
        if (!v->is_number()) {
            fail(join(path, key), "must be a number");
            return std::nullopt;
        }
        const double d = v->get<double>();
        if (!std::isfinite(d) || d < min || d > max) {
            std::ostringstream range;
            range << "out of range [" << min << ", " << max << "]";
            fail(join(path, key), range.str());
            return std::nullopt;
        }
        return d;
    }

    std::optional<std::string> string(const json& parent, const std::string& path, const char* key,
                                      bool required) {
        const json* v = member(parent, path, key, required);
        if (!v)
            return std::nullopt;
        if (!v->is_string() || v->get_ref<const std::string&>().empty()) {
            fail(join(path, key), "must be a non-empty string");
            return std::nullopt;
        }
        return v->get<std::string>();
    }

    BilingualText text(const json& parent, const std::string& path, const char* key) {
        BilingualText t;
        const json* o = object(parent, path, key, true);
        if (!o)
            return t;
        const std::string p = join(path, key);
        onlyKeys(*o, p, {"zh", "en"});
        t.zh = string(*o, p, "zh", true).value_or("");
        t.en = string(*o, p, "en", true).value_or("");
        return t;
    }

    static std::string join(const std::string& path, const std::string& key) {
        return path.empty() ? key : path + "." + key;
    }

private:
    const json* member(const json& parent, const std::string& path, const char* key,
                       bool required) {
        const auto it = parent.find(key);
        if (it == parent.end()) {
            if (required)
                fail(join(path, key), "missing");
            return nullptr;
        }
        return &*it;
    }

    std::string _source;
    bool _failed = false;
    std::string _field;
    std::string _message;
};

bool isModifier(const std::string& token) {
    return token == "Ctrl" || token == "Alt" || token == "Shift" || token == "Meta";
}

bool isKeyName(const std::string& token) {
    if (token.size() == 1)
        return std::isalnum(static_cast<unsigned char>(token[0])) != 0;
    if (token.size() >= 2 && token.size() <= 3 && token[0] == 'F') {
        const int n = std::atoi(token.c_str() + 1);
        return n >= 1 && n <= 35 && std::to_string(n) == token.substr(1);
    }
    return token == "Home" || token == "End" || token == "Insert" || token == "Delete" ||
           token == "PgUp" || token == "PgDown" || token == "Pause" || token == "Space";
}

TourStop readStop(Checker& c, const json& s, const std::string& p) {
    TourStop stop;
    if (!s.is_object()) {
        c.fail(p, "must be an object");
        return stop;
    }
    c.onlyKeys(s, p,
               {"camera", "fly_s", "dwell_s", "layers", "scenario", "sensor_time", "caption"});
    if (const json* cam = c.object(s, p, "camera", true)) {
        const std::string cp = p + ".camera";
        c.onlyKeys(*cam, cp, {"lon", "lat", "height", "heading", "pitch"});
        stop.camera.lon = c.number(*cam, cp, "lon", true, -180, 180).value_or(0);
        stop.camera.lat = c.number(*cam, cp, "lat", true, -90, 90).value_or(0);
        stop.camera.height = c.number(*cam, cp, "height", true, 1, 100000).value_or(1000);
        stop.camera.heading = c.number(*cam, cp, "heading", true, -360, 360).value_or(0);
        stop.camera.pitch = c.number(*cam, cp, "pitch", true, -90, 90).value_or(-45);
    }
    stop.flySeconds = c.number(s, p, "fly_s", false, 0, 600).value_or(stop.flySeconds);
    stop.dwellSeconds = c.number(s, p, "dwell_s", false, 0.1, 3600).value_or(stop.dwellSeconds);
    if (const auto it = s.find("layers"); it != s.end()) {
        if (!it->is_array()) {
            c.fail(p + ".layers", "must be an array of layer ids");
        } else {
            std::vector<std::string> ids;
            for (std::size_t i = 0; i < it->size(); ++i) {
                const json& id = (*it)[i];
                if (!id.is_string() || id.get_ref<const std::string&>().empty())
                    c.fail(p + ".layers[" + std::to_string(i) + "]",
                           "must be a non-empty layer id");
                else
                    ids.push_back(id.get<std::string>());
            }
            stop.maybeLayers = std::move(ids);
        }
    }
    if (const json* sc = c.object(s, p, "scenario", false)) {
        const std::string sp = p + ".scenario";
        c.onlyKeys(*sc, sp, {"file", "speed"});
        TourScenario scenario;
        scenario.file = c.string(*sc, sp, "file", true).value_or("");
        scenario.speed = c.number(*sc, sp, "speed", false, 0.001, 100000).value_or(1.0);
        stop.maybeScenario = scenario;
    }
    if (auto t = c.string(s, p, "sensor_time", false)) {
        if (auto ms = geo::parseIso8601(*t))
            stop.maybeSensorTimeMs = *ms;
        else
            c.fail(p + ".sensor_time", "'" + *t + "' is not ISO 8601 with a zone");
    }
    stop.caption = c.text(s, p, "caption");
    return stop;
}

}  // namespace

bool isValidChord(const std::string& chord) {
    std::vector<std::string> tokens;
    std::stringstream ss(chord);
    std::string token;
    while (std::getline(ss, token, '+'))
        tokens.push_back(token);
    if (tokens.size() < 2 || chord.back() == '+')
        return false;
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
        if (!isModifier(tokens[i]))
            return false;
    // At least Ctrl or Alt: a visitor's ordinary typing must not hit it.
    bool strong = false;
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
        strong = strong || tokens[i] == "Ctrl" || tokens[i] == "Alt";
    return strong && isKeyName(tokens.back());
}

/// The loader proper; the public function keeps what it may throw in.
static geo::Result<Tour> parseTourUnguarded(std::string_view text, const std::string& source) {
    const auto parsed = citytwin::json::parseJsonText(text);
    if (!parsed.ok)
        return geo::Result<Tour>::failure("not valid JSON: " + parsed.message, source, parsed.line,
                                          parsed.path);
    const json& doc = parsed.doc;
    Checker c(source);
    Tour tour;
    if (!doc.is_object())
        return geo::Result<Tour>::failure("the tour must be a JSON object", source);
    c.onlyKeys(
        doc, "",
        {"version", "title", "idle_return_s", "exit", "memory_ceiling_mb", "lighting", "stops"});
    if (auto v = c.number(doc, "", "version", true, 1, 1))
        tour.version = int(*v);
    tour.title = c.text(doc, "", "title");
    tour.idleReturnSeconds =
        c.number(doc, "", "idle_return_s", false, 1, 86400).value_or(tour.idleReturnSeconds);
    if (const json* exit = c.object(doc, "", "exit", false)) {
        c.onlyKeys(*exit, "exit", {"chord", "pin"});
        if (auto chord = c.string(*exit, "exit", "chord", false)) {
            if (isValidChord(*chord))
                tour.exit.chord = *chord;
            else
                c.fail("exit.chord", "'" + *chord +
                                         "' is not modifiers (Ctrl or Alt among them) and a key, "
                                         "e.g. Ctrl+Alt+Shift+E");
        }
        if (auto pin = c.string(*exit, "exit", "pin", false)) {
            const bool digits = pin->find_first_not_of("0123456789") == std::string::npos;
            if (!digits || pin->size() < 4 || pin->size() > 12)
                c.fail("exit.pin", "must be 4 to 12 digits");
            else
                tour.exit.pin = *pin;
        }
    }
    tour.memoryCeilingMb =
        std::int64_t(c.number(doc, "", "memory_ceiling_mb", false, 256, 1048576).value_or(0));
    if (auto lighting = c.string(doc, "", "lighting", false)) {
        if (*lighting == "clock" || *lighting == "fixed" || *lighting == "night")
            tour.lighting = *lighting;
        else
            c.fail("lighting", "'" + *lighting + "' is not clock, fixed or night");
    }
    const auto stops = doc.find("stops");
    if (stops == doc.end())
        c.fail("stops", "missing");
    else if (!stops->is_array() || stops->empty() || stops->size() > 1000)
        c.fail("stops", "must be an array of 1 to 1000 stops");
    else
        for (std::size_t i = 0; i < stops->size() && !c.failed(); ++i)
            tour.stops.push_back(readStop(c, (*stops)[i], "stops[" + std::to_string(i) + "]"));
    if (c.failed())
        return geo::Result<Tour>(c.error());
    return tour;
}

geo::Result<Tour> parseTour(std::string_view text, const std::string& source) {
    try {
        return parseTourUnguarded(text, source);
    } catch (const std::exception& e) {  // a typed read we missed: an error, not a crash
        return geo::Result<Tour>::failure(std::string("unexpected tour content: ") + e.what(),
                                          source);
    }
}

geo::Result<Tour> readTourFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return geo::Result<Tour>::failure("cannot read the tour file", path);
    std::ostringstream text;
    text << in.rdbuf();
    return parseTour(text.str(), path);
}

namespace {

json textJson(const BilingualText& t) {
    return json{{"zh", t.zh}, {"en", t.en}};
}

json stopJson(const TourStop& s) {
    json out;
    out["camera"] = {{"lon", s.camera.lon},
                     {"lat", s.camera.lat},
                     {"height", s.camera.height},
                     {"heading", s.camera.heading},
                     {"pitch", s.camera.pitch}};
    out["fly_s"] = s.flySeconds;
    out["dwell_s"] = s.dwellSeconds;
    if (s.maybeLayers)
        out["layers"] = *s.maybeLayers;
    if (s.maybeScenario)
        out["scenario"] = {{"file", s.maybeScenario->file}, {"speed", s.maybeScenario->speed}};
    if (s.maybeSensorTimeMs)
        out["sensor_time"] = geo::formatIso8601(*s.maybeSensorTimeMs);
    out["caption"] = textJson(s.caption);
    return out;
}

}  // namespace

std::string writeTour(const Tour& tour) {
    json doc;
    doc["version"] = tour.version;
    doc["title"] = textJson(tour.title);
    doc["idle_return_s"] = tour.idleReturnSeconds;
    json exit{{"chord", tour.exit.chord}};
    if (!tour.exit.pin.empty())
        exit["pin"] = tour.exit.pin;
    doc["exit"] = exit;
    if (tour.memoryCeilingMb > 0)
        doc["memory_ceiling_mb"] = tour.memoryCeilingMb;
    if (tour.lighting != "clock")
        doc["lighting"] = tour.lighting;
    json stops = json::array();
    for (const TourStop& s : tour.stops)
        stops.push_back(stopJson(s));
    doc["stops"] = std::move(stops);
    // Invalid UTF-8 in a name is replaced, never thrown on.
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Tour builtinTour() {
    Tour tour;
    tour.title = {"上海城市信息基础设施数字孪生", "Shanghai information infrastructure twin"};
    auto stop = [](render::CameraPose pose, const char* zh, const char* en) {
        TourStop s;
        s.camera = pose;
        s.flySeconds = 8.0;
        s.dwellSeconds = 20.0;
        s.caption = {zh, en};
        return s;
    };
    tour.stops.push_back(
        stop(*render::namedView("lujiazui"), "陆家嘴金融区", "Lujiazui financial district"));
    tour.stops.push_back(
        stop(*render::namedView("bund"), "外滩与黄浦江", "The Bund and the Huangpu"));
    tour.stops.push_back(stop(*render::namedView("top"), "城市全景", "The city from above"));
    return tour;
}

}  // namespace citytwin::app::kiosk
