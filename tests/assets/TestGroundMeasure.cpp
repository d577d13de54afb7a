// Measurements against PROJ's own geodesics (GeographicLib's algorithms in
// geodesic.h: geod_inverse, geod_polygonarea) and PROJ's geocentric
// conversion: ground lengths, areas and 3D chords to under a centimetre.

#include <gtest/gtest.h>

#include <geodesic.h>
#include <proj.h>

#include <cmath>
#include <vector>

#include "citytwin/assets/GroundMeasure.h"

using namespace citytwin;

namespace {

struct geod_geodesic wgs84Geodesic() {
    struct geod_geodesic g;
    geod_init(&g, 6378137.0, 1.0 / 298.257223563);
    return g;
}

double geodesicLength(const geo::GeoPoint& a, const geo::GeoPoint& b) {
    const auto g = wgs84Geodesic();
    double s12 = 0.0;
    geod_inverse(&g, a.y, a.x, b.y, b.x, &s12, nullptr, nullptr);
    return s12;
}

/// Straight-line distance between lon/lat/h points through PROJ's EPSG:4979 -> EPSG:4978.
double chordByProj(const geo::GeoPoint& a, const geo::GeoPoint& b) {
    PJ_CONTEXT* ctx = proj_context_create();
    PJ* raw = proj_create_crs_to_crs(ctx, "EPSG:4979", "EPSG:4978", nullptr);
    PJ* p = proj_normalize_for_visualization(ctx, raw);
    const PJ_COORD ea = proj_trans(p, PJ_FWD, proj_coord(a.x, a.y, a.z, 0));
    const PJ_COORD eb = proj_trans(p, PJ_FWD, proj_coord(b.x, b.y, b.z, 0));
    proj_destroy(p);
    proj_destroy(raw);
    proj_context_destroy(ctx);
    return std::sqrt(std::pow(eb.xyz.x - ea.xyz.x, 2) + std::pow(eb.xyz.y - ea.xyz.y, 2) +
                     std::pow(eb.xyz.z - ea.xyz.z, 2));
}

// Lujiazui to the Bund and beyond: 1.5 degrees east of CM 120 E, where the
// Gauss-Kruger scale is 1.0002 (20 cm per km if it were not divided out).
const std::vector<geo::GeoPoint> kPath = {
    {121.4998, 31.2397, 4.0},    // Oriental Pearl Tower foot
    {121.5055, 31.2335, 632.0},  // Shanghai Tower top
    {121.4903, 31.2400, 10.0},   // the Bund
    {121.4500, 31.2200, 0.0},    // Jing'an, 4 km west
    {121.5800, 31.1500, 30.0},   // Pudong, 15 km south-east
};

}  // namespace

TEST(GroundMeasure, groundLengthsMatchTheGeodesicToACentimetre) {
    auto m = assets::GroundMeasure::create("", kPath.front());
    ASSERT_TRUE(m) << m.messages();
    EXPECT_EQ(m->crsCode(), "EPSG:4549");
    const auto path = m->measurePath(kPath);
    ASSERT_EQ(path.segments.size(), kPath.size() - 1);
    double total = 0.0;
    for (std::size_t i = 0; i < path.segments.size(); ++i) {
        const double ref = geodesicLength(kPath[i], kPath[i + 1]);
        EXPECT_NEAR(path.segments[i].groundM, ref, 0.01) << "segment " << i;
        EXPECT_DOUBLE_EQ(path.segments[i].riseM, kPath[i + 1].z - kPath[i].z);
        total += ref;
    }
    EXPECT_NEAR(path.groundTotalM, total, 0.02);
    // The plane without its scale would be 20 cm per km off: the test sees it.
    const double k = m->scaleAt(kPath.front());
    EXPECT_GT(k, 1.0002);
    EXPECT_LT(k, 1.0004);
}

