#include <gtest/gtest.h>

#include <osg/LOD>
#include <osg/NodeVisitor>

#include <filesystem>
#include <fstream>
#include <numbers>

#include "citytwin/render/B3dmTile.h"
#include "citytwin/render/ModelSurvey.h"
#include "citytwin/render/TilesetLoader.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;
namespace fs = std::filesystem;

namespace {

const fs::path kTileset = fs::path(test::kSharedDataDir) /
                          "06_3dtiles_gltf/3d-tiles-samples/1.0/TilesetWithRequestVolume";
constexpr double kDeg = 180.0 / std::numbers::pi;

std::vector<std::uint8_t> readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class ScratchDir {
public:
    explicit ScratchDir(const std::string& name)
        : _path(fs::temp_directory_path() /
                ("citytwin_tiles_" + name + "_" + std::to_string(::getpid()))) {
        fs::remove_all(_path);
        fs::create_directories(_path);
    }
    ~ScratchDir() { fs::remove_all(_path); }
    fs::path write(const std::string& name, const std::string& bytes) const {
        fs::create_directories((_path / name).parent_path());
        std::ofstream(_path / name, std::ios::binary) << bytes;
        return _path / name;
    }
    const fs::path& path() const { return _path; }

private:
    fs::path _path;
};

}  // namespace

TEST(TilesetLoader, loadsTheRequestVolumeSampleInsideItsRootRegion) {
    // The root's region, radians: west, south, east, north, min and max height.
    const double west = -1.3197209591796106 * kDeg, south = 0.6988424218 * kDeg;
    const double east = -1.3196390408203893 * kDeg, north = 0.6989055782 * kDeg;
    const geo::LocalFrame frame({(west + east) / 2, (south + north) / 2, 0.0});
    auto model = render::loadTileset((kTileset / "tileset.json").string(), frame);
    ASSERT_TRUE(model) << model.messages();
    EXPECT_EQ(model->format, "3D Tiles");
    // points.pnts is not drawn yet, and says so.
    EXPECT_NE(model.messages().find("points.pnts"), std::string::npos) << model.messages();
    const auto survey = render::surveyModel(*model->node);
    EXPECT_GT(survey.triangles, 1000u);
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

TEST(TilesetLoader, b3dmHeaderIsCheckedAgainstTheFile) {
    const auto bytes = readBytes(kTileset / "city/ll.b3dm");
    auto tile = render::parseB3dm(bytes, "ll.b3dm");
    ASSERT_TRUE(tile) << tile.messages();
    EXPECT_EQ(tile->byteLength, bytes.size());
    EXPECT_GT(tile->batchLength, 0u);
    EXPECT_EQ(tile->glb.size() >= 12 && tile->glb[0] == 'g', true);

    auto expectError = [](std::vector<std::uint8_t> b, const std::string& what) {
        auto r = render::parseB3dm(b, "broken.b3dm");
        ASSERT_FALSE(r) << what;
        EXPECT_NE(r.messages().find(what), std::string::npos) << r.messages();
        EXPECT_NE(r.messages().find("broken.b3dm"), std::string::npos);
    };
    auto b = bytes;
    b[0] = 'x';
    expectError(b, "magic");
    b = bytes;
    b[11] = 0x7F;  // byteLength far beyond the file
    expectError(b, "truncated");
    b = bytes;
    b[15] = 0x10;  // feature table JSON length past byteLength
    expectError(b, "run past its byteLength");
    expectError({bytes.begin(), bytes.begin() + 20}, "28-byte header");
    // Every truncation: an error, never a crash.
    for (std::size_t n = 0; n < bytes.size(); n += 97)
        EXPECT_FALSE(render::parseB3dm(std::span(bytes.data(), n), "cut"));
}

TEST(TilesetLoader, brokenTilesetsAndEscapingUrisAreReported) {
    ScratchDir dir("broken");
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
