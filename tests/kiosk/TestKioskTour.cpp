// The kiosk's tour file and player, without a window: every field checked
// with an error naming the stop and field, the demo tour valid, the player
// stepped by hand (no clock, no sleeps).

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "citytwin/test/TestPaths.h"
#include "kiosk/CameraFlight.h"
#include "kiosk/TourFile.h"
#include "kiosk/TourPlayer.h"

using namespace citytwin;
using namespace citytwin::app::kiosk;

namespace {

std::string stopJson(const std::string& extra = {}, const std::string& camera = {}) {
    return R"({"camera": {"lon": 121.5, "lat": 31.23, "height": 800, "heading": 30, "pitch": -30)" +
           camera + R"(}, "fly_s": 2, "dwell_s": 3, "caption": {"zh": "站", "en": "Stop"})" +
           extra + "}";
}

std::string tourJson(const std::string& stops, const std::string& top = {}) {
    return R"({"version": 1, "title": {"zh": "标题", "en": "Title"})" + top + R"(, "stops": [)" +
           stops + "]}";
}

/// The first diagnostic's "field: message" of a tour that must fail.
std::string errorOf(const std::string& json) {
    const auto r = parseTour(json, "t.json");
    EXPECT_FALSE(r.ok()) << json;
    if (r.ok() || r.diagnostics().empty())
        return {};
    return r.diagnostics().front().field + ": " + r.diagnostics().front().message;
}

TourStop stopAt(double lon, double fly, double dwell) {
    TourStop s;
    s.camera = {lon, 31.23, 800, 0, -30};
    s.flySeconds = fly;
    s.dwellSeconds = dwell;
    s.caption = {"z", "e"};
    return s;
}

}  // namespace

TEST(KioskTourFile, theShippedDemoTourIsValidAndVisitsTheDemo) {
    const auto tour = readTourFile(std::string(test::kRepoDataDir) + "/demo/kiosk-tour.json");
    ASSERT_TRUE(tour.ok()) << tour.messages();
    EXPECT_GE(tour->stops.size(), 5u);
    EXPECT_EQ(tour->idleReturnSeconds, 60.0);
    EXPECT_EQ(tour->exit.chord, "Ctrl+Alt+Shift+E");
    bool scenario = false;
    for (const TourStop& s : tour->stops) {
        EXPECT_GT(s.camera.lon, 121.47);
        EXPECT_LT(s.camera.lon, 121.53);
        EXPECT_FALSE(s.caption.zh.empty());
        EXPECT_FALSE(s.caption.en.empty());
        ASSERT_TRUE(s.maybeLayers.has_value());
        if (s.maybeScenario) {
            scenario = true;
            EXPECT_EQ(s.maybeScenario->file, "scenarios/lujiazui-cable-cut.json");
            // The dwell, at the stop's speed, plays the cut (10:00) through its repair (14:00).
            EXPECT_GE(s.dwellSeconds * s.maybeScenario->speed, 4 * 3600.0);
        }
    }
    EXPECT_TRUE(scenario);
}

