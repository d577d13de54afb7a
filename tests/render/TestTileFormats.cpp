// pnts, i3dm, cmpt and subtree parsers on the shared samples and on tiles
// built here, then broken on purpose: every broken input is an error that
// names the file and the field, never a crash.

#include <gtest/gtest.h>

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/MatrixTransform>
#include <osg/NodeVisitor>

#include <cmath>
#include <filesystem>

#include "TileTestBytes.h"
#include "citytwin/render/BatchTable.h"
#include "citytwin/render/CmptTile.h"
#include "citytwin/render/FeaturePickData.h"
#include "citytwin/render/I3dmTile.h"
#include "citytwin/render/ModelSurvey.h"
#include "citytwin/render/PntsTile.h"
#include "citytwin/render/SubtreeFile.h"
#include "citytwin/render/TilesetLoader.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;
using namespace citytwin::test;
namespace fs = std::filesystem;

namespace {

const fs::path kSamples = fs::path(kSharedDataDir) / "06_3dtiles_gltf";
const fs::path kRequestVolume = kSamples / "3d-tiles-samples/1.0/TilesetWithRequestVolume";
const fs::path kBoxGlb = kSamples / "gltf_samples_from_google_draco/Box/glTF_Binary/Box.glb";

class Scratch {
public:
    explicit Scratch(const std::string& name)
        : _path(fs::temp_directory_path() /
                ("citytwin_tileformats_" + name + "_" + std::to_string(::getpid()))) {
        fs::remove_all(_path);
        fs::create_directories(_path);
    }
    ~Scratch() { fs::remove_all(_path); }
    fs::path write(const std::string& name, const std::string& bytes) const {
        fs::create_directories((_path / name).parent_path());
        std::ofstream(_path / name, std::ios::binary) << bytes;
        return _path / name;
    }
    const fs::path& path() const { return _path; }

private:
    fs::path _path;
};

std::string tilesetWith(const std::string& uri) {
    return R"({"asset":{"version":"1.0"},"geometricError":10,"root":{"geometricError":0,
        "refine":"ADD","boundingVolume":{"sphere":[0,0,0,100]},"content":{"uri":")" +
           uri + R"("}}})";
}

/// ECEF of a point in Shanghai, as tile content positions around it.
const geo::Vec3d kLujiazui = geo::LocalFrame::geographicToEcef({121.5, 31.24, 10.0});

/// Three points with quantized positions, RGB565, oct normals, batch ids.
std::string quantizedPnts() {
    std::string bin;
    appendValues<std::uint16_t>(bin,
                                {0, 0, 0, 65535, 0, 0, 0, 65535, 65535});  // POSITION_QUANTIZED
    appendValues<std::uint16_t>(bin, {0xF800, 0x07E0, 0x001F});            // RGB565: r, g, b
    appendValues<std::uint8_t>(bin, {128, 128, 255, 255, 0, 0});           // NORMAL_OCT16P
    appendValues<std::uint8_t>(bin, {0, 1, 1});                            // BATCH_ID
    bin.append(5, '\0');
    char json[600];
    std::snprintf(json, sizeof json,
                  R"({"POINTS_LENGTH":3,"POSITION_QUANTIZED":{"byteOffset":0},)"
                  R"("QUANTIZED_VOLUME_OFFSET":[-1,-2,-3],"QUANTIZED_VOLUME_SCALE":[2,4,6],)"
                  R"("RTC_CENTER":[%.17g,%.17g,%.17g],"RGB565":{"byteOffset":18},)"
                  R"("NORMAL_OCT16P":{"byteOffset":24},"BATCH_LENGTH":2,)"
                  R"("BATCH_ID":{"byteOffset":30,"componentType":"UNSIGNED_BYTE"}})",
                  kLujiazui.x, kLujiazui.y, kLujiazui.z);
    std::string btBin;
    appendValues<float>(btBin, {1.5f, 2.5f});
    return makeTile(
        "pnts", json, bin,
        R"({"name":["lamp","pole"],"height":{"byteOffset":0,"componentType":"FLOAT","type":"SCALAR"}})",
        btBin, "");
}

