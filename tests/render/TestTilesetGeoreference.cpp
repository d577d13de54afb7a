// Tilesets without georeference (no root transform, content near the
// Earth's centre, as in many exports and public samples) are placed like a
// glTF model at an anchor and say so; georeferenced ones are not touched.
// The tilesets are written here: a box as b3dm and as GLB content.

#include <gtest/gtest.h>

#include <osg/ComputeBoundsVisitor>

#include <cmath>
#include <string>

#include "GltfTestBytes.h"
#include "ScratchDir.h"
#include "citytwin/render/ModelFileLoader.h"
#include "citytwin/render/ModelSurvey.h"
#include "citytwin/render/TilesetLoader.h"

using namespace citytwin;
using citytwin::test::ScratchDir;

namespace {

const geo::LocalFrame kFrame({121.4737, 31.2304, 0.0});
const geo::GeoPoint kAnchor{121.4800, 31.2350, 0.0};

/// A tileset of one box tile, 40 m east-west, 30 m north-south, 12 m high,
/// standing on its local origin; `rootExtra` adds to the root (a transform).
std::string boxTileset(const std::string& contentUri, const std::string& rootExtra = "") {
    return R"({"asset":{"version":"1.0"},"geometricError":10,"root":{)" + rootExtra +
           R"("boundingVolume":{"box":[0,0,6, 20,0,0, 0,15,0, 0,0,6]},"geometricError":0,
               "refine":"ADD","content":{"uri":")" +
           contentUri + R"("}}})";
}

/// glTF is Y up: a box from (-20, 0, -15) to (20, 12, 15) stands 12 m tall.
std::string box() {
    return test::makeBoxB3dm({-20.f, 0.f, -15.f}, {20.f, 12.f, 15.f});
}

/// Metres east and north of `p` from the anchor.
geo::Vec3d fromAnchor(const geo::GeoPoint& p) {
    return geo::LocalFrame(kAnchor).toLocal(p);
}

}  // namespace

TEST(TilesetGeoreference, aTilesetInLocalMetresStandsAtTheAnchorAndSaysWhy) {
    ScratchDir dir("tiles_local");
    dir.write("box.b3dm", box());
    const auto path = dir.write("tileset.json", boxTileset("box.b3dm")).string();
    const std::string why = render::tilesetGeoreferenceProblem(path);
    EXPECT_NE(why.find("no georeference"), std::string::npos) << why;
    EXPECT_NE(why.find("transform"), std::string::npos) << why;

    auto model = render::loadModelFile(path, kFrame, render::ModelAnchor{kAnchor, 0.0, 1.0});
    ASSERT_TRUE(model) << model.messages();
    EXPECT_NE(model->missingGeoreference.find("no georeference"), std::string::npos);
    EXPECT_NE(model->missingGeoreference.find("tileset.json"), std::string::npos)
        << "names the file: " << model->missingGeoreference;
    EXPECT_EQ(model->crsLabel.find("ECEF"), std::string::npos) << model->crsLabel;
    // Where it lands: around the anchor, its own size, on the ground.
    const geo::Vec3d lo = fromAnchor({model->wgs84Extent.minX, model->wgs84Extent.minY, 0});
    const geo::Vec3d hi = fromAnchor({model->wgs84Extent.maxX, model->wgs84Extent.maxY, 0});
    EXPECT_NEAR(lo.x, -20.0, 0.5);
    EXPECT_NEAR(hi.x, 20.0, 0.5);
    EXPECT_NEAR(lo.y, -15.0, 0.5);
    EXPECT_NEAR(hi.y, 15.0, 0.5);
    EXPECT_NEAR(model->minHeight, 0.0, 0.5);
    EXPECT_NEAR(model->maxHeight, 12.0, 0.5);
}