TEST(KioskTourFile, readsEveryFieldOfAStop) {
    const auto tour = parseTour(
        tourJson(stopJson(R"(, "layers": ["buildings", "cables"],
                              "scenario": {"file": "s.json", "speed": 30},
                              "sensor_time": "2026-11-26T08:30:00+08:00")"),
                 R"(, "idle_return_s": 5, "exit": {"chord": "Ctrl+Alt+F12", "pin": "2468"},
                    "memory_ceiling_mb": 1024, "lighting": "night")"),
        "t.json");
    ASSERT_TRUE(tour.ok()) << tour.messages();
    EXPECT_EQ(tour->title.zh, "标题");
    EXPECT_EQ(tour->idleReturnSeconds, 5.0);
    EXPECT_EQ(tour->exit.chord, "Ctrl+Alt+F12");
    EXPECT_EQ(tour->exit.pin, "2468");
    EXPECT_EQ(tour->memoryCeilingMb, 1024);
    EXPECT_EQ(tour->lighting, "night");
    const TourStop& s = tour->stops.at(0);
    EXPECT_DOUBLE_EQ(s.camera.lon, 121.5);
    EXPECT_DOUBLE_EQ(s.camera.pitch, -30.0);
    EXPECT_EQ(s.flySeconds, 2.0);
    EXPECT_EQ(s.dwellSeconds, 3.0);
    ASSERT_TRUE(s.maybeLayers);
    EXPECT_EQ(*s.maybeLayers, (std::vector<std::string>{"buildings", "cables"}));
    ASSERT_TRUE(s.maybeScenario);
    EXPECT_EQ(s.maybeScenario->file, "s.json");
    EXPECT_EQ(s.maybeScenario->speed, 30.0);
    ASSERT_TRUE(s.maybeSensorTimeMs);
    EXPECT_EQ(*s.maybeSensorTimeMs, 1795653000000);  // 2026-11-26T00:30:00Z
    EXPECT_EQ(s.caption.en, "Stop");
}

TEST(KioskTourFile, defaultsApplyWhereFieldsAreOptional) {
    const auto tour = parseTour(
        tourJson(R"({"camera": {"lon": 1, "lat": 2, "height": 3, "heading": 4, "pitch": 5},
                     "caption": {"zh": "a", "en": "b"}})"),
        "t.json");
    ASSERT_TRUE(tour.ok()) << tour.messages();
    EXPECT_EQ(tour->idleReturnSeconds, 60.0);
    EXPECT_TRUE(tour->exit.pin.empty());
    EXPECT_EQ(tour->lighting, "clock");
    EXPECT_EQ(tour->stops[0].flySeconds, 8.0);
    EXPECT_FALSE(tour->stops[0].maybeLayers);
    EXPECT_FALSE(tour->stops[0].maybeScenario);
}

TEST(KioskTourFile, errorsNameTheStopAndTheField) {
    const std::string ok = stopJson();
    EXPECT_EQ(errorOf(tourJson(ok + "," + stopJson({}, R"(, "pitch": -120)"))),
              "stops[1].camera.pitch: out of range [-90, 90]");
    EXPECT_EQ(errorOf(tourJson(ok + "," + ok + "," + stopJson(R"(, "fly_s": "slow")"))),
              "stops[2].fly_s: must be a number");
    EXPECT_EQ(errorOf(tourJson(R"({"camera": {"lon": 1, "lat": 2, "height": 3, "heading": 4},
                                   "caption": {"zh": "a", "en": "b"}})")),
              "stops[0].camera.pitch: missing");
    EXPECT_EQ(errorOf(tourJson(stopJson(R"(, "layers": ["roads", 7])"))),
              "stops[0].layers[1]: must be a non-empty layer id");
    EXPECT_EQ(errorOf(tourJson(stopJson(R"(, "scenario": {"speed": 2})"))),
              "stops[0].scenario.file: missing");
    EXPECT_EQ(errorOf(tourJson(stopJson(R"(, "scenario": {"file": "a.json", "speed": 0})"))),
              "stops[0].scenario.speed: out of range [0.001, 100000]");
    EXPECT_EQ(errorOf(tourJson(stopJson(R"(, "sensor_time": "2026-11-26 08:00")"))),
              "stops[0].sensor_time: '2026-11-26 08:00' is not ISO 8601 with a zone");
    EXPECT_EQ(errorOf(tourJson(stopJson(R"(, "dwel_s": 3)"))), "stops[0].dwel_s: unknown field");
    EXPECT_EQ(errorOf(tourJson(R"({"camera": {"lon": 1, "lat": 2, "height": 3, "heading": 4,
                                   "pitch": 5}, "caption": {"zh": "a"}})")),
              "stops[0].caption.en: missing");
    EXPECT_EQ(errorOf(tourJson("")), "stops: must be an array of 1 to 1000 stops");
    EXPECT_EQ(errorOf(tourJson(ok, R"(, "idle_return_s": 0)")),
              "idle_return_s: out of range [1, 86400]");
    EXPECT_EQ(errorOf(tourJson(ok, R"(, "lighting": "dusk")")),
              "lighting: 'dusk' is not clock, fixed or night");
    EXPECT_EQ(errorOf(tourJson(ok, R"(, "exit": {"pin": "12ab"})")),
              "exit.pin: must be 4 to 12 digits");
    EXPECT_NE(errorOf(tourJson(ok, R"(, "exit": {"chord": "E"})")).find("exit.chord: 'E'"),
              std::string::npos);
    EXPECT_EQ(errorOf(R"({"title": {"zh": "a", "en": "b"}, "stops": []})"), "version: missing");
    const auto broken = parseTour("{\"version\": 1,", "broken.json");
    ASSERT_FALSE(broken.ok());
    EXPECT_NE(broken.messages().find("broken.json"), std::string::npos);
    EXPECT_NE(broken.messages().find("not valid JSON"), std::string::npos);
}

