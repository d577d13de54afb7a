// Scenario files: what parses, what is refused and how the error names the
// file, the event index and the field.

#include <gtest/gtest.h>

#include <fstream>

#include "AssetTestSupport.h"
#include "ScenarioTestSupport.h"
#include "citytwin/assets/scenario/ScenarioFile.h"

using namespace citytwin;
using namespace citytwin::assets;

namespace {

std::string withEvents(const std::string& events) {
    return R"J({"version": 1, "name": {"zh": "测试", "en": "test"}, "seed": 3,
  "start": "2026-06-15T10:00:00+08:00", "end": "2026-06-15T16:00:00+08:00",
  "events": [)J" +
           events + "]}";
}

const char* kCut =
    R"J({"type": "cable_cut", "at": "2026-06-15T10:00:00+08:00", "cable": "A", "position_m": 120.5, "repair_at": "2026-06-15T14:00:00+08:00", "cause": "excavator"})J";
const char* kVessel =
    R"J({"type": "vessel", "id": "413000001", "name": "Hai Xing", "track": [
      {"at": "2026-06-15T10:00:00+08:00", "lon": 121.9, "lat": 31.0, "sog_kn": 6.0, "status": "underway"},
      {"at": "2026-06-15T10:30:00+08:00", "lon": 121.95, "lat": 31.02, "sog_kn": 0.2, "status": "anchored"}]})J";
const char* kExcavation =
    R"J({"type": "excavation", "id": "W1", "kind": "excavation", "keyframes": [
      {"at": "2026-06-15T10:00:00+08:00", "wkt": "POLYGON ((121.5 31.24, 121.501 31.24, 121.501 31.241, 121.5 31.241, 121.5 31.24))"},
      {"at": "2026-06-15T11:00:00+08:00", "wkt": "POLYGON ((121.5 31.239, 121.501 31.239, 121.501 31.240, 121.5 31.240, 121.5 31.239))"}]})J";

geo::Diagnostic firstError(const geo::Result<Scenario>& r) {
    for (const auto& d : r.diagnostics())
        if (d.severity == geo::Severity::Error)
            return d;
    return {};
}

}  // namespace

TEST(ScenarioFile, parsesEveryEventType) {
    const std::string others = R"J(,
    {"type": "site_outage", "at": "2026-06-15T11:00:00+08:00", "site": "S1", "cause": "power", "battery_h": 2, "restore_at": "2026-06-15T15:00:00+08:00"},
    {"type": "typhoon", "id": "T1", "track": [{"at": "2026-06-15T10:00:00+08:00", "lon": 122.5, "lat": 30.5, "radius_km": 150, "wind_ms": 33}], "damage_wind_ms": 30, "repair_after_h": 3},
    {"type": "sensor_fault", "at": "2026-06-15T12:00:00+08:00", "sensor": "SEN-1", "mode": "stuck", "until": "2026-06-15T13:00:00+08:00"},
    {"type": "interference", "at": "2026-06-15T12:00:00+08:00", "id": "JAM-1", "lon": 121.5, "lat": 31.24, "power_w": 20})J";
    const auto r = parseScenario(
        withEvents(std::string(kCut) + "," + kVessel + "," + kExcavation + others), "ok.json");
    ASSERT_TRUE(r.ok()) << r.messages();
    const auto& s = r.value();
    EXPECT_EQ(s.nameZh, "测试");
    EXPECT_EQ(s.seed, 3u);
    EXPECT_EQ(s.start, test::kT0);
    ASSERT_EQ(s.events.size(), 7u);
    const auto& cut = std::get<CableCutEvent>(s.events[0]);
    EXPECT_EQ(cut.cable, "A");
    EXPECT_DOUBLE_EQ(*cut.maybeArcM, 120.5);
    EXPECT_EQ(*cut.maybeRepairAt, test::kT0 + 4 * 3600000);
    const auto& vessel = std::get<VesselEvent>(s.events[1]);
    EXPECT_EQ(vessel.track[1].status, VesselStatus::Anchored);
    EXPECT_EQ(std::get<ExcavationEvent>(s.events[2]).keyframes[1].polygon.rings[0].size(), 5u);
    EXPECT_EQ(std::get<SiteOutageEvent>(s.events[3]).maybeBatteryH.value(), 2.0);
    EXPECT_EQ(std::get<TyphoonEvent>(s.events[4]).maybeDamageWindMs.value(), 30.0);
    EXPECT_EQ(std::get<SensorFaultEvent>(s.events[5]).mode, SensorFaultMode::Stuck);
    EXPECT_EQ(std::get<InterferenceEvent>(s.events[6]).powerW, 20.0);
    EXPECT_STREQ(eventTypeName(s.events[4]), "typhoon");
}

