// What a tileset.json says of itself, as the layer's properties list it:
// the shared 1.1 MetadataGranularities sample (schema, tileset metadata,
// groups), a 1.0 "properties" block, and text that is not a tileset.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "citytwin/formats/TilesetMetadata.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;

namespace {

std::string valueOf(const std::vector<formats::TilesetMetadataRow>& rows, const std::string& name) {
    const auto it =
        std::find_if(rows.begin(), rows.end(),
                     [&](const formats::TilesetMetadataRow& r) { return r.name == name; });
    return it == rows.end() ? "<absent>" : it->value;
}

}  // namespace

TEST(TilesetMetadata, listsTheSchemaTheTilesetsMetadataAndEachGroup) {
    const std::string path =
        std::string(test::kSharedDataDir) +
        "/06_3dtiles_gltf/3d-tiles-samples/1.1/MetadataGranularities/tileset.json";
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(path);
    const auto rows = formats::readTilesetMetadata(path);
    ASSERT_TRUE(rows) << rows.messages();
    EXPECT_EQ(valueOf(*rows, "asset.version"), "1.1");
    EXPECT_EQ(valueOf(*rows, "schema.id"), "MetadataGranularitiesSchema");
    EXPECT_EQ(valueOf(*rows, "schema.class exampleTilesetMetadataClass"),
              "Example tileset metadata class: author (STRING), date (STRING), tileCount "
              "(SCALAR UINT8)");
    EXPECT_EQ(valueOf(*rows, "metadata (exampleTilesetMetadataClass).author"), "Cesium");
    EXPECT_EQ(valueOf(*rows, "metadata (exampleTilesetMetadataClass).tileCount"), "4");
    EXPECT_EQ(valueOf(*rows, "group 0 (exampleGroupMetadataClass).color"), "[64,64,255]");
    EXPECT_EQ(valueOf(*rows, "group 1 (exampleGroupMetadataClass).priority"), "2");
}

TEST(TilesetMetadata, aVersion1TilesetListsItsPropertyRanges) {
    const auto rows = formats::parseTilesetMetadata(
        R"({"asset": {"version": "1.0", "tilesetVersion": "e2"},
            "properties": {"Height": {"minimum": 1, "maximum": 241.6}},
            "geometricError": 70, "root": {}})",
        "t.json");
    ASSERT_TRUE(rows) << rows.messages();
    ASSERT_EQ(rows->size(), 3u);
    EXPECT_EQ(valueOf(*rows, "asset.tilesetVersion"), "e2");
    EXPECT_EQ(valueOf(*rows, "properties.Height"), R"({"maximum":241.6,"minimum":1})");
}

TEST(TilesetMetadata, textThatIsNotATilesetIsAnErrorNamingTheFile) {
    const auto broken = formats::parseTilesetMetadata("{\"asset\": ", "broken/tileset.json");
    ASSERT_FALSE(broken.ok());
    EXPECT_NE(broken.messages().find("broken/tileset.json"), std::string::npos)
        << broken.messages();
    EXPECT_FALSE(formats::parseTilesetMetadata("[1, 2]", "a.json").ok());
    EXPECT_FALSE(formats::readTilesetMetadata("/nonexistent/tileset.json").ok());
    const auto empty = formats::parseTilesetMetadata("{}", "e.json");
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->empty());
}