TEST(KioskTourFile, chordsNeedCtrlOrAltAndOneKey) {
    EXPECT_TRUE(isValidChord("Ctrl+Alt+Shift+E"));
    EXPECT_TRUE(isValidChord("Alt+F12"));
    EXPECT_FALSE(isValidChord("Shift+E"));  // a visitor typing capitals
    EXPECT_FALSE(isValidChord("Ctrl+Alt+"));
    EXPECT_FALSE(isValidChord("Ctrl+Hyper+E"));
    EXPECT_FALSE(isValidChord("Ctrl+Alt+Esc+E"));
    EXPECT_FALSE(isValidChord("E"));
}

TEST(KioskTourFile, theBuiltInTourIsValid) {
    const Tour t = builtinTour();
    ASSERT_GE(t.stops.size(), 2u);
    for (const TourStop& s : t.stops)
        EXPECT_FALSE(s.caption.en.empty());
}

TEST(KioskCameraFlight, easesInAndOutAndEndsOnTheTarget) {
    EXPECT_DOUBLE_EQ(easeInOut(0.0), 0.0);
    EXPECT_DOUBLE_EQ(easeInOut(1.0), 1.0);
    EXPECT_DOUBLE_EQ(easeInOut(0.5), 0.5);
    EXPECT_LT(easeInOut(0.05), 0.05 * 0.1);        // slow start
    EXPECT_GT(easeInOut(0.95), 1.0 - 0.05 * 0.1);  // slow finish
    const render::CameraPose a{121.48, 31.22, 500, 350, -20}, b{121.52, 31.25, 900, 10, -60};
    const auto end = interpolatePose(a, b, 1.0);
    EXPECT_DOUBLE_EQ(end.lon, b.lon);
    EXPECT_DOUBLE_EQ(end.lat, b.lat);
    EXPECT_DOUBLE_EQ(end.height, b.height);
    EXPECT_NEAR(std::fmod(end.heading + 360.0, 360.0), 10.0, 1e-9);
    // Heading the short way round: 350 -> 10 passes north, not south.
    const auto mid = interpolatePose(a, b, 0.5);
    EXPECT_NEAR(std::fmod(mid.heading + 360.0, 360.0), 0.0, 1e-9);
    // A long hop climbs above both ends.
    EXPECT_GT(mid.height, b.height);
}

TEST(KioskCameraFlight, poseFromLookAtInvertsLookAtFor) {
    const geo::LocalFrame frame(geo::GeoPoint{121.5, 31.23, 0.0});
    const render::CameraPose pose{121.505, 31.235, 650.0, 120.0, -35.0};
    const render::LookAt la = render::lookAtFor(pose, frame);
    const render::CameraPose back = poseFromLookAt(la.eye, la.center, frame);
    EXPECT_NEAR(back.lon, pose.lon, 1e-8);
    EXPECT_NEAR(back.lat, pose.lat, 1e-8);
    EXPECT_NEAR(back.height, pose.height, 1e-6);
    EXPECT_NEAR(back.heading, pose.heading, 1e-6);
    EXPECT_NEAR(back.pitch, pose.pitch, 1e-6);
}

