// pnts, i3dm (with an embedded or a referenced glTF) and nested cmpt
// contents loaded through tilesets: their nodes, extents and pick data.

#include <gtest/gtest.h>

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/MatrixTransform>
#include <osg/NodeVisitor>

#include <filesystem>

#include "ScratchDir.h"
#include "TileFormatSamples.h"
#include "TileTestBytes.h"
#include "citytwin/render/FeaturePickData.h"
#include "citytwin/render/ModelSurvey.h"
#include "citytwin/render/TilesetLoader.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;
using namespace citytwin::test;
namespace fs = std::filesystem;

namespace {

std::string tilesetWith(const std::string& uri) {
    return R"({"asset":{"version":"1.0"},"geometricError":10,"root":{"geometricError":0,
        "refine":"ADD","boundingVolume":{"sphere":[0,0,0,100]},"content":{"uri":")" +
           uri + R"("}}})";
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
