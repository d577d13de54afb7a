// 3D Tiles 1.1 implicit tiling expanded into explicit tiles: tile
// coordinates to Morton and availability indices, tile and content
// availability bits, child subtrees loaded (or skipped) by their own bits,
// on the shared sparse quadtree and on subtrees written here.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <functional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "ScratchDir.h"
#include "TileFormatSamples.h"
#include "TileTestBytes.h"
#include "citytwin/formats/ImplicitTiling.h"
#include "citytwin/formats/SubtreeFile.h"
#include "citytwin/formats/TileSource.h"
#include "citytwin/formats/TilesetJson.h"

using namespace citytwin;
using namespace citytwin::test;
using json = nlohmann::json;

namespace {

/// Calls `visit(tile, level)` for every tile of an expanded tree.
void walk(const json& tile, unsigned level,
          const std::function<void(const json&, unsigned)>& visit) {
    visit(tile, level);
    if (auto c = tile.find("children"); c != tile.end())
        for (const json& child : *c)
            walk(child, level + 1, visit);
}

/// The content URIs of an expanded tree.
std::set<std::string> contentUris(const json& root) {
    std::set<std::string> uris;
    walk(root, 0, [&](const json& t, unsigned) {
        if (auto cs = t.find("contents"); cs != t.end())
            for (const json& c : *cs)
                uris.insert(c.at("uri").get<std::string>());
    });
    return uris;
}

/// A quadtree root tile with 2 levels per subtree and 4 available levels.
json quadtreeRoot() {
    return json::parse(R"({"boundingVolume":{"box":[0,0,0, 8,0,0, 0,8,0, 0,0,1]},
        "geometricError":16,"refine":"REPLACE","content":{"uri":"c/{level}_{x}_{y}.glb"},
        "implicitTiling":{"subdivisionScheme":"QUADTREE","subtreeLevels":2,
        "availableLevels":4,"subtrees":{"uri":"s/{level}.{x}.{y}.subtree"}}})");
}

/// A binary subtree whose tile, content and child subtree availability are
/// the bitstreams `tiles` (1 byte: 5 tiles), `contents` (1 byte) and
/// `children` (2 bytes: 16 child subtrees).
std::string bitSubtree(std::uint8_t tiles, std::uint8_t contents, std::uint16_t children) {
    std::string bin;
    bin.push_back(char(tiles));
    bin.push_back(char(contents));
    bin.push_back(char(children & 0xFF));
    bin.push_back(char(children >> 8));
    bin.append(4, '\0');
    return makeSubtree(
        R"({"buffers":[{"byteLength":8}],"bufferViews":[)"
        R"({"buffer":0,"byteOffset":0,"byteLength":1},{"buffer":0,"byteOffset":1,"byteLength":1},)"
        R"({"buffer":0,"byteOffset":2,"byteLength":2}],"tileAvailability":{"bitstream":0},)"
        R"("contentAvailability":[{"bitstream":1}],"childSubtreeAvailability":{"bitstream":2}})",
        bin);
}

}  // namespace

TEST(ImplicitTiling, mortonIndexInterleavesTheCoordinateBits) {
    // Quadtree: x in the even bits, y in the odd bits.
    EXPECT_EQ(formats::mortonIndex(0, 0, 0, false), 0u);
    EXPECT_EQ(formats::mortonIndex(1, 0, 0, false), 1u);
    EXPECT_EQ(formats::mortonIndex(0, 1, 0, false), 2u);
    EXPECT_EQ(formats::mortonIndex(1, 1, 0, false), 3u);
    EXPECT_EQ(formats::mortonIndex(2, 0, 0, false), 4u);
    EXPECT_EQ(formats::mortonIndex(2, 3, 0, false), 14u);
    EXPECT_EQ(formats::mortonIndex(3, 3, 0, false), 15u);
    EXPECT_EQ(formats::mortonIndex(7, 5, 99, false), 0b110111u);  // z ignored
    // Octree: x, y, z in turn.
    EXPECT_EQ(formats::mortonIndex(1, 0, 0, true), 1u);
    EXPECT_EQ(formats::mortonIndex(0, 1, 0, true), 2u);
    EXPECT_EQ(formats::mortonIndex(0, 0, 1, true), 4u);
    EXPECT_EQ(formats::mortonIndex(1, 1, 1, true), 7u);
    EXPECT_EQ(formats::mortonIndex(2, 0, 0, true), 8u);
    EXPECT_EQ(formats::mortonIndex(3, 2, 1, true), 0b011101u);  // x 11, y 10, z 01
}