TEST(ScenarioFile, writeThenParseGivesTheSameScenario) {
    const auto r =
        parseScenario(withEvents(std::string(kCut) + "," + kVessel + "," + kExcavation), "ok.json");
    ASSERT_TRUE(r.ok()) << r.messages();
    const std::string text = writeScenario(r.value());
    const auto again = parseScenario(text, "again.json");
    ASSERT_TRUE(again.ok()) << again.messages() << "\n" << text;
    EXPECT_EQ(writeScenario(again.value()), text);
    const auto& a = std::get<ExcavationEvent>(r.value().events[2]).keyframes[1].polygon.rings[0];
    const auto& b =
        std::get<ExcavationEvent>(again.value().events[2]).keyframes[1].polygon.rings[0];
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].x, b[i].x);
        EXPECT_EQ(a[i].y, b[i].y);
    }
}

struct BadCase {
    const char* what;
    std::string text;
    std::string field;    ///< the JSON path the error must name
    std::string mention;  ///< a word the message must hold ("event 1")
};

TEST(ScenarioFile, badFilesNameTheFileTheEventAndTheField) {
    const std::string cut = kCut;
    const std::vector<BadCase> cases = {
        {"unknown type",
         withEvents(cut + R"J(, {"type": "meteor", "at": "2026-06-15T10:00:00+08:00"})J"),
         "events[1].type", "event 1"},
        {"unknown key",
         withEvents(
             R"J({"type": "cable_cut", "at": "2026-06-15T10:00:00+08:00", "cable": "A", "repiar_at": "2026-06-15T11:00:00+08:00"})J"),
         "events[0].repiar_at", "unknown key"},
        {"time without a zone",
         withEvents(R"J({"type": "cable_cut", "at": "2026-06-15T10:00:00", "cable": "A"})J"),
         "events[0].at", "zone"},
        {"time before the start",
         withEvents(R"J({"type": "cable_cut", "at": "2026-06-15T09:00:00+08:00", "cable": "A"})J"),
         "events[0].at", "outside"},
        {"repair before the cut",
         withEvents(
             R"J({"type": "cable_cut", "at": "2026-06-15T12:00:00+08:00", "cable": "A", "repair_at": "2026-06-15T11:00:00+08:00"})J"),
         "events[0].repair_at", "after"},
        {"track out of order", withEvents(cut + R"J(, {"type": "vessel", "id": "V", "track": [
            {"at": "2026-06-15T11:00:00+08:00", "lon": 121.9, "lat": 31.0, "sog_kn": 1, "status": "underway"},
            {"at": "2026-06-15T10:30:00+08:00", "lon": 121.9, "lat": 31.0, "sog_kn": 1, "status": "underway"}]})J"),
         "events[1].track[1].at", "increase"},
        {"latitude out of range",
         withEvents(cut + "," + cut + R"J(, {"type": "vessel", "id": "V", "track": [
            {"at": "2026-06-15T11:00:00+08:00", "lon": 121.9, "lat": 91.0, "sog_kn": 1, "status": "underway"}]})J"),
         "events[2].track[0].lat", "event 2"},
        {"infinite speed", withEvents(R"J({"type": "vessel", "id": "V", "track": [
            {"at": "2026-06-15T11:00:00+08:00", "lon": 121.9, "lat": 31.0, "sog_kn": 1e999, "status": "underway"}]})J"),
         "events[0].track[0].sog_kn", "finite"},
        {"negative speed", withEvents(R"J({"type": "vessel", "id": "V", "track": [
            {"at": "2026-06-15T11:00:00+08:00", "lon": 121.9, "lat": 31.0, "sog_kn": -1, "status": "underway"}]})J"),
         "events[0].track[0].sog_kn", "event 0"},
        {"unknown status", withEvents(R"J({"type": "vessel", "id": "V", "track": [
            {"at": "2026-06-15T11:00:00+08:00", "lon": 121.9, "lat": 31.0, "sog_kn": 1, "status": "fishing"}]})J"),
         "events[0].track[0].status", "fishing"},
        {"empty track", withEvents(R"J({"type": "vessel", "id": "V", "track": []})J"),
         "events[0].track", "empty"},
        {"bad WKT",
         withEvents(R"J({"type": "excavation", "id": "W", "kind": "excavation", "keyframes": [
            {"at": "2026-06-15T11:00:00+08:00", "wkt": "POLYGON ((121.5 31.24, 121.501"}]})J"),
         "events[0].keyframes[0].wkt", "WKT"},
        {"not a polygon",
         withEvents(R"J({"type": "excavation", "id": "W", "kind": "excavation", "keyframes": [
            {"at": "2026-06-15T11:00:00+08:00", "wkt": "LINESTRING (121.5 31.24, 121.501 31.24)"}]})J"),
         "events[0].keyframes[0].wkt", "POLYGON"},
        {"self-intersecting polygon",
         withEvents(R"J({"type": "excavation", "id": "W", "kind": "excavation", "keyframes": [
            {"at": "2026-06-15T11:00:00+08:00", "wkt": "POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))"}]})J"),
         "events[0].keyframes[0].wkt", "invalid"},
        {"unknown works kind",
         withEvents(R"J({"type": "excavation", "id": "W", "kind": "picnic", "keyframes": [
            {"at": "2026-06-15T11:00:00+08:00", "wkt": "POLYGON ((0 0, 1 0, 1 1, 0 0))"}]})J"),
         "events[0].kind", "picnic"},
        {"both position forms",
         withEvents(
             R"J({"type": "cable_cut", "at": "2026-06-15T10:00:00+08:00", "cable": "A", "position_m": 3, "lon": 121.5, "lat": 31.2})J"),
         "events[0].lon", "not both"},
        {"missing cable",
         withEvents(R"J({"type": "cable_cut", "at": "2026-06-15T10:00:00+08:00"})J"),
         "events[0].cable", "missing"},
        {"unknown fault mode",
         withEvents(
             R"J({"type": "sensor_fault", "at": "2026-06-15T10:00:00+08:00", "sensor": "X", "mode": "melted"})J"),
         "events[0].mode", "melted"},
        {"typhoon radius zero",
         withEvents(
             R"J({"type": "typhoon", "id": "T", "track": [{"at": "2026-06-15T10:00:00+08:00", "lon": 122, "lat": 30, "radius_km": 0, "wind_ms": 30}]})J"),
         "events[0].track[0].radius_km", "event 0"},
        {"end before start",
         R"J({"version": 1, "name": {"zh": "a", "en": "a"}, "seed": 1, "start": "2026-06-15T10:00:00Z", "end": "2026-06-15T09:00:00Z", "events": []})J",
         "end", "after start"},
        {"wrong version",
         R"J({"version": 2, "name": {"zh": "a", "en": "a"}, "seed": 1, "start": "2026-06-15T10:00:00Z", "end": "2026-06-15T11:00:00Z", "events": []})J",
         "version", "version 1"},
        {"negative seed",
         R"J({"version": 1, "name": {"zh": "a", "en": "a"}, "seed": -1, "start": "2026-06-15T10:00:00Z", "end": "2026-06-15T11:00:00Z", "events": []})J",
         "seed", "non-negative"},
        {"missing English name",
         R"J({"version": 1, "name": {"zh": "a"}, "seed": 1, "start": "2026-06-15T10:00:00Z", "end": "2026-06-15T11:00:00Z", "events": []})J",
         "name.en", "missing"},
    };
    for (const auto& c : cases) {
        const auto r = parseScenario(c.text, "bad.json");
        EXPECT_FALSE(r.ok()) << c.what;
        const auto d = firstError(r);
        EXPECT_EQ(d.source, "bad.json") << c.what;
        EXPECT_EQ(d.field, c.field) << c.what << ": " << d.toString();
        EXPECT_NE(d.message.find(c.mention), std::string::npos) << c.what << ": " << d.toString();
    }
}

