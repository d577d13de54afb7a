// Tile fly-through cold vs cached against a real nginx on 127.0.0.1: the
// OSGB sample pyramid paged level by level by OSG's DatabasePager (every
// tile a camera flying down to it would ask for) and the 3D Tiles sample,
// read over HTTP
//   - with no disk cache (every flight downloads everything: the baseline),
//   - cold (an empty cache: downloads and stores),
//   - warm (the cache full: only conditional requests, 304s),
//   - offline (no server: the cache alone).
// Per flight it prints the requests nginx logged by status, the body bytes
// sent, and the wall time; numbers only, nothing is asserted.
//
// usage: bench_tile_cache_flythrough [--rate R] [--flights N] WORKDIR
// --rate: nginx limit_rate per response ("10m" = 10 MB/s; default none,
// loopback speed); --flights: warm flights to take the median of (3).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "NginxServer.h"
#include "PageEveryLevel.h"
#include "citytwin/render/IsolatedTileReader.h"
#include "citytwin/render/OsgbPyramidLoader.h"
#include "citytwin/render/TilesetLoader.h"
#include "citytwin/tilecache/TileCache.h"

namespace fs = std::filesystem;
using namespace citytwin;

namespace {

using Clock = std::chrono::steady_clock;

struct Flight {
    double seconds = 0;
    int ok200 = 0, not304 = 0, missing404 = 0, other = 0;
    long bytes = 0;
    bool loaded = false;
};

Flight fly(test::NginxServer& nginx, const std::string& base) {
    nginx.clearLog();
    Flight f;
    const auto start = Clock::now();
    auto osgb = render::loadOsgbPyramid(base + "/osgb/", geo::LocalFrame({113.38, 22.50, 0.0}));
    if (osgb)
        test::pageEveryLevel(*osgb->node, 10, std::chrono::milliseconds(2));
    auto tiles =
        render::loadTileset(base + "/tiles/tileset.json", geo::LocalFrame({-75.61, 40.04, 0.0}));
    f.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    f.loaded = osgb.ok() && tiles.ok();
    if (!f.loaded)
        std::fprintf(stderr, "%s\n%s\n", osgb.messages().c_str(), tiles.messages().c_str());
    if (nginx.running())
        std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the last log lines
    for (const auto& r : nginx.requests()) {
        (r.status == 200   ? f.ok200
         : r.status == 304 ? f.not304
         : r.status == 404 ? f.missing404
                           : f.other)++;
        f.bytes += r.bytes;
    }
    return f;
}

void print(const char* name, const Flight& f) {
    std::printf("%-10s %8.3f s  200: %3d  304: %3d  404: %3d  other: %2d  body bytes: %10ld  %s\n",
                name, f.seconds, f.ok200, f.not304, f.missing404, f.other, f.bytes,
                f.loaded ? "loaded" : "FAILED");
}

}  // namespace

int main(int argc, char** argv) {
    std::string rate, workDir;
    int flights = 3;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--rate" && i + 1 < argc)
            rate = argv[++i];
        else if (a == "--flights" && i + 1 < argc)
            flights = std::max(1, std::atoi(argv[++i]));
        else
            workDir = a;
    }
    const char* shared = std::getenv("CITYTWIN_SHARED_DATA");
    const fs::path data = shared ? shared : fs::path(CITYTWIN_SHARED_DATA_DIR);
    const fs::path osgb = data / "07_oblique_osgb_citygml/osgb_Production_5_subset";
    const fs::path tiles = data / "06_3dtiles_gltf/3d-tiles-samples/1.0/TilesetWithRequestVolume";
    if (workDir.empty() || !fs::exists(osgb) || !fs::exists(tiles)) {
        std::fprintf(stderr,
                     "usage: bench_tile_cache_flythrough [--rate R] [--flights N] WORKDIR\n"
                     "(needs the shared OSGB and 3D Tiles samples under %s)\n",
                     data.c_str());
        return 2;
    }
    if (const std::string why = test::NginxServer::unavailableReason(); !why.empty()) {
        std::fprintf(stderr, "%s\n", why.c_str());
        return 2;
    }
    render::installIsolatedTileReading();
    fs::remove_all(workDir);
    fs::create_directories(fs::path(workDir) / "site");
    fs::create_directory_symlink(osgb, fs::path(workDir) / "site/osgb");
    fs::create_directory_symlink(tiles, fs::path(workDir) / "site/tiles");
    test::NginxServer nginx((fs::path(workDir) / "site").string(),
                            (fs::path(workDir) / "nginx").string());
    nginx.setLimitRate(rate);
    if (!nginx.start()) {
        std::fprintf(stderr, "nginx did not start:\n%s\n", nginx.errorLog().c_str());
        return 1;
    }
    const std::string base = nginx.baseUrl();
    const std::string cache = (fs::path(workDir) / "cache").string();
    std::printf(
        "nginx on %s, limit_rate %s; OSGB sample paged to its last level + 3D Tiles "
        "sample\n",
        base.c_str(), rate.empty() ? "none" : rate.c_str());

    tilecache::configureSharedCache({{}, 0, false});
    print("no-cache", fly(nginx, base));
    tilecache::configureSharedCache({cache, 1ull << 30, false});
    print("cold", fly(nginx, base));
    std::vector<Flight> warm;
    for (int i = 0; i < flights; ++i) {
        tilecache::configureSharedCache({cache, 1ull << 30, false});  // a new session's cache
        warm.push_back(fly(nginx, base));
        print("warm", warm.back());
    }
    std::sort(warm.begin(), warm.end(),
              [](const Flight& a, const Flight& b) { return a.seconds < b.seconds; });
    print("warm-med", warm[warm.size() / 2]);
    nginx.stop();
    tilecache::configureSharedCache({cache, 1ull << 30, true});
    print("offline", fly(nginx, base));
    if (auto c = tilecache::sharedCache())
        std::printf("cache: %.1f MB in %s\n", double(c->storedBytes()) / 1e6, cache.c_str());
    return 0;
}
