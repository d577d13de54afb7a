#include <gtest/gtest.h>

#include <filesystem>

#include "citytwin/render/ModelFileLoader.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;
namespace fs = std::filesystem;

TEST(ModelFileLoader, dispatchesEveryKindOfModelToItsLoader) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(test::kSharedDataDir);
    const fs::path data(test::kSharedDataDir);
    const geo::LocalFrame frame({121.4737, 31.2304, 0.0});
    struct Case {
        fs::path path;
        render::ModelFileKind kind;
        const char* format;
    };
    for (const Case& c :
         {Case{data / "07_oblique_osgb_citygml/osgb_Production_5_subset/Data",
               render::ModelFileKind::OsgbPyramid, "OSGB"},
          Case{data / "06_3dtiles_gltf/gltf_samples_from_google_draco/Box/glTF_Binary/Box.GLB",
               render::ModelFileKind::Gltf, nullptr},
          Case{
              data / "06_3dtiles_gltf/gltf_samples_from_google_draco/Box/glTF_Binary/Box_Draco.glb",
              render::ModelFileKind::Gltf, "GLB"},
          Case{
              data /
                  "06_3dtiles_gltf/3d-tiles-samples/1.0/TilesetWithRequestVolume/city/tileset.json",
              render::ModelFileKind::Tileset, "3D Tiles"}}) {
        EXPECT_EQ(render::modelFileKind(c.path.string()), c.kind) << c.path;
        if (!c.format)
            continue;  // the upper-case name does not exist on disk
        auto model = render::loadModelFile(c.path.string(), frame, {{121.5, 31.24, 0.0}, 0.0});
        ASSERT_TRUE(model) << c.path << ": " << model.messages();
        EXPECT_EQ(model->format, c.format);
    }
    EXPECT_EQ(render::modelFileKind(test::kTestDataDir), render::ModelFileKind::None);
    auto none = render::loadModelFile("/nowhere/model.xyz", frame);
    ASSERT_FALSE(none);
    EXPECT_NE(none.messages().find("/nowhere/model.xyz"), std::string::npos);
}
