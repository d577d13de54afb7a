#include <gtest/gtest.h>

#include <osg/ComputeBoundsVisitor>
#include <osg/LOD>

#include <osg/Geometry>
#include <osg/MatrixTransform>

#include <map>
#include <set>
#include <tuple>

#include "citytwin/geo/VectorReader.h"
#include "citytwin/render/FeaturePickData.h"
#include "citytwin/render/LayerNodeBuilder.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;

namespace {

geo::Feature square(double lon, double lat, double sizeDeg, std::string height) {
    geo::Feature f;
    geo::Polygon p;
    p.rings.push_back({{lon, lat},
                       {lon + sizeDeg, lat},
                       {lon + sizeDeg, lat + sizeDeg},
                       {lon, lat + sizeDeg},
                       {lon, lat}});
    f.geometry.polygons.push_back(p);
    if (!height.empty())
        f.attributes.push_back({"height", height});
    return f;
}

std::shared_ptr<geo::FeatureLayer> layerOf(std::vector<geo::Feature> features) {
    auto l = std::make_shared<geo::FeatureLayer>();
    l->name = "test";
    l->crs = geo::Crs::wgs84();
    l->features = std::move(features);
    return l;
}

/// The geometry of the full-detail level (child 0 of each building LOD), or
/// of the coarse level with `coarse`.
struct Collect : osg::NodeVisitor {
    explicit Collect(bool coarse = false)
        : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN), coarseLevel(coarse) {}
    bool coarseLevel;
    std::vector<osg::LOD*> lods;
    void apply(osg::LOD& lod) override {
        lods.push_back(&lod);
        const unsigned child = coarseLevel ? 1u : 0u;
        if (child < lod.getNumChildren())
            lod.getChild(child)->accept(*this);
    }
    std::vector<osg::Geometry*> geoms;
    std::vector<osg::Matrixd> origins;
    osg::Matrixd current;
    void apply(osg::MatrixTransform& mt) override {
        const osg::Matrixd saved = current;
        current = mt.getMatrix() * current;
        traverse(mt);
        current = saved;
    }
    void apply(osg::Geometry& g) override {
        geoms.push_back(&g);
        origins.push_back(current);
    }
};

}  // namespace

TEST(LayerNodeBuilder, extrudesToTheAttributeHeightAroundTheLocalOrigin) {
    const geo::LocalFrame frame({121.5, 31.24, 0.0});
    render::LayerNodeBuilder builder(frame);
    render::LayerStyle style;
    style.role = render::LayerRole::Buildings;
    render::LayerBuildStats stats;
    auto node = builder.build("b", layerOf({square(121.5, 31.24, 0.0002, "50")}), style, &stats);
    ASSERT_TRUE(node) << node.messages();
    EXPECT_EQ(stats.features, 1u);
    // 4 walls x 2 triangles + 2 roof triangles.
    EXPECT_EQ(stats.triangles, 10u);
    Collect c;
    node.value()->accept(c);
    ASSERT_EQ(c.geoms.size(), 1u);
    EXPECT_TRUE(c.lods.empty()) << "a district draws every building at every distance";
    osg::BoundingBox bb;
    const auto* v = static_cast<const osg::Vec3Array*>(c.geoms[0]->getVertexArray());
    for (const auto& p : *v)
        bb.expandBy(osg::Vec3(osg::Vec3d(p) * c.origins[0]));
    EXPECT_NEAR(bb.zMax(), 50.0, 1e-3);
    EXPECT_NEAR(bb.zMin(), 0.0, 1e-3);
    EXPECT_NEAR(bb.xMin(), 0.0, 0.01);               // starts at the origin
    EXPECT_NEAR(bb.xMax() - bb.xMin(), 19.05, 0.1);  // 0.0002 deg lon at 31.24 N
}

