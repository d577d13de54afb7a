#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/Material>
#include <osg/NodeVisitor>
#include <osg/Texture2D>

#include <filesystem>
#include <fstream>

#include "ScratchDir.h"
#include "citytwin/render/GltfModelLoader.h"
#include "citytwin/render/ModelSurvey.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;
namespace fs = std::filesystem;

using citytwin::test::ScratchDir;

namespace {

const fs::path kSamples =
    fs::path(test::kSharedDataDir) / "06_3dtiles_gltf/gltf_samples_from_google_draco";
const geo::LocalFrame kFrame({121.4737, 31.2304, 0.0});
const render::ModelAnchor kAnchor{{121.5000, 31.2400, 10.0}, 0.0};

std::vector<std::uint8_t> readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The model's extent in metres east/north of the anchor (a frame at the anchor).
struct LocalExtent {
    double minE, maxE, minN, maxN;
};
LocalExtent localExtent(const render::LoadedModel& m, const geo::GeoPoint& anchor) {
    const geo::LocalFrame f(anchor);
    const geo::Vec3d lo = f.toLocal({m.wgs84Extent.minX, m.wgs84Extent.minY, anchor.z});
    const geo::Vec3d hi = f.toLocal({m.wgs84Extent.maxX, m.wgs84Extent.maxY, anchor.z});
    return {lo.x, hi.x, lo.y, hi.y};
}

struct MaterialProbe : osg::NodeVisitor {
    std::vector<osg::Vec4> diffuse;
    std::vector<osg::Image*> images;
    MaterialProbe() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    void apply(osg::Drawable& d) override {
        const osg::StateSet* ss = d.getStateSet();
        if (!ss)
            return;
        if (auto* m =
                dynamic_cast<const osg::Material*>(ss->getAttribute(osg::StateAttribute::MATERIAL)))
            diffuse.push_back(m->getDiffuse(osg::Material::FRONT));
        if (auto* t = dynamic_cast<const osg::Texture2D*>(
                ss->getTextureAttribute(0, osg::StateAttribute::TEXTURE)))
            images.push_back(const_cast<osg::Image*>(t->getImage()));
    }
};

std::string asString(const std::vector<std::uint8_t>& b) {
    return std::string(b.begin(), b.end());
}

}  // namespace

TEST(GltfModelLoader, loadsEverySample) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples);
    struct Case {
        const char* path;
        const char* format;
        std::size_t minTriangles;
    };
    for (const Case& c :
         {Case{"Box/glTF/Box.gltf", "glTF", 12}, Case{"Box/glTF_Binary/Box.glb", "GLB", 12},
          Case{"Box/glTF_Binary/Box_Draco.glb", "GLB", 12},
          Case{"BoxMetaDraco/glTF/BoxMetaDraco.gltf", "glTF", 12},
          Case{"CesiumMilkTruck/glTF/CesiumMilkTruck.gltf", "glTF", 1000},
          Case{"CesiumMan/glTF_Binary/CesiumMan.glb", "GLB", 1000},
          Case{"Fox/glTF/Fox.gltf", "glTF", 500}}) {
        auto model = render::loadGltfModel((kSamples / c.path).string(), kAnchor, kFrame);
        ASSERT_TRUE(model) << c.path << ": " << model.messages();
        EXPECT_EQ(model->format, c.format) << c.path;
        const auto survey = render::surveyModel(*model->node);
        EXPECT_GE(survey.triangles, c.minTriangles) << c.path;
        EXPECT_FALSE(model->wgs84Extent.isEmpty());
        EXPECT_TRUE(model->wgs84Extent.contains(kAnchor.lonLatH.x, kAnchor.lonLatH.y) ||
                    std::string(c.path).find("Box") != std::string::npos)
            << c.path;
    }
}

TEST(GltfModelLoader, dracoBoxEqualsThePlainBox) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples);
    auto plain =
        render::loadGltfModel((kSamples / "Box/glTF_Binary/Box.glb").string(), kAnchor, kFrame);
    auto draco = render::loadGltfModel((kSamples / "Box/glTF_Binary/Box_Draco.glb").string(),
                                       kAnchor, kFrame);
    ASSERT_TRUE(plain && draco) << plain.messages() << draco.messages();
    const auto a = render::surveyModel(*plain->node), b = render::surveyModel(*draco->node);
    EXPECT_EQ(a.triangles, b.triangles);
    // Draco quantises positions: within a millimetre on a 1 m box.
    EXPECT_LT((a.bounds._min - b.bounds._min).length(), 1e-3);
    EXPECT_LT((a.bounds._max - b.bounds._max).length(), 1e-3);
}