TEST(ImplicitTiling, subtreeTileIndexCountsTheLevelsAbove) {
    EXPECT_EQ(formats::subtreeTileIndex(0, 0, 0, 0, false), 0u);
    EXPECT_EQ(formats::subtreeTileIndex(1, 0, 0, 0, false), 1u);
    EXPECT_EQ(formats::subtreeTileIndex(1, 1, 1, 0, false), 4u);
    EXPECT_EQ(formats::subtreeTileIndex(2, 0, 0, 0, false), 5u);
    EXPECT_EQ(formats::subtreeTileIndex(2, 3, 3, 0, false), 20u);  // the last of 21 tiles
    EXPECT_EQ(formats::subtreeTileIndex(1, 1, 1, 1, true), 8u);
    EXPECT_EQ(formats::subtreeTileIndex(2, 0, 0, 0, true), 9u);
    EXPECT_EQ(formats::subtreeTileIndex(3, 0, 0, 0, false), 21u);
}

TEST(ImplicitTiling, theSparseQuadtreeSampleExpandsToItsAvailableTiles) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples);
    const auto path = kSamples / "3d-tiles-samples/1.1/SparseImplicitQuadtree/tileset.json";
    auto source = formats::TileSource::open(path.string());
    ASSERT_TRUE(source) << source.messages();
    const json tileset = json::parse(readText(path));
    auto root = formats::expandImplicitTiling(tileset.at("root"), source->tilesetLocation(),
                                              *source, "root");
    ASSERT_TRUE(root) << root.messages();
    EXPECT_FALSE(root.hasErrors()) << root.messages();
    // Every content the subtrees make available (the same 32 glTF the
    // tileset loader reads), each once, each from its own template URI.
    const auto uris = contentUris(*root);
    EXPECT_EQ(uris.size(), 32u);
    for (const auto& uri : uris)
        EXPECT_EQ(uri.rfind("content/content_", 0), 0u) << uri;
    // The root subtree's root tile has no content (0.0.0.subtree says so),
    // tiles below it come from the child subtrees at level 3, and no tile
    // lies below availableLevels (6).
    EXPECT_FALSE(root->contains("contents"));
    unsigned deepest = 0;
    std::size_t tiles = 0;
    walk(*root, 0, [&](const json& t, unsigned level) {
        ++tiles;
        deepest = std::max(deepest, level);
        EXPECT_DOUBLE_EQ(t.at("geometricError").get<double>(), 32.0 / double(1u << level));
        EXPECT_EQ(t.at("refine"), "ADD");
    });
    EXPECT_GE(tiles, uris.size());
    EXPECT_GE(deepest, 3u);
    EXPECT_LE(deepest, 5u);
}