TEST(TilesetGeoreference, pagedLocalTilesetTakesItsExtentFromItsRootVolumeAtTheAnchor) {
    ScratchDir dir("tiles_local_paged");
    dir.write("box.glb", test::makeBoxGlb({-20.f, 0.f, -15.f}, {20.f, 12.f, 15.f}));
    const std::string json =
        R"({"asset":{"version":"1.1"},"geometricError":10,"root":{
            "boundingVolume":{"box":[0,0,6, 20,0,0, 0,15,0, 0,0,6]},"geometricError":10,
            "refine":"ADD","content":{"uri":"box.glb"},
            "children":[{"boundingVolume":{"box":[0,0,6, 20,0,0, 0,15,0, 0,0,6]},
                         "geometricError":0,"content":{"uri":"box.glb"}}]}})";
    const auto path = dir.write("tileset.json", json).string();
    render::TilesetLoadOptions options;
    options.paged = true;
    options.placeLocalTilesetsAtAnchor = true;
    options.localAnchor = {kAnchor, 90.0, 2.0};  // turned east and doubled
    auto model = render::loadTileset(path, kFrame, options);
    ASSERT_TRUE(model) << model.messages();
    EXPECT_FALSE(model->missingGeoreference.empty());
    const geo::Vec3d lo = fromAnchor({model->wgs84Extent.minX, model->wgs84Extent.minY, 0});
    const geo::Vec3d hi = fromAnchor({model->wgs84Extent.maxX, model->wgs84Extent.maxY, 0});
    // Heading 90: local +x (40 m wide) points south; scale 2.
    EXPECT_NEAR(hi.x - lo.x, 60.0, 1.0);
    EXPECT_NEAR(hi.y - lo.y, 80.0, 1.0);
    EXPECT_NEAR(model->maxHeight, 24.0, 1.0);
}

TEST(TilesetGeoreference, aTilesetWithARootTransformOrARegionKeepsItsOwnPlace) {
    ScratchDir dir("tiles_georef");
    dir.write("box.b3dm", box());
    // East-north-up at 121.4737 E, 31.2304 N on the ellipsoid, as Cesium writes it.
    const double lon = 121.4737 * M_PI / 180, lat = 31.2304 * M_PI / 180;
    const double a = 6378137.0, e2 = 6.69437999014e-3;
    const double n = a / std::sqrt(1 - e2 * std::sin(lat) * std::sin(lat));
    const double x = n * std::cos(lat) * std::cos(lon), y = n * std::cos(lat) * std::sin(lon),
                 z = n * (1 - e2) * std::sin(lat);
    const double sl = std::sin(lon), cl = std::cos(lon), sp = std::sin(lat), cp = std::cos(lat);
    char transform[512];
    std::snprintf(
        transform, sizeof transform,
        R"("transform":[%.9f,%.9f,0,0, %.9f,%.9f,%.9f,0, %.9f,%.9f,%.9f,0, %.3f,%.3f,%.3f,1],)",
        -sl, cl, -sp * cl, -sp * sl, cp, cp * cl, cp * sl, sp, x, y, z);
    const auto path = dir.write("tileset.json", boxTileset("box.b3dm", transform)).string();
    EXPECT_EQ(render::tilesetGeoreferenceProblem(path), "");
    auto model = render::loadModelFile(path, kFrame, render::ModelAnchor{kAnchor, 0.0, 1.0});
    ASSERT_TRUE(model) << model.messages();
    EXPECT_EQ(model->missingGeoreference, "");
    // At the transform's place, not the anchor's.
    const geo::LocalFrame atTransform({121.4737, 31.2304, 0});
    const geo::Vec3d lo =
        atTransform.toLocal({model->wgs84Extent.minX, model->wgs84Extent.minY, 0});
    EXPECT_NEAR(lo.x, -20.0, 1.0);
    EXPECT_NEAR(lo.y, -15.0, 1.0);

    // A region is geographic whatever the transform.
    const auto regional = dir.write("region.json",
                                    R"({"asset":{"version":"1.0"},"geometricError":10,"root":{
            "boundingVolume":{"region":[2.1201,0.5450,2.1202,0.5451,0,12]},"geometricError":0,
            "content":{"uri":"box.b3dm"}}})");
    EXPECT_EQ(render::tilesetGeoreferenceProblem(regional.string()), "");
}
