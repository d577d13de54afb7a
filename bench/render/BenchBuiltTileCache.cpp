// Would a disk cache of built building tiles shorten the launch (issue #13
// item 7)? Times, for one vector file, what a launch does without a cache
// (read the features with GDAL, build the batched tiles) against what it
// would do with one (read the features, read the built tiles from an .osgb
// that OSG wrote), in one run, each the median of RUNS repetitions.
//
// usage: bench_built_tile_cache FILE [RUNS]
// prints: built_tile_cache read_ms=… build_ms=… osgb_read_ms=… osgb_mb=…
//         cache_vs_build=… (osgb read / build: below 1 the cache pays)

#include <osg/NodeVisitor>
#include <osgDB/ReadFile>
#include <osgDB/WriteFile>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <vector>

#include "citytwin/geo/VectorReader.h"
#include "citytwin/render/LayerNodeBuilder.h"
#include "citytwin/render/LayerStyle.h"

namespace {

using Clock = std::chrono::steady_clock;

double medianMs(int runs, const std::function<void()>& work) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        work();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

/// Pick data points at live feature tables and k-d trees have no osgDB
/// serialiser: a cache would store the tiles without them (and rebuild
/// the k-d trees on reading, which this bench does not count).
class StripUserData : public osg::NodeVisitor {
public:
    StripUserData() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    void apply(osg::Drawable& d) override {
        d.setUserData(nullptr);
        d.setShape(nullptr);
    }
};

}  // namespace

int main(int argc, char** argv) {
    using namespace citytwin;
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_built_tile_cache FILE [RUNS]\n");
        return 2;
    }
    const std::string path = argv[1];
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    auto first = geo::readVectorFile(path);  // also registers GDAL's drivers, not timed
    if (!first || first->empty()) {
        std::fprintf(stderr, "bench_built_tile_cache: %s\n", first.messages().c_str());
        return 1;
    }
    const double readMs = medianMs(runs, [&] { geo::readVectorFile(path); });
    auto layer = std::make_shared<geo::FeatureLayer>(std::move(first->front()));
    const geo::Extent e = layer->extent();
    const render::LayerNodeBuilder builder(geo::LocalFrame({e.centerX(), e.centerY(), 0.0}));
    const render::LayerStyle style = render::defaultStyleFor(*layer);
    osg::ref_ptr<osg::Group> built;
    const double buildMs =
        medianMs(runs, [&] { built = builder.build("layer", layer, style).value(); });

    const std::filesystem::path osgb =
        std::filesystem::temp_directory_path() / "citytwin_bench_built_tiles.osgb";
    StripUserData strip;
    built->accept(strip);
    if (!osgDB::writeNodeFile(*built, osgb.string())) {
        std::fprintf(stderr, "bench_built_tile_cache: cannot write %s\n", osgb.c_str());
        return 1;
    }
    const double osgbReadMs = medianMs(runs, [&] { osgDB::readRefNodeFile(osgb.string()); });
    const double osgbMb = double(std::filesystem::file_size(osgb)) / (1024.0 * 1024.0);
    std::filesystem::remove(osgb);
    std::printf(
        "built_tile_cache features=%zu read_ms=%.1f build_ms=%.1f osgb_read_ms=%.1f osgb_mb=%.1f "
        "cache_vs_build=%.2f\n",
        layer->features.size(), readMs, buildMs, osgbReadMs, osgbMb, osgbReadMs / buildMs);
    return 0;
}