TEST(LayerNodeBuilder, batchesManyBuildingsIntoFewDrawablesAndPicksEachOne) {
    std::vector<geo::Feature> fs;
    for (int i = 0; i < 40; ++i)
        for (int j = 0; j < 40; ++j)
            fs.push_back(
                square(121.48 + i * 0.0005, 31.22 + j * 0.0005, 0.0002, std::to_string(10 + i)));
    const geo::LocalFrame frame({121.49, 31.23, 0.0});
    render::LayerNodeBuilder builder(frame, 500.0);
    render::LayerStyle style;
    style.role = render::LayerRole::Buildings;
    style.lodMinBuildings = 1000;  // a city's level of detail, on a small grid
    render::LayerBuildStats stats;
    auto node = builder.build("b", layerOf(fs), style, &stats);
    ASSERT_TRUE(node);
    EXPECT_EQ(stats.features, 1600u);
    Collect c;
    node.value()->accept(c);
    EXPECT_EQ(c.geoms.size(), stats.tiles);
    EXPECT_LT(c.geoms.size(), 40u);  // ~2 km square in 500 m tiles, not 1600 drawables
    // Every triangle maps back to a feature; every feature is reachable.
    std::vector<bool> seen(fs.size(), false);
    for (auto* g : c.geoms) {
        auto* pick = dynamic_cast<render::FeaturePickData*>(g->getUserData());
        ASSERT_NE(pick, nullptr);
        const auto* de = static_cast<const osg::DrawElementsUInt*>(g->getPrimitiveSet(0));
        for (std::uint32_t t = 0; t < de->size() / 3; ++t) {
            auto fi = pick->featureAt(t);
            ASSERT_TRUE(fi);
            seen[*fi] = true;
        }
    }
    EXPECT_EQ(std::count(seen.begin(), seen.end(), true), 1600);

    // Far away, a tile shows only its landmarks (>= 40 m: columns i >= 30).
    Collect coarse(true);
    node.value()->accept(coarse);
    EXPECT_EQ(coarse.lods.size(), stats.tiles);
    EXPECT_EQ(coarse.geoms.size(), stats.landmarkTiles);
    EXPECT_GT(stats.landmarkTiles, 0u);
    EXPECT_LT(stats.landmarkTiles, stats.tiles);
    std::vector<bool> landmark(fs.size(), false);
    for (auto* g : coarse.geoms) {
        auto* pick = dynamic_cast<render::FeaturePickData*>(g->getUserData());
        ASSERT_NE(pick, nullptr);
        const auto* de = static_cast<const osg::DrawElementsUInt*>(g->getPrimitiveSet(0));
        for (std::uint32_t t = 0; t < de->size() / 3; ++t)
            landmark[*pick->featureAt(t)] = true;
    }
    for (int i = 0; i < 40; ++i)
        for (int j = 0; j < 40; ++j)
            EXPECT_EQ(landmark[std::size_t(i * 40 + j)], 10 + i >= 40) << i << "," << j;
    for (osg::LOD* lod : coarse.lods) {
        EXPECT_EQ(lod->getRangeMode(), osg::LOD::PIXEL_SIZE_ON_SCREEN);
        EXPECT_EQ(lod->getMinRange(0), style.detailPixels);
    }
}

TEST(LayerNodeBuilder, refusesLayersNotInWgs84) {
    auto l = layerOf({square(121.5, 31.24, 0.001, "10")});
    l->crs = geo::Crs::fromString("EPSG:4549").value();
    render::LayerNodeBuilder builder(geo::LocalFrame({121.5, 31.24, 0}));
    auto node = builder.build("b", l, render::LayerStyle{}, nullptr);
    EXPECT_FALSE(node);
    EXPECT_NE(node.messages().find("EPSG:4549"), std::string::npos);
}

TEST(LayerNodeBuilder, buildsTheRealOsmBuildings) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(std::string(test::kSharedDataDir) + "/01_buildings");
    auto r = geo::readVectorFile(std::string(test::kSharedDataDir) +
                                 "/01_buildings/shanghai_central_tilezen_buildings.geojson");
    ASSERT_TRUE(r) << r.messages();
    auto layer = std::make_shared<geo::FeatureLayer>(std::move(r->front()));
    const auto e = layer->extent();
    render::LayerNodeBuilder builder(geo::LocalFrame({e.centerX(), e.centerY(), 0.0}));
    render::LayerStyle style = render::defaultStyleFor(*layer);
    EXPECT_EQ(style.role, render::LayerRole::Buildings);
    render::LayerBuildStats stats;
    auto node = builder.build("buildings", layer, style, &stats);
    ASSERT_TRUE(node);
    EXPECT_EQ(stats.features, 1572u);  // every polygon; the 409 points have no footprint
    const osg::BoundingSphere bs = node.value()->getBound();
    EXPECT_LT(bs.center().length(), 1500.0);  // centred on the frame origin
    EXPECT_GT(bs.radius(), 1500.0);           // ~4 km across
}

