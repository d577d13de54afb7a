// Every 3D Tiles sample and glTF model in the shared 06_3dtiles_gltf folder
// loads and lands inside the bounding volume its tileset declares; a pick
// on a b3dm building finds its batch-table row; implicit octrees expand.

#include <gtest/gtest.h>

#include <osg/Camera>
#include <osg/Drawable>
#include <osg/NodeVisitor>
#include <osg/Viewport>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <numbers>

#include "TileTestBytes.h"
#include "citytwin/render/FeaturePickData.h"
#include "citytwin/render/FeaturePicker.h"
#include "citytwin/render/GltfModelLoader.h"
#include "citytwin/render/ModelPlacement.h"
#include "citytwin/render/ModelSurvey.h"
#include "citytwin/render/TilesetLoader.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;
namespace fs = std::filesystem;

namespace {

const fs::path kSamples = fs::path(test::kSharedDataDir) / "06_3dtiles_gltf";
constexpr double kDeg = 180.0 / std::numbers::pi;
/// Where the samples without georeference are placed.
const geo::GeoPoint kLocalAnchor{121.5, 31.24, 0.0};

/// Checks the loaded content against the root's bounding volume (box or
/// region; the roots of these samples carry no transform).
void expectInsideRootVolume(const fs::path& tileset, const render::LoadedModel& model,
                            const geo::LocalFrame& frame) {
    const auto doc = nlohmann::json::parse(test::readText(tileset));
    const auto& volume = doc["root"]["boundingVolume"];
    if (volume.contains("region")) {
        const auto& r = volume["region"];
        constexpr double kSlack = 2e-5;  // degrees
        EXPECT_GE(model.wgs84Extent.minX, r[0].get<double>() * kDeg - kSlack) << tileset;
        EXPECT_LE(model.wgs84Extent.maxX, r[2].get<double>() * kDeg + kSlack) << tileset;
        EXPECT_GE(model.wgs84Extent.minY, r[1].get<double>() * kDeg - kSlack) << tileset;
        EXPECT_LE(model.wgs84Extent.maxY, r[3].get<double>() * kDeg + kSlack) << tileset;
        EXPECT_GE(model.minHeight, r[4].get<double>() - 5.0) << tileset;
        EXPECT_LE(model.maxHeight, r[5].get<double>() + 5.0) << tileset;
        return;
    }
    ASSERT_TRUE(volume.contains("box")) << tileset;
    std::vector<double> b = volume["box"].get<std::vector<double>>();
    // A box around the Earth's centre without a root transform is local
    // metres (no georeference): placed at the anchor, not in ECEF.
    const osg::Matrixd placement = model.missingGeoreference.empty()
                                       ? render::ecefPlacement(frame)
                                       : render::enuPlacement(kLocalAnchor, 0.0, frame);
    osg::Matrixd cityToEcef;
    ASSERT_TRUE(cityToEcef.invert(placement));
    const auto survey = render::surveyModel(*model.node, cityToEcef);
    for (int c = 0; c < 3; ++c) {
        const double half = std::abs(b[3 + c]) + std::abs(b[6 + c]) + std::abs(b[9 + c]);
        const double slack = 0.02 * half + 0.01;  // boxes need not be tight
        EXPECT_GE(survey.bounds._min[c], b[c] - half - slack) << tileset << " axis " << c;
        EXPECT_LE(survey.bounds._max[c], b[c] + half + slack) << tileset << " axis " << c;
    }
    // And the content fills a good part of it (it is not somewhere else, scaled down).
    const double spanX = survey.bounds._max[0] - survey.bounds._min[0];
    EXPECT_GT(spanX, 0.5 * 2.0 * (std::abs(b[3]) + std::abs(b[6]) + std::abs(b[9]))) << tileset;
}

}  // namespace

TEST(TilesetSamples, everyTilesetAndModelInTheSharedFolderLoadsWhereItSays) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples);
    ASSERT_TRUE(fs::is_directory(kSamples)) << kSamples;
    const geo::LocalFrame frame({121.47, 31.23, 0.0});
    int tilesets = 0, models = 0, localTilesets = 0;
    for (const auto& entry : fs::recursive_directory_iterator(kSamples)) {
        const fs::path& p = entry.path();
        if (p.filename() == "tileset.json") {
            SCOPED_TRACE(p.string());
            render::TilesetLoadOptions options;
            options.placeLocalTilesetsAtAnchor = true;
            options.localAnchor.lonLatH = kLocalAnchor;
            auto model = render::loadTileset(p.string(), frame, options);
            ASSERT_TRUE(model) << model.messages();
            EXPECT_FALSE(model.hasErrors()) << model.messages();
            // Local samples say so and stand at the anchor.
            if (!model->missingGeoreference.empty()) {
                EXPECT_NEAR(model->wgs84Extent.centerX(), kLocalAnchor.x, 0.01);
                EXPECT_NEAR(model->wgs84Extent.centerY(), kLocalAnchor.y, 0.01);
                ++localTilesets;
            }
            // Nothing skipped: every content of every sample is drawn.
            EXPECT_EQ(model.messages().find("skipped"), std::string::npos) << model.messages();
            EXPECT_FALSE(model->contentSummary.empty());
            expectInsideRootVolume(p, *model, frame);
            ++tilesets;
        } else if (p.extension() == ".gltf" || p.extension() == ".glb") {
            if (p.parent_path().string().find("3d-tiles-samples") != std::string::npos)
                continue;  // tileset contents, loaded above
            SCOPED_TRACE(p.string());
            render::ModelAnchor anchor;
            anchor.lonLatH = {121.5, 31.24, 0.0};
            auto model = render::loadGltfModel(p.string(), anchor, frame);
            ASSERT_TRUE(model) << model.messages();
            EXPECT_NEAR(model->wgs84Extent.centerX(), 121.5, 1e-3);
            EXPECT_NEAR(model->wgs84Extent.centerY(), 31.24, 1e-3);
            ++models;
        }
    }
    EXPECT_EQ(tilesets, 8);
    EXPECT_GE(localTilesets, 2);  // MetadataGranularities, SparseImplicitQuadtree
    EXPECT_GE(models, 7);
}

