#include <gtest/gtest.h>

#include <osg/LOD>
#include <osg/NodeVisitor>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numbers>

#include "ScratchDir.h"
#include "citytwin/formats/B3dmTile.h"
#include "citytwin/render/ModelSurvey.h"
#include "citytwin/render/TilesetLoader.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;
namespace fs = std::filesystem;

using citytwin::test::ScratchDir;

namespace {

const fs::path kTileset = fs::path(test::kSharedDataDir) /
                          "06_3dtiles_gltf/3d-tiles-samples/1.0/TilesetWithRequestVolume";
constexpr double kDeg = 180.0 / std::numbers::pi;

std::vector<std::uint8_t> readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST(TilesetLoader, loadsTheRequestVolumeSampleInsideItsRootRegion) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kTileset);
    // The root's region, radians: west, south, east, north, min and max height.
    const double west = -1.3197209591796106 * kDeg, south = 0.6988424218 * kDeg;
    const double east = -1.3196390408203893 * kDeg, north = 0.6989055782 * kDeg;
    const geo::LocalFrame frame({(west + east) / 2, (south + north) / 2, 0.0});
    auto model = render::loadTileset((kTileset / "tileset.json").string(), frame);
    ASSERT_TRUE(model) << model.messages();
    EXPECT_EQ(model->format, "3D Tiles");
    // points.pnts is drawn too, nothing is skipped.
    EXPECT_EQ(model.messages().find("points.pnts"), std::string::npos) << model.messages();
    const auto survey = render::surveyModel(*model->node);
    EXPECT_GT(survey.triangles, 1000u);
    EXPECT_EQ(survey.points, 125000u);
    const auto& e = model->wgs84Extent;
    constexpr double kSlack = 2e-5;  // degrees, ~2 m: regions bound, they need not be tight
    EXPECT_GE(e.minX, west - kSlack);
    EXPECT_LE(e.maxX, east + kSlack);
    EXPECT_GE(e.minY, south - kSlack);
    EXPECT_LE(e.maxY, north + kSlack);
    // The city and the building together span most of the region.
    EXPECT_GT(e.maxX - e.minX, 0.5 * (east - west));
    EXPECT_GT(e.maxY - e.minY, 0.5 * (north - south));
    EXPECT_GT(model->minHeight, -5.0);
    EXPECT_LT(model->maxHeight, 67.01 + 5.0);
}

TEST(TilesetLoader, brokenTilesetsAndEscapingUrisAreReported) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kTileset);
    ScratchDir dir("tiles_broken");
    const geo::LocalFrame frame({121.47, 31.23, 0.0});
    auto r = render::loadTileset(dir.write("bad.json", "{ \"root\": ").string(), frame);
    ASSERT_FALSE(r);
    EXPECT_NE(r.messages().find("not valid JSON"), std::string::npos) << r.messages();

    r = render::loadTileset(
        dir.write("noroot.json", "{ \"asset\": {\"version\": \"1.0\"} }").string(), frame);
    ASSERT_FALSE(r);
    EXPECT_NE(r.messages().find("root"), std::string::npos);

    fs::create_directories(dir.path() / "inner");
    const fs::path escaping = dir.write(
        "inner/tileset.json",
        R"({"asset":{"version":"1.0"},"geometricError":1,"root":{"geometricError":0,"refine":"ADD",
            "boundingVolume":{"sphere":[0,0,0,1]},
            "children":[{"geometricError":0,"boundingVolume":{"sphere":[0,0,0,1]},"content":{"uri":"../secret.b3dm"}},
                        {"geometricError":0,"boundingVolume":{"sphere":[0,0,0,1]},"content":{"uri":"http://example.com/a.b3dm"}},
                        {"geometricError":0,"boundingVolume":{"sphere":[0,0,0,1]},"content":{"uri":"/etc/passwd"}}]}})");
    r = render::loadTileset(escaping.string(), frame);
    ASSERT_FALSE(r);
    EXPECT_NE(r.messages().find("leaves the tileset's folder"), std::string::npos) << r.messages();
    EXPECT_NE(r.messages().find("absolute or remote"), std::string::npos) << r.messages();

    // A corrupt b3dm is skipped with its reason; the rest still loads.
    fs::copy(kTileset / "city", dir.path() / "city");
    fs::permissions(dir.path() / "city", fs::perms::owner_all, fs::perm_options::add);
    fs::permissions(dir.path() / "city/ll.b3dm", fs::perms::owner_write, fs::perm_options::add);
    auto cut = readBytes(kTileset / "city/ll.b3dm");
    cut.resize(100);
    dir.write("city/ll.b3dm", std::string(cut.begin(), cut.end()));
    r = render::loadTileset((dir.path() / "city/tileset.json").string(), frame);
    ASSERT_TRUE(r) << r.messages();
    EXPECT_NE(r.messages().find("ll.b3dm"), std::string::npos) << r.messages();
}

namespace {

void appendU32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
        out.push_back(char(v >> (8 * i)));
}

