// Validation of the asset layers: wrong types and unknown enums are reported
// with layer, feature and field; missing optional fields are fine; broken
// geometries are skipped; a real GeoPackage goes through the repository.

#include <gtest/gtest.h>

#include "AssetTestSupport.h"
#include "citytwin/assets/AssetProjectBuilder.h"

using namespace citytwin::assets;
using namespace citytwin::assets::test;

namespace {

const citytwin::geo::Diagnostic* diagnosticFor(const citytwin::geo::Result<AssetProject>& r,
                                               const std::string& field) {
    for (const auto& d : r.diagnostics())
        if (d.field == field)
            return &d;
    return nullptr;
}

}  // namespace

TEST(Validation, unknownEnumNamesLayerFeatureAndField) {
    ProjectBuilder b;
    b.point(layers::kBaseStations, 0, 0,
            {{"id", "BS-7"}, {"host_type", "towr"}, {"status", "active"}});
    auto r = buildAssetProject(b.layers(), "p.gpkg");
    ASSERT_TRUE(r.ok());
    const auto* d = diagnosticFor(r, "host_type");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->severity, citytwin::geo::Severity::Error);
    EXPECT_EQ(d->source, "base_stations");
    EXPECT_NE(d->message.find("'BS-7'"), std::string::npos);
    EXPECT_NE(d->message.find("'towr'"), std::string::npos);
    EXPECT_NE(d->message.find("tower"), std::string::npos);  // lists the accepted values
    // The feature is kept with the bad field unset.
    ASSERT_EQ(r.value().baseStations.size(), 1u);
    EXPECT_FALSE(r.value().baseStations[0].maybeHostType);
    EXPECT_EQ(r.value().baseStations[0].maybeStatus, SiteStatus::Active);
}

TEST(Validation, wrongTypesAreReported) {
    ProjectBuilder b;
    b.point(layers::kBaseStations, 0, 0,
            {{"id", "BS-1"},
             {"spare_capacity", "two"},
             {"antenna_height_m", "12m"},
             {"last_inspection", "yesterday"},
             {"inspection_interval_days", "1.5"}});
    b.point(layers::kPublicFacilities, 0, 0, {{"id", "F-1"}, {"suitable", "7"}});
    b.line(layers::kCables, {{0, 0}, {10, 0}},
           {{"id", "C-1"}, {"class", "submarine"}, {"waters", "lake"}});
    b.polygon(layers::kWorks, b.square(0, 0, 5),
              {{"id", "W-1"}, {"kind", "digging"}, {"start", "2026-13-01"}});
    auto r = buildAssetProject(b.layers(), "p.gpkg");
    ASSERT_TRUE(r.ok());
    for (const char* field : {"spare_capacity", "antenna_height_m", "last_inspection",
                              "inspection_interval_days", "suitable", "waters", "kind", "start"})
        EXPECT_NE(diagnosticFor(r, field), nullptr) << field;
    EXPECT_EQ(diagnosticFor(r, "waters")->source, "cables");
    EXPECT_NE(diagnosticFor(r, "waters")->message.find("'C-1'"), std::string::npos);
}

TEST(Validation, missingOptionalFieldsAreAllowed) {
    ProjectBuilder b;
    b.point(layers::kBaseStations, 0, 0, {});
    b.point(layers::kPublicFacilities, 0, 0, {});
    b.line(layers::kCables, {{0, 0}, {10, 0}}, {});
    auto r = buildAssetProject(b.layers(), "p.gpkg");
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(r.hasErrors()) << r.messages();
    EXPECT_EQ(r.value().baseStations[0].id, "fid:1");  // no id field: the FID names it
    EXPECT_TRUE(r.value().publicFacilities[0].suitable);
}