TEST(KioskTourPlayer, fliesDwellsAndLoopsForever) {
    TourPlayer player({stopAt(121.48, 2, 3), stopAt(121.50, 4, 1)});
    const render::CameraPose start{121.40, 31.2, 2000, 0, -45};
    player.flyTo(0, start, 100.0);
    auto s = player.advance(100.0);
    ASSERT_TRUE(s.maybeFlightBegan);
    EXPECT_EQ(*s.maybeFlightBegan, 0u);
    EXPECT_EQ(s.phase, TourPlayer::Phase::Flying);
    EXPECT_DOUBLE_EQ(s.pose.lon, start.lon);
    s = player.advance(101.0);  // half way, eased
    EXPECT_FALSE(s.maybeFlightBegan);
    EXPECT_NEAR(s.pose.lon, (121.40 + 121.48) / 2, 1e-9);
    s = player.advance(102.5);
    EXPECT_EQ(s.phase, TourPlayer::Phase::Dwelling);
    ASSERT_TRUE(s.maybeArrived);
    EXPECT_EQ(*s.maybeArrived, 0u);
    EXPECT_DOUBLE_EQ(s.pose.lon, 121.48);
    s = player.advance(105.5);  // dwell over: flying to stop 1
    ASSERT_TRUE(s.maybeLeft);
    EXPECT_EQ(*s.maybeLeft, 0u);
    ASSERT_TRUE(s.maybeFlightBegan);
    EXPECT_EQ(*s.maybeFlightBegan, 1u);
    EXPECT_EQ(s.stop, 1u);
    s = player.advance(109.5);  // arrived at 1 (fly 4 s), dwelling 1 s
    EXPECT_EQ(s.phase, TourPlayer::Phase::Dwelling);
    EXPECT_EQ(s.stop, 1u);
    s = player.advance(110.5);  // and back to stop 0: the loop
    EXPECT_EQ(s.stop, 0u);
    EXPECT_EQ(s.phase, TourPlayer::Phase::Flying);
    // A hundred loops later it still knows where it is (one loop = 10 s).
    s = player.advance(110.5 + 1000.0);
    EXPECT_EQ(s.stop, 0u);
    EXPECT_EQ(s.phase, TourPlayer::Phase::Flying);
}

TEST(KioskTourPlayer, aVisitorPausesItAndResumingFliesToTheNextStop) {
    TourPlayer player({stopAt(121.48, 1, 5), stopAt(121.49, 1, 5), stopAt(121.50, 1, 5)});
    player.flyTo(0, {121.4, 31.2, 1000, 0, -45}, 0.0);
    player.advance(2.0);
    ASSERT_EQ(player.phase(), TourPlayer::Phase::Dwelling);
    player.pause();
    EXPECT_EQ(player.advance(50.0).phase, TourPlayer::Phase::Paused);
    const render::CameraPose visitor{121.45, 31.21, 300, 90, -10};
    player.resume(visitor, 60.0);
    auto s = player.advance(60.0);
    ASSERT_TRUE(s.maybeFlightBegan);
    EXPECT_EQ(*s.maybeFlightBegan, 1u);
    EXPECT_DOUBLE_EQ(s.pose.lon, visitor.lon);  // from where the visitor left it
    s = player.advance(61.0);
    EXPECT_EQ(s.phase, TourPlayer::Phase::Dwelling);
    EXPECT_DOUBLE_EQ(s.pose.lon, 121.49);
}

TEST(TourFile, aNumberNoDoubleHoldsOrAWrongTypeIsAnErrorNamingItsPath) {
    EXPECT_EQ(errorOf(tourJson("", R"(, "idle_return_s": 1e999)")).substr(0, 15),
              "idle_return_s: ");
    EXPECT_NE(errorOf(tourJson("", R"(, "idle_return_s": 1e999)")).find("out of range"),
              std::string::npos);
    EXPECT_EQ(errorOf(tourJson("", R"(, "idle_return_s": "soon")")).substr(0, 15),
              "idle_return_s: ");
}