TEST(GltfModelLoader, boxStandsAtItsAnchorWithGltfAxesTurnedToZUp) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples);
    // Box.gltf: a 1 m cube moved +2 along glTF Z (forward), which Cesium's
    // Y-up to Z-up turn sends 2 m south.
    auto model = render::loadGltfModel((kSamples / "Box/glTF/Box.gltf").string(), kAnchor, kFrame);
    ASSERT_TRUE(model) << model.messages();
    const LocalExtent e = localExtent(model.value(), kAnchor.lonLatH);
    EXPECT_NEAR(e.minE, -0.5, 0.01);
    EXPECT_NEAR(e.maxE, 0.5, 0.01);
    EXPECT_NEAR(e.minN, -2.5, 0.01);
    EXPECT_NEAR(e.maxN, -1.5, 0.01);
    EXPECT_NEAR(model->minHeight, 9.5, 0.01);
    EXPECT_NEAR(model->maxHeight, 10.5, 0.01);
}

TEST(GltfModelLoader, milkTruckStandsOnTheGroundAndTurnsWithHeading) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples);
    const fs::path truck = kSamples / "CesiumMilkTruck/glTF/CesiumMilkTruck.gltf";
    auto north = render::loadGltfModel(truck.string(), kAnchor, kFrame);
    ASSERT_TRUE(north) << north.messages();
    // glTF Y 0..2.58 m is the truck's height: wheels on the anchor's height.
    EXPECT_NEAR(north->minHeight, 10.0, 0.05);
    EXPECT_NEAR(north->maxHeight, 10.0 + 2.584, 0.05);
    const LocalExtent a = localExtent(north.value(), kAnchor.lonLatH);
    EXPECT_NEAR(a.maxE - a.minE, 2.431 + 2.438, 0.05);  // its length along glTF X, east
    EXPECT_NEAR(a.maxN - a.minN, 2 * 1.396, 0.05);

    render::ModelAnchor turned = kAnchor;
    turned.headingDegrees = 90.0;
    auto east = render::loadGltfModel(truck.string(), turned, kFrame);
    ASSERT_TRUE(east);
    const LocalExtent b = localExtent(east.value(), kAnchor.lonLatH);
    EXPECT_NEAR(b.maxN - b.minN, 2.431 + 2.438, 0.05);  // now north-south
    EXPECT_NEAR(b.maxE - b.minE, 2 * 1.396, 0.05);
    // Clockwise: the front (+X, east at heading 0) now points south.
    EXPECT_NEAR(b.minN, -2.438, 0.05);
}

TEST(GltfModelLoader, pbrBaseColourAndTextureBecomeMaterialAndTexture) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples);
    auto box = render::loadGltfModel((kSamples / "Box/glTF/Box.gltf").string(), kAnchor, kFrame);
    ASSERT_TRUE(box);
    MaterialProbe probe;
    box->node->accept(probe);
    ASSERT_FALSE(probe.diffuse.empty());
    EXPECT_NEAR(probe.diffuse[0].r(), 0.8, 1e-6);
    EXPECT_NEAR(probe.diffuse[0].g(), 0.0, 1e-6);

    auto truck = render::loadGltfModel(
        (kSamples / "CesiumMilkTruck/glTF/CesiumMilkTruck.gltf").string(), kAnchor, kFrame);
    ASSERT_TRUE(truck);
    MaterialProbe tprobe;
    truck->node->accept(tprobe);
    ASSERT_FALSE(tprobe.images.empty());
    ASSERT_NE(tprobe.images[0], nullptr);
    EXPECT_EQ(tprobe.images[0]->s(), 2048);  // CesiumMilkTruck.png
    EXPECT_EQ(tprobe.images[0]->t(), 2048);
}

