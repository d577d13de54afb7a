// ProtectionZoneBuilder: buffers in metres (not degrees) by class and waters,
// the zones as a WGS 84 layer and in a GeoPackage.

#include <cmath>

#include <gtest/gtest.h>

#include "AssetTestSupport.h"
#include "citytwin/assets/AssetProjectBuilder.h"
#include "citytwin/geo/VectorReader.h"

using namespace citytwin::assets;
using namespace citytwin::assets::test;

namespace {

bool zoneContains(const ProtectionZone& zone, const citytwin::geo::GeoPoint& p) {
    const MetricPlane plane(p);
    for (const auto& polygon : zone.polygons) {
        plane::PlanePolygon pp;
        for (const auto& ring : polygon.rings)
            pp.rings.push_back(plane.toPlane(ring));
        if (plane::pointInPolygon({0, 0}, pp))
            return true;
    }
    return false;
}

}  // namespace

TEST(ProtectionZones, submarineWidthsByWatersInMetresAlongALongRoute) {
    // A 300 km route east-north-east from the Nanhui coast: a degree buffer would
    // be wrong by the cosine of the latitude; a local metric one is not.
    ProjectBuilder b;
    b.line(layers::kCables, {{0, 0}, {150000, 20000}, {300000, 30000}},
           {{"id", "OPEN"}, {"class", "submarine"}, {"waters", "open"}});
    b.line(layers::kCables, {{0, 5000}, {3000, 5000}},
           {{"id", "BAY"}, {"class", "submarine"}, {"waters", "bay"}});
    b.line(layers::kCables, {{0, -5000}, {3000, -5000}},
           {{"id", "PORT"}, {"class", "submarine"}, {"waters", "port"}});
    b.line(layers::kCables, {{0, -9000}, {3000, -9000}}, {{"id", "DUCT"}, {"class", "duct"}});
    auto project = buildAssetProject(b.layers(), "p").value();
    auto zones = ProtectionZoneBuilder(defaultRules()).build(project.cables);
    ASSERT_TRUE(zones.ok());
    ASSERT_EQ(zones.value().size(), 4u);
    const auto& z = zones.value();
    EXPECT_EQ(z[0].halfWidthM, 500.0);
    EXPECT_EQ(z[0].ruleCode, "SCP-7");
    // Perpendicular offsets from the first segment's middle (direction 150000, 20000).
    const double len = std::hypot(150000.0, 20000.0);
    const double nx = -20000.0 / len, ny = 150000.0 / len;
    for (double side : {1.0, -1.0}) {
        EXPECT_TRUE(zoneContains(z[0], b.at(75000 + side * 495 * nx, 10000 + side * 495 * ny)));
        EXPECT_FALSE(zoneContains(z[0], b.at(75000 + side * 505 * nx, 10000 + side * 505 * ny)));
    }
    EXPECT_TRUE(zoneContains(z[1], b.at(1500, 5099)));
    EXPECT_FALSE(zoneContains(z[1], b.at(1500, 5101)));
    EXPECT_TRUE(zoneContains(z[2], b.at(1500, -4951)));
    EXPECT_FALSE(zoneContains(z[2], b.at(1500, -4949)));
    EXPECT_EQ(z[3].halfWidthM, 5.0);
    EXPECT_EQ(z[3].ruleCode, "SH-24-2");
    EXPECT_TRUE(zoneContains(z[3], b.at(1500, -9004.9)));
    EXPECT_FALSE(zoneContains(z[3], b.at(1500, -9005.1)));
}

TEST(ProtectionZones, unknownClassIsReportedAndSkipped) {
    ProjectBuilder b;
    b.line(layers::kCables, {{0, 0}, {100, 0}}, {{"id", "NO-CLASS"}});
    b.line(layers::kCables, {{0, 10}, {100, 10}}, {{"id", "OK"}, {"class", "aerial"}});
    auto project = buildAssetProject(b.layers(), "p").value();
    auto zones = ProtectionZoneBuilder(defaultRules()).build(project.cables);
    ASSERT_TRUE(zones.ok());
    EXPECT_EQ(zones.value().size(), 1u);
    EXPECT_NE(zones.messages().find("NO-CLASS"), std::string::npos);
}

TEST(ProtectionZones, layerAndGeoPackage) {
    ProjectBuilder b;
    b.line(layers::kCables, {{0, 0}, {1000, 0}},
           {{"id", "C1"}, {"class", "buried"}, {"operator", "China Mobile"}});
    b.line(layers::kCables, {{0, 500}, {1000, 900}},
           {{"id", "S1"}, {"class", "submarine"}, {"waters", "bay"}});
    auto project = buildAssetProject(b.layers(), "p").value();
    auto zones = ProtectionZoneBuilder(defaultRules()).build(project.cables).value();
    const auto layer = zonesToFeatureLayer(zones, defaultRules());
    ASSERT_EQ(layer.features.size(), 2u);
    EXPECT_EQ(*layer.features[0].find("cable_id"), "C1");
    EXPECT_EQ(*layer.features[0].find("half_width_m"), "5");
    EXPECT_EQ(*layer.features[1].find("waters"), "bay");
    EXPECT_NE(layer.features[1].find("article")->find("SCP Art. 7"), std::string::npos);

    const std::string path = tempDir("zones") + "/zones.gpkg";
    ASSERT_TRUE(writeZonesGeoPackage(path, zones, defaultRules()).ok());
    auto read = citytwin::geo::readVectorFile(path);
    ASSERT_TRUE(read.ok()) << read.messages();
    ASSERT_EQ(read.value().size(), 1u);
    EXPECT_EQ(read.value()[0].name, "protection_zones");
    ASSERT_EQ(read.value()[0].features.size(), 2u);
    const auto e = read.value()[0].features[0].geometry.extent();
    // 1000 m + 2 x 5 m long: about 0.01052 degrees of longitude at 31.24 N.
    EXPECT_NEAR((e.maxX - e.minX) * 111320.0 * std::cos(31.24 * M_PI / 180.0), 1010.0, 1.0);
}