std::string boxGlb() {
    return readText(kBoxGlb);
}

/// Two instances of Box.glb, 10 m apart, with explicit axes and scales.
std::string boxI3dm(bool octNormals) {
    std::string bin;
    appendValues<float>(bin, {0, 0, 0, 10, 0, 0});  // POSITION
    std::string orientation;
    if (octNormals) {
        appendValues<std::uint16_t>(bin, {32768, 32768, 32768, 32768});  // up: +z, +z
        appendValues<std::uint16_t>(bin, {65535, 32768, 65535, 32768});  // right: +x, +x
        orientation =
            R"("NORMAL_UP_OCT32P":{"byteOffset":24},"NORMAL_RIGHT_OCT32P":{"byteOffset":32},)";
    } else {
        appendValues<float>(bin, {0, 0, 1, 0, 0, 1});  // NORMAL_UP
        appendValues<float>(bin, {1, 0, 0, 1, 0, 0});  // NORMAL_RIGHT
        orientation = R"("NORMAL_UP":{"byteOffset":24},"NORMAL_RIGHT":{"byteOffset":48},)";
    }
    const std::size_t scaleAt = bin.size();
    appendValues<float>(bin, {1, 2, 3, 2, 2, 2});  // SCALE_NON_UNIFORM
    const std::size_t batchAt = bin.size();
    appendValues<std::uint16_t>(bin, {1, 0});
    while (bin.size() % 8)
        bin.push_back('\0');
    char json[700];
    std::snprintf(json, sizeof json,
                  R"({"INSTANCES_LENGTH":2,"RTC_CENTER":[%.17g,%.17g,%.17g],)"
                  R"("POSITION":{"byteOffset":0},%s"SCALE_NON_UNIFORM":{"byteOffset":%zu},)"
                  R"("BATCH_ID":{"byteOffset":%zu}})",
                  kLujiazui.x, kLujiazui.y, kLujiazui.z, orientation.c_str(), scaleAt, batchAt);
    std::string format;
    appendU32(format, 1);
    return makeTile("i3dm", json, bin, R"({"kind":["bench","shelter"]})", "", boxGlb(), format);
}

struct PickDataCollector : osg::NodeVisitor {
    PickDataCollector() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    void apply(osg::Node& n) override {
        if (auto* d = dynamic_cast<render::FeaturePickData*>(n.getUserData()))
            found.push_back(d);
        traverse(n);
    }
    void apply(osg::Drawable& d) override {
        if (auto* p = dynamic_cast<render::FeaturePickData*>(d.getUserData()))
            found.push_back(p);
    }
    std::vector<render::FeaturePickData*> found;
};

}  // namespace

TEST(PntsTile, decodesTheSamplePointCloud) {
    const std::string bytes = readText(kRequestVolume / "points.pnts");
    auto tile = render::parsePnts(bytesOf(bytes), "points.pnts");
    ASSERT_TRUE(tile) << tile.messages();
    EXPECT_EQ(tile->pointCount, 125000u);
    EXPECT_EQ(tile->positions.size(), 3u * 125000u);
    EXPECT_EQ(tile->colors.size(), 4u * 125000u);
    EXPECT_TRUE(tile->batchIds.empty());
    EXPECT_EQ(tile->batchLength, 0u);  // "{}" batch table: no features
}

