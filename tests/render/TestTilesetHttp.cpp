// Tilesets over HTTP from a real server (python3 -m http.server on
// 127.0.0.1 and a free port) serving a copy of the shared samples; URIs that
// name another host or leave the tileset's root are refused.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "LocalHttpServer.h"
#include "TileTestBytes.h"
#include "citytwin/formats/TilesetMetadata.h"
#include "citytwin/render/ModelSurvey.h"
#include "citytwin/render/TilesetLoader.h"
#include "citytwin/test/TestPaths.h"
#include "citytwin/tilecache/TileCache.h"

using namespace citytwin;
namespace fs = std::filesystem;

namespace {

const fs::path kSamples = fs::path(test::kSharedDataDir) / "06_3dtiles_gltf/3d-tiles-samples";

/// A python3 static file server over a scratch copy of the samples, for
/// the whole test suite; stopped (by its pid) when the suite ends.
class SampleServer : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        root = fs::temp_directory_path() / ("citytwin_http_" + std::to_string(::getpid()));
        fs::remove_all(root);
        // The tile cache in a scratch folder, not the user's.
        fs::remove_all(root.string() + "_cache");
        tilecache::configureSharedCache({root.string() + "_cache", 1ull << 30, false});
        if (!test::sharedDataPresent(kSamples))
            return;  // every test skips, in SetUp
        fs::create_directories(root / "tiles");
        fs::copy(kSamples, root / "tiles/samples", fs::copy_options::recursive);
        std::ofstream(root / "secret.b3dm") << "not for the tileset";
        server = std::make_unique<test::LocalHttpServer>(root.string());
        ASSERT_TRUE(server->ok())
            << "python3 -m http.server did not start (python3: packaging/install-deps.sh)";
        port = server->port();
    }
    void SetUp() override { CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples); }
    static void TearDownTestSuite() {
        server.reset();
        fs::remove_all(root);
        fs::remove_all(root.string() + "_cache");
    }
    static std::string url(const std::string& path) {
        return "http://127.0.0.1:" + std::to_string(port) + "/" + path;
    }
    static void write(const std::string& path, const std::string& text) {
        fs::create_directories((root / path).parent_path());
        std::ofstream(root / path, std::ios::binary) << text;
    }

    static inline fs::path root;
    static inline int port = 0;
    static inline std::unique_ptr<test::LocalHttpServer> server;
};

}  // namespace

TEST_F(SampleServer, theRequestVolumeSampleLoadsOverHttpLikeFromDisk) {
    const geo::LocalFrame frame({-75.61, 40.04, 0.0});
    auto remote =
        render::loadTileset(url("tiles/samples/1.0/TilesetWithRequestVolume/tileset.json"), frame);
    ASSERT_TRUE(remote) << remote.messages();
    EXPECT_FALSE(remote.hasErrors()) << remote.messages();
    EXPECT_EQ(remote->contentSummary, "b3dm 5, pnts 1");
    auto local = render::loadTileset(
        (kSamples / "1.0/TilesetWithRequestVolume/tileset.json").string(), frame);
    ASSERT_TRUE(local);
    EXPECT_DOUBLE_EQ(remote->wgs84Extent.minX, local->wgs84Extent.minX);
    EXPECT_DOUBLE_EQ(remote->wgs84Extent.maxY, local->wgs84Extent.maxY);
    EXPECT_EQ(render::surveyModel(*remote->node).triangles,
              render::surveyModel(*local->node).triangles);
}

TEST_F(SampleServer, implicitTilingLoadsOverHttp) {
    auto model = render::loadTileset(url("tiles/samples/1.1/SparseImplicitQuadtree/tileset.json"),
                                     geo::LocalFrame({121.47, 31.23, 0.0}));
    ASSERT_TRUE(model) << model.messages();
    EXPECT_EQ(model->contentSummary, "glTF 32");
}