TEST(GltfModelLoader, glbHeaderErrorsAreNamed) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples);
    const auto box = readBytes(kSamples / "Box/glTF_Binary/Box.glb");
    ScratchDir dir("gltf_glb");
    auto expectError = [&](const std::string& bytes, const std::string& what) {
        const fs::path p = dir.write("broken.glb", bytes);
        auto model = render::loadGltfModel(p.string(), kAnchor, kFrame);
        ASSERT_FALSE(model) << what;
        EXPECT_NE(model.messages().find(p.string()), std::string::npos) << model.messages();
        EXPECT_NE(model.messages().find(what), std::string::npos) << model.messages();
    };
    std::string wrongMagic = asString(box);
    wrongMagic[3] = 'X';
    expectError(wrongMagic, "magic");
    std::string longer = asString(box);
    longer[9] = char(0x7F);  // declares ~32 kB
    expectError(longer, "truncated");
    std::string chunk = asString(box);
    chunk[13] = char(0x7F);  // JSON chunk past the end
    expectError(chunk, "past the end");
    std::string version = asString(box);
    version[4] = 1;
    expectError(version, "version 1");
    expectError(asString(box).substr(0, 7), "shorter than its 12-byte header");
    expectError("", "neither a GLB");

    // Every truncation of a valid GLB and of a Draco GLB: an error or a model, never a crash.
    for (const char* name : {"Box/glTF_Binary/Box.glb", "Box/glTF_Binary/Box_Draco.glb"}) {
        const auto bytes = readBytes(kSamples / name);
        for (std::size_t n = 0; n < bytes.size(); n += 7) {
            auto r = render::buildGltfNode(std::span(bytes.data(), n), "", "cut");
            if (n < 12) {
                EXPECT_FALSE(r);
            }
        }
    }
}

TEST(GltfModelLoader, badJsonAndOutOfRangeAccessorsAreErrors) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples);
    ScratchDir dir("gltf_json");
    fs::copy_file(kSamples / "Box/glTF/Box0.bin", dir.path() / "Box0.bin");
    const nlohmann::json box =
        nlohmann::json::parse(asString(readBytes(kSamples / "Box/glTF/Box.gltf")));

    auto load = [&](const std::string& text) {
        return render::loadGltfModel(dir.write("broken.gltf", text).string(), kAnchor, kFrame);
    };
    auto bad = load("{ \"asset\": { \"version\": \"2.0\" }, \"nodes\": [ ");
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.messages().find("broken.gltf"), std::string::npos) << bad.messages();

    // POSITION claims a million vertices in a 648-byte buffer.
    nlohmann::json j = box;
    const int pos = j["meshes"][0]["primitives"][0]["attributes"]["POSITION"];
    j["accessors"][pos]["count"] = 1000000;
    bad = load(j.dump());
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.messages().find("run past the end of buffer view"), std::string::npos)
        << bad.messages();
    EXPECT_NE(bad.messages().find("accessors[" + std::to_string(pos) + "]"), std::string::npos)
        << bad.messages();

    // An accessor index that does not exist.
    j = box;
    j["meshes"][0]["primitives"][0]["attributes"]["POSITION"] = 99;
    bad = load(j.dump());
    ASSERT_FALSE(bad);

    // An offset beyond the buffer view.
    j = box;
    j["accessors"][pos]["byteOffset"] = 4000000000u;
    EXPECT_FALSE(load(j.dump()));

    // A buffer view larger than its buffer.
    j = box;
    j["bufferViews"][0]["byteLength"] = 100000;
    EXPECT_FALSE(load(j.dump()));

    // Indices pointing past the vertices: that primitive is dropped.
    j = box;
    const int idx = j["meshes"][0]["primitives"][0]["indices"];
    j["accessors"][idx]["byteOffset"] = 0;
    j["accessors"][idx]["bufferView"] = j["accessors"][pos]["bufferView"];
    j["accessors"][idx]["componentType"] = 5125;
    bad = load(j.dump());
    ASSERT_FALSE(bad);

    // A node that is its own child must not recurse forever.
    j = box;
    j["nodes"][0]["children"] = nlohmann::json::array({0});
    auto cyclic = load(j.dump());
    EXPECT_NE(cyclic.messages().find("cyclic"), std::string::npos) << cyclic.messages();

    // The intact file still loads from the scratch folder.
    EXPECT_TRUE(load(box.dump())) << load(box.dump()).messages();
}
