// A scripted fly-through over paged content under a memory budget: a
// generated DEM + orthophoto much larger than the budget (and optionally
// the OSGB sample, a 3D Tiles tileset, or instead of the terrain), paged by OSG's DatabasePager in a real osgViewer
// window. Prints peak resident memory against the budget and the number of
// frames slower than 100 ms; numbers only, nothing is asserted.
//
// usage: bench_paged_flythrough [--budget MB] [--frames N] [--size WxH]
//                               [--dem-pixels N] [--osgb DIR] [--tileset JSON]
//                               [--no-terrain] [--laps N] WORKDIR
// --laps repeats the flight N times in the frames given: resident memory
// at the end of each lap shows whether it keeps growing.
// WORKDIR keeps the generated rasters between runs.

#include <osg/Switch>
#include <osgViewer/Viewer>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "SyntheticRasters.h"
#include "citytwin/render/OsgbPyramidLoader.h"
#include "citytwin/render/PagedMemoryBudget.h"
#include "citytwin/render/TerrainLayer.h"
#include "citytwin/render/TilesetLoader.h"

namespace fs = std::filesystem;
using namespace citytwin;

namespace {

using Clock = std::chrono::steady_clock;

/// A /proc/self/status field in MB (VmRSS: now, VmHWM: peak).
double procStatusMb(const char* field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field, 0) == 0)
            return std::atof(line.c_str() + std::strlen(field) + 1) / 1024.0;
    return 0.0;
}

}  // namespace