TEST(Validation, emptyWrongAndSelfIntersectingGeometriesAreSkipped) {
    ProjectBuilder b;
    auto& empty = b.point(layers::kBaseStations, 0, 0, {{"id", "EMPTY"}});
    empty.geometry = {};
    b.line(layers::kBaseStations, {{0, 0}, {1, 1}}, {{"id", "LINE-AS-SITE"}});
    citytwin::geo::Polygon bowtie;
    bowtie.rings.push_back({b.at(0, 0), b.at(20, 20), b.at(20, 0), b.at(0, 20), b.at(0, 0)});
    b.polygon(layers::kWorks, bowtie, {{"id", "BOWTIE"}, {"kind", "excavation"}});
    b.polygon(layers::kCoverageTargets, bowtie, {{"id", "BOWTIE-2"}});
    b.point(layers::kBaseStations, 5, 5, {{"id", "GOOD"}});
    auto r = buildAssetProject(b.layers(), "p.gpkg");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value().baseStations.size(), 1u);
    EXPECT_TRUE(r.value().works.empty());
    EXPECT_TRUE(r.value().coverageTargets.empty());
    std::string all = r.messages();
    EXPECT_NE(all.find("'EMPTY': empty geometry"), std::string::npos) << all;
    EXPECT_NE(all.find("'LINE-AS-SITE': expected a Point"), std::string::npos) << all;
    EXPECT_NE(all.find("'BOWTIE': invalid polygon"), std::string::npos) << all;
}

TEST(Validation, missingLayersAreNamedAndNoLayerAtAllFails) {
    ProjectBuilder b;
    auto layersIn = b.layers();
    layersIn.erase(layersIn.begin() + 1);  // public_facilities
    auto r = buildAssetProject(layersIn, "p.gpkg");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value().missingLayers, std::vector<std::string>{"public_facilities"});
    const auto* d = diagnosticFor(r, "public_facilities");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->severity, citytwin::geo::Severity::Warning);
    auto none = buildAssetProject({}, "other.gpkg");
    EXPECT_FALSE(none.ok());
    EXPECT_NE(none.messages().find("not an asset project"), std::string::npos);
}

TEST(Validation, geoPackageThroughTheRepositoryInAnyCrs) {
    // base_stations in CGCS2000 / 3-degree GK CM 120E (EPSG:4549), converted on read.
    const std::string sites = R"({"type":"FeatureCollection",
      "crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},
      "features":[{"type":"Feature","properties":{"id":"GK-1","status":"active","host_type":"tower",
        "spare_capacity":1,"status_date":"2024-01-02"},
        "geometry":{"type":"Point","coordinates":[547640.0,3456900.0]}},
        {"type":"Feature","properties":{"id":"GK-2","status":"retired"},
        "geometry":{"type":"Point","coordinates":[547700.0,3456950.0]}}]})";
    const std::string cables = R"({"type":"FeatureCollection","features":[{"type":"Feature",
      "properties":{"id":"C1","class":"duct","operator":"China Telecom"},
      "geometry":{"type":"LineString","coordinates":[[121.49,31.24],[121.51,31.24]]}}]})";
    const std::string gpkg = makeGeoPackage("repo", {{"base_stations", sites}, {"cables", cables}});
    GeoPackageAssetRepository repo(gpkg);
    auto r = repo.load();
    ASSERT_TRUE(r.ok()) << r.messages();
    const auto& p = r.value();
    ASSERT_EQ(p.baseStations.size(), 2u);
    EXPECT_NEAR(p.baseStations[0].position.x, 120.5, 0.01);  // CM 120E + 47.6 km
    EXPECT_NEAR(p.baseStations[0].position.y, 31.2, 0.1);
    EXPECT_EQ(p.baseStations[0].maybeSpareCapacity, 1);
    EXPECT_EQ(p.baseStations[0].maybeStatusDate->toString(), "2024-01-02");
    EXPECT_NE(r.messages().find("unknown status 'retired'"), std::string::npos) << r.messages();
    EXPECT_EQ(p.missingLayers.size(), 5u);
    EXPECT_EQ(p.cables.size(), 1u);

    GeoPackageAssetRepository missing("/nonexistent/project.gpkg");
    auto m = missing.load();
    EXPECT_FALSE(m.ok());
    EXPECT_NE(m.messages().find("/nonexistent/project.gpkg"), std::string::npos);
}

TEST(Validation, isoDates) {
    EXPECT_EQ(IsoDate::parse("2026-02-28")->toString(), "2026-02-28");
    EXPECT_EQ(IsoDate::parse("2026/02/28")->toString(), "2026-02-28");
    EXPECT_EQ(IsoDate::parse("2026-02-28T10:00:00Z")->toString(), "2026-02-28");
    EXPECT_FALSE(IsoDate::parse("2026-02-29"));
    EXPECT_FALSE(IsoDate::parse("2026-2-28"));
    EXPECT_FALSE(IsoDate::parse("2026-02/28"));
    EXPECT_EQ(IsoDate::parse("2024-03-01")->days - IsoDate::parse("2024-02-28")->days, 2);
}
