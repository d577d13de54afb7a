// "Go to" input: the spellings an operator types, the systems they come in,
// and errors that say what is wrong. Gauss-Kruger references come from PROJ
// directly (proj_create_crs_to_crs), not through our CrsTransform.

#include <gtest/gtest.h>

#include <proj.h>

#include <cmath>
#include <string>

#include "citytwin/geo/ChineseOffsets.h"
#include "citytwin/geo/CoordinateInput.h"

using namespace citytwin::geo;

namespace {

const double kLon = 121.4998;  // Oriental Pearl Tower, roughly
const double kLat = 31.2397;
constexpr double kTight = 1e-9;  // degrees; ~0.1 mm

CoordinateRequest in(CoordinateSystem s, int zone = 0, int width = 3) {
    return {s, zone, width};
}

/// WGS 84 lon/lat -> easting/northing of an EPSG CRS, by PROJ itself.
PJ_COORD projectWithProj(const char* target, double lon, double lat) {
    PJ_CONTEXT* ctx = proj_context_create();
    PJ* raw = proj_create_crs_to_crs(ctx, "EPSG:4326", target, nullptr);
    PJ* p = proj_normalize_for_visualization(ctx, raw);
    PJ_COORD c = proj_coord(lon, lat, 0, 0);
    PJ_COORD out = proj_trans(p, PJ_FWD, c);
    proj_destroy(p);
    proj_destroy(raw);
    proj_context_destroy(ctx);
    return out;
}

std::string fixed(double v, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

}  // namespace

TEST(CoordinateInput, decimalLatitudeFirstAsMapSitesCopyIt) {
    auto r = resolveCoordinate("31.2397, 121.4998", in(CoordinateSystem::Wgs84));
    ASSERT_TRUE(r) << r.messages();
    EXPECT_NEAR(r->wgs84.x, kLon, kTight);
    EXPECT_NEAR(r->wgs84.y, kLat, kTight);
}

TEST(CoordinateInput, decimalLongitudeFirstIsRecognisedByItsRange) {
    for (const char* text : {"121.4998 31.2397", "121.4998,31.2397", "121.4998；31.2397",
                             "121.4998，31.2397", "+121.4998\t31.2397"}) {
        auto r = resolveCoordinate(text, in(CoordinateSystem::Wgs84));
        ASSERT_TRUE(r) << text << ": " << r.messages();
        EXPECT_NEAR(r->wgs84.x, kLon, kTight) << text;
        EXPECT_NEAR(r->wgs84.y, kLat, kTight) << text;
    }
}

TEST(CoordinateInput, degreesMinutesSecondsWithHemispheresInAnyOrder) {
    const double lon = 121.0 + 29.0 / 60 + 59.0 / 3600;
    const double lat = 31.0 + 14.0 / 60 + 23.0 / 3600;
    for (const char* text :
         {"121°29'59\"E 31°14'23\"N", "31°14'23\"N, 121°29'59\"E", "N31°14'23\" E121°29'59\"",
          "121°29′59″E 31°14′23″N", "东经121度29分59秒 北纬31度14分23秒",
          "31d14'23''N 121°29'59''E", "121°29'59\"e，31°14'23\"n"}) {
        auto r = resolveCoordinate(text, in(CoordinateSystem::Wgs84));
        ASSERT_TRUE(r) << text << ": " << r.messages();
        EXPECT_NEAR(r->wgs84.x, lon, kTight) << text;
        EXPECT_NEAR(r->wgs84.y, lat, kTight) << text;
    }
    auto minutesOnly = resolveCoordinate("31°14.5'N 121°30'E", in(CoordinateSystem::Wgs84));
    ASSERT_TRUE(minutesOnly) << minutesOnly.messages();
    EXPECT_NEAR(minutesOnly->wgs84.y, 31.0 + 14.5 / 60, kTight);
    EXPECT_NEAR(minutesOnly->wgs84.x, 121.5, kTight);
}

TEST(CoordinateInput, southAndWestAreNegative) {
    auto r = resolveCoordinate("33°52'S 151°12'E", in(CoordinateSystem::Wgs84));
    ASSERT_TRUE(r) << r.messages();
    EXPECT_NEAR(r->wgs84.y, -(33.0 + 52.0 / 60), kTight);
    auto w = resolveCoordinate("51.5N 0.12W", in(CoordinateSystem::Wgs84));
    ASSERT_TRUE(w) << w.messages();
    EXPECT_NEAR(w->wgs84.x, -0.12, kTight);
}

TEST(CoordinateInput, gcj02AndBd09AreUndoneWithTheSharedOffsets) {
    const GeoPoint truth{kLon, kLat, 0.0};
    const GeoPoint gcj = wgs84ToGcj02(truth);
    const GeoPoint bd = wgs84ToBd09(truth);
    // The offsets move Shanghai by hundreds of metres: the test sees if they are applied.
    ASSERT_GT(std::fabs(gcj.x - truth.x) + std::fabs(gcj.y - truth.y), 1e-3);
    auto g =
        resolveCoordinate(fixed(gcj.y, 10) + ", " + fixed(gcj.x, 10), in(CoordinateSystem::Gcj02));
    ASSERT_TRUE(g) << g.messages();
    EXPECT_NEAR(g->wgs84.x, kLon, 1e-8);
    EXPECT_NEAR(g->wgs84.y, kLat, 1e-8);
    auto b = resolveCoordinate(fixed(bd.x, 10) + " " + fixed(bd.y, 10), in(CoordinateSystem::Bd09));
    ASSERT_TRUE(b) << b.messages();
    EXPECT_NEAR(b->wgs84.x, kLon, 1e-8);
    EXPECT_NEAR(b->wgs84.y, kLat, 1e-8);
    EXPECT_EQ(b->systemLabel, "BD-09");
}

TEST(CoordinateInput, cgcs2000DegreesLandWithinCentimetresOfWgs84) {
    auto r = resolveCoordinate("31.2397, 121.4998", in(CoordinateSystem::Cgcs2000));
    ASSERT_TRUE(r) << r.messages();
    EXPECT_NEAR(r->wgs84.x, kLon, 1e-6);
    EXPECT_NEAR(r->wgs84.y, kLat, 1e-6);
}

TEST(CoordinateInput, gaussKrugerZoneFromTheEastingsPrefix) {
    const PJ_COORD gk = projectWithProj("EPSG:4528", kLon, kLat);  // 3-degree zone 40
    ASSERT_GT(gk.xy.x, 40e6);
    // Easting first, and northing first as surveyors write X, Y.
    for (const std::string& text : {fixed(gk.xy.x, 4) + ", " + fixed(gk.xy.y, 4),
                                    fixed(gk.xy.y, 4) + " " + fixed(gk.xy.x, 4)}) {
        auto r = resolveCoordinate(text, in(CoordinateSystem::GaussKruger));
        ASSERT_TRUE(r) << text << ": " << r.messages();
        EXPECT_NEAR(r->wgs84.x, kLon, 1e-8) << text;
        EXPECT_NEAR(r->wgs84.y, kLat, 1e-8) << text;
        EXPECT_NE(r->systemLabel.find("zone 40"), std::string::npos) << r->systemLabel;
    }
    const PJ_COORD six = projectWithProj("EPSG:4499", kLon, kLat);  // 6-degree zone 21
    auto r6 = resolveCoordinate(fixed(six.xy.x, 4) + " " + fixed(six.xy.y, 4),
                                in(CoordinateSystem::GaussKruger));
    ASSERT_TRUE(r6) << r6.messages();
    EXPECT_NEAR(r6->wgs84.x, kLon, 1e-8);
    EXPECT_NEAR(r6->wgs84.y, kLat, 1e-8);
}

TEST(CoordinateInput, gaussKrugerWithoutPrefixNeedsTheChosenZone) {
    const PJ_COORD gk = projectWithProj("EPSG:4549", kLon, kLat);  // CM 120 E
    const std::string text = fixed(gk.xy.x, 4) + ", " + fixed(gk.xy.y, 4);
    auto missing = resolveCoordinate(text, in(CoordinateSystem::GaussKruger));
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.messages().find("choose the zone"), std::string::npos) << missing.messages();
    auto r = resolveCoordinate(text, in(CoordinateSystem::GaussKruger, 40, 3));
    ASSERT_TRUE(r) << r.messages();
    EXPECT_NEAR(r->wgs84.x, kLon, 1e-8);
    EXPECT_NEAR(r->wgs84.y, kLat, 1e-8);
    // The wrong zone lands three degrees away: the zone matters.
    auto wrong = resolveCoordinate(text, in(CoordinateSystem::GaussKruger, 41, 3));
    ASSERT_TRUE(wrong) << wrong.messages();
    EXPECT_NEAR(wrong->wgs84.x, kLon + 3.0, 0.01);
}