TEST(PntsTile, decodesQuantizedPositionsRgb565OctNormalsAndBatchIds) {
    const std::string bytes = quantizedPnts();
    auto tile = render::parsePnts(bytesOf(bytes), "q.pnts");
    ASSERT_TRUE(tile) << tile.messages();
    ASSERT_EQ(tile->pointCount, 3u);
    // Point 1 is offset + (scale.x, 0, 0) = (1, -2, -3) from the RTC centre.
    const double x1 = tile->origin.x + tile->positions[3] - kLujiazui.x;
    const double y1 = tile->origin.y + tile->positions[4] - kLujiazui.y;
    const double z2 = tile->origin.z + tile->positions[8] - kLujiazui.z;
    EXPECT_NEAR(x1, 1.0, 1e-4);
    EXPECT_NEAR(y1, -2.0, 1e-4);
    EXPECT_NEAR(z2, 3.0, 1e-4);
    EXPECT_EQ(tile->colors[0], 255);  // red
    EXPECT_EQ(tile->colors[1], 0);
    EXPECT_EQ(tile->colors[5], 255);            // green
    EXPECT_EQ(tile->colors[10], 255);           // blue
    EXPECT_NEAR(tile->normals[2], 1.0, 0.02);   // (128,128) is +z
    EXPECT_NEAR(tile->normals[5], -1.0, 0.02);  // (255,255), a corner, folds to -z
    EXPECT_EQ(tile->batchIds, (std::vector<std::uint32_t>{0, 1, 1}));
    auto layer = render::buildBatchTableLayer(tile->batchTableJson, tile->batchTableBinary,
                                              tile->batchLength, "q", "q.pnts");
    ASSERT_TRUE(layer) << layer.messages();
    ASSERT_EQ((*layer)->features.size(), 2u);
    EXPECT_EQ(*(*layer)->features[1].find("name"), "pole");
    EXPECT_EQ(*(*layer)->features[1].find("height"), "2.5");
}

TEST(PntsTile, brokenPointCloudsAreErrorsNamingTheField) {
    const std::string good = quantizedPnts();
    auto expectError = [](const std::string& bytes, const std::string& field) {
        auto r = render::parsePnts(bytesOf(bytes), "broken.pnts");
        ASSERT_FALSE(r) << field;
        EXPECT_NE(r.messages().find(field), std::string::npos) << r.messages();
        EXPECT_NE(r.messages().find("broken.pnts"), std::string::npos) << r.messages();
    };
    std::string b = good;
    b[0] = 'x';
    expectError(b, "magic");
    b = good;
    b[11] = 0x7F;
    expectError(b, "byteLength");
    b = good;
    b[15] = 0x10;  // feature table JSON length past the end
    expectError(b, "featureTableJSONByteLength");
    expectError(
        makeTile("pnts", R"({"POSITION":{"byteOffset":0}})", std::string(12, '\0'), "", "", ""),
        "POINTS_LENGTH");
    expectError(makeTile("pnts", R"({"POINTS_LENGTH":2,"POSITION":{"byteOffset":16}})",
                         std::string(24, '\0'), "", "", ""),
                "POSITION.byteOffset");
    expectError(makeTile("pnts",
                         R"({"POINTS_LENGTH":1,"POSITION":{"byteOffset":0},)"
                         R"("BATCH_LENGTH":1,"BATCH_ID":[3]})",
                         std::string(16, '\0'), "", "", ""),
                "BATCH_ID");
    expectError(makeTile("pnts", R"({"POINTS_LENGTH":1,"POSITION":{"byteOffset":0})",
                         std::string(16, '\0'), "", "", ""),
                "feature table");
    for (std::size_t n = 0; n < good.size(); n += 7)
        EXPECT_FALSE(render::parsePnts(bytesOf(good.substr(0, n)), "cut")) << n;
}

TEST(I3dmTile, decodesInstancesPlainAndOctEncoded) {
    for (bool oct : {false, true}) {
        const std::string bytes = boxI3dm(oct);
        auto tile = render::parseI3dm(bytesOf(bytes), "box.i3dm");
        ASSERT_TRUE(tile) << tile.messages();
        ASSERT_EQ(tile->instances.size(), 2u);
        EXPECT_TRUE(tile->embeddedGltf);
        EXPECT_NEAR(tile->instances[1].position.x - kLujiazui.x, 10.0, 1e-6);
        ASSERT_TRUE(tile->instances[0].up.has_value());
        EXPECT_NEAR(tile->instances[0].up->z, 1.0, 1e-3) << oct;
        EXPECT_NEAR(tile->instances[0].right->x, 1.0, 1e-3) << oct;
        EXPECT_EQ(tile->instances[0].scale.z, 3.0);
        EXPECT_EQ(tile->instances[0].batchId, 1u);
        EXPECT_EQ(tile->batchLength, 2u);
    }
}