namespace {
/// The colour of each feature's vertices, by feature index; a feature whose
/// vertices differ in colour is listed once per colour.
std::map<std::uint32_t, std::set<std::tuple<float, float, float, float>>> coloursByFeature(
    osg::Node& node) {
    Collect c;
    node.accept(c);
    std::map<std::uint32_t, std::set<std::tuple<float, float, float, float>>> out;
    for (auto* g : c.geoms) {
        auto* pick = dynamic_cast<render::FeaturePickData*>(g->getUserData());
        const auto* colors = static_cast<const osg::Vec4Array*>(g->getColorArray());
        const auto* de = static_cast<const osg::DrawElementsUInt*>(g->getPrimitiveSet(0));
        for (std::uint32_t t = 0; t < de->size() / 3; ++t)
            for (std::uint32_t k = 0; k < 3; ++k) {
                const osg::Vec4& v = (*colors)[(*de)[3 * t + k]];
                out[*pick->featureAt(t)].insert({v.r(), v.g(), v.b(), v.a()});
            }
    }
    return out;
}
std::tuple<float, float, float, float> rgba(const osg::Vec4& v) {
    return {v.r(), v.g(), v.b(), v.a()};
}
}  // namespace

TEST(LayerNodeBuilder, aStyleRuleColoursExactlyTheFeaturesWhoseAttributeMatches) {
    std::vector<geo::Feature> fs;
    for (int i = 0; i < 4; ++i)
        fs.push_back(square(121.50 + i * 0.0001, 31.24, 0.00005, ""));
    fs[0].attributes.push_back({"state", "a"});
    fs[1].attributes.push_back({"state", "b"});
    fs[2].attributes.push_back({"other", "a"});  // the value, under another attribute
    const osg::Vec4 grey(0.5f, 0.5f, 0.5f, 1.f), blue(0.f, 0.f, 1.f, 1.f), red(1.f, 0.f, 0.f, 1.f),
        green(0.f, 1.f, 0.f, 1.f), yellow(1.f, 1.f, 0.f, 1.f);
    render::LayerStyle style;
    style.role = render::LayerRole::Area;
    style.color = grey;
    style.categoryAttribute = "state";
    style.categoryColors["a"] = blue;  // a rule wins over the category
    style.rules.push_back({"state", "a", red});
    style.rules.push_back({"state", "b", green});
    style.rules.push_back({"state", "b", yellow});  // the first rule that matches wins
    render::LayerNodeBuilder builder(geo::LocalFrame({121.5, 31.24, 0.0}));
    auto node = builder.build("rules", layerOf(fs), style);
    ASSERT_TRUE(node);
    const auto colours = coloursByFeature(*node.value());
    using Set = std::set<std::tuple<float, float, float, float>>;
    ASSERT_EQ(colours.size(), 4u);
    EXPECT_EQ(colours.at(0), Set{rgba(red)});
    EXPECT_EQ(colours.at(1), Set{rgba(green)});
    EXPECT_EQ(colours.at(2), Set{rgba(grey)});
    EXPECT_EQ(colours.at(3), Set{rgba(grey)});
}

