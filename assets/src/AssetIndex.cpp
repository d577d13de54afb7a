#include "citytwin/assets/AssetIndex.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace citytwin::assets {
namespace {

// Vertices per indexed cable run: long enough to keep the tree small, short
// enough that a run's box stays close to the line.
constexpr std::uint32_t kRunVertices = 8;

template <typename T, typename ExtentOf>
PackedRTree treeOf(const std::vector<T>& features, ExtentOf extentOf) {
    std::vector<PackedRTree::Item> items;
    items.reserve(features.size());
    for (std::size_t i = 0; i < features.size(); ++i)
        items.push_back({extentOf(features[i]), static_cast<std::uint32_t>(i)});
    return PackedRTree(std::move(items));
}

geo::Extent polygonsExtent(const std::vector<geo::Polygon>& polygons) {
    geo::Extent e;
    for (const auto& p : polygons)
        if (!p.rings.empty())
            for (const auto& q : p.rings[0])
                e.add(q.x, q.y);
    return e;
}

}  // namespace

geo::Extent AssetIndex::boxOf(const geo::GeoPoint& p) {
    geo::Extent e;
    e.add(p.x, p.y);
    return e;
}

geo::Extent AssetIndex::grow(const geo::Extent& box, double radiusM) {
    if (box.isEmpty())
        return box;
    // Shortest degree lengths on WGS 84 (at the equator for latitude, at the
    // box's pole-most latitude for longitude) plus 1 %: never too small.
    constexpr double kMinMetresPerDegreeLat = 110574.0;
    constexpr double kMetresPerDegreeLonEquator = 111320.0;
    const double dLat = radiusM / kMinMetresPerDegreeLat * 1.01 + 1e-9;
    const double maxAbsLat =
        std::min(89.9, std::max(std::fabs(box.minY), std::fabs(box.maxY)) + dLat);
    const double dLon =
        radiusM / (kMetresPerDegreeLonEquator * std::cos(maxAbsLat * M_PI / 180.0)) * 1.01 + 1e-9;
    geo::Extent out = box;
    out.minX -= dLon;
    out.maxX += dLon;
    out.minY -= dLat;
    out.maxY += dLat;
    return out;
}

AssetIndex::AssetIndex(const AssetProject& project, Mode mode)
    : _project(project), _mode(mode), _extent(project.extent()) {
    if (mode == Mode::BruteForce) {
        for (std::uint32_t c = 0; c < project.cables.size(); ++c)
            for (std::uint32_t p = 0; p < project.cables[c].lines.size(); ++p) {
                const auto n = static_cast<std::uint32_t>(project.cables[c].lines[p].size());
                if (n > 0)
                    _runs.push_back({c, p, 0, n - 1});
            }
        return;
    }
    _baseStations =
        treeOf(project.baseStations, [](const BaseStation& s) { return boxOf(s.position); });
    _facilities =
        treeOf(project.publicFacilities, [](const PublicFacility& f) { return boxOf(f.position); });
    _places =
        treeOf(project.publicPlaces, [](const PublicPlace& p) { return p.geometry.extent(); });
    _interference = treeOf(project.interferenceSources,
                           [](const InterferenceSource& s) { return boxOf(s.position); });
    _coverage = treeOf(project.coverageTargets,
                       [](const CoverageTarget& t) { return polygonsExtent(t.polygons); });
    std::vector<PackedRTree::Item> runItems;
    for (std::uint32_t c = 0; c < project.cables.size(); ++c)
        for (std::uint32_t p = 0; p < project.cables[c].lines.size(); ++p) {
            const auto& line = project.cables[c].lines[p];
            const auto n = static_cast<std::uint32_t>(line.size());
            for (std::uint32_t first = 0; first + 1 < n || (n == 1 && first == 0);
                 first += kRunVertices - 1) {
                const std::uint32_t last = std::min(n - 1, first + kRunVertices - 1);
                geo::Extent e;
                for (std::uint32_t k = first; k <= last; ++k)
                    e.add(line[k].x, line[k].y);
                runItems.push_back({e, static_cast<std::uint32_t>(_runs.size())});
                _runs.push_back({c, p, first, last});
                if (n == 1)
                    break;
            }
        }
    _cableRuns = PackedRTree(std::move(runItems));
}

std::vector<std::uint32_t> AssetIndex::query(const PackedRTree& tree, std::size_t count,
                                             const geo::Extent& box, double radiusM) const {
    std::vector<std::uint32_t> out;
    if (_mode == Mode::BruteForce) {
        out.resize(count);
        std::iota(out.begin(), out.end(), 0u);
        return out;
    }
    tree.query(grow(box, radiusM), out);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::uint32_t> AssetIndex::baseStations(const geo::Extent& box, double radiusM) const {
    return query(_baseStations, _project.baseStations.size(), box, radiusM);
}
std::vector<std::uint32_t> AssetIndex::publicFacilities(const geo::Extent& box,
                                                        double radiusM) const {
    return query(_facilities, _project.publicFacilities.size(), box, radiusM);
}
std::vector<std::uint32_t> AssetIndex::publicPlaces(const geo::Extent& box, double radiusM) const {
    return query(_places, _project.publicPlaces.size(), box, radiusM);
}
std::vector<std::uint32_t> AssetIndex::interferenceSources(const geo::Extent& box,
                                                           double radiusM) const {
    return query(_interference, _project.interferenceSources.size(), box, radiusM);
}
std::vector<std::uint32_t> AssetIndex::coverageTargets(const geo::Extent& box,
                                                       double radiusM) const {
    return query(_coverage, _project.coverageTargets.size(), box, radiusM);
}
std::vector<CableRun> AssetIndex::cableRuns(const geo::Extent& box, double radiusM) const {
    if (_mode == Mode::BruteForce)
        return _runs;
    std::vector<std::uint32_t> ids;
    _cableRuns.query(grow(box, radiusM), ids);
    std::vector<CableRun> out;
    out.reserve(ids.size());
    for (auto id : ids)
        out.push_back(_runs[id]);
    return out;
}

}  // namespace citytwin::assets