int main(int argc, char** argv) {
    double budgetMb = 64;
    int frames = 1800, width = 1280, height = 800, demPixels = 4001, laps = 1;
    std::string osgbDir, tilesetPath, workDir;
    bool terrainOn = true;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : ""; };
        if (a == "--budget")
            budgetMb = std::atof(next());
        else if (a == "--frames")
            frames = std::atoi(next());
        else if (a == "--size")
            std::sscanf(next(), "%dx%d", &width, &height);
        else if (a == "--dem-pixels")
            demPixels = std::atoi(next());
        else if (a == "--laps")
            laps = std::max(1, std::atoi(next()));
        else if (a == "--osgb")
            osgbDir = next();
        else if (a == "--tileset")
            tilesetPath = next();
        else if (a == "--no-terrain")
            terrainOn = false;
        else
            workDir = a;
    }
    if (workDir.empty() || budgetMb <= 0 || frames <= 0) {
        std::fprintf(stderr,
                     "usage: %s [--budget MB] [--frames N] [--size WxH] [--dem-pixels N] "
                     "[--osgb DIR] [--tileset JSON] [--no-terrain] [--laps N] WORKDIR\n",
                     argv[0]);
        return 2;
    }
    fs::create_directories(workDir);
    // 2 m DEM pixels, a 1.5 m orthophoto of the same area (EPSG:4326).
    test::HillDem dem;
    dem.sizePixels = demPixels;
    dem.pixelMetres = 2.0;
    dem.sigmaMetres = demPixels * 0.5;
    dem.peakHeight = 120;
    const double sideMetres = demPixels * dem.pixelMetres;
    test::SplitOrtho ortho;
    ortho.sizePixels = std::min(16384, int(sideMetres / 1.5));
    ortho.halfSizeDegrees = sideMetres / 2 / 111320.0;
    const std::string demPath = workDir + "/bench_dem_" + std::to_string(demPixels) + ".tif";
    const std::string orthoPath =
        workDir + "/bench_ortho_" + std::to_string(ortho.sizePixels) + ".tif";
    if (!fs::exists(demPath))
        if (auto e = test::writeHillDem(demPath, dem); !e.empty())
            return std::fprintf(stderr, "%s\n", e.c_str()), 1;
    if (!fs::exists(orthoPath))
        if (auto e = test::writeSplitOrtho(orthoPath, ortho); !e.empty())
            return std::fprintf(stderr, "%s\n", e.c_str()), 1;

    osgViewer::Viewer viewer;
    viewer.setThreadingModel(osgViewer::Viewer::SingleThreaded);
    viewer.setUpViewInWindow(0, 0, width, height);
    viewer.getCamera()->setClearColor(osg::Vec4(0.74f, 0.82f, 0.90f, 1.f));
    viewer.getCamera()->setProjectionMatrixAsPerspective(35.0, double(width) / height, 1.0, 1e6);
    viewer.getCamera()->setNearFarRatio(0.0002);
    osg::ref_ptr<osg::Group> root = new osg::Group;
    viewer.setSceneData(root);
    viewer.realize();
    viewer.frame();
    const double baselineRss = procStatusMb("VmRSS:");

    const geo::LocalFrame frame({dem.centreLon, dem.centreLat, 0});
    render::TerrainOptions options;
    options.demPath = demPath;
    options.imageryPath = orthoPath;
    auto source = render::TerrainSource::open(options);
    if (!source)
        return std::fprintf(stderr, "%s\n", source.messages().c_str()), 1;
    auto terrain = render::buildTerrainLayer(source.value(), frame);
    if (!terrain)
        return std::fprintf(stderr, "%s\n", terrain.messages().c_str()), 1;
    osg::ref_ptr<osg::Switch> terrainLayer = new osg::Switch;
    terrainLayer->setName("terrain");
    terrainLayer->addChild(terrain.value());
    if (terrainOn)
        root->addChild(terrainLayer);
    if (!tilesetPath.empty()) {
        render::TilesetLoadOptions tileOptions;
        tileOptions.paged = true;
        tileOptions.viewportHeightPixels = height;
        tileOptions.verticalFovDegrees = 35.0;
        auto tiles = render::loadTileset(tilesetPath, frame, tileOptions);
        if (!tiles)
            return std::fprintf(stderr, "%s\n", tiles.messages().c_str()), 1;
        osg::ref_ptr<osg::Switch> layer = new osg::Switch;
        layer->setName("tiles");
        layer->addChild(tiles->node);
        root->addChild(layer);
    }
    if (!osgbDir.empty()) {
        // The OSGB sample lies in Guangzhou: shifted to the frame's origin.
        const geo::LocalFrame osgbFrame({113.3805, 22.5069, 0});
        auto model = render::loadOsgbPyramid(osgbDir, osgbFrame);
        if (!model)
            return std::fprintf(stderr, "%s\n", model.messages().c_str()), 1;
        osg::ref_ptr<osg::Switch> layer = new osg::Switch;
        layer->setName("osgb");
        layer->addChild(model->node);
        root->addChild(layer);
    }
    osg::ref_ptr<render::PagedMemoryBudget> budget =
        new render::PagedMemoryBudget(std::size_t(budgetMb * 1024 * 1024));
    budget->setPager(viewer.getDatabasePager());
    budget->setCamera(viewer.getCamera());
    root->addUpdateCallback(budget->makeUpdateCallback());

    // Low passes back and forth across the terrain, turning at the ends,
    // with climbs to see it whole: every level of every part is wanted.
    std::vector<double> ms;
    ms.reserve(frames);
    const double half = sideMetres * 0.45;
    std::string lapRss;
    const int framesPerLap = std::max(1, frames / laps);
    for (int i = 0; i < frames; ++i) {
        const double t = double(i % framesPerLap) / framesPerLap;
        if (i > 0 && i % framesPerLap == 0)
            lapRss += (lapRss.empty() ? "" : ",") + std::to_string(int(procStatusMb("VmRSS:")));
        const double lane = std::floor(t * 6);
        const double along = std::fmod(t * 6, 1.0);
        const double x = -half + along * 2 * half;
        const double y = -half + lane / 5.0 * 2 * half;
        const double dir = int(lane) % 2 ? -1.0 : 1.0;
        const double altitude = 150 + 600 * (0.5 + 0.5 * std::sin(t * 2 * M_PI * 3));
        const osg::Vec3d eye(dir * x, y, altitude);
        const osg::Vec3d target = eye + osg::Vec3d(dir * 400, 0, -altitude * 0.8);
        viewer.getCamera()->setViewMatrixAsLookAt(eye, target, osg::Vec3d(0, 0, 1));
        const auto start = Clock::now();
        viewer.frame();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    const double peakRss = procStatusMb("VmHWM:");
    const double endRss = procStatusMb("VmRSS:");
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    const long slow = std::count_if(ms.begin(), ms.end(), [](double v) { return v > 100.0; });
    std::printf(
        "paged_flythrough budget_mb=%.0f frames=%d frames_over_100ms=%ld frame_ms_median=%.1f "
        "frame_ms_p99=%.1f estimate_peak_mb=%.1f estimate_peak_before_expiry_mb=%.1f "
        "estimate_end_mb=%.1f expired_children=%zu lod_scale_end=%.2f baseline_rss_mb=%.1f "
        "peak_rss_mb=%.1f end_rss_mb=%.1f rss_growth_over_budget=%.2f rss_mb_after_laps=%s\n",
        budgetMb, frames, slow, sorted[sorted.size() / 2], sorted[sorted.size() * 99 / 100],
        budget->peakPagedBytes() / 1048576.0, budget->peakMeasuredBytes() / 1048576.0,
        budget->pagedBytes() / 1048576.0, budget->expiredChildren(), budget->lodScale(),
        baselineRss, peakRss, endRss, (peakRss - baselineRss) / budgetMb,
        (lapRss.empty() ? std::string("-") : lapRss + "," + std::to_string(int(endRss))).c_str());
    viewer.getDatabasePager()->cancel();
    return 0;
}
