// Transforms N points (default 1,000,000) across Shanghai from WGS 84 to
// CGCS2000 / Gauss-Kruger 120E twice in the same process: through
// citytwin::geo::CrsTransform::transformInPlace and through a bare
// proj_trans_generic call on the same normalised PROJ operation, and prints
// both rates and their ratio (library / bare; 1.0 = no overhead).
// Usage: bench_geo_transform [N] [repeats]

#include <proj.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "citytwin/geo/CrsTransform.h"

namespace {

struct Points {
    std::vector<double> x, y, z;
};

Points makePoints(std::size_t n) {
    Points p;
    p.x.resize(n);
    p.y.resize(n);
    p.z.resize(n);
    unsigned state = 12345u;
    auto next = [&] {
        state = state * 1664525u + 1013904223u;
        return (state >> 8) / double(1u << 24);
    };
    for (std::size_t i = 0; i < n; ++i) {
        p.x[i] = 120.85 + 1.35 * next();
        p.y[i] = 30.68 + 1.19 * next();
        p.z[i] = 10.0 * next();
    }
    return p;
}

template <typename F>
double seconds(const Points& input, F run) {
    Points p = input;
    const auto t0 = std::chrono::steady_clock::now();
    run(p);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
    const int repeats = argc > 2 ? std::atoi(argv[2]) : 3;
    const Points input = makePoints(n);

    auto from = citytwin::geo::Crs::fromString("EPSG:4326");
    auto to = citytwin::geo::Crs::fromString("EPSG:4549");
    auto t = citytwin::geo::CrsTransform::create(from.value(), to.value());
    if (!t) {
        std::fprintf(stderr, "%s\n", t.messages().c_str());
        return 1;
    }
    PJ_CONTEXT* ctx = proj_context_create();
    PJ* op = proj_create_crs_to_crs(ctx, "EPSG:4326", "EPSG:4549", nullptr);
    PJ* norm = proj_normalize_for_visualization(ctx, op);
    auto runLibrary = [&](Points& p) { t->transformInPlace(p.x, p.y, p.z); };
    auto runBare = [&](Points& p) {
        proj_trans_generic(norm, PJ_FWD, p.x.data(), sizeof(double), n, p.y.data(), sizeof(double),
                           n, p.z.data(), sizeof(double), n, nullptr, 0, 0);
    };
    // Interleaved, best of each: on a shared, loaded machine a busy spell
    // slows whichever runs then, not one side systematically.
    double lib = 1e300, bare = 1e300;
    for (int r = 0; r < repeats; ++r) {
        lib = std::min(lib, seconds(input, runLibrary));
        bare = std::min(bare, seconds(input, runBare));
    }
    proj_destroy(norm);
    proj_destroy(op);
    proj_context_destroy(ctx);

    std::printf("points: %zu (best of %d)\n", n, repeats);
    std::printf("library CrsTransform::transformInPlace: %.3f s, %.2f M points/s\n", lib,
                n / lib / 1e6);
    std::printf("bare proj_trans_generic:               %.3f s, %.2f M points/s\n", bare,
                n / bare / 1e6);
    std::printf("library/bare throughput ratio: %.3f (aim >= 0.8)\n", bare / lib);
    return 0;
}