TEST(I3dmTile, brokenInstanceTilesAreErrorsNamingTheField) {
    const std::string good = boxI3dm(false);
    auto expectError = [](const std::string& bytes, const std::string& field) {
        auto r = render::parseI3dm(bytesOf(bytes), "broken.i3dm");
        ASSERT_FALSE(r) << field;
        EXPECT_NE(r.messages().find(field), std::string::npos) << r.messages();
    };
    std::string b = good;
    b[1] = 'x';
    expectError(b, "magic");
    b = good;
    b[10] = 0x7F;
    expectError(b, "byteLength");
    b = good;
    b[28] = 7;
    expectError(b, "gltfFormat");
    std::string format;
    appendU32(format, 1);
    expectError(makeTile("i3dm", R"({"INSTANCES_LENGTH":4,"POSITION":{"byteOffset":0}})",
                         std::string(24, '\0'), "", "", boxGlb(), format),
                "POSITION.byteOffset");
    expectError(
        makeTile("i3dm", R"({"INSTANCES_LENGTH":1,"POSITION":[0,0,0]})", "", "", "", "", format),
        "gltf");
    for (std::size_t n = 0; n < 400; n += 3)
        EXPECT_FALSE(render::parseI3dm(bytesOf(good.substr(0, n)), "cut")) << n;
}

TEST(CmptTile, splitsInnerTilesAndRefusesBadLengths) {
    const std::string inner = makeCmpt({quantizedPnts()});
    const std::string good = makeCmpt({quantizedPnts(), boxI3dm(false), inner});
    auto tiles = render::parseCmpt(bytesOf(good), "c.cmpt");
    ASSERT_TRUE(tiles) << tiles.messages();
    ASSERT_EQ(tiles->size(), 3u);
    EXPECT_TRUE(render::hasI3dmMagic((*tiles)[1]));
    EXPECT_TRUE(render::hasCmptMagic((*tiles)[2]));

    auto expectError = [](const std::string& bytes, const std::string& field) {
        auto r = render::parseCmpt(bytesOf(bytes), "broken.cmpt");
        ASSERT_FALSE(r) << field;
        EXPECT_NE(r.messages().find(field), std::string::npos) << r.messages();
        EXPECT_NE(r.messages().find("broken.cmpt"), std::string::npos);
    };
    std::string b = good;
    b[0] = 'C';
    expectError(b, "magic");
    b = good;
    b[11] = 0x7F;
    expectError(b, "byteLength");
    b = good;
    b[15] = 0x7F;  // tilesLength absurd
    expectError(b, "tilesLength");
    b = good;
    b[16 + 11] = 0x7F;  // first inner tile's byteLength past the end
    expectError(b, "tiles[0].byteLength");
    for (std::size_t n = 0; n < good.size(); n += 11)
        EXPECT_FALSE(render::parseCmpt(bytesOf(good.substr(0, n)), "cut")) << n;
}

TEST(TilesetContent, pntsI3dmAndNestedCmptLoadInOneTilesetAndCarryTheirFeatures) {
    Scratch dir("mixed");
    dir.write("mixed.cmpt", makeCmpt({quantizedPnts(), boxI3dm(true), makeCmpt({boxI3dm(false)})}));
    dir.write("tileset.json", tilesetWith("mixed.cmpt"));
    const geo::LocalFrame frame({121.5, 31.24, 0.0});
    auto model = render::loadTileset((dir.path() / "tileset.json").string(), frame);
    ASSERT_TRUE(model) << model.messages();
    EXPECT_FALSE(model.hasErrors()) << model.messages();
    EXPECT_EQ(model->contentSummary, "cmpt 2, i3dm 2, pnts 1 (4 instances)");
    const auto survey = render::surveyModel(*model->node);
    EXPECT_EQ(survey.points, 3u);
    EXPECT_EQ(survey.triangles, 4u * 12u);  // four boxes
    // Everything within ~20 m of Lujiazui.
    EXPECT_NEAR(model->wgs84Extent.centerX(), 121.5, 2e-4);
    EXPECT_NEAR(model->wgs84Extent.centerY(), 31.24, 2e-4);
    EXPECT_NEAR(model->minHeight, 10.0 - 4.0, 4.0);

    PickDataCollector pick;
    model->node->accept(pick);
    // The points' geometry and one transform per instance.
    ASSERT_EQ(pick.found.size(), 5u);
    const render::FeaturePickData* points = pick.found.front();
    EXPECT_EQ(points->featureAt(2).value(), 1u);
    EXPECT_EQ(*points->layer()->features[1].find("name"), "pole");
    int shelters = 0;
    for (auto* d : pick.found)
        if (d != points && *d->layer()->features[*d->featureAt(0)].find("kind") == "shelter")
            ++shelters;
    EXPECT_EQ(shelters, 2);  // instance 0 of each i3dm has batch id 1
}