TEST(TilesetSamples, theRequestVolumeSampleDrawsItsPointCloud) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples);
    const fs::path p = kSamples / "3d-tiles-samples/1.0/TilesetWithRequestVolume/tileset.json";
    auto model = render::loadTileset(p.string(), geo::LocalFrame({-75.61, 40.04, 0.0}));
    ASSERT_TRUE(model) << model.messages();
    EXPECT_EQ(model->contentSummary, "b3dm 5, pnts 1");
    EXPECT_EQ(render::surveyModel(*model->node).points, 125000u);
}

TEST(TilesetSamples, sparseImplicitQuadtreeExpandsToItsThirtyTwoContents) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples);
    const fs::path p = kSamples / "3d-tiles-samples/1.1/SparseImplicitQuadtree/tileset.json";
    auto model = render::loadTileset(p.string(), geo::LocalFrame({121.47, 31.23, 0.0}));
    ASSERT_TRUE(model) << model.messages();
    EXPECT_EQ(model->contentSummary, "glTF 32");
}

TEST(TilesetSamples, pickingABuildingShowsItsBatchTableRow) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples);
    const fs::path dir = kSamples / "3d-tiles-samples/1.0/TilesetWithRequestVolume/city";
    const geo::LocalFrame frame({-75.6118, 40.0425, 0.0});
    auto model = render::loadTileset((dir / "tileset.json").string(), frame);
    ASSERT_TRUE(model) << model.messages();
    // The batch table of ll.b3dm gives each building's longitude and latitude (radians).
    const std::string ll = test::readText(dir / "ll.b3dm");
    const std::uint32_t ftJson = *reinterpret_cast<const std::uint32_t*>(ll.data() + 12);
    const std::uint32_t btJson = *reinterpret_cast<const std::uint32_t*>(ll.data() + 20);
    const auto table = nlohmann::json::parse(ll.substr(28 + ftJson, btJson));
    int found = 0;
    for (std::size_t i = 0; i < table["id"].size(); ++i) {
        const geo::Vec3d at = frame.toLocal({table["Longitude"][i].get<double>() * kDeg,
                                             table["Latitude"][i].get<double>() * kDeg, 0.0});
        // A camera 300 m above the building, looking straight down.
        osg::ref_ptr<osg::Camera> camera = new osg::Camera;
        camera->setViewport(0, 0, 200, 200);
        camera->setProjectionMatrixAsPerspective(30.0, 1.0, 1.0, 2000.0);
        camera->setViewMatrixAsLookAt(osg::Vec3d(at.x, at.y, 300.0), osg::Vec3d(at.x, at.y, 0.0),
                                      osg::Vec3d(0, 1, 0));
        camera->addChild(model->node);
        const auto hit = render::pickFeature(*camera, 100, 100);
        if (!hit || hit->layerId.find("ll.b3dm") == std::string::npos)
            continue;
        EXPECT_EQ(hit->feature().id, std::int64_t(i));
        const std::string* lon = hit->feature().find("Longitude");
        ASSERT_NE(lon, nullptr);
        EXPECT_NEAR(std::stod(*lon), table["Longitude"][i].get<double>(), 1e-12);
        ++found;
    }
    EXPECT_GE(found, 7);  // buildings can hide each other's centres, not most of them
}