TEST(ImplicitTiling, availabilityBitsDecideTilesContentsAndChildSubtrees) {
    ScratchDir dir("implicit_bits");
    const auto tilesetPath = dir.write("tileset.json", "{}");
    // Root subtree (levels 0-1): the root and tiles (1,0) and (1,1) of
    // level 1, bits 0, 2 and 4; content on (1,0) and (1,1) only. Child
    // subtrees at level 2: (3,3) below tile (1,1), Morton 15, and (0,0)
    // below the absent tile (0,0), Morton 0, which must not be read.
    dir.write("s/0.0.0.subtree", bitSubtree(0b00010101, 0b00010100, 0x8001));
    // Child subtree (2,3,3): its root and its level-3 child (7,7) (local
    // (1,1), bit 4); content on both.
    dir.write("s/2.3.3.subtree", bitSubtree(0b00010001, 0b00010001, 0));
    auto source = formats::TileSource::open(tilesetPath.string());
    ASSERT_TRUE(source) << source.messages();
    auto root =
        formats::expandImplicitTiling(quadtreeRoot(), source->tilesetLocation(), *source, "root");
    ASSERT_TRUE(root) << root.messages();
    EXPECT_FALSE(root.hasErrors()) << root.messages();
    EXPECT_TRUE(root.diagnostics().empty()) << root.messages();

    EXPECT_EQ(contentUris(*root),
              (std::set<std::string>{"c/1_1_0.glb", "c/1_1_1.glb", "c/2_3_3.glb", "c/3_7_7.glb"}));
    EXPECT_FALSE(root->contains("contents"));
    ASSERT_EQ(root->at("children").size(), 2u);
    const json& a = root->at("children")[0];
    const json& b = root->at("children")[1];
    EXPECT_EQ(a.at("contents")[0].at("uri"), "c/1_1_0.glb");
    EXPECT_FALSE(a.contains("children"));  // no child subtree below (1,0)
    EXPECT_EQ(b.at("contents")[0].at("uri"), "c/1_1_1.glb");
    ASSERT_EQ(b.at("children").size(), 1u);
    const json& c = b.at("children")[0];
    EXPECT_EQ(c.at("contents")[0].at("uri"), "c/2_3_3.glb");
    EXPECT_DOUBLE_EQ(c.at("geometricError").get<double>(), 4.0);
    ASSERT_EQ(c.at("children").size(), 1u);
    const json& d = c.at("children")[0];
    EXPECT_EQ(d.at("contents")[0].at("uri"), "c/3_7_7.glb");
    EXPECT_DOUBLE_EQ(d.at("geometricError").get<double>(), 2.0);
    EXPECT_FALSE(d.contains("children"));
    // The level-3 tile (7,7) is the north-east eighth of each axis: its box
    // centre is 7/8 of the half axes from the root's centre, axes 1/8 long.
    const json& box = d.at("boundingVolume").at("box");
    EXPECT_DOUBLE_EQ(box[0].get<double>(), 7.0);
    EXPECT_DOUBLE_EQ(box[1].get<double>(), 7.0);
    EXPECT_DOUBLE_EQ(box[3].get<double>(), 1.0);
    EXPECT_DOUBLE_EQ(box[7].get<double>(), 1.0);
    EXPECT_DOUBLE_EQ(box[11].get<double>(), 1.0);  // a quadtree keeps its height
}

TEST(ImplicitTiling, aMissingChildSubtreeIsAWarningAndARootOneAnError) {
    ScratchDir dir("implicit_missing");
    const auto tilesetPath = dir.write("tileset.json", "{}");
    auto source = formats::TileSource::open(tilesetPath.string());
    ASSERT_TRUE(source) << source.messages();

    auto none =
        formats::expandImplicitTiling(quadtreeRoot(), source->tilesetLocation(), *source, "root");
    ASSERT_FALSE(none);
    EXPECT_NE(none.messages().find("0.0.0.subtree"), std::string::npos) << none.messages();

    // The root subtree names child subtree (3,3) at level 2, which is absent.
    dir.write("s/0.0.0.subtree", bitSubtree(0b00010101, 0b00010100, 0x8000));
    auto partial =
        formats::expandImplicitTiling(quadtreeRoot(), source->tilesetLocation(), *source, "root");
    ASSERT_TRUE(partial) << partial.messages();
    EXPECT_FALSE(partial.hasErrors());
    EXPECT_NE(partial.messages().find("subtree skipped"), std::string::npos) << partial.messages();
    EXPECT_EQ(contentUris(*partial), (std::set<std::string>{"c/1_1_0.glb", "c/1_1_1.glb"}));

    // Broken implicitTiling objects are errors naming their field.
    auto expectError = [&](const std::string& key, const json& value, const std::string& field) {
        json tile = quadtreeRoot();
        tile["implicitTiling"][key] = value;
        auto r = formats::expandImplicitTiling(tile, source->tilesetLocation(), *source, "root");
        ASSERT_FALSE(r) << key;
        EXPECT_NE(r.messages().find(field), std::string::npos) << r.messages();
    };
    expectError("subdivisionScheme", "HEXTREE", "root.implicitTiling.subdivisionScheme");
    expectError("subtreeLevels", 0, "root.implicitTiling.subtreeLevels");
    expectError("availableLevels", 31, "root.implicitTiling.availableLevels");
    expectError("subtrees", json::object(), "root.implicitTiling.subtrees.uri");
}

