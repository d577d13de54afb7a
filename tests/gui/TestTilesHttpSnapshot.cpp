// The real `citytwin --snapshot` on a 3D Tiles tileset served by a real
// nginx (labels gui, http): a cold run fills the tile cache (200s), a warm
// run only revalidates (304s in nginx's access log), and with the server
// stopped `--offline` still draws it from the cache. Every picture must
// show the buildings, not an empty sky.

#include <gtest/gtest.h>

#include <QFile>
#include <QImage>

#include <filesystem>
#include <set>

#include "GuiTestSupport.h"
#include "NginxServer.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::test;
namespace fs = std::filesystem;

namespace {

const fs::path kSample =
    fs::path(kSharedDataDir) / "06_3dtiles_gltf/3d-tiles-samples/1.0/TilesetWithRequestVolume";

class TilesHttpSnapshot : public ::testing::Test {
protected:
    void SetUp() override {
        CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSample);
        if (const std::string why = NginxServer::unavailableReason(); !why.empty())
            GTEST_SKIP() << why;
        QString error;
        ASSERT_TRUE(ensureDisplay(&error)) << error.toStdString();
        work = fs::path(outputDir().toStdString()) / "tiles_http_cache";
        fs::remove_all(work);
        fs::create_directories(work);
        nginx = std::make_unique<NginxServer>(kSample.parent_path().string(),
                                              (work / "nginx").string());
        ASSERT_TRUE(nginx->start()) << nginx->errorLog();
    }

    /// One run of the program; the picture it wrote.
    QImage snapshot(const QString& name, const QStringList& extra) {
        const QString path = outputDir() + "/" + name;
        QFile::remove(path);
        QStringList args{"--snapshot",   path,
                         "--size",       "800x500",
                         "--tile-cache", QString::fromStdString((work / "cache").string())};
        args << extra
             << QString::fromStdString(nginx->baseUrl() + "/TilesetWithRequestVolume/tileset.json");
        const ProcessResult r = runProgram("citytwin", args, 300);
        EXPECT_FALSE(r.crashed) << r.err.toStdString();
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QImage(path);
    }
    static void expectDrawn(const QImage& img) {
        ASSERT_FALSE(img.isNull());
        const ImageStats s = analyseImage(img);
        EXPECT_GT(s.differentFromBackground, 0.05);  // shaded buildings
        EXPECT_GE(s.distinctColours, 4);
    }
    int count(int status) const { return nginx->countStatus(status); }

    fs::path work;
    std::unique_ptr<NginxServer> nginx;
};

}  // namespace

TEST_F(TilesHttpSnapshot, coldWarmAndOfflineRunsDrawTheRemoteTileset) {
    const QImage cold = snapshot("tiles_http_cold.png", {});
    expectDrawn(cold);
    ASSERT_TRUE(nginx->waitForRequests(2));  // tileset.json and its contents
    // Each file downloaded once; the window reads tileset.json twice (the
    // second read is a revalidation).
    std::set<std::string> files;
    for (const auto& r : nginx->requests())
        files.insert(r.uri);
    EXPECT_EQ(count(200), int(files.size()));
    EXPECT_EQ(count(200) + count(304), int(nginx->requests().size()));
    nginx->clearLog();

    const QImage warm = snapshot("tiles_http_warm.png", {});
    expectDrawn(warm);
    ASSERT_TRUE(nginx->waitForRequests(1));
    EXPECT_EQ(count(200), 0);
    EXPECT_GE(count(304), 1);
    EXPECT_EQ(nginx->requests().size(), std::size_t(count(304)));

    nginx->stop();
    const QImage offline = snapshot("tiles_http_offline.png", {"--offline"});
    expectDrawn(offline);
    // The same tiles, from the cache alone: the same share of the view.
    EXPECT_NEAR(analyseImage(offline).differentFromBackground,
                analyseImage(warm).differentFromBackground, 0.02);
}
