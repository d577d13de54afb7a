// Parser of the rules file (JSON). Strict: unknown keys, missing rules and
// out-of-range numbers are errors naming the JSON path, so that a typo in a
// distance never silently falls back to a default.

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "citytwin/json/JsonText.h"

#include "DefaultRulesText.h"
#include "citytwin/assets/RuleSet.h"

namespace citytwin::assets {
namespace {

using json = nlohmann::json;
using R = geo::Result<RuleSet>;

struct ParseError {
    std::string field;
    std::string message;
};

const json& member(const json& object, const std::string& key, const std::string& path) {
    const auto it = object.find(key);
    if (it == object.end())
        throw ParseError{path.empty() ? key : path + "." + key, "missing"};
    return *it;
}

std::string stringAt(const json& v, const std::string& path) {
    if (!v.is_string())
        throw ParseError{path, "expected a string"};
    return v.get<std::string>();
}

double positiveNumber(const json& v, const std::string& path, bool allowZero = false) {
    if (!v.is_number())
        throw ParseError{path, "expected a number"};
    const double d = v.get<double>();
    if (!std::isfinite(d) || d < 0.0 || (!allowZero && d == 0.0) || d > 1.0e7)
        throw ParseError{path, "expected a " +
                                   std::string(allowZero ? "non-negative" : "positive") +
                                   " number below 1e7"};
    return d;
}

long positiveInteger(const json& v, const std::string& path) {
    if (!v.is_number_integer())
        throw ParseError{path, "expected an integer"};
    const auto i = v.get<long long>();
    if (i < 0 || i > 1000000)
        throw ParseError{path, "expected an integer from 0 to 1000000"};
    return static_cast<long>(i);
}

template <typename E>
std::vector<E> enumList(const json& v, const std::string& path,
                        std::optional<E> (*parse)(std::string_view)) {
    if (!v.is_array())
        throw ParseError{path, "expected an array of names"};
    std::vector<E> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string p = path + "[" + std::to_string(i) + "]";
        const std::string name = stringAt(v[i], p);
        auto e = parse(name);
        if (!e)
            throw ParseError{p, "unknown value '" + name + "'"};
        out.push_back(*e);
    }
    return out;
}

using ParamSetter = std::function<void(const json&, const std::string&, RuleSet&, RuleDefinition&)>;

/// The keys each rule may carry besides code/article/severity/messages.
std::map<std::string, std::map<std::string, ParamSetter>> ruleParams() {
    auto distance = [](double RuleSet::*field) -> ParamSetter {
        return [field](const json& v, const std::string& p, RuleSet& s, RuleDefinition&) {
            s.*field = positiveNumber(v, p);
        };
    };
    auto days = [](long RuleSet::*field) -> ParamSetter {
        return [field](const json& v, const std::string& p, RuleSet& s, RuleDefinition&) {
            s.*field = positiveInteger(v, p);
        };
    };
    const ParamSetter worksKinds = [](const json& v, const std::string& p, RuleSet&,
                                      RuleDefinition& d) {
        d.worksKinds = enumList<WorksKind>(v, p, parseWorksKind);
    };
    const ParamSetter cableClasses = [](const json& v, const std::string& p, RuleSet&,
                                        RuleDefinition& d) {
        d.cableClasses = enumList<CableClass>(v, p, parseCableClass);
    };
    const ParamSetter minPower = [](const json& v, const std::string& p, RuleSet& s,
                                    RuleDefinition&) {
        s.interferenceMinPowerW = positiveNumber(v, p, true);
    };
    return {
        {"SH-11", {{"search_radius_m", distance(&RuleSet::facilitySearchRadiusM)}}},
        {"SH-12", {{"share_radius_m", distance(&RuleSet::shareRadiusM)}}},
        {"SH-16", {{"search_radius_m", distance(&RuleSet::publicPlaceRadiusM)}}},
        {"SH-17", {{"default_coverage_radius_m", distance(&RuleSet::defaultCoverageRadiusM)}}},
        {"SH-18/22",
         {{"default_inspection_interval_days", days(&RuleSet::defaultInspectionIntervalDays)}}},
        {"SH-19", {{"notice_distance_m", distance(&RuleSet::worksNoticeDistanceM)}}},
        {"SH-20", {}},
        {"SH-21", {{"grace_days", days(&RuleSet::decommissionGraceDays)}}},
        {"SH-23", {}},
        {"SH-24-2", {{"works_kinds", worksKinds}, {"cable_classes", cableClasses}}},
        {"SH-24-3", {{"works_kinds", worksKinds}, {"cable_classes", cableClasses}}},
        {"SH-24-4",
         {{"distance_m", distance(&RuleSet::interferenceDistanceM)}, {"min_power_w", minPower}}},
        {"SCP-7", {}},
        {"SCP-8", {{"works_kinds", worksKinds}, {"cable_classes", cableClasses}}},
        {"SH-25", {}},
    };
}

void checkKeys(const json& object, const std::string& path,
               const std::vector<std::string>& allowed) {
    for (const auto& [key, value] : object.items())
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
            throw ParseError{path.empty() ? key : path + "." + key, "unknown key"};
}

void parseZones(const json& zones, RuleSet& set) {
    const std::string path = "protection_zones";
    if (!zones.is_object())
        throw ParseError{path, "expected an object"};
    checkKeys(zones, path,
              {"land_half_width_m", "submarine_half_width_m", "buffer_quadrant_segments"});
    const json& land = member(zones, "land_half_width_m", path);
    if (!land.is_object())
        throw ParseError{path + ".land_half_width_m", "expected an object"};
    for (const auto& [key, value] : land.items()) {
        const std::string p = path + ".land_half_width_m." + key;
        auto c = parseCableClass(key);
        if (!c || *c == CableClass::Submarine)
            throw ParseError{p, "not a land cable class (duct, buried, aerial, underwater)"};
        set.landHalfWidthM[*c] = positiveNumber(value, p);
    }
    for (const CableClass c :
         {CableClass::Duct, CableClass::Buried, CableClass::Aerial, CableClass::Underwater})
        if (!set.landHalfWidthM.count(c))
            throw ParseError{path + ".land_half_width_m." + std::string(toString(c)), "missing"};
    const json& sea = member(zones, "submarine_half_width_m", path);
    if (!sea.is_object())
        throw ParseError{path + ".submarine_half_width_m", "expected an object"};
    for (const auto& [key, value] : sea.items()) {
        const std::string p = path + ".submarine_half_width_m." + key;
        auto w = parseWaters(key);
        if (!w)
            throw ParseError{p, "not a waters value (open, bay, port)"};
        set.submarineHalfWidthM[*w] = positiveNumber(value, p);
    }
    for (const Waters w : {Waters::Open, Waters::Bay, Waters::Port})
        if (!set.submarineHalfWidthM.count(w))
            throw ParseError{path + ".submarine_half_width_m." + std::string(toString(w)),
                             "missing"};
    if (zones.contains("buffer_quadrant_segments")) {
        const long n =
            positiveInteger(zones["buffer_quadrant_segments"], path + ".buffer_quadrant_segments");
        if (n < 2 || n > 90)
            throw ParseError{path + ".buffer_quadrant_segments", "expected 2 to 90"};
        set.bufferQuadrantSegments = static_cast<int>(n);
    }
}

/// "network": optional; absent keys keep the RuleSet's defaults (hosts
/// without a radius fall back to SH-17's default_coverage_radius_m).
void parseNetwork(const json& network, RuleSet& set) {
    const std::string path = "network";
    if (!network.is_object())
        throw ParseError{path, "expected an object"};
    checkKeys(network, path, {"snap_tolerance_m", "coverage_radius_by_host_m"});
    if (network.contains("snap_tolerance_m")) {
        set.networkSnapToleranceM =
            positiveNumber(network["snap_tolerance_m"], path + ".snap_tolerance_m", true);
        if (set.networkSnapToleranceM > 10000.0)
            throw ParseError{path + ".snap_tolerance_m", "expected at most 10000 m"};
    }
    if (network.contains("coverage_radius_by_host_m")) {
        const json& radii = network["coverage_radius_by_host_m"];
        const std::string rp = path + ".coverage_radius_by_host_m";
        if (!radii.is_object())
            throw ParseError{rp, "expected an object"};
        for (const auto& [key, value] : radii.items()) {
            auto host = parseHostType(key);
            if (!host)
                throw ParseError{rp + "." + key, "not a host type"};
            set.coverageRadiusByHostM[*host] = positiveNumber(value, rp + "." + key);
        }
    }
}

/// "scenario": optional thresholds of the scenario engine.
void parseScenario(const json& scenario, RuleSet& set) {
    const std::string path = "scenario";
    if (!scenario.is_object())
        throw ParseError{path, "expected an object"};
    checkKeys(
        scenario, path,
        {"anchor_sog_threshold_kn", "anchor_min_duration_min", "typhoon_exposure_min_wind_ms"});
    if (scenario.contains("anchor_sog_threshold_kn"))
        set.anchorSogThresholdKn =
            positiveNumber(scenario["anchor_sog_threshold_kn"], path + ".anchor_sog_threshold_kn");
    if (scenario.contains("anchor_min_duration_min"))
        set.anchorMinDurationS = 60.0 * positiveNumber(scenario["anchor_min_duration_min"],
                                                       path + ".anchor_min_duration_min", true);
    if (scenario.contains("typhoon_exposure_min_wind_ms"))
        set.typhoonExposureMinWindMs = positiveNumber(scenario["typhoon_exposure_min_wind_ms"],
                                                      path + ".typhoon_exposure_min_wind_ms");
}

/// The works kinds and cable classes a zone rule applies to when its entry
/// does not list them (the defaults of docs/assets.md).
void applyDefaultLists(RuleDefinition& d) {
    using W = WorksKind;
    using C = CableClass;
    const std::vector<W> marine = {W::Anchoring, W::Trawling, W::SandDigging,
                                   W::Blasting,  W::Piling,   W::Drilling};
    if (d.code == rulecodes::kLandProtection) {
        d.worksKinds = {W::Excavation, W::Piling,   W::Drilling,  W::Trenching,
                        W::PipeLaying, W::Blasting, W::Demolition};
        d.cableClasses = {C::Duct, C::Buried, C::Aerial, C::Underwater};
    } else if (d.code == rulecodes::kUnderwaterProhibited) {
        d.worksKinds = marine;
        d.cableClasses = {C::Underwater, C::Submarine};
    } else if (d.code == rulecodes::kSubmarineProhibited) {
        d.worksKinds = marine;
        d.cableClasses = {C::Submarine};
    }
}

void parseRule(const json& rule, const std::string& path, RuleSet& set,
               const std::map<std::string, std::map<std::string, ParamSetter>>& params) {
    if (!rule.is_object())
        throw ParseError{path, "expected an object"};
    RuleDefinition d;
    d.code = stringAt(member(rule, "code", path), path + ".code");
    const auto spec = params.find(d.code);
    if (spec == params.end())
        throw ParseError{path + ".code", "unknown rule code '" + d.code + "'"};
    if (set.rules.count(d.code))
        throw ParseError{path + ".code", "rule '" + d.code + "' given twice"};
    std::vector<std::string> allowed = {"code",       "article",    "severity",
                                        "message_zh", "message_en", "enabled"};
    for (const auto& [key, setter] : spec->second)
        allowed.push_back(key);
    checkKeys(rule, path, allowed);
    d.article = stringAt(member(rule, "article", path), path + ".article");
    const std::string severity = stringAt(member(rule, "severity", path), path + ".severity");
    auto s = parseRuleSeverity(severity);
    if (!s)
        throw ParseError{path + ".severity",
                         "expected advice, warning or violation, got '" + severity + "'"};
    d.severity = *s;
    d.messageZh = stringAt(member(rule, "message_zh", path), path + ".message_zh");
    d.messageEn = stringAt(member(rule, "message_en", path), path + ".message_en");
    if (rule.contains("enabled")) {
        if (!rule["enabled"].is_boolean())
            throw ParseError{path + ".enabled", "expected true or false"};
        d.enabled = rule["enabled"].get<bool>();
    }
    applyDefaultLists(d);
    for (const auto& [key, setter] : spec->second)
        if (rule.contains(key))
            setter(rule[key], path + "." + key, set, d);
    set.rules[d.code] = std::move(d);
}

/// "works": optional limits of check-works.
void parseWorks(const json& works, RuleSet& set) {
    const std::string path = "works";
    if (!works.is_object())
        throw ParseError{path, "expected an object"};
    checkKeys(works, path, {"max_area_km2"});
    if (works.contains("max_area_km2"))
        set.maxWorksAreaKm2 = positiveNumber(works["max_area_km2"], path + ".max_area_km2");
}

RuleSet parseDocument(const json& doc) {
    if (!doc.is_object())
        throw ParseError{"", "expected a JSON object at the top"};
    checkKeys(doc, "",
              {"format", "format_version", "name", "version", "protection_zones", "network",
               "scenario", "works", "rules"});
    if (stringAt(member(doc, "format", ""), "format") != "citytwin-rules")
        throw ParseError{"format", "expected \"citytwin-rules\""};
    const json& fv = member(doc, "format_version", "");
    if (!fv.is_number_integer() || fv.get<long long>() != 1)
        throw ParseError{"format_version", "this citytwin reads format_version 1"};
    RuleSet set;
    set.name = stringAt(member(doc, "name", ""), "name");
    set.version = stringAt(member(doc, "version", ""), "version");
    parseZones(member(doc, "protection_zones", ""), set);
    if (doc.contains("network"))
        parseNetwork(doc["network"], set);
    if (doc.contains("scenario"))
        parseScenario(doc["scenario"], set);
    if (doc.contains("works"))
        parseWorks(doc["works"], set);
    const json& rules = member(doc, "rules", "");
    if (!rules.is_array())
        throw ParseError{"rules", "expected an array"};
    const auto params = ruleParams();
    for (std::size_t i = 0; i < rules.size(); ++i)
        parseRule(rules[i], "rules[" + std::to_string(i) + "]", set, params);
    for (const auto& code : rulecodes::all())
        if (!set.rules.count(code))
            throw ParseError{
                "rules", "rule '" + code + "' is missing (set \"enabled\": false to turn it off)"};
    return set;
}

}  // namespace