TEST(ImplicitTiling, aParsedTileExpandsToTheSameTreeAsItsJson) {
    ScratchDir dir("implicit_typed");
    const auto tilesetPath = dir.write("tileset.json", "{}");
    dir.write("s/0.0.0.subtree", bitSubtree(0b00010101, 0b00010100, 0x8001));
    dir.write("s/2.3.3.subtree", bitSubtree(0b00010001, 0b00010001, 0));
    auto source = formats::TileSource::open(tilesetPath.string());
    ASSERT_TRUE(source) << source.messages();
    auto parsed = formats::parseTilesetTile(quadtreeRoot(), "tileset.json", "root.children[3]");
    ASSERT_TRUE(parsed) << parsed.messages();
    auto typed = formats::expandImplicitTiling(*parsed, source->tilesetLocation(), *source);
    ASSERT_TRUE(typed) << typed.messages();
    EXPECT_TRUE(typed.diagnostics().empty()) << typed.messages();
    EXPECT_FALSE(typed->implicitTiling);
    EXPECT_TRUE(typed->contentUris.empty());
    ASSERT_EQ(typed->children.size(), 2u);
    const formats::TilesetTile& b = typed->children[1];
    EXPECT_EQ(b.path, "root.children[3].children[1]");
    EXPECT_EQ(b.contentUris, std::vector<std::string>{"c/1_1_1.glb"});
    EXPECT_EQ(b.contentPaths, std::vector<std::string>{"root.children[3].children[1].contents[0]"});
    EXPECT_EQ(b.refine, formats::Refine::Replace);
    EXPECT_DOUBLE_EQ(b.geometricError, 8.0);
    ASSERT_TRUE(b.boundingVolume);
    const auto* box = std::get_if<formats::BoundingBox>(&*b.boundingVolume);
    ASSERT_TRUE(box);
    EXPECT_DOUBLE_EQ(box->values[0], 4.0);  // the (1,1) quarter of the 16 m square
    EXPECT_DOUBLE_EQ(box->values[3], 4.0);
    ASSERT_EQ(b.children.size(), 1u);
    const formats::TilesetTile& c = b.children[0];
    EXPECT_EQ(c.contentUris, std::vector<std::string>{"c/2_3_3.glb"});
    ASSERT_EQ(c.children.size(), 1u);
    EXPECT_EQ(c.children[0].contentUris, std::vector<std::string>{"c/3_7_7.glb"});
    EXPECT_TRUE(c.children[0].children.empty());

    // A broken root subtree fails as the json expansion does.
    dir.write("s/0.0.0.subtree", "not a subtree");
    auto broken = formats::expandImplicitTiling(*parsed, source->tilesetLocation(), *source);
    ASSERT_FALSE(broken);
    EXPECT_NE(broken.messages().find("0.0.0.subtree"), std::string::npos) << broken.messages();
}

TEST(ImplicitTiling, expansionStopsAtItsTileLimitWithAWarning) {
    ScratchDir dir("implicit_limit");
    const auto tilesetPath = dir.write("tileset.json", "{}");
    dir.write("s/0.0.0.subtree", bitSubtree(0b00011111, 0b00011111, 0));
    auto source = formats::TileSource::open(tilesetPath.string());
    ASSERT_TRUE(source) << source.messages();
    auto r = formats::expandImplicitTiling(quadtreeRoot(), source->tilesetLocation(), *source,
                                           "root", {.maxTiles = 3});
    ASSERT_TRUE(r) << r.messages();
    EXPECT_NE(r.messages().find("more than 3 tiles"), std::string::npos) << r.messages();
    std::size_t tiles = 0;
    walk(*r, 0, [&](const json&, unsigned) { ++tiles; });
    EXPECT_EQ(tiles, 3u);
}

TEST(ImplicitTiling, aSubtreeNumberNoDoubleHoldsOrAWrongTypeIsAnErrorNamingItsPath) {
    const auto parseJson = [](const std::string& text) {
        const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
        return formats::parseSubtree(
            std::span<const std::uint8_t>(p, text.size()), "s.json", 5, 16, [](const std::string&) {
                return geo::Result<std::vector<std::uint8_t>>::failure("no buffers", "s.json");
            });
    };
    const auto big = parseJson(R"({"tileAvailability":{"constant":1e999}})");
    ASSERT_FALSE(big.ok());
    EXPECT_EQ(big.diagnostics().front().field, "tileAvailability.constant") << big.messages();
    EXPECT_NE(big.messages().find("out of range"), std::string::npos) << big.messages();
    const auto wrong = parseJson(R"({"tileAvailability":{"constant":"one"}})");
    EXPECT_FALSE(wrong.ok());
    EXPECT_NE(wrong.messages().find("tileAvailability"), std::string::npos) << wrong.messages();
}
