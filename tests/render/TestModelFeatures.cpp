// The features of a loaded 3D Tiles model as one table (the attribute
// table's rows) and one feature's highlight cut out of its tile: on the
// shared city sample, whose ll.b3dm batch table gives each building's
// longitude and latitude, so the highlight can be checked against it.

#include <gtest/gtest.h>

#include <osg/Geode>
#include <osg/Geometry>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numbers>

#include "citytwin/render/FeatureHighlight.h"
#include "citytwin/render/ModelFeatureHighlight.h"
#include "citytwin/render/ModelFeatureTable.h"
#include "citytwin/render/TilesetLoader.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;
namespace fs = std::filesystem;

namespace {

const fs::path kCity = fs::path(test::kSharedDataDir) /
                       "06_3dtiles_gltf/3d-tiles-samples/1.0/TilesetWithRequestVolume/city";

nlohmann::json batchTableOf(const fs::path& b3dm) {
    std::ifstream in(b3dm, std::ios::binary);
    const std::string b((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::uint32_t ft = 0, fb = 0, bt = 0;
    std::memcpy(&ft, b.data() + 12, 4);
    std::memcpy(&fb, b.data() + 16, 4);
    std::memcpy(&bt, b.data() + 20, 4);
    return nlohmann::json::parse(b.substr(28 + ft + fb, bt));
}

const std::string* attribute(const geo::Feature& f, const std::string& name) {
    return f.find(name);
}

}  // namespace

TEST(ModelFeatures, everyLoadedTilesBatchTableIsOneTableWithATileColumn) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kCity.string());
    const geo::LocalFrame frame({-75.61, 40.04, 0.0});
    auto model = render::loadTileset((kCity / "tileset.json").string(), frame);
    ASSERT_TRUE(model) << model.messages();
    const auto table = render::collectModelFeatures(*model->node, "city");
    ASSERT_TRUE(table.layer);
    EXPECT_EQ(table.layer->name, "city");
    // Four b3dm tiles of ten buildings each, all read (not paged).
    ASSERT_EQ(table.layer->features.size(), 40u);
    ASSERT_EQ(table.sources.size(), 40u);
    const auto ll = batchTableOf(kCity / "ll.b3dm");
    int llRows = 0;
    for (std::size_t r = 0; r < table.sources.size(); ++r) {
        const geo::Feature& f = table.layer->features[r];
        const render::ModelFeatureRow& src = table.sources[r];
        ASSERT_NE(attribute(f, "tile"), nullptr);
        EXPECT_TRUE(src.layerId.ends_with("/" + *attribute(f, "tile"))) << src.layerId;
        EXPECT_TRUE(f.geometry.isEmpty()) << "drawn by the tile";
        EXPECT_EQ(table.rowOf(src.layerId, src.featureIndex), r);
        if (*attribute(f, "tile") != "ll.b3dm")
            continue;
        ++llRows;
        ASSERT_NE(attribute(f, "Longitude"), nullptr);
        EXPECT_NEAR(std::stod(*attribute(f, "Longitude")),
                    ll["Longitude"][src.featureIndex].get<double>(), 1e-12);
    }
    EXPECT_EQ(llRows, 10);
    EXPECT_FALSE(table.rowOf("city/tileset.json/none.b3dm", 0).has_value());
}

TEST(ModelFeatures, aFeaturesHighlightIsItsOwnTrianglesWhereItsBatchTableSays) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kCity.string());
    const geo::LocalFrame frame({-75.61, 40.04, 0.0});
    auto model = render::loadTileset((kCity / "tileset.json").string(), frame);
    ASSERT_TRUE(model) << model.messages();
    const auto table = render::collectModelFeatures(*model->node, "city");
    const auto ll = batchTableOf(kCity / "ll.b3dm");
    constexpr double kDeg = 180.0 / std::numbers::pi;
    std::string llLayer;
    for (const auto& s : table.sources)
        if (s.layerId.ends_with("/ll.b3dm"))
            llLayer = s.layerId;
    ASSERT_FALSE(llLayer.empty());
    for (std::size_t i = 0; i < ll["id"].size(); ++i) {
        auto node = render::buildModelFeatureHighlight(*model->node, llLayer, std::uint32_t(i));
        auto* geode = node->asGeode();
        ASSERT_NE(geode, nullptr);
        EXPECT_EQ(geode->getName(), render::kHighlightLayerId);
        ASSERT_EQ(geode->getNumDrawables(), 1u) << "building " << i;
        const auto* g = geode->getDrawable(0)->asGeometry();
        ASSERT_NE(g, nullptr);
        EXPECT_EQ(g->getUserData(), nullptr) << "a highlight is not picked";
        const auto* v = dynamic_cast<const osg::Vec3Array*>(g->getVertexArray());
        ASSERT_NE(v, nullptr);
        EXPECT_GE(v->size(), 36u) << "a box of twelve triangles at least";
        EXPECT_EQ(v->size() % 3, 0u);
        const geo::Vec3d at = frame.toLocal(
            {ll["Longitude"][i].get<double>() * kDeg, ll["Latitude"][i].get<double>() * kDeg, 0.0});
        const osg::BoundingSphere b = node->getBound();
        EXPECT_LT(std::hypot(b.center().x() - at.x, b.center().y() - at.y), 25.0) << i;
        EXPECT_LT(b.radius(), 60.0) << "one building, not the tile";
        // From its foot to its roof: the building's height in the batch table.
        double top = -1e9, foot = 1e9;
        for (const auto& p : *v) {
            top = std::max(top, double(p.z()));
            foot = std::min(foot, double(p.z()));
        }
        EXPECT_NEAR(top - foot, ll["Height"][i].get<double>(), 2.0) << i;
    }
    // Nothing for a feature or a tile that is not there.
    EXPECT_EQ(render::buildModelFeatureHighlight(*model->node, llLayer, 999)
                  ->asGeode()
                  ->getNumDrawables(),
              0u);
    EXPECT_EQ(render::buildModelFeatureHighlight(*model->node, "nothing", 0)
                  ->asGeode()
                  ->getNumDrawables(),
              0u);
}
