// pnts, i3dm, cmpt and subtree parsers on the shared samples and on tiles
// built here, then broken on purpose: every broken input is an error that
// names the file and the field, never a crash.

#include <gtest/gtest.h>

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/MatrixTransform>
#include <osg/NodeVisitor>

#include <draco/compression/encode.h>
#include <draco/point_cloud/point_cloud_builder.h>

#include <cmath>
#include <filesystem>
#include <optional>

#include "ScratchDir.h"
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

/// Four points for the Draco tests, with colours, batch ids and an intensity.
struct DracoCloud {
    std::vector<float> xyz{0, 0, 0, 10, 0, 0, 0, 5, 0, 1.25f, 2.5f, -3};
    std::vector<std::uint8_t> rgb{255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30};
    std::vector<std::uint16_t> batchIds{0, 1, 1, 0};
    std::vector<std::uint8_t> intensity{7, 8, 9, 200};
};

/// The cloud through the real Draco encoder, sequentially (point order is
/// kept), positions quantized to `bits` (0: floats). Attribute unique ids:
/// POSITION 0, RGB 1, BATCH_ID 2, intensity 3.
std::string encodeDraco(const DracoCloud& c, int bits) {
    draco::PointCloudBuilder builder;
    builder.Start(std::uint32_t(c.xyz.size() / 3));
    auto add = [&](draco::GeometryAttribute::Type type, int components, draco::DataType data,
                   const void* values) {
        const int id = builder.AddAttribute(type, std::int8_t(components), data);
        builder.SetAttributeValuesForAllPoints(id, values, 0);
    };
    add(draco::GeometryAttribute::POSITION, 3, draco::DT_FLOAT32, c.xyz.data());
    add(draco::GeometryAttribute::COLOR, 3, draco::DT_UINT8, c.rgb.data());
    add(draco::GeometryAttribute::GENERIC, 1, draco::DT_UINT16, c.batchIds.data());
    add(draco::GeometryAttribute::GENERIC, 1, draco::DT_UINT8, c.intensity.data());
    const std::unique_ptr<draco::PointCloud> cloud = builder.Finalize(false);
    EXPECT_TRUE(cloud);
    if (!cloud)
        return {};
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(cloud->attribute(i)->unique_id(), std::uint32_t(i));
    draco::Encoder encoder;
    encoder.SetEncodingMethod(draco::POINT_CLOUD_SEQUENTIAL_ENCODING);
    if (bits)
        encoder.SetAttributeQuantization(draco::GeometryAttribute::POSITION, bits);
    draco::EncoderBuffer out;
    const draco::Status status = encoder.EncodePointCloudToBuffer(*cloud, &out);
    EXPECT_TRUE(status.ok()) << status.error_msg_string();
    return std::string(out.data(), out.size());
}

struct DracoPntsSpec {
    std::string bitstream;
    std::string properties = R"({"POSITION":0,"RGB":1,"BATCH_ID":2})";
    std::string plain = R"("RGB":{"byteOffset":0},"BATCH_LENGTH":2,)"
                        R"("BATCH_ID":{"byteOffset":0,"componentType":"UNSIGNED_SHORT"},)";
    std::size_t byteOffset = 8;
    std::optional<std::size_t> byteLength;  ///< the bitstream's if unset
    std::uint32_t pointsLength = 4;
    std::string batchTable = R"({"name":["lamp","pole"]})";
};

/// A pnts around Lujiazui whose feature table binary holds 8 bytes, then
/// the bitstream.
std::string dracoPnts(const DracoPntsSpec& s) {
    std::string bin = std::string(8, '\0') + s.bitstream;
    while (bin.size() % 8)
        bin.push_back('\0');
    char json[900];
    std::snprintf(json, sizeof json,
                  R"({"POINTS_LENGTH":%u,"POSITION":{"byteOffset":0},)"
                  R"("RTC_CENTER":[%.17g,%.17g,%.17g],%s"extensions":)"
                  R"({"3DTILES_draco_point_compression":{"properties":%s,)"
                  R"("byteOffset":%zu,"byteLength":%zu}}})",
                  s.pointsLength, kLujiazui.x, kLujiazui.y, kLujiazui.z, s.plain.c_str(),
                  s.properties.c_str(), s.byteOffset, s.byteLength.value_or(s.bitstream.size()));
    return makeTile("pnts", json, bin, s.batchTable, "", "");
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
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kRequestVolume);
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

