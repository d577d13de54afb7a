// 3D Tiles, an OSGB pyramid and a terrain DEM from a real nginx on 127.0.0.1
// (label http), read through the client tile cache: the first pass fills it
// with 200s, the second issues only revalidations (304s in nginx's access
// log), and offline the cached tiles still load.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "NginxServer.h"
#include "PageEveryLevel.h"
#include "ScratchDir.h"
#include "SyntheticRasters.h"
#include "citytwin/render/IsolatedTileReader.h"
#include "citytwin/render/ModelSurvey.h"
#include "citytwin/render/OsgbPyramidLoader.h"
#include "citytwin/render/TerrainSource.h"
#include "citytwin/render/TilesetLoader.h"
#include "citytwin/test/TestPaths.h"
#include "citytwin/tilecache/TileCache.h"
#include "osgb/DirectoryListing.h"

using namespace citytwin;
namespace fs = std::filesystem;

namespace {

const fs::path kShared = test::kSharedDataDir;
const fs::path kTileset = "06_3dtiles_gltf/3d-tiles-samples/1.0/TilesetWithRequestVolume";
const fs::path kOsgb = "07_oblique_osgb_citygml/osgb_Production_5_subset";

/// Requests with `status` whose URI ends with `suffix`.
int count(const test::NginxServer& nginx, int status, const std::string& suffix = "") {
    int n = 0;
    for (const auto& r : nginx.requests())
        n += r.status == status && r.uri.ends_with(suffix);
    return n;
}

class RemoteTiles : public ::testing::Test {
protected:
    void SetUp() override {
        if (const std::string why = test::NginxServer::unavailableReason(); !why.empty())
            GTEST_SKIP() << why;
    }
    void serve(const fs::path& root) {
        nginx =
            std::make_unique<test::NginxServer>(root.string(), (work.path() / "nginx").string());
        ASSERT_TRUE(nginx->start()) << nginx->errorLog();
    }
    /// A fresh process's cache on the same folder (as the next session).
    void useCache(bool offline = false) {
        tilecache::configureSharedCache({(work.path() / "cache").string(), 1ull << 30, offline});
    }
    void TearDown() override { tilecache::configureSharedCache({{}, 0, false}); }

    test::ScratchDir work{"remote_tiles"};
    std::unique_ptr<test::NginxServer> nginx;
};

}  // namespace

TEST_F(RemoteTiles, aTilesetsSecondLoadOnlyRevalidatesAndOfflineStillLoads) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kShared / kTileset);
    serve(kShared / kTileset.parent_path());
    const std::string url = nginx->baseUrl() + "/TilesetWithRequestVolume/tileset.json";
    const geo::LocalFrame frame({-75.61, 40.04, 0.0});
    useCache();
    auto first = render::loadTileset(url, frame);
    ASSERT_TRUE(first) << first.messages();
    EXPECT_EQ(first->contentSummary, "b3dm 5, pnts 1");
    // tileset.json and every file it names, each once
    std::size_t files = 0;
    for (const auto& e : fs::recursive_directory_iterator(kShared / kTileset))
        files += e.is_regular_file() && e.path().extension() != ".md";
    ASSERT_TRUE(nginx->waitForRequests(files));
    EXPECT_EQ(count(*nginx, 200), int(files));
    EXPECT_EQ(nginx->requests().size(), files);
    nginx->clearLog();

    useCache();
    auto second = render::loadTileset(url, frame);
    ASSERT_TRUE(second) << second.messages();
    EXPECT_EQ(second->contentSummary, first->contentSummary);
    ASSERT_TRUE(nginx->waitForRequests(files));
    EXPECT_EQ(count(*nginx, 304), int(files));
    EXPECT_EQ(nginx->requests().size(), files);
    EXPECT_EQ(render::surveyModel(*second->node).triangles,
              render::surveyModel(*first->node).triangles);

    nginx->stop();
    useCache(true);
    auto offline = render::loadTileset(url, frame);
    ASSERT_TRUE(offline) << offline.messages();
    EXPECT_EQ(offline->contentSummary, first->contentSummary);
    const std::string other = nginx->baseUrl() + "/Other/tileset.json";
    auto missing = render::loadTileset(other, frame);
    EXPECT_FALSE(missing);
    EXPECT_NE(missing.messages().find(other), std::string::npos) << missing.messages();
    EXPECT_NE(missing.messages().find("offline"), std::string::npos) << missing.messages();
}

