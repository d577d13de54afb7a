#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "citytwin/geo/VectorReader.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::geo;
namespace fs = std::filesystem;

namespace {
fs::path tempFile(const std::string& name, const std::string& content) {
    const fs::path p = fs::temp_directory_path() / ("citytwin_test_" + name);
    std::ofstream(p) << content;
    return p;
}
}  // namespace

TEST(VectorReader, readsSharedOsmBuildingsInWgs84) {
    const std::string path = std::string(citytwin::test::kSharedDataDir) +
                             "/01_buildings/shanghai_central_tilezen_buildings.geojson";
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(path);
    auto r = readVectorFile(path);
    ASSERT_TRUE(r) << r.messages();
    ASSERT_EQ(r->size(), 1u);
    const FeatureLayer& layer = r->front();
    EXPECT_EQ(layer.features.size(), 1981u);
    const Extent e = layer.extent();
    EXPECT_NEAR(e.minX, 121.480, 0.001);
    EXPECT_NEAR(e.maxY, 31.251, 0.001);
    EXPECT_EQ(layer.sourceCrs.authorityCode(), "EPSG:4326");
}

TEST(VectorReader, missingFileNamesThePath) {
    auto r = readVectorFile("/no/such/file.geojson");
    EXPECT_FALSE(r);
    EXPECT_NE(r.messages().find("/no/such/file.geojson"), std::string::npos);
}

TEST(VectorReader, directoryIsRefusedWithAClearMessage) {
    auto r = readVectorFile(fs::temp_directory_path().string());
    EXPECT_FALSE(r);
    EXPECT_NE(r.messages().find("directory"), std::string::npos);
}

TEST(VectorReader, truncatedGeoJsonIsAnErrorNotACrash) {
    const auto p = tempFile(
        "truncated.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[121.5,)");
    auto r = readVectorFile(p.string());
    EXPECT_FALSE(r);
    EXPECT_NE(r.messages().find(p.string()), std::string::npos);
}

TEST(VectorReader, csvWithoutCrsIsRefusedAndTellsHowToGiveOne) {
    const auto p = tempFile("nocrs.csv", "id,WKT\n1,\"POINT (121.5 31.2)\"\n");
    auto r = readVectorFile(p.string());
    EXPECT_FALSE(r);
    EXPECT_NE(r.messages().find("--src-crs"), std::string::npos) << r.messages();
    VectorReadOptions o;
    o.maybeSourceCrs = Crs::wgs84();
    auto ok = readVectorFile(p.string(), o);
    ASSERT_TRUE(ok) << ok.messages();
    EXPECT_EQ(ok->front().features.size(), 1u);
}

TEST(VectorReader, outOfRangeLatitudeIsReportedByFeature) {
    const auto p = tempFile("range.geojson", R"({"type":"FeatureCollection","features":[
 {"type":"Feature","id":7,"properties":{},"geometry":{"type":"Point","coordinates":[31.2,121.5]}},
 {"type":"Feature","id":8,"properties":{},"geometry":{"type":"Point","coordinates":[121.5,31.2]}}]})");
    auto r = readVectorFile(p.string());
    ASSERT_TRUE(r) << r.messages();
    EXPECT_EQ(r->front().features.size(), 1u);
    EXPECT_NE(r.messages().find("swapped axes"), std::string::npos) << r.messages();
}