TEST(TilesetContent, i3dmWithAGltfUriAndEastNorthUpStandsUpright) {
    Scratch dir("uri");
    fs::copy_file(kBoxGlb, dir.path() / "box.glb");
    std::string bin;
    appendValues<float>(bin, {0, 0, 0});
    bin.append(4, '\0');
    char json[300];
    std::snprintf(json, sizeof json,
                  R"({"INSTANCES_LENGTH":1,"RTC_CENTER":[%.17g,%.17g,%.17g],"EAST_NORTH_UP":true,)"
                  R"("POSITION":{"byteOffset":0},"SCALE":[20]})",
                  kLujiazui.x, kLujiazui.y, kLujiazui.z);
    std::string format;
    appendU32(format, 0);
    dir.write("tree.i3dm", makeTile("i3dm", json, bin, "", "", "box.glb", format));
    dir.write("tileset.json", tilesetWith("tree.i3dm"));
    const geo::LocalFrame frame({121.5, 31.24, 0.0});
    auto model = render::loadTileset((dir.path() / "tileset.json").string(), frame);
    ASSERT_TRUE(model) << model.messages();
    const auto survey = render::surveyModel(*model->node);
    EXPECT_EQ(survey.triangles, 12u);
    // A 20 m box standing on east-north-up: 20 m tall around 10 m up.
    EXPECT_NEAR(model->maxHeight - model->minHeight, 20.0, 0.5);
    EXPECT_NEAR(0.5 * (model->maxHeight + model->minHeight), 10.0, 0.5);

    // A glTF URI escaping the folder is refused; the tileset then has nothing.
    dir.write("bad.i3dm", makeTile("i3dm", json, bin, "", "", "../box.glb", format));
    dir.write("bad.json", tilesetWith("bad.i3dm"));
    auto bad = render::loadTileset((dir.path() / "bad.json").string(), frame);
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.messages().find("leaves the tileset's folder"), std::string::npos)
        << bad.messages();
}

TEST(SubtreeFile, readsTheSampleAndRefusesBrokenSubtrees) {
    const fs::path dir = kSamples / "3d-tiles-samples/1.1/SparseImplicitQuadtree/subtrees";
    const std::string bytes = readText(dir / "0.0.0.subtree");
    // 3 levels of a quadtree: 21 tiles, 64 child subtrees.
    auto s = render::parseSubtree(bytesOf(bytes), "0.0.0.subtree", 21, 64, nullptr);
    ASSERT_TRUE(s) << s.messages();
    EXPECT_TRUE(s->tiles.isAvailable(0));
    ASSERT_EQ(s->contents.size(), 1u);
    EXPECT_FALSE(s->contents[0].isAvailable(0));

    auto expectError = [](const std::string& b, const std::string& field, std::uint64_t tiles = 5,
                          std::uint64_t children = 16) {
        auto r = render::parseSubtree(bytesOf(b), "broken.subtree", tiles, children, nullptr);
        ASSERT_FALSE(r) << field;
        EXPECT_NE(r.messages().find(field), std::string::npos) << r.messages();
        EXPECT_NE(r.messages().find("broken.subtree"), std::string::npos);
    };
    std::string b = bytes;
    b[4] = 2;
    expectError(b, "version");
    b = bytes;
    b[15] = 0x7F;
    expectError(b, "jsonByteLength");
    b = bytes;
    b[23] = 0x7F;
    expectError(b, "binaryByteLength");
    expectError(makeSubtree("{\"tileAvailability\": ", ""), "json");

    // The JSON form, its buffer fetched by URI through the caller.
    const std::string json =
        R"({"buffers":[{"uri":"a.bin","byteLength":1}],"bufferViews":[{"buffer":0,"byteLength":1}],)"
        R"("tileAvailability":{"bitstream":0},"childSubtreeAvailability":{"constant":0}})";
    std::string asked;
    auto fetch = [&](const std::string& uri) -> geo::Result<std::vector<std::uint8_t>> {
        asked = uri;
        return std::vector<std::uint8_t>{0x03};
    };
    auto j = render::parseSubtree(bytesOf(json), "s.json", 5, 16, fetch);
    ASSERT_TRUE(j) << j.messages();
    EXPECT_EQ(asked, "a.bin");
    EXPECT_TRUE(j->tiles.isAvailable(1));
    EXPECT_FALSE(j->tiles.isAvailable(2));
    EXPECT_FALSE(j->childSubtrees.isAvailable(0));
}