TEST_F(SampleServer, otherHostsEscapesAndMissingTilesAreReportedAndTheRestLoads) {
    auto tile = [](const std::string& uri) {
        return R"({"geometricError":0,"boundingVolume":{"sphere":[0,0,0,100]},"content":{"uri":")" +
               uri + R"("}})";
    };
    write(
        "tiles/mixed/tileset.json",
        R"({"asset":{"version":"1.0"},"geometricError":10,"root":{"geometricError":10,"refine":"ADD",
              "boundingVolume":{"sphere":[0,0,0,100]},"children":[)" +
            tile("../samples/1.0/TilesetWithRequestVolume/city/ll.b3dm") + "," +
            tile("http://192.0.2.1:" + std::to_string(port) + "/tiles/mixed/x.b3dm") + "," +
            tile("../../secret.b3dm") + "," + tile("missing.b3dm") + "]}}");
    // The tileset root is tiles/mixed/: the sample tile beside it is outside too.
    auto model =
        render::loadTileset(url("tiles/mixed/tileset.json"), geo::LocalFrame({-75.61, 40.04, 0.0}));
    ASSERT_FALSE(model);
    const std::string m = model.messages();
    EXPECT_NE(m.find("names host http://192.0.2.1"), std::string::npos) << m;
    EXPECT_NE(m.find("secret.b3dm' leaves the tileset's root"), std::string::npos) << m;
    EXPECT_NE(m.find("missing.b3dm"), std::string::npos) << m;
    EXPECT_NE(m.find("404"), std::string::npos) << m;

    // From one folder up the sample tile is inside the root and loads; the
    // refused and missing ones are still reported.
    write(
        "tiles/outer.json",
        R"({"asset":{"version":"1.0"},"geometricError":10,"root":{"geometricError":10,"refine":"ADD",
              "boundingVolume":{"sphere":[0,0,0,100]},"children":[)" +
            tile("samples/1.0/TilesetWithRequestVolume/city/ll.b3dm") + "," +
            tile("http://192.0.2.1/x.b3dm") + "," + tile("nothing/here.pnts") + "]}}");
    auto outer =
        render::loadTileset(url("tiles/outer.json"), geo::LocalFrame({-75.61, 40.04, 0.0}));
    ASSERT_TRUE(outer) << outer.messages();
    EXPECT_EQ(outer->contentSummary, "b3dm 1");
    EXPECT_NE(outer.messages().find("names host"), std::string::npos);
    EXPECT_NE(outer.messages().find("here.pnts"), std::string::npos);

    // A server that is not there: a clear error, no hang.
    auto gone =
        render::loadTileset("http://127.0.0.1:" + std::to_string(test::freeLocalPort()) + "/t.json",
                            geo::LocalFrame({121.47, 31.23, 0.0}));
    ASSERT_FALSE(gone);
    EXPECT_NE(gone.messages().find("HTTP request failed"), std::string::npos) << gone.messages();
}

TEST_F(SampleServer, aTilesetsMetadataReadsFromItsUrlAsFromDisk) {
    const auto remote =
        formats::readTilesetMetadata(url("tiles/samples/1.1/MetadataGranularities/tileset.json"));
    ASSERT_TRUE(remote) << remote.messages();
    const auto local = formats::readTilesetMetadata(
        (kSamples / "1.1/MetadataGranularities/tileset.json").string());
    ASSERT_TRUE(local) << local.messages();
    ASSERT_FALSE(remote->empty());
    ASSERT_EQ(remote->size(), local->size());
    for (std::size_t i = 0; i < remote->size(); ++i) {
        EXPECT_EQ((*remote)[i].name, (*local)[i].name);
        EXPECT_EQ((*remote)[i].value, (*local)[i].value);
    }
    // A URL with nothing behind it: an error naming it, not empty metadata.
    const std::string missing = url("tiles/samples/no-such/tileset.json");
    const auto none = formats::readTilesetMetadata(missing);
    ASSERT_FALSE(none.ok());
    EXPECT_NE(none.messages().find("no-such/tileset.json"), std::string::npos) << none.messages();
}
