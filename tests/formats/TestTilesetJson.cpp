// tileset.json as typed values: the shared samples' trees, then broken
// documents: what fails, what is left out, and the JSON path each message
// names.

#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "TileFormatSamples.h"
#include "TileTestBytes.h"
#include "citytwin/formats/TilesetJson.h"

using namespace citytwin;
using namespace citytwin::test;

namespace {

geo::Result<formats::Tileset> parse(const std::string& text) {
    return formats::parseTilesetJson(bytesOf(text), "t.json");
}

/// A tileset whose root has the given children (JSON array text).
std::string withChildren(const std::string& children) {
    return R"({"asset":{"version":"1.1"},"geometricError":50,"root":{"geometricError":10,
        "refine":"REPLACE","boundingVolume":{"sphere":[0,0,0,100]},"children":)" +
           children + "}}";
}

bool mentions(const geo::Result<formats::Tileset>& r, const std::string& text) {
    return r.messages().find(text) != std::string::npos;
}

}  // namespace

TEST(TilesetJson, readsTheRequestVolumeSample) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kRequestVolume);
    const std::string text = readText(kRequestVolume / "tileset.json");
    auto t = formats::parseTilesetJson(bytesOf(text), "tileset.json");
    ASSERT_TRUE(t) << t.messages();
    EXPECT_FALSE(t.hasErrors()) << t.messages();
    EXPECT_EQ(t->assetVersion, "1.0");
    ASSERT_TRUE(t->geometricError);
    EXPECT_DOUBLE_EQ(*t->geometricError, 100.0);
    const formats::TilesetTile& root = t->root;
    EXPECT_EQ(root.path, "root");
    EXPECT_EQ(root.refine, formats::Refine::Add);
    ASSERT_TRUE(root.boundingVolume);
    EXPECT_TRUE(std::holds_alternative<formats::BoundingRegion>(*root.boundingVolume));
    EXPECT_TRUE(root.contentUris.empty());
    ASSERT_EQ(root.children.size(), 3u);

    const auto& city = root.children[0];
    EXPECT_EQ(city.path, "root.children[0]");
    EXPECT_EQ(city.contentUris, std::vector<std::string>{"city/tileset.json"});
    EXPECT_FALSE(city.refine);  // the parent's
    EXPECT_FALSE(city.transform);

    const auto& building = root.children[1];
    EXPECT_EQ(building.contentUris, std::vector<std::string>{"building.b3dm"});
    ASSERT_TRUE(building.transform);
    EXPECT_DOUBLE_EQ((*building.transform)[15], 1.0);
    ASSERT_TRUE(building.boundingVolume);
    EXPECT_TRUE(std::holds_alternative<formats::BoundingBox>(*building.boundingVolume));
    EXPECT_FALSE(building.viewerRequestVolume);

    const auto& points = root.children[2];
    EXPECT_EQ(points.contentUris, std::vector<std::string>{"points.pnts"});
    ASSERT_TRUE(points.boundingVolume);
    EXPECT_TRUE(std::holds_alternative<formats::BoundingSphere>(*points.boundingVolume));
    EXPECT_TRUE(points.viewerRequestVolume);
    EXPECT_TRUE(points.children.empty());
}

TEST(TilesetJson, readsImplicitTilingOfTheSparseQuadtreeSample) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples);
    const std::string text =
        readText(kSamples / "3d-tiles-samples/1.1/SparseImplicitQuadtree/tileset.json");
    auto t = formats::parseTilesetJson(bytesOf(text), "tileset.json");
    ASSERT_TRUE(t) << t.messages();
    EXPECT_FALSE(t.hasErrors()) << t.messages();
    ASSERT_TRUE(t->root.implicitTiling);
    const auto& it = *t->root.implicitTiling;
    EXPECT_EQ(it.scheme, formats::SubdivisionScheme::Quadtree);
    EXPECT_EQ(it.subtreeLevels, 3u);
    EXPECT_EQ(it.availableLevels, 6u);
    EXPECT_EQ(it.subtreesUri, "subtrees/{level}.{x}.{y}.subtree");
    EXPECT_EQ(t->root.contentUris,
              std::vector<std::string>{"content/content_{level}__{x}_{y}.glb"});
    EXPECT_DOUBLE_EQ(t->root.geometricError, 32.0);
    EXPECT_EQ(t->root.refine, formats::Refine::Add);
}