/// A b3dm around Box.glb with the given feature table (JSON padded to 8).
std::string makeB3dm(std::string featureJson, const std::string& featureBinary) {
    while ((28 + featureJson.size()) % 8)
        featureJson.push_back(' ');
    const auto glb =
        readBytes(fs::path(test::kSharedDataDir) /
                  "06_3dtiles_gltf/gltf_samples_from_google_draco/Box/glTF_Binary/Box.glb");
    std::string out = "b3dm";
    appendU32(out, 1);
    appendU32(out, std::uint32_t(28 + featureJson.size() + featureBinary.size() + glb.size()));
    appendU32(out, std::uint32_t(featureJson.size()));
    appendU32(out, std::uint32_t(featureBinary.size()));
    appendU32(out, 0);
    appendU32(out, 0);
    return out + featureJson + featureBinary + std::string(glb.begin(), glb.end());
}

}  // namespace

TEST(TilesetLoader, rtcCenterPlacesB3dmContentOnTheEarth) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(fs::path(test::kSharedDataDir) /
                                      "06_3dtiles_gltf/gltf_samples_from_google_draco/Box");
    // Lujiazui, on the ellipsoid: the box must land there, from JSON or binary RTC_CENTER.
    const geo::GeoPoint target{121.5, 31.24, 0.0};
    const geo::Vec3d ecef = geo::LocalFrame::geographicToEcef(target);
    char json[160];
    std::snprintf(json, sizeof json, R"({"BATCH_LENGTH":0,"RTC_CENTER":[%.4f,%.4f,%.4f]})", ecef.x,
                  ecef.y, ecef.z);
    const float xyz[3] = {float(ecef.x), float(ecef.y), float(ecef.z)};
    std::string binary(reinterpret_cast<const char*>(xyz), 12);
    binary.append(4, '\0');

    ScratchDir dir("tiles_rtc");
    const geo::LocalFrame frame({121.47, 31.23, 0.0});
    const std::string tileset =
        R"({"asset":{"version":"1.0"},"geometricError":10,"root":{"geometricError":0,"refine":"ADD",
            "boundingVolume":{"sphere":[0,0,0,10]},"content":{"uri":"box.b3dm"}}})";
    dir.write("tileset.json", tileset);
    for (const std::string& b3dm :
         {makeB3dm(json, ""),
          makeB3dm(R"({"BATCH_LENGTH":0,"RTC_CENTER":{"byteOffset":0}})", binary)}) {
        dir.write("box.b3dm", b3dm);
        auto tile = formats::parseB3dm(
            std::span(reinterpret_cast<const std::uint8_t*>(b3dm.data()), b3dm.size()), "box");
        ASSERT_TRUE(tile) << tile.messages();
        ASSERT_TRUE(tile->rtcCenter.has_value());
        EXPECT_NEAR(tile->rtcCenter->x, ecef.x, 0.5);  // float32 in the binary form
        auto model = render::loadTileset((dir.path() / "tileset.json").string(), frame);
        ASSERT_TRUE(model) << model.messages();
        // A 1 m box, 2 m from the centre: within ~3 m of the target.
        EXPECT_NEAR(model->wgs84Extent.centerX(), target.x, 3e-5);
        EXPECT_NEAR(model->wgs84Extent.centerY(), target.y, 3e-5);
        EXPECT_NEAR(0.5 * (model->minHeight + model->maxHeight), 0.0, 3.0);
    }
    // A binary reference outside the feature table is an error naming the field.
    const std::string bad = makeB3dm(R"({"BATCH_LENGTH":0,"RTC_CENTER":{"byteOffset":8}})", binary);
    auto r = formats::parseB3dm(
        std::span(reinterpret_cast<const std::uint8_t*>(bad.data()), bad.size()), "bad");
    ASSERT_FALSE(r);
    EXPECT_NE(r.messages().find("RTC_CENTER"), std::string::npos);
}

TEST(TilesetLoader, gltfBuffersOfAContentObeyTheTilesetsRootRule) {
    const fs::path box =
        fs::path(test::kSharedDataDir) / "06_3dtiles_gltf/gltf_samples_from_google_draco/Box/glTF";
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(box);
    ScratchDir dir("tiles_gltf_escape");
    const geo::LocalFrame frame({121.47, 31.23, 0.0});
    const auto bin = readBytes(box / "Box0.bin");
    const std::string binText(bin.begin(), bin.end());
    dir.write("secret.bin", binText);  // outside the tileset's folder
    dir.write("inner/Box0.bin", binText);
    const auto gltf = readBytes(box / "Box.gltf");
    const std::string text(gltf.begin(), gltf.end());
    const auto withUri = [&text](const std::string& uri) {
        std::string t = text;
        t.replace(t.find("\"Box0.bin\""), 10, "\"" + uri + "\"");
        return t;
    };
    dir.write("inner/escape.gltf", withUri("../secret.bin"));
    dir.write("inner/inside.gltf", withUri("Box0.bin"));
    const auto tileset = [&dir](const std::string& content) {
        return dir.write("inner/tileset.json",
                         R"({"asset":{"version":"1.1"},"geometricError":1,"root":{
            "geometricError":0,"boundingVolume":{"sphere":[0,0,0,10]},
            "content":{"uri":")" +
                             content + R"("}}})");
    };
    auto escaping = render::loadTileset(tileset("escape.gltf").string(), frame);
    EXPECT_NE(escaping.messages().find("leaves the tileset's folder"), std::string::npos)
        << escaping.messages();
    if (escaping) {
        EXPECT_EQ(render::surveyModel(*escaping->node).triangles, 0u);
    }
    auto inside = render::loadTileset(tileset("inside.gltf").string(), frame);
    ASSERT_TRUE(inside) << inside.messages();
    EXPECT_EQ(render::surveyModel(*inside->node).triangles, 12u);
}