TEST(PntsDraco, decodesFloatAndQuantizedPositionsRgbAndBatchIds) {
    const DracoCloud cloud;
    for (int bits : {0, 11}) {
        SCOPED_TRACE(bits);
        const std::string bytes = dracoPnts({.bitstream = encodeDraco(cloud, bits)});
        auto tile = render::parsePnts(bytesOf(bytes), "draco.pnts");
        ASSERT_TRUE(tile) << tile.messages();
        ASSERT_EQ(tile->pointCount, 4u);
        // 11 bits over the 13 m extent: a step of 13 / 2047 m.
        const double tolerance = bits ? 13.0 / 2047.0 : 1e-5;
        const double rtc[3] = {kLujiazui.x, kLujiazui.y, kLujiazui.z};
        const double origin[3] = {tile->origin.x, tile->origin.y, tile->origin.z};
        for (std::size_t i = 0; i < 12; ++i)
            EXPECT_NEAR(origin[i % 3] + tile->positions[i] - rtc[i % 3], cloud.xyz[i], tolerance)
                << i;
        ASSERT_EQ(tile->colors.size(), 16u);
        for (std::size_t i = 0; i < 4; ++i) {
            for (std::size_t k = 0; k < 3; ++k)
                EXPECT_EQ(tile->colors[4 * i + k], cloud.rgb[3 * i + k]) << i;
            EXPECT_EQ(tile->colors[4 * i + 3], 255);
        }
        EXPECT_EQ(tile->batchIds, (std::vector<std::uint32_t>{0, 1, 1, 0}));
        EXPECT_EQ(tile->batchLength, 2u);
        EXPECT_TRUE(tile->normals.empty());
    }
}

TEST(PntsDraco, compressedBatchTablePropertiesBecomePerPointFeatures) {
    const std::string bytes = dracoPnts({
        .bitstream = encodeDraco(DracoCloud(), 14),
        .properties = R"({"POSITION":0,"RGB":1})",
        .plain = "",
        .batchTable =
            R"({"kind":["a","b","c","d"],)"
            R"("Intensity":{"byteOffset":0,"componentType":"UNSIGNED_BYTE","type":"SCALAR"},)"
            R"("extensions":{"3DTILES_draco_point_compression":)"
            R"({"properties":{"Intensity":3}}}})",
    });
    std::optional<render::PntsTile> copy;
    {
        auto tile = render::parsePnts(bytesOf(bytes), "intensity.pnts");
        ASSERT_TRUE(tile) << tile.messages();
        copy = *tile;  // the decoded batch table outlives the result it came in
    }
    EXPECT_EQ(copy->batchLength, 4u);
    EXPECT_EQ(copy->batchTableJson.find("3DTILES_draco_point_compression"), std::string::npos);
    auto layer = render::buildBatchTableLayer(copy->batchTableJson, copy->batchTableBinary,
                                              copy->batchLength, "i", "intensity.pnts");
    ASSERT_TRUE(layer) << layer.messages();
    EXPECT_FALSE(layer.hasErrors() || !layer.diagnostics().empty()) << layer.messages();
    ASSERT_EQ((*layer)->features.size(), 4u);
    EXPECT_EQ(*(*layer)->features[0].find("Intensity"), "7");
    EXPECT_EQ(*(*layer)->features[3].find("Intensity"), "200");
    EXPECT_EQ(*(*layer)->features[3].find("kind"), "d");
}