std::string_view toString(RuleSeverity s) {
    switch (s) {
        case RuleSeverity::Advice:
            return "advice";
        case RuleSeverity::Warning:
            return "warning";
        case RuleSeverity::Violation:
            return "violation";
    }
    return "warning";
}

std::optional<RuleSeverity> parseRuleSeverity(std::string_view s) {
    if (s == "advice")
        return RuleSeverity::Advice;
    if (s == "warning")
        return RuleSeverity::Warning;
    if (s == "violation")
        return RuleSeverity::Violation;
    return std::nullopt;
}

namespace rulecodes {
const std::vector<std::string>& all() {
    static const std::vector<std::string> kAll = {kPublicFacilityFirst,
                                                  kShareFirst,
                                                  kPublicPlaces,
                                                  kCoverageGap,
                                                  kInspection,
                                                  kWorksNotice,
                                                  kRemovedWithoutReplacement,
                                                  kDecommissioned,
                                                  kSigns,
                                                  kLandProtection,
                                                  kUnderwaterProhibited,
                                                  kInterference,
                                                  kSubmarineZone,
                                                  kSubmarineProhibited,
                                                  kIncident};
    return kAll;
}
}  // namespace rulecodes

const RuleDefinition* RuleSet::find(std::string_view code) const {
    const auto it = rules.find(std::string(code));
    if (it == rules.end() || !it->second.enabled)
        return nullptr;
    return &it->second;
}

