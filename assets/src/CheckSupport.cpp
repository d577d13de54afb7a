#include "CheckSupport.h"

#include <algorithm>
#include <cstdio>

namespace citytwin::assets::detail {

std::map<std::uint32_t, double> cableDistances(
    const MetricPlane& plane, const AssetProject& project, const std::vector<CableRun>& runs,
    const std::function<double(const std::vector<PlanePoint>&)>& distanceOfRun) {
    std::map<std::uint32_t, double> out;
    std::vector<PlanePoint> points;
    for (const auto& run : runs) {
        const auto& line = project.cables[run.cable].lines[run.part];
        points.clear();
        for (std::uint32_t k = run.first; k <= run.last && k < line.size(); ++k)
            points.push_back(plane.toPlane(line[k]));
        const double d = distanceOfRun(points);
        auto [it, inserted] = out.emplace(run.cable, d);
        if (!inserted)
            it->second = std::min(it->second, d);
    }
    return out;
}

std::optional<std::string> outsideProjectExtent(const AssetIndex& index, const geo::Extent& box,
                                                double marginM) {
    const geo::Extent grown = AssetIndex::grow(index.extent(), marginM);
    if (grown.isEmpty())
        return std::string("the project holds no features");
    if (box.maxX < grown.minX || box.minX > grown.maxX || box.maxY < grown.minY ||
        box.minY > grown.maxY) {
        char text[256];
        std::snprintf(text, sizeof text,
                      "outside the project extent (WGS 84 %.6f,%.6f to %.6f,%.6f, grown by %.0f m)",
                      index.extent().minX, index.extent().minY, index.extent().maxX,
                      index.extent().maxY, marginM);
        return std::string(text);
    }
    return std::nullopt;
}

geo::GeoPoint cableMidpoint(const Cable& cable) {
    if (cable.lines.empty() || cable.lines[0].empty())
        return {};
    const auto& line = cable.lines[0];
    return line[line.size() / 2];
}

geo::GeoPoint polygonsCentre(const std::vector<geo::Polygon>& polygons) {
    geo::Extent e;
    for (const auto& p : polygons)
        if (!p.rings.empty())
            for (const auto& q : p.rings[0])
                e.add(q.x, q.y);
    return e.isEmpty() ? geo::GeoPoint{} : geo::GeoPoint{e.centerX(), e.centerY(), 0.0};
}

plane::PlanePolygon toPlanePolygon(const MetricPlane& plane, const geo::Polygon& polygon) {
    plane::PlanePolygon out;
    for (const auto& ring : polygon.rings)
        out.rings.push_back(plane.toPlane(ring));
    return out;
}

}  // namespace citytwin::assets::detail
