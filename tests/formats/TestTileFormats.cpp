// pnts, i3dm, cmpt and subtree parsers on the shared samples and on tiles
// built here, then broken on purpose: every broken input is an error that
// names the file and the field, never a crash.

#include <gtest/gtest.h>

#include <draco/compression/encode.h>
#include <draco/point_cloud/point_cloud_builder.h>

#include <cmath>
#include <filesystem>
#include <optional>

#include "TileFormatSamples.h"
#include "TileTestBytes.h"
#include "citytwin/formats/B3dmTile.h"
#include "citytwin/formats/BatchTable.h"
#include "citytwin/formats/CmptTile.h"
#include "citytwin/formats/I3dmTile.h"
#include "citytwin/formats/PntsTile.h"
#include "citytwin/formats/SubtreeFile.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;
using namespace citytwin::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::uint8_t> readBytes(const fs::path& p) {
    const std::string s = readText(p);
    return {s.begin(), s.end()};
}

}  // namespace

TEST(PntsTile, decodesTheSamplePointCloud) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kRequestVolume);
    const std::string bytes = readText(kRequestVolume / "points.pnts");
    auto tile = formats::parsePnts(bytesOf(bytes), "points.pnts");
    ASSERT_TRUE(tile) << tile.messages();
    EXPECT_EQ(tile->pointCount, 125000u);
    EXPECT_EQ(tile->positions.size(), 3u * 125000u);
    EXPECT_EQ(tile->colors.size(), 4u * 125000u);
    EXPECT_TRUE(tile->batchIds.empty());
    EXPECT_EQ(tile->batchLength, 0u);  // "{}" batch table: no features
}

TEST(PntsTile, decodesQuantizedPositionsRgb565OctNormalsAndBatchIds) {
    const std::string bytes = quantizedPnts();
    auto tile = formats::parsePnts(bytesOf(bytes), "q.pnts");
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
    auto layer = formats::buildBatchTableLayer(tile->batchTableJson, tile->batchTableBinary,
                                               tile->batchLength, "q", "q.pnts");
    ASSERT_TRUE(layer) << layer.messages();
    ASSERT_EQ((*layer)->features.size(), 2u);
    EXPECT_EQ(*(*layer)->features[1].find("name"), "pole");
    EXPECT_EQ(*(*layer)->features[1].find("height"), "2.5");
}