TEST(SubtreeFile, bitstreamsAreCheckedAgainstTheirCounts) {
    auto parse = [](const std::string& bytes, std::uint64_t tiles, std::uint64_t children) {
        return render::parseSubtree(bytesOf(bytes), "s.subtree", tiles, children, nullptr);
    };
    const std::string views =
        R"("buffers":[{"byteLength":8}],"bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":1},{"buffer":0,"byteOffset":1,"byteLength":2}],)";
    std::string bin = "\x1F\xFF\xFF";
    bin.append(5, '\0');
    const std::string ok = makeSubtree(
        "{" + views +
            R"("tileAvailability":{"bitstream":0},"contentAvailability":[{"constant":1}],"childSubtreeAvailability":{"bitstream":1}})",
        bin);
    auto s = parse(ok, 5, 16);
    ASSERT_TRUE(s) << s.messages();
    EXPECT_TRUE(s->tiles.isAvailable(4));
    EXPECT_FALSE(s->tiles.isAvailable(5));
    EXPECT_TRUE(s->childSubtrees.isAvailable(15));
    EXPECT_TRUE(s->contents[0].isAvailable(3));
    // 21 tiles need 3 bytes; the view has 1.
    auto shortBits = parse(ok, 21, 16);
    ASSERT_FALSE(shortBits);
    EXPECT_NE(shortBits.messages().find("tileAvailability.bitstream"), std::string::npos)
        << shortBits.messages();
    // A view past its buffer, a missing view, a buffer larger than the binary chunk.
    auto expect = [&](const std::string& json, const std::string& binary,
                      const std::string& field) {
        auto r = parse(makeSubtree(json, binary), 5, 16);
        ASSERT_FALSE(r) << json;
        EXPECT_NE(r.messages().find(field), std::string::npos) << r.messages();
    };
    expect(
        R"({"buffers":[{"byteLength":8}],"bufferViews":[{"buffer":0,"byteOffset":6,"byteLength":4}],"tileAvailability":{"bitstream":0},"childSubtreeAvailability":{"constant":0}})",
        bin, "bufferViews[0].byteLength");
    expect(R"({"tileAvailability":{"bitstream":3},"childSubtreeAvailability":{"constant":0}})", bin,
           "tileAvailability.bitstream");
    expect(
        R"({"buffers":[{"byteLength":800}],"bufferViews":[{"buffer":0,"byteLength":4}],"tileAvailability":{"bitstream":0},"childSubtreeAvailability":{"constant":0}})",
        bin, "buffers[0].byteLength");
    expect(R"({"tileAvailability":{"constant":2},"childSubtreeAvailability":{"constant":0}})", "",
           "tileAvailability.constant");
    expect(R"({"tileAvailability":{"constant":1}})", "", "childSubtreeAvailability");
    expect(R"([1,2])", "", "json");
}