TEST(CoordinateInput, errorsNameWhatIsWrong) {
    struct Case {
        const char* text;
        CoordinateRequest request;
        const char* mustSay;
    };
    const Case cases[] = {
        {"", in(CoordinateSystem::Wgs84), "empty"},
        {"31.2397", in(CoordinateSystem::Wgs84), "only one value"},
        {"31.2397, 121.4998, 5", in(CoordinateSystem::Wgs84), "after the second value"},
        {"31.2397 x 121.4998", in(CoordinateSystem::Wgs84), "'x' at character 9"},
        {"31°75'N 121°E", in(CoordinateSystem::Wgs84), "minutes 75 must be below 60"},
        {"31°14'61\"N 121°E", in(CoordinateSystem::Wgs84), "seconds 61 must be below 60"},
        {"31N 32N", in(CoordinateSystem::Wgs84), "both values are marked as latitude"},
        {"95, 200", in(CoordinateSystem::Wgs84), "latitude 95"},
        {"-31N 121E", in(CoordinateSystem::Wgs84), "negative value"},
        {"1.2.3 4", in(CoordinateSystem::Wgs84), "'1.2.3' at character 1 is not a number"},
        {"14'23\" 121", in(CoordinateSystem::Wgs84), "needs degrees"},
        {"31°14'N 121°E", in(CoordinateSystem::GaussKruger), "not degrees"},
        {"3456789 4567890", in(CoordinateSystem::GaussKruger), "no easting"},
        {"50500000 3456789", in(CoordinateSystem::GaussKruger), "no easting"},
        {"40500000 3456789", in(CoordinateSystem::GaussKruger, 41, 3), "prefix says zone 40"},
        {"500000 3456789", in(CoordinateSystem::GaussKruger, 50, 3), "no CGCS2000 3-degree"},
        {"40 500 123 3456789", in(CoordinateSystem::Wgs84), "digit groups"},
    };
    for (const auto& c : cases) {
        auto r = resolveCoordinate(c.text, c.request);
        ASSERT_FALSE(r) << c.text;
        EXPECT_NE(r.messages().find(c.mustSay), std::string::npos)
            << c.text << " -> " << r.messages();
        EXPECT_EQ(r.diagnostics().front().field, "coordinate");
    }
}

TEST(CoordinateInput, epsgCodesOfTheGaussKrugerZones) {
    EXPECT_EQ(cgcs2000GaussKrugerEpsg(40, 3, true), 4528);
    EXPECT_EQ(cgcs2000GaussKrugerEpsg(40, 3, false), 4549);
    EXPECT_EQ(cgcs2000GaussKrugerEpsg(21, 6, true), 4499);
    EXPECT_EQ(cgcs2000GaussKrugerEpsg(21, 6, false), 4510);
    EXPECT_EQ(cgcs2000GaussKrugerEpsg(24, 6, true), 0);
    EXPECT_EQ(cgcs2000GaussKrugerEpsg(46, 3, false), 0);
}