TEST(PntsTile, brokenPointCloudsAreErrorsNamingTheField) {
    const std::string good = quantizedPnts();
    auto expectError = [](const std::string& bytes, const std::string& field) {
        auto r = formats::parsePnts(bytesOf(bytes), "broken.pnts");
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
        EXPECT_FALSE(formats::parsePnts(bytesOf(good.substr(0, n)), "cut")) << n;
}

TEST(PntsDraco, decodesFloatAndQuantizedPositionsRgbAndBatchIds) {
    const DracoCloud cloud;
    for (int bits : {0, 11}) {
        SCOPED_TRACE(bits);
        const std::string bytes = dracoPnts({.bitstream = encodeDraco(cloud, bits)});
        auto tile = formats::parsePnts(bytesOf(bytes), "draco.pnts");
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
    std::optional<formats::PntsTile> copy;
    {
        auto tile = formats::parsePnts(bytesOf(bytes), "intensity.pnts");
        ASSERT_TRUE(tile) << tile.messages();
        copy = *tile;  // the decoded batch table outlives the result it came in
    }
    EXPECT_EQ(copy->batchLength, 4u);
    EXPECT_EQ(copy->batchTableJson.find("3DTILES_draco_point_compression"), std::string::npos);
    auto layer = formats::buildBatchTableLayer(copy->batchTableJson, copy->batchTableBinary,
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
        auto r = formats::parsePnts(bytesOf(bytes), "broken.pnts");
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
        EXPECT_FALSE(formats::parsePnts(bytesOf(good.substr(0, n)), "cut")) << n;
    for (std::size_t at = 0; at < draco.size(); ++at) {
        std::string flipped = draco;
        flipped[at] = char(flipped[at] ^ 0x5A);
        (void)formats::parsePnts(bytesOf(dracoPnts({.bitstream = flipped})), "flipped");
    }
}

TEST(I3dmTile, decodesInstancesPlainAndOctEncoded) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kBoxGlb);
    for (bool oct : {false, true}) {
        const std::string bytes = boxI3dm(oct);
        auto tile = formats::parseI3dm(bytesOf(bytes), "box.i3dm");
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
        auto r = formats::parseI3dm(bytesOf(bytes), "broken.i3dm");
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
        EXPECT_FALSE(formats::parseI3dm(bytesOf(good.substr(0, n)), "cut")) << n;
}

TEST(CmptTile, splitsInnerTilesAndRefusesBadLengths) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kBoxGlb);
    const std::string inner = makeCmpt({quantizedPnts()});
    const std::string good = makeCmpt({quantizedPnts(), boxI3dm(false), inner});
    auto tiles = formats::parseCmpt(bytesOf(good), "c.cmpt");
    ASSERT_TRUE(tiles) << tiles.messages();
    ASSERT_EQ(tiles->size(), 3u);
    EXPECT_TRUE(formats::hasI3dmMagic((*tiles)[1]));
    EXPECT_TRUE(formats::hasCmptMagic((*tiles)[2]));

    auto expectError = [](const std::string& bytes, const std::string& field) {
        auto r = formats::parseCmpt(bytesOf(bytes), "broken.cmpt");
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
        EXPECT_FALSE(formats::parseCmpt(bytesOf(good.substr(0, n)), "cut")) << n;
}

TEST(SubtreeFile, readsTheSampleAndRefusesBrokenSubtrees) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples);
    const fs::path dir = kSamples / "3d-tiles-samples/1.1/SparseImplicitQuadtree/subtrees";
    const std::string bytes = readText(dir / "0.0.0.subtree");
    // 3 levels of a quadtree: 21 tiles, 64 child subtrees.
    auto s = formats::parseSubtree(bytesOf(bytes), "0.0.0.subtree", 21, 64, nullptr);
    ASSERT_TRUE(s) << s.messages();
    EXPECT_TRUE(s->tiles.isAvailable(0));
    ASSERT_EQ(s->contents.size(), 1u);
    EXPECT_FALSE(s->contents[0].isAvailable(0));

    auto expectError = [](const std::string& b, const std::string& field, std::uint64_t tiles = 5,
                          std::uint64_t children = 16) {
        auto r = formats::parseSubtree(bytesOf(b), "broken.subtree", tiles, children, nullptr);
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
    auto j = formats::parseSubtree(bytesOf(json), "s.json", 5, 16, fetch);
    ASSERT_TRUE(j) << j.messages();
    EXPECT_EQ(asked, "a.bin");
    EXPECT_TRUE(j->tiles.isAvailable(1));
    EXPECT_FALSE(j->tiles.isAvailable(2));
    EXPECT_FALSE(j->childSubtrees.isAvailable(0));
}

TEST(SubtreeFile, bitstreamsAreCheckedAgainstTheirCounts) {
    auto parse = [](const std::string& bytes, std::uint64_t tiles, std::uint64_t children) {
        return formats::parseSubtree(bytesOf(bytes), "s.subtree", tiles, children, nullptr);
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

TEST(B3dmTile, headerIsCheckedAgainstTheFile) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kRequestVolume);
    const auto bytes = readBytes(kRequestVolume / "city/ll.b3dm");
    auto tile = formats::parseB3dm(bytes, "ll.b3dm");
    ASSERT_TRUE(tile) << tile.messages();
    EXPECT_EQ(tile->byteLength, bytes.size());
    EXPECT_GT(tile->batchLength, 0u);
    EXPECT_EQ(tile->glb.size() >= 12 && tile->glb[0] == 'g', true);

    auto expectError = [](std::vector<std::uint8_t> b, const std::string& what) {
        auto r = formats::parseB3dm(b, "broken.b3dm");
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
        EXPECT_FALSE(formats::parseB3dm(std::span(bytes.data(), n), "cut"));
}