double RuleSet::coverageRadiusFor(std::optional<HostType> maybeHost) const {
    if (maybeHost) {
        const auto it = coverageRadiusByHostM.find(*maybeHost);
        if (it != coverageRadiusByHostM.end())
            return it->second;
    }
    return defaultCoverageRadiusM;
}

double RuleSet::halfWidthM(std::optional<CableClass> maybeClass,
                           std::optional<Waters> maybeWaters) const {
    if (!maybeClass)
        return 0.0;
    if (*maybeClass == CableClass::Submarine) {
        const auto it = submarineHalfWidthM.find(maybeWaters.value_or(Waters::Open));
        return it == submarineHalfWidthM.end() ? 0.0 : it->second;
    }
    const auto it = landHalfWidthM.find(*maybeClass);
    return it == landHalfWidthM.end() ? 0.0 : it->second;
}

double RuleSet::maxHalfWidthM() const {
    double m = 0.0;
    for (const auto& [c, w] : landHalfWidthM)
        m = std::max(m, w);
    for (const auto& [c, w] : submarineHalfWidthM)
        m = std::max(m, w);
    return m;
}

geo::Result<RuleSet> parseRules(std::string_view text, const std::string& sourceName) {
    // json::parse would throw out_of_range past its parse_error on "1e999".
    const auto parsed = citytwin::json::parseJsonText(text);
    if (!parsed.ok)
        return R::failure("not valid JSON: " + parsed.message, sourceName, parsed.line,
                          parsed.path);
    try {
        RuleSet set = parseDocument(parsed.doc);
        set.sourcePath = sourceName;
        return set;
    } catch (const ParseError& e) {
        return R::failure(e.message, sourceName, 0, e.field);
    } catch (const std::exception& e) {
        return R::failure(std::string("unexpected JSON content: ") + e.what(), sourceName);
    }
}

geo::Result<RuleSet> loadRules(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return R::failure("cannot open rules file", path);
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        return R::failure("cannot read rules file", path);
    return parseRules(text.str(), path);
}

std::string_view defaultRulesText() {
    return detail::kDefaultRulesText;
}

const RuleSet& defaultRules() {
    static const RuleSet kDefaults = [] {
        auto parsed = parseRules(defaultRulesText(), "(built-in shanghai-2023.json)");
        // The shipped file is tested; a broken build-in is a programming error.
        if (!parsed)
            std::abort();
        return std::move(parsed).value();
    }();
    return kDefaults;
}

}  // namespace citytwin::assets