TEST(TilesetJson, contentsAndPre10UrlsAreReadInOrder) {
    auto t = parse(withChildren(R"([{"geometricError":0,"content":{"url":"old.b3dm"},
        "contents":[{"uri":"a.glb"},{"uri":"b.pnts"}]}])"));
    ASSERT_TRUE(t) << t.messages();
    EXPECT_FALSE(t.hasErrors()) << t.messages();
    ASSERT_EQ(t->root.children.size(), 1u);
    EXPECT_EQ(t->root.children[0].contentUris,
              (std::vector<std::string>{"old.b3dm", "a.glb", "b.pnts"}));
    EXPECT_EQ(t->root.refine, formats::Refine::Replace);
}

TEST(TilesetJson, documentsWithoutARootFail) {
    auto notJson = parse("{\"root\": ");
    ASSERT_FALSE(notJson);
    EXPECT_TRUE(mentions(notJson, "not valid JSON")) << notJson.messages();
    EXPECT_TRUE(mentions(notJson, "t.json"));
    for (const std::string text : {"[]", "{}", R"({"root":[]})", R"({"root":{"transform":[1]}})"}) {
        auto r = parse(text);
        ASSERT_FALSE(r) << text;
        EXPECT_TRUE(mentions(r, "root")) << r.messages();
    }
    auto badTransform = parse(R"({"root":{"transform":[1,2,3]}})");
    EXPECT_TRUE(mentions(badTransform, "root.transform")) << badTransform.messages();
}

TEST(TilesetJson, brokenTilesAreLeftOutNamingTheirPath) {
    auto t = parse(withChildren(R"([
        {"geometricError":1,"content":{"uri":"ok.b3dm"}},
        7,
        {"transform":[1,0,0,0, 0,1,0,0, 0,0,1,0, 0,0,"x",1]},
        {"content":{"nouri":true},"boundingVolume":{"box":[1,2,3]},
         "children":[{"children":{"not":"an array"}}]},
        {"refine":"SOMETIMES","viewerRequestVolume":{"cylinder":[1]},
         "implicitTiling":{"subdivisionScheme":"HEXTREE"}}
    ])"));
    ASSERT_TRUE(t) << t.messages();
    EXPECT_TRUE(t.hasErrors());
    // Children 1 (not an object) and 2 (bad transform) are left out.
    ASSERT_EQ(t->root.children.size(), 3u);
    EXPECT_EQ(t->root.children[0].path, "root.children[0]");
    EXPECT_EQ(t->root.children[1].path, "root.children[3]");
    EXPECT_EQ(t->root.children[2].path, "root.children[4]");
    EXPECT_TRUE(mentions(t, "root.children[1]"));
    EXPECT_TRUE(mentions(t, "root.children[2].transform"));
    // A content without uri is left out; a bad volume is absent (a warning).
    const auto& broken = t->root.children[1];
    EXPECT_TRUE(broken.contentUris.empty());
    EXPECT_TRUE(mentions(t, "root.children[3].content"));
    EXPECT_FALSE(broken.boundingVolume);
    EXPECT_TRUE(mentions(t, "root.children[3].boundingVolume"));
    ASSERT_EQ(broken.children.size(), 1u);
    EXPECT_TRUE(mentions(t, "root.children[3].children[0].children"));
    const auto& odd = t->root.children[2];
    EXPECT_EQ(odd.refine, formats::Refine::Add);
    EXPECT_TRUE(mentions(t, "root.children[4].refine"));
    EXPECT_FALSE(odd.viewerRequestVolume);
    EXPECT_TRUE(mentions(t, "root.children[4].viewerRequestVolume"));
    EXPECT_FALSE(odd.implicitTiling);
    EXPECT_TRUE(mentions(t, "root.children[4].implicitTiling.subdivisionScheme"));
}