TEST_F(RemoteTiles, anOsgbPyramidPagesEveryLevelOverHttpAndRevalidatesOnTheSecondFlight) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kShared / kOsgb);
    render::installIsolatedTileReading();  // as the window and the CLI read tiles
    serve(kShared / kOsgb.parent_path());
    const std::string url = nginx->baseUrl() + "/osgb_Production_5_subset/";
    const geo::LocalFrame frame({113.38, 22.50, 0.0});

    // Every tile file there is, roots included; the L19 tiles also name
    // L20 children the sample lacks (404s, asked again each flight).
    int tiles = 0;
    for (const auto& e : fs::recursive_directory_iterator(kShared / kOsgb))
        tiles += e.path().extension() == ".osgb";
    for (int flight = 0; flight < 2; ++flight) {
        useCache();
        nginx->clearLog();
        auto model = render::loadOsgbPyramid(url, frame);
        ASSERT_TRUE(model) << model.messages();
        EXPECT_EQ(model->format, "OSGB");
        EXPECT_NE(model->crsLabel.find("113.36E"), std::string::npos) << model->crsLabel;
        EXPECT_GT(test::pageEveryLevel(*model->node), 25u);
        const auto survey = render::surveyModel(*model->node);
        if (flight == 0) {
            // The same pyramid as from the disk, level for level. Read
            // after the remote one: a URL first must work (no OSG plugin
            // loaded yet, as in a window opening a URL).
            auto local = render::loadOsgbPyramid((kShared / kOsgb).string(), frame);
            ASSERT_TRUE(local) << local.messages();
            test::pageEveryLevel(*local->node);
            const auto localSurvey = render::surveyModel(*local->node);
            EXPECT_EQ(survey.triangles, localSurvey.triangles);
            EXPECT_EQ(survey.pagedLods, localSurvey.pagedLods);
            EXPECT_NEAR(model->wgs84Extent.minX, local->wgs84Extent.minX, 1e-9);
        }
        ASSERT_TRUE(nginx->waitForRequests(std::size_t(tiles) + 2));
        if (flight == 0) {
            EXPECT_EQ(count(*nginx, 200, ".osgb"), tiles);
            EXPECT_EQ(count(*nginx, 304), 0);
        } else {
            // Only revalidations for the tiles and metadata.xml; the listing
            // of Data/ has no validators (nginx's autoindex) and comes anew.
            EXPECT_EQ(count(*nginx, 304, ".osgb"), tiles);
            EXPECT_EQ(count(*nginx, 200, ".osgb"), 0);
            EXPECT_EQ(count(*nginx, 304, "metadata.xml"), 1);
        }
    }
}

TEST_F(RemoteTiles, aDemOverHttpIsReadThroughTheCacheAndOffline) {
    const fs::path site = work.path() / "site";
    fs::create_directories(site / "terrain");
    test::HillDem hill;
    ASSERT_EQ(test::writeHillDem((site / "terrain/hill.tif").string(), hill), "");
    serve(site);
    render::TerrainOptions options;
    options.demPath = nginx->baseUrl() + "/terrain/hill.tif";
    auto peak = [&](const render::TerrainSource& source) {
        auto grid = source.readHeights({0, 0, 0});
        EXPECT_TRUE(grid) << grid.messages();
        float top = 0.f;
        if (grid)
            for (float h : grid->heights)
                if (!std::isnan(h))
                    top = std::max(top, h);
        return top;
    };
    useCache();
    auto first = render::TerrainSource::open(options);
    ASSERT_TRUE(first) << first.messages();
    const float top = peak(**first);
    EXPECT_GT(top, 50.f);   // the hill, not flat ground
    EXPECT_LT(top, 101.f);  // base 10 + peak 90
    ASSERT_TRUE(nginx->waitForRequests(1));
    EXPECT_EQ(count(*nginx, 200, "hill.tif"), 1);
    nginx->clearLog();

    useCache();
    auto second = render::TerrainSource::open(options);
    ASSERT_TRUE(second) << second.messages();
    EXPECT_FLOAT_EQ(peak(**second), top);
    ASSERT_TRUE(nginx->waitForRequests(1));
    EXPECT_EQ(count(*nginx, 304, "hill.tif"), 1);
    EXPECT_EQ(nginx->requests().size(), 1u);

    nginx->stop();
    useCache(true);
    auto offline = render::TerrainSource::open(options);
    ASSERT_TRUE(offline) << offline.messages();
    EXPECT_FLOAT_EQ(peak(**offline), top);
}

TEST(DirectoryListing, readsNginxJsonAndHtmlIndexesAndKeepsOnlyPlainSubFolders) {
    using render::detail::parseDirectoryListing;
    const std::string json =
        R"([{"name":"Tile_+000_+013","type":"directory"},{"name":"a.txt","type":"file"},)"
        R"({"name":"..","type":"directory"},{"name":"Tile_+000_+012","type":"directory"}])";
    EXPECT_EQ(parseDirectoryListing(json),
              (std::vector<std::string>{"Tile_+000_+012", "Tile_+000_+013"}));
    const std::string html =
        R"(<pre><a href="../">../</a><a href="Tile_%2B000_%2B013/">x</a>)"
        R"(<a href="file.osgb">f</a><a href="http://other/x/">o</a><a href='a%2Fb/'>s</a></pre>)";
    EXPECT_EQ(parseDirectoryListing(html), (std::vector<std::string>{"Tile_+000_+013"}));
    EXPECT_TRUE(parseDirectoryListing("[not json").empty());
    EXPECT_TRUE(parseDirectoryListing("").empty());
}