TEST(LayerNodeBuilder, aMastStandsAsTallAsItsHeightAttribute) {
    auto point = [](double lon, const char* height) {
        geo::Feature f;
        f.geometry.points.push_back({lon, 31.24});
        if (height)
            f.attributes.push_back({"mast_m", height});
        return f;
    };
    render::LayerStyle style;
    style.role = render::LayerRole::Mast;
    style.glyphRadius = 2.f;
    style.glyphHeight = 20.f;
    style.heightAttribute = "mast_m";
    render::LayerNodeBuilder builder(geo::LocalFrame({121.5, 31.24, 0.0}));
    auto top = [&](const geo::Feature& f) {
        auto node = builder.build("masts", layerOf({f}), style);
        EXPECT_TRUE(node);
        osg::ComputeBoundsVisitor bounds;
        node.value()->accept(bounds);
        return bounds.getBoundingBox().zMax();
    };
    EXPECT_NEAR(top(point(121.5, "50")), 50.0 + 2.0 * 1.5, 1e-4);  // the mast, then its head
    EXPECT_NEAR(top(point(121.5, nullptr)), 20.0 + 2.0 * 1.5, 1e-4);
    EXPECT_NEAR(top(point(121.5, "tall")), 20.0 + 2.0 * 1.5, 1e-4);
}

TEST(LayerNodeBuilder, buildingsTakeTheColourOfTheirHeightBandOrTheirCategory) {
    std::vector<geo::Feature> fs;
    for (const char* h : {"10", "24", "60", "300", "", ""})
        fs.push_back(square(121.50 + fs.size() * 0.0001, 31.24, 0.00005, h));
    fs[5].attributes.push_back({"building:levels", "10"});  // 30 m by BuildingHeight's rule
    fs[3].attributes.push_back({"kind", "office"});
    const auto bands = render::buildingHeightBands();
    ASSERT_EQ(bands.size(), 5u);
    render::LayerStyle style;
    style.role = render::LayerRole::Buildings;
    style.bandAttribute = render::kDrawnHeight;
    style.bands = bands;
    render::LayerNodeBuilder builder(geo::LocalFrame({121.5, 31.24, 0.0}));
    auto node = builder.build("bands", layerOf(fs), style);
    ASSERT_TRUE(node) << node.messages();
    // Walls take the colour, roofs a little lighter: the darkest is the wall's.
    auto wall = [](const auto& colours, std::uint32_t i) { return *colours.at(i).begin(); };
    auto colours = coloursByFeature(*node.value());
    ASSERT_EQ(colours.size(), 6u);
    EXPECT_EQ(wall(colours, 0), rgba(bands[0].color));  // 10 m
    EXPECT_EQ(wall(colours, 1), rgba(bands[1].color));  // 24 m: a band's lower bound is in it
    EXPECT_EQ(wall(colours, 2), rgba(bands[2].color));  // 60 m
    EXPECT_EQ(wall(colours, 3), rgba(bands[4].color));  // 300 m
    EXPECT_EQ(wall(colours, 4), rgba(bands[0].color));  // no height: the default 10 m
    EXPECT_EQ(wall(colours, 5), rgba(bands[1].color));  // 10 levels

    // By category instead: the office tower in its colour, the rest in the style's.
    const osg::Vec4 red(1.f, 0.f, 0.f, 1.f), stone(0.8f, 0.8f, 0.7f, 1.f);
    style.bands.clear();
    style.colorByHeight = false;
    style.color = stone;
    style.categoryAttribute = "kind";
    style.categoryColors["office"] = red;
    colours = coloursByFeature(*builder.build("kinds", layerOf(fs), style).value());
    EXPECT_EQ(wall(colours, 3), rgba(red));
    EXPECT_EQ(wall(colours, 0), rgba(stone));

    // Bands of another numeric attribute: a value that is not a number is no band's.
    std::vector<geo::Feature> ns;
    for (const char* floors : {"3", " 12 ", "many"}) {
        ns.push_back(square(121.50 + ns.size() * 0.0001, 31.24, 0.00005, "20"));
        ns.back().attributes.push_back({"floors", floors});
    }
    style.categoryColors.clear();
    style.bandAttribute = "floors";
    style.bands = {{0.0, red}, {10.0, osg::Vec4(0.f, 0.f, 1.f, 1.f)}};
    colours = coloursByFeature(*builder.build("floors", layerOf(ns), style).value());
    EXPECT_EQ(wall(colours, 0), rgba(red));
    EXPECT_EQ(wall(colours, 1), rgba(osg::Vec4(0.f, 0.f, 1.f, 1.f)));
    EXPECT_EQ(wall(colours, 2), rgba(stone));
}