TEST(GroundMeasure, straightLengthsAreThe3dChordsPROJComputes) {
    auto m = assets::GroundMeasure::create("", kPath.front());
    ASSERT_TRUE(m) << m.messages();
    const auto path = m->measurePath(kPath);
    double total = 0.0;
    for (std::size_t i = 0; i < path.segments.size(); ++i) {
        const double ref = chordByProj(kPath[i], kPath[i + 1]);
        EXPECT_NEAR(path.segments[i].straightM, ref, 0.01) << "segment " << i;
        total += ref;
    }
    EXPECT_NEAR(path.straightTotalM, total, 0.01);
    // Up the Shanghai Tower: the chord is the hypotenuse over ground and rise.
    const auto& up = path.segments[0];
    EXPECT_NEAR(up.straightM, std::hypot(up.groundM, up.riseM), 0.5);
    EXPECT_GT(up.straightM, up.groundM + 150.0);
}

TEST(GroundMeasure, areaAndPerimeterMatchTheGeodesicPolygon) {
    const std::vector<std::vector<geo::GeoPoint>> rings = {
        // Century Park, about 1.4 km across
        {{121.5450, 31.2200, 0},
         {121.5580, 31.2190, 0},
         {121.5600, 31.2100, 0},
         {121.5480, 31.2080, 0},
         {121.5430, 31.2140, 0}},
        // a 10 km box across Puxi and Pudong, closed explicitly, clockwise
        {{121.40, 31.30, 0},
         {121.50, 31.30, 0},
         {121.50, 31.21, 0},
         {121.40, 31.21, 0},
         {121.40, 31.30, 0}},
        // a 30 m building footprint in Lujiazui
        {{121.50100, 31.23900, 0},
         {121.50130, 31.23900, 0},
         {121.50130, 31.23925, 0},
         {121.50100, 31.23925, 0}},
    };
    const auto g = wgs84Geodesic();
    for (const auto& ring : rings) {
        auto m = assets::GroundMeasure::create("", ring.front());
        ASSERT_TRUE(m) << m.messages();
        std::vector<double> lats, lons;
        std::size_t n = ring.size();
        if (ring.front().x == ring.back().x && ring.front().y == ring.back().y)
            --n;
        for (std::size_t i = 0; i < n; ++i) {
            lats.push_back(ring[i].y);
            lons.push_back(ring[i].x);
        }
        double area = 0.0, perimeter = 0.0;
        geod_polygonarea(&g, lats.data(), lons.data(), int(n), &area, &perimeter);
        const auto a = m->measureArea(ring);
        // 1 cm on the side of a square of the same area.
        const double tolerance = 2.0 * std::sqrt(std::fabs(area)) * 0.01;
        EXPECT_NEAR(a.areaM2, std::fabs(area), tolerance) << "ring of " << n;
        EXPECT_NEAR(a.perimeterM, perimeter, 0.01) << "ring of " << n;
        EXPECT_GT(a.planeAreaM2, a.areaM2);  // the plane enlarges
    }
}

TEST(GroundMeasure, aProjectCrsMeasuresTheSame) {
    auto utm = assets::GroundMeasure::create("EPSG:32651", kPath.front());  // scale 0.99985 here
    ASSERT_TRUE(utm) << utm.messages();
    EXPECT_LT(utm->scaleAt(kPath.front()), 0.9999);
    const auto path = utm->measurePath(kPath);
    for (std::size_t i = 0; i < path.segments.size(); ++i)
        EXPECT_NEAR(path.segments[i].groundM, geodesicLength(kPath[i], kPath[i + 1]), 0.01);
}

TEST(GroundMeasure, degreesAreRefused) {
    auto m = assets::GroundMeasure::create("EPSG:4326", kPath.front());
    ASSERT_FALSE(m);
    EXPECT_NE(m.messages().find("not a metric projection"), std::string::npos) << m.messages();
    auto bad = assets::GroundMeasure::create("EPSG:999999", kPath.front());
    EXPECT_FALSE(bad);
}