TEST(PntsDraco, brokenDracoPointCloudsAreErrorsNamingTheField) {
    const std::string draco = encodeDraco(DracoCloud(), 11);
    auto expectError = [](const std::string& bytes, const std::string& field,
                          const std::string& words) {
        auto r = render::parsePnts(bytesOf(bytes), "broken.pnts");
        ASSERT_FALSE(r) << field;
        EXPECT_NE(r.messages().find("broken.pnts"), std::string::npos) << r.messages();
        EXPECT_NE(r.messages().find(field + ": "), std::string::npos) << r.messages();
        EXPECT_NE(r.messages().find(words), std::string::npos) << r.messages();
    };
    const std::string ext = "extensions.3DTILES_draco_point_compression";
    expectError(dracoPnts({.bitstream = draco.substr(0, draco.size() / 2)}), ext,
                "Draco cannot decode");
    expectError(dracoPnts({.bitstream = draco, .byteLength = draco.size() + 9}),
                ext + ".byteLength", "past the feature table binary");
    expectError(dracoPnts({.bitstream = draco, .byteOffset = 4096}), ext + ".byteOffset",
                "past the feature table binary");
    expectError(dracoPnts({.bitstream = draco, .properties = R"({"POSITION":0,"RGB":7})"}),
                ext + ".properties.RGB", "no Draco attribute with id 7");
    expectError(dracoPnts({.bitstream = draco, .properties = R"({"POSITION":0,"RGBA":1})"}),
                ext + ".properties.RGBA", "3 components, expected 4");
    expectError(dracoPnts({.bitstream = draco, .properties = R"({"POSITION":0,"RGB":0})"}),
                ext + ".properties.RGB", "used twice");
    expectError(dracoPnts({.bitstream = draco, .properties = R"({"POSITION":-1})"}),
                ext + ".properties.POSITION", "non-negative integer");
    expectError(dracoPnts({.bitstream = draco, .properties = R"({"NORMAL_OCT16P":0})"}),
                ext + ".properties.NORMAL_OCT16P", "only POSITION");
    expectError(dracoPnts({.bitstream = draco, .pointsLength = 5}), ext,
                "points but POINTS_LENGTH is 5");
    expectError(dracoPnts({.bitstream = draco,
                           .batchTable = R"({"extensions":{"3DTILES_draco_point_compression":)"
                                         R"({"properties":{"Intensity":3}}}})"}),
                "batch table." + ext, "BATCH_ID");
    expectError(dracoPnts({.bitstream = draco,
                           .properties = R"({"POSITION":0})",
                           .plain = "",
                           .batchTable = R"({"Intensity":{"byteOffset":0,"type":"SCALAR"},)"
                                         R"("extensions":{"3DTILES_draco_point_compression":)"
                                         R"({"properties":{"Intensity":3}}}})"}),
                "batch table." + ext + ".properties.Intensity", "componentType");
    expectError(makeTile("pnts", R"({"POINTS_LENGTH":1,"POSITION":{"byteOffset":0}})",
                         std::string(16, '\0'),
                         R"({"extensions":{"3DTILES_draco_point_compression":)"
                         R"({"properties":{"Intensity":3}}}})",
                         "", ""),
                "batch table." + ext, "no 3DTILES_draco_point_compression bitstream");
    // Any cut and any flipped byte of the bitstream: an error or points, never a crash.
    const std::string good = dracoPnts({.bitstream = draco});
    for (std::size_t n = 0; n < good.size(); n += 5)
        EXPECT_FALSE(render::parsePnts(bytesOf(good.substr(0, n)), "cut")) << n;
    for (std::size_t at = 0; at < draco.size(); ++at) {
        std::string flipped = draco;
        flipped[at] = char(flipped[at] ^ 0x5A);
        (void)render::parsePnts(bytesOf(dracoPnts({.bitstream = flipped})), "flipped");
    }
}

TEST(I3dmTile, decodesInstancesPlainAndOctEncoded) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kBoxGlb);
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
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kBoxGlb);
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
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kBoxGlb);
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
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kBoxGlb);
    ScratchDir dir("tileformats_mixed");
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

TEST(TilesetContent, dracoPntsLoadsInOneTilesetWithItsFeatures) {
    ScratchDir dir("tileformats_draco");
    dir.write("draco.pnts", dracoPnts({.bitstream = encodeDraco(DracoCloud(), 11)}));
    dir.write("tileset.json", tilesetWith("draco.pnts"));
    const geo::LocalFrame frame({121.5, 31.24, 0.0});
    auto model = render::loadTileset((dir.path() / "tileset.json").string(), frame);
    ASSERT_TRUE(model) << model.messages();
    EXPECT_FALSE(model.hasErrors()) << model.messages();
    EXPECT_EQ(model->contentSummary, "pnts 1");
    EXPECT_EQ(render::surveyModel(*model->node).points, 4u);
    EXPECT_NEAR(model->wgs84Extent.centerX(), 121.5, 2e-4);
    EXPECT_NEAR(model->wgs84Extent.centerY(), 31.24, 2e-4);
    PickDataCollector pick;
    model->node->accept(pick);
    ASSERT_EQ(pick.found.size(), 1u);
    EXPECT_EQ(pick.found.front()->featureAt(2).value(), 1u);
    EXPECT_EQ(*pick.found.front()->layer()->features[1].find("name"), "pole");
}

TEST(TilesetContent, i3dmWithAGltfUriAndEastNorthUpStandsUpright) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kBoxGlb);
    ScratchDir dir("tileformats_uri");
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
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples);
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