// Bookmarks export through writeTour: what it writes parses back the same.
TEST(KioskTourFile, writeTourReadsBackToTheSameTour) {
    Tour tour;
    tour.title = {"我的书签", "My bookmarks"};
    tour.idleReturnSeconds = 90;
    tour.exit.pin = "2468";
    tour.memoryCeilingMb = 4096;
    tour.lighting = "fixed";
    TourStop a;
    a.camera = {121.4998, 31.2397, 650.5, 33.25, -37.5};
    a.flySeconds = 4;
    a.dwellSeconds = 12.5;
    a.maybeLayers = std::vector<std::string>{"buildings", "base_stations"};
    a.maybeSensorTimeMs = 1764576000123;
    a.caption = {"陆家嘴 \"中心\"", "Lujiazui \\ centre"};
    TourStop b;
    b.camera = {121.47, 31.22, 3000, -10, -90};
    b.maybeScenario = TourScenario{"cut.json", 600};
    b.caption = {"外滩", "Bund"};
    tour.stops = {a, b};

    const std::string text = writeTour(tour);
    const auto back = parseTour(text, "written.json");
    ASSERT_TRUE(back.ok()) << back.messages() << "\n" << text;
    EXPECT_EQ(back->title.zh, tour.title.zh);
    EXPECT_EQ(back->title.en, tour.title.en);
    EXPECT_EQ(back->idleReturnSeconds, 90);
    EXPECT_EQ(back->exit.pin, "2468");
    EXPECT_EQ(back->exit.chord, tour.exit.chord);
    EXPECT_EQ(back->memoryCeilingMb, 4096);
    EXPECT_EQ(back->lighting, "fixed");
    ASSERT_EQ(back->stops.size(), 2u);
    const TourStop& ra = back->stops[0];
    EXPECT_DOUBLE_EQ(ra.camera.lon, 121.4998);
    EXPECT_DOUBLE_EQ(ra.camera.lat, 31.2397);
    EXPECT_DOUBLE_EQ(ra.camera.height, 650.5);
    EXPECT_DOUBLE_EQ(ra.camera.heading, 33.25);
    EXPECT_DOUBLE_EQ(ra.camera.pitch, -37.5);
    EXPECT_DOUBLE_EQ(ra.flySeconds, 4);
    EXPECT_DOUBLE_EQ(ra.dwellSeconds, 12.5);
    ASSERT_TRUE(ra.maybeLayers);
    EXPECT_EQ(*ra.maybeLayers, (std::vector<std::string>{"buildings", "base_stations"}));
    ASSERT_TRUE(ra.maybeSensorTimeMs);
    EXPECT_EQ(*ra.maybeSensorTimeMs, 1764576000123);
    EXPECT_EQ(ra.caption.zh, a.caption.zh);
    EXPECT_EQ(ra.caption.en, a.caption.en);
    EXPECT_FALSE(ra.maybeScenario);
    const TourStop& rb = back->stops[1];
    EXPECT_FALSE(rb.maybeLayers);
    EXPECT_FALSE(rb.maybeSensorTimeMs);
    ASSERT_TRUE(rb.maybeScenario);
    EXPECT_EQ(rb.maybeScenario->file, "cut.json");
    EXPECT_DOUBLE_EQ(rb.maybeScenario->speed, 600);
    // A tour without a PIN or ceiling writes neither (the defaults stay defaults).
    Tour plain = tour;
    plain.exit.pin.clear();
    plain.memoryCeilingMb = 0;
    const std::string plainText = writeTour(plain);
    EXPECT_EQ(plainText.find("\"pin\""), std::string::npos);
    EXPECT_EQ(plainText.find("memory_ceiling_mb"), std::string::npos);
    EXPECT_TRUE(parseTour(plainText, "plain.json").ok());
}