TEST(TilesetJson, contentPathsAndBrokenImplicitTilingAreKept) {
    auto t = parse(withChildren(R"([
        {"content":{"uri":"a.b3dm"},"contents":[{"nouri":1},{"uri":"b.pnts"}]},
        {"implicitTiling":{"subdivisionScheme":"OCTREE","subtreeLevels":13,"availableLevels":4,
         "subtrees":{"uri":"s/{level}.subtree"}}},
        {"implicitTiling":{"subdivisionScheme":"QUADTREE","subtreeLevels":13,"availableLevels":31,
         "subtrees":{"uri":"s/{level}.subtree"}}},
        {"implicitTiling":{"subdivisionScheme":"QUADTREE","subtreeLevels":18,"availableLevels":30,
         "subtrees":{"uri":"s/{level}.subtree"}}}
    ])"));
    ASSERT_TRUE(t) << t.messages();
    ASSERT_EQ(t->root.children.size(), 4u);
    const auto& contents = t->root.children[0];
    EXPECT_EQ(contents.contentUris, (std::vector<std::string>{"a.b3dm", "b.pnts"}));
    EXPECT_EQ(contents.contentPaths, (std::vector<std::string>{"root.children[0].content",
                                                               "root.children[0].contents[1]"}));
    EXPECT_FALSE(contents.implicitTilingBroken);
    // 13 octree levels index more than 36 bits; 31 levels are too many.
    EXPECT_FALSE(t->root.children[1].implicitTiling);
    EXPECT_TRUE(t->root.children[1].implicitTilingBroken);
    EXPECT_TRUE(mentions(t, "root.children[1].implicitTiling.subtreeLevels"));
    EXPECT_TRUE(mentions(t, "small enough to index"));
    EXPECT_TRUE(t->root.children[2].implicitTilingBroken);
    EXPECT_TRUE(mentions(t, "root.children[2].implicitTiling.availableLevels"));
    ASSERT_TRUE(t->root.children[3].implicitTiling);
    EXPECT_FALSE(t->root.children[3].implicitTilingBroken);
    EXPECT_EQ(t->root.children[3].implicitTiling->subtreeLevels, 18u);
}

TEST(TilesetJson, boundingVolumesNeedTheirCountOfFiniteNumbers) {
    using nlohmann::json;
    EXPECT_TRUE(formats::parseBoundingVolume(json::parse(R"({"sphere":[0,0,0,1]})")));
    EXPECT_TRUE(formats::parseBoundingVolume(json::parse(R"({"region":[0,0,1,1,0,5]})")));
    EXPECT_TRUE(formats::parseBoundingVolume(json::parse(R"({"box":[0,0,0,1,0,0,0,1,0,0,0,1]})")));
    EXPECT_FALSE(formats::parseBoundingVolume(json::parse(R"({"sphere":[0,0,1]})")));
    EXPECT_FALSE(formats::parseBoundingVolume(json::parse(R"({"sphere":[0,0,0,"1"]})")));
    EXPECT_FALSE(formats::parseBoundingVolume(json::parse(R"({"region":[0,0,1,1,0]})")));
    EXPECT_FALSE(formats::parseBoundingVolume(json::parse("[0,0,0,1]")));
    EXPECT_FALSE(formats::parseBoundingVolume(json::parse("{}")));
}

TEST(TilesetJson, aDeepTreeStopsAt64LevelsWithAnError) {
    std::string text = R"({"asset":{"version":"1.0"},"root":)";
    for (int i = 0; i < 70; ++i)
        text += R"({"children":[)";
    text += "{}";
    for (int i = 0; i < 70; ++i)
        text += "]}";
    text += "}";
    auto t = parse(text);
    ASSERT_TRUE(t) << t.messages();
    EXPECT_TRUE(mentions(t, "deeper than 64 levels")) << t.messages();
    int depth = 0;
    for (const formats::TilesetTile* tile = &t->root; !tile->children.empty();
         tile = &tile->children.front())
        ++depth;
    EXPECT_EQ(depth, 64);
}

TEST(TilesetJson, aNumberNoDoubleHoldsOrAWrongTypeIsAnErrorNamingItsPath) {
    const auto big =
        parse(withChildren(R"([{"geometricError":1e999,"content":{"uri":"a.b3dm"}}])"));
    ASSERT_FALSE(big.ok());
    EXPECT_EQ(big.diagnostics().front().field, "root.children[0].geometricError") << big.messages();
    EXPECT_NE(big.messages().find("out of range"), std::string::npos) << big.messages();
    const auto wrong =
        parse(withChildren(R"([{"geometricError":"ten","content":{"uri":"a.b3dm"}}])"));
    // A wrong type is not an exception: a warning naming its path (0 is used).
    ASSERT_FALSE(wrong.diagnostics().empty());
    EXPECT_EQ(wrong.diagnostics().front().field, "root.children[0].geometricError");
}