TEST(ScenarioFile, syntaxErrorsNameLineAndColumn) {
    const std::string text =
        "{\"version\": 1,\n  \"name\": {\"zh\": \"a\", \"en\": \"a\"},\n  \"seed\": ,\n}";
    const auto r = parseScenario(text, "syntax.json");
    ASSERT_FALSE(r.ok());
    const auto d = firstError(r);
    EXPECT_EQ(d.line, 3);
    EXPECT_NE(d.message.find("line 3, column 11"), std::string::npos) << d.message;
}

TEST(ScenarioFile, loadNamesAMissingFile) {
    const auto r = loadScenario("/nonexistent/scenario.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(firstError(r).source, "/nonexistent/scenario.json");
}

TEST(ScenarioFile, checkAgainstTheNetworkNamesUnknownIdsAndFarPoints) {
    const auto network = test::ringNetwork();
    auto s = test::emptyScenario();
    CableCutEvent cut;
    cut.at = s.start;
    cut.cable = "A";
    cut.maybeArcM = 500.0;
    s.events.push_back(cut);
    EXPECT_TRUE(checkScenarioAgainst(s, network).ok());

    CableCutEvent unknown = cut;
    unknown.cable = "Z";
    s.events.push_back(unknown);
    auto r = checkScenarioAgainst(s, network);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.diagnostics()[0].field, "events[1].cable");
    EXPECT_EQ(r.diagnostics()[0].source, "test.json");

    s.events.back() = cut;
    std::get<CableCutEvent>(s.events.back()).maybeArcM = 5000.0;  // A is 1 km long
    r = checkScenarioAgainst(s, network);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.diagnostics()[0].field, "events[1].position_m");

    CableCutEvent far = cut;
    far.maybeArcM.reset();
    far.maybeLonLat = test::metresAt(500, 800);  // 800 m from A
    s.events.back() = far;
    r = checkScenarioAgainst(s, network);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.diagnostics()[0].field, "events[1].lon");

    SiteOutageEvent outage;
    outage.at = s.start;
    outage.site = "C";  // a core node, not a site
    s.events.back() = outage;
    r = checkScenarioAgainst(s, network);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.diagnostics()[0].field, "events[1].site");
}