TEST(TilesetSamples, implicitOctreeWithJsonSubtreesAndMissingChildrenLoadsWhatExists) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples);
    const fs::path tmp =
        fs::temp_directory_path() / ("citytwin_octree_" + std::to_string(::getpid()));
    fs::remove_all(tmp);
    fs::create_directories(tmp / "content");
    fs::create_directories(tmp / "subtrees");
    const geo::Vec3d ecef = geo::LocalFrame::geographicToEcef({121.5, 31.24, 0.0});
    char json[900];
    std::snprintf(json, sizeof json, R"({"asset":{"version":"1.1"},"geometricError":100,
        "root":{"transform":[1,0,0,0, 0,1,0,0, 0,0,1,0, %.3f,%.3f,%.3f,1],
        "boundingVolume":{"box":[0,0,0, 8,0,0, 0,8,0, 0,0,8]},"geometricError":50,"refine":"ADD",
        "content":{"uri":"content/{level}_{x}_{y}_{z}.glb"},
        "implicitTiling":{"subdivisionScheme":"OCTREE","subtreeLevels":2,"availableLevels":4,
            "subtrees":{"uri":"subtrees/{level}.{x}.{y}.{z}.json"}}}})",
                  ecef.x, ecef.y, ecef.z);
    std::ofstream(tmp / "tileset.json") << json;
    // Every tile and content of the two levels; child subtrees announced but absent.
    std::ofstream(tmp / "subtrees/0.0.0.0.json")
        << R"({"tileAvailability":{"constant":1},"contentAvailability":[{"constant":1}],
              "childSubtreeAvailability":{"constant":1}})";
    const std::string box =
        test::readText(kSamples / "gltf_samples_from_google_draco/Box/glTF_Binary/Box.glb");
    std::ofstream(tmp / "content/0_0_0_0.glb", std::ios::binary) << box;
    for (int x = 0; x < 2; ++x)
        for (int y = 0; y < 2; ++y)
            for (int z = 0; z < 2; ++z)
                std::ofstream(tmp / ("content/1_" + std::to_string(x) + "_" + std::to_string(y) +
                                     "_" + std::to_string(z) + ".glb"),
                              std::ios::binary)
                    << box;
    auto model =
        render::loadTileset((tmp / "tileset.json").string(), geo::LocalFrame({121.5, 31.24, 0.0}));
    ASSERT_TRUE(model) << model.messages();
    EXPECT_EQ(model->contentSummary, "glTF 9");
    EXPECT_NE(model.messages().find("2.0.0.0.json"), std::string::npos) << model.messages();
    EXPECT_NE(model.messages().find("subtree skipped"), std::string::npos);
    EXPECT_NEAR(model->wgs84Extent.centerX(), 121.5, 1e-4);

    // A broken root subtree is an error naming the file and field.
    std::ofstream(tmp / "subtrees/0.0.0.0.json") << R"({"tileAvailability":{"bitstream":4}})";
    auto broken =
        render::loadTileset((tmp / "tileset.json").string(), geo::LocalFrame({121.5, 31.24, 0.0}));
    ASSERT_FALSE(broken);
    EXPECT_NE(broken.messages().find("0.0.0.0.json"), std::string::npos) << broken.messages();
    EXPECT_NE(broken.messages().find("tileAvailability"), std::string::npos) << broken.messages();
    fs::remove_all(tmp);
}

TEST(TilesetSamples, aCancelledLoadStopsWithAClearError) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples);
    const fs::path p = kSamples / "3d-tiles-samples/1.0/TilesetWithRequestVolume/tileset.json";
    std::atomic<bool> cancelled{true};
    render::TilesetLoadOptions options;
    options.cancelled = &cancelled;
    auto model = render::loadTileset(p.string(), geo::LocalFrame({-75.61, 40.04, 0.0}), options);
    ASSERT_FALSE(model);
    EXPECT_NE(model.messages().find("cancelled"), std::string::npos) << model.messages();
}

TEST(TilesetSamples, meshFeaturesPickTheirPropertyTableRows) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples);
    struct Collector : osg::NodeVisitor {
        Collector() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
        void apply(osg::Drawable& d) override {
            if (auto* p = dynamic_cast<render::FeaturePickData*>(d.getUserData()))
                found.push_back(p);
        }
        std::vector<render::FeaturePickData*> found;
    };
    const fs::path base = kSamples / "3d-tiles-samples/glTF";
    // Feature ids only: four features listed by id.
    auto ids =
        render::loadTileset((base / "EXT_mesh_features/FeatureIdAttribute/tileset.json").string(),
                            geo::LocalFrame({121.47, 31.23, 0.0}));
    ASSERT_TRUE(ids) << ids.messages();
    Collector a;
    ids->node->accept(a);
    ASSERT_EQ(a.found.size(), 1u);
    EXPECT_EQ(a.found[0]->layer()->features.size(), 4u);
    // Four quads of two triangles; triangle 2 is the second quad.
    EXPECT_EQ(a.found[0]->featureAt(2).value_or(99), 1u);

    // With a property table: each row's VEC3 as text.
    auto table = render::loadTileset(
        (base / "EXT_structural_metadata/FeatureIdAttributeAndPropertyTable/tileset.json").string(),
        geo::LocalFrame({121.47, 31.23, 0.0}));
    ASSERT_TRUE(table) << table.messages();
    Collector b;
    table->node->accept(b);
    ASSERT_EQ(b.found.size(), 1u);
    const auto& layer = *b.found[0]->layer();
    ASSERT_EQ(layer.features.size(), 4u);
    const std::string* v = layer.features[3].find("example_VEC3_FLOAT32");
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(std::count(v->begin(), v->end(), ','), 2) << *v;
    EXPECT_NE(*v, *layer.features[0].find("example_VEC3_FLOAT32"));
}
