// Damaged OSGB tiles (issue 19): OSG 3.6.5's reader segfaults on some cut
// files; through IsolatedTileReader they become one warning and a missing
// tile, for the pyramid loader (model-info) and the DatabasePager alike.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <osg/FrameStamp>
#include <osg/PagedLOD>
#include <osgDB/DatabasePager>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "ScratchDir.h"
#include "citytwin/render/IsolatedTileReader.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;
namespace fs = std::filesystem;
using citytwin::test::ScratchDir;

namespace {

const fs::path kSample =
    fs::path(test::kSharedDataDir) / "07_oblique_osgb_citygml/osgb_Production_5_subset";
constexpr std::size_t kStep = 5000;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<fs::path> sampleTiles() {
    std::vector<fs::path> tiles;
    for (const auto& e : fs::recursive_directory_iterator(kSample / "Data"))
        if (e.path().extension() == ".osgb")
            tiles.push_back(e.path());
    std::sort(tiles.begin(), tiles.end());
    return tiles;
}

const std::string& helper() {
    static const std::string h = render::defaultTileReaderPath();
    return h;
}

}  // namespace

TEST(IsolatedTileReader, tellsReadableRefusedAndCrashingBytesApart) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSample);
    const fs::path tile = kSample / "Data/Tile_+000_+012/Tile_+000_+012_L15_0u.osgb";
    const std::string bytes = slurp(tile);
    const std::string folder = tile.parent_path().string();
    const auto timeout = std::chrono::seconds(60);
    EXPECT_EQ(render::checkTileBytes(helper(), bytes, "osgb", folder, timeout),
              render::TileCheck::Readable);
    EXPECT_EQ(render::checkTileBytes(helper(), "not a tile at all", "osgb", folder, timeout),
              render::TileCheck::Unreadable);
    // This cut makes OSG's own reader segfault (osgconv does too).
    EXPECT_EQ(render::checkTileBytes(helper(), bytes.substr(0, 100000), "osgb", folder, timeout),
              render::TileCheck::Crashed);
    EXPECT_EQ(render::checkTileBytes("/nonexistent/helper", bytes, "osgb", folder, timeout),
              render::TileCheck::NoHelper);
}

TEST(IsolatedTileReader, everySampleTileCutAtEvery5kBPagesInOrIsMissingWithoutACrash) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSample);
    render::installIsolatedTileReading(helper());
    ScratchDir scratch("damaged_tiles");
    osg::ref_ptr<osgDB::DatabasePager> pager = new osgDB::DatabasePager;
    osg::ref_ptr<osg::FrameStamp> stamp = new osg::FrameStamp;
    std::size_t cuts = 0, loaded = 0, damaged = 0;
    for (const fs::path& tile : sampleTiles()) {
        const std::string bytes = slurp(tile);
        for (std::size_t length = kStep; length <= bytes.size() + kStep - 1; length += kStep) {
            const std::size_t n = std::min(length, bytes.size());
            // A file name of its own per cut: what the reader learnt of one
            // cut must not answer for the next.
            const fs::path cut = scratch.write(
                tile.stem().string() + "_" + std::to_string(n) + ".osgb", bytes.substr(0, n));
            osg::ref_ptr<osg::PagedLOD> parent = new osg::PagedLOD;
            parent->setFileName(0, cut.string());
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
            // As the PagedLOD does in a frame, ask until the child is merged
            // or the reader has answered that the file is damaged.
            while (parent->getNumChildren() == 0 && !render::isKnownDamagedTile(cut.string())) {
                ASSERT_LT(std::chrono::steady_clock::now(), deadline) << cut;
                osg::NodePath path{parent.get()};
                pager->requestNodeFile(cut.string(), path, 1.0f, stamp.get(),
                                       parent->getDatabaseRequest(0), nullptr);
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
                pager->updateSceneGraph(*stamp);
            }
            ++cuts;
            if (parent->getNumChildren() > 0)
                ++loaded;
            else
                ++damaged;
            if (n == bytes.size()) {
                EXPECT_EQ(parent->getNumChildren(), 1u) << "the whole tile must load: " << tile;
            }
            fs::remove(cut);
        }
    }
    pager->cancel();
    std::cout << cuts << " cuts: " << loaded << " paged in, " << damaged << " missing\n";
    EXPECT_GT(cuts, 3000u);
    EXPECT_GT(damaged, 0u);
    EXPECT_GE(loaded, sampleTiles().size());
}

TEST(IsolatedTileReader, modelInfoSurvivesARootTileCutAtEvery5kBAndNamesIt) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSample);
    ScratchDir scratch("damaged_root");
    const fs::path pyramid = scratch.path() / "pyramid";
    fs::copy(kSample, pyramid, fs::copy_options::recursive);
    const fs::path root = pyramid / "Data/Tile_+000_+012/Tile_+000_+012.osgb";
    fs::permissions(root, fs::perms::owner_write, fs::perm_options::add);
    const std::string bytes = slurp(root);
    const std::string cli = (fs::path(test::kBinDir) / "citytwin-cli").string();
    const std::string err = (scratch.path() / "stderr.txt").string();
    std::size_t named = 0;
    for (std::size_t n = kStep; n < bytes.size(); n += kStep) {
        std::ofstream(root, std::ios::binary | std::ios::trunc) << bytes.substr(0, n);
        const std::string command =
            "'" + cli + "' model-info '" + pyramid.string() + "' >/dev/null 2>'" + err + "'";
        const int status = std::system(command.c_str());
        ASSERT_TRUE(WIFEXITED(status)) << "model-info died at " << n << " bytes";
        // The other root tile still loads.
        EXPECT_EQ(WEXITSTATUS(status), 0) << n << " bytes: " << slurp(err);
        if (slurp(err).find("Tile_+000_+012.osgb: damaged tile") != std::string::npos)
            ++named;
    }
    EXPECT_GT(named, 0u);
}
