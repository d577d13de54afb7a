// The memory budget for paged content: a terrain (and the OSGB sample)
// paged by OSG's real DatabasePager through many views must stay within
// its budget, expiring what was seen least recently; the same flight
// without a budget needs more, so the check can fail.

#include <gtest/gtest.h>

#include <osg/Switch>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <iostream>

#include "HeadlessPaging.h"
#include "SyntheticRasters.h"
#include "citytwin/render/OsgbPyramidLoader.h"
#include "citytwin/render/PagedMemoryBudget.h"
#include "citytwin/render/TerrainLayer.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;
using namespace citytwin::render;
namespace fs = std::filesystem;

namespace {

struct Flight {
    std::size_t peakAfterExpiry = 0;
    std::size_t peakMeasured = 0;
    std::size_t expired = 0;
    std::size_t finalBytes = 0;
    bool rootStayed = true;
};

/// Visits `poses` low views on a circle of `radius` metres around the
/// origin, waiting at each until the pager has loaded what it shows, with
/// `budgetBytes` enforced in each frame's update phase.
Flight fly(osg::Node* layer, std::size_t budgetBytes, double radius, int poses,
           int maxFramesPerPose = 1000) {
    osg::ref_ptr<osg::Group> root = new osg::Group;
    osg::ref_ptr<osg::Switch> sw = new osg::Switch;
    sw->setName("paged");
    sw->addChild(layer);
    root->addChild(sw);
    test::HeadlessPaging paging(root);
    osg::ref_ptr<PagedMemoryBudget> budget = new PagedMemoryBudget(budgetBytes);
    budget->setPager(paging.pager());
    budget->setCamera(paging.camera());
    root->addUpdateCallback(budget->makeUpdateCallback());
    Flight f;
    for (int i = 0; i < poses; ++i) {
        const double a = i * 2 * M_PI / poses;
        const osg::Vec3d target(radius * std::cos(a), radius * std::sin(a), 30);
        const osg::Vec3d eye = target + osg::Vec3d(-std::sin(a), std::cos(a), 0) * radius / 8 +
                               osg::Vec3d(0, 0, radius / 10);
        paging.settle(
            eye, target, [&] { f.rootStayed = f.rootStayed && layer->getNumParents() > 0; },
            maxFramesPerPose);
    }
    f.peakAfterExpiry = budget->peakPagedBytes();
    f.peakMeasured = budget->peakMeasuredBytes();
    f.expired = budget->expiredChildren();
    f.finalBytes = budget->pagedBytes();
    return f;
}

class PagedMemoryBudgetTest : public ::testing::Test {
protected:
    void SetUp() override {
        _dir = fs::temp_directory_path() / ("citytwin_budget_" + std::to_string(::getpid()));
        fs::create_directories(_dir);
        // 4 km of 5 m DEM with a 2 km orthophoto: level 4 at the finest.
        test::HillDem dem;
        dem.sizePixels = 801;
        dem.pixelMetres = 5.0;
        dem.sigmaMetres = 800;
        ASSERT_EQ(test::writeHillDem(path("dem.tif"), dem), "");
        test::SplitOrtho ortho;
        ortho.halfSizeDegrees = 0.025;
        ortho.sizePixels = 2048;
        ASSERT_EQ(test::writeSplitOrtho(path("ortho.tif"), ortho), "");
    }
    void TearDown() override { fs::remove_all(_dir); }
    std::string path(const std::string& name) const { return (_dir / name).string(); }

    osg::ref_ptr<osg::Node> terrain() const {
        TerrainOptions o;
        o.demPath = path("dem.tif");
        o.imageryPath = path("ortho.tif");
        auto src = TerrainSource::open(o);
        EXPECT_TRUE(src.ok()) << src.messages();
        auto layer = buildTerrainLayer(src.value(), geo::LocalFrame({121.49, 31.23, 0}));
        EXPECT_TRUE(layer.ok()) << layer.messages();
        return layer.ok() ? layer.value() : nullptr;
    }

    fs::path _dir;
};

}  // namespace

TEST_F(PagedMemoryBudgetTest, estimateCountsArraysAndTextures) {
    osg::ref_ptr<osg::Node> layer = terrain();
    ASSERT_TRUE(layer);
    // The root tile: 33 x 33 vertices and normals, a 256 x 256 RGBA texture.
    const std::size_t bytes = estimateNodeBytes(*layer);
    EXPECT_GT(bytes, 256u * 256 * 4);
    EXPECT_LT(bytes, 256u * 256 * 4 * 4 / 3 + 200000);
}

TEST_F(PagedMemoryBudgetTest, terrainStaysWithinATinyBudgetWhileFlying) {
    const std::size_t budget = 2u << 20;
    osg::ref_ptr<osg::Node> unbudgeted = terrain();
    ASSERT_TRUE(unbudgeted);
    const Flight unlimited = fly(unbudgeted, std::size_t(1) << 40, 1200, 4);
    // Without a budget the same flight holds several times more.
    EXPECT_GT(unlimited.peakAfterExpiry, budget * 2);

    osg::ref_ptr<osg::Node> layer = terrain();
    const Flight f = fly(layer, budget, 1200, 4);
    std::cout << "terrain flight: unbudgeted peak " << unlimited.peakAfterExpiry << " B, budget "
              << budget << " B, peak " << f.peakAfterExpiry << " B (before expiry "
              << f.peakMeasured << " B), expired " << f.expired << "\n";
    EXPECT_LE(f.peakAfterExpiry, budget + budget / 10);
    EXPECT_LE(f.finalBytes, budget + budget / 10);
    EXPECT_GT(f.expired, 0u);
    EXPECT_TRUE(f.rootStayed);  // coarse levels are never expired
}

TEST_F(PagedMemoryBudgetTest, osgbPyramidStaysWithinABudget) {
    const fs::path sample =
        fs::path(test::kSharedDataDir) / "07_oblique_osgb_citygml/osgb_Production_5_subset";
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(sample);
    const geo::LocalFrame frame({113.3805, 22.5069, 0});
    auto unbudgeted = loadOsgbPyramid(sample.string(), frame);
    ASSERT_TRUE(unbudgeted.ok()) << unbudgeted.messages();
    const Flight unlimited = fly(unbudgeted->node, std::size_t(1) << 40, 60, 6, 150);
    ASSERT_GT(unlimited.peakAfterExpiry, 0u);
    // Half of what the flight needs without a budget.
    const std::size_t budget = unlimited.peakAfterExpiry / 2;
    auto model = loadOsgbPyramid(sample.string(), frame);
    ASSERT_TRUE(model.ok());
    const Flight f = fly(model->node, budget, 60, 6, 150);
    std::cout << "OSGB flight: unbudgeted peak " << unlimited.peakAfterExpiry << " B, budget "
              << budget << " B, peak " << f.peakAfterExpiry << " B, expired " << f.expired << "\n";
    EXPECT_LE(f.peakAfterExpiry, budget + budget / 10);
    EXPECT_GT(f.expired, 0u);
}
