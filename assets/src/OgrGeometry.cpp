#include "OgrGeometry.h"

#include <ogr_api.h>
#include <ogrsf_frmts.h>

#include "citytwin/geo/GdalSupport.h"

namespace citytwin::assets::detail {
namespace {

std::unique_ptr<OGRLinearRing> toOgrRing(const geo::Ring& ring) {
    auto out = std::make_unique<OGRLinearRing>();
    out->setNumPoints(static_cast<int>(ring.size()));
    for (std::size_t i = 0; i < ring.size(); ++i)
        out->setPoint(static_cast<int>(i), ring[i].x, ring[i].y);
    if (!ring.empty() && (ring.front().x != ring.back().x || ring.front().y != ring.back().y))
        out->addPoint(ring.front().x, ring.front().y);
    return out;
}

geo::Ring fromOgrRing(const OGRLinearRing& ring) {
    geo::Ring out;
    out.reserve(static_cast<std::size_t>(ring.getNumPoints()));
    for (int i = 0; i < ring.getNumPoints(); ++i)
        out.push_back({ring.getX(i), ring.getY(i), 0.0});
    return out;
}

}  // namespace

std::unique_ptr<OGRPolygon> toOgrPolygon(const geo::Polygon& polygon) {
    auto out = std::make_unique<OGRPolygon>();
    for (const auto& ring : polygon.rings)
        out->addRingDirectly(toOgrRing(ring).release());
    return out;
}

std::unique_ptr<OGRMultiPolygon> toOgrMultiPolygon(const std::vector<geo::Polygon>& polygons) {
    auto out = std::make_unique<OGRMultiPolygon>();
    for (const auto& p : polygons)
        out->addGeometryDirectly(toOgrPolygon(p).release());
    return out;
}

std::unique_ptr<OGRLineString> toOgrLineString(const geo::LineString& line) {
    auto out = std::make_unique<OGRLineString>();
    out->setNumPoints(static_cast<int>(line.size()));
    for (std::size_t i = 0; i < line.size(); ++i)
        out->setPoint(static_cast<int>(i), line[i].x, line[i].y);
    return out;
}

std::vector<geo::Polygon> polygonsOf(const OGRGeometry& geometry) {
    std::vector<geo::Polygon> out;
    const auto addPolygon = [&out](const OGRPolygon& p) {
        geo::Polygon polygon;
        if (const auto* exterior = p.getExteriorRing())
            polygon.rings.push_back(fromOgrRing(*exterior));
        for (int i = 0; i < p.getNumInteriorRings(); ++i)
            polygon.rings.push_back(fromOgrRing(*p.getInteriorRing(i)));
        if (!polygon.rings.empty() && !polygon.rings[0].empty())
            out.push_back(std::move(polygon));
    };
    switch (wkbFlatten(geometry.getGeometryType())) {
        case wkbPolygon:
            addPolygon(*geometry.toPolygon());
            break;
        case wkbMultiPolygon:
            for (const auto* part : *geometry.toMultiPolygon())
                addPolygon(*part);
            break;
        case wkbGeometryCollection:
            for (const auto* part : *geometry.toGeometryCollection()) {
                auto sub = polygonsOf(*part);
                out.insert(out.end(), sub.begin(), sub.end());
            }
            break;
        default:
            break;
    }
    return out;
}

std::string invalidityReason(const std::vector<geo::Polygon>& polygons) {
    geo::ensureGdalInitialised();
    geo::GdalErrorCapture capture;
    for (const auto& polygon : polygons) {
        if (polygon.rings.empty() || polygon.rings[0].size() < 3)
            return "polygon has fewer than 3 points";
        auto ogr = toOgrPolygon(polygon);
        if (!ogr->IsValid()) {
            // OGR reports GEOS's reason as a CPL warning/error.
            std::string reason;
            if (!capture.warnings().empty())
                reason = capture.warnings().back();
            if (!capture.errors().empty())
                reason = capture.errors().back();
            return reason.empty() ? "polygon is not valid (self-intersecting ring?)" : reason;
        }
    }
    return {};
}

bool polygonsFromWkt(const std::string& wkt, std::vector<geo::Polygon>& out, std::string& error) {
    geo::ensureGdalInitialised();
    geo::GdalErrorCapture capture;
    OGRGeometry* geometry = nullptr;
    const OGRErr err = OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &geometry);
    std::unique_ptr<OGRGeometry> owned(geometry);
    if (err != OGRERR_NONE || !owned) {
        error = "not valid WKT: " + capture.lastError("cannot parse");
        return false;
    }
    const auto type = wkbFlatten(owned->getGeometryType());
    if (type != wkbPolygon && type != wkbMultiPolygon) {
        error = std::string("expected POLYGON or MULTIPOLYGON, got ") + owned->getGeometryName();
        return false;
    }
    out = polygonsOf(*owned);
    if (out.empty()) {
        error = "empty polygon";
        return false;
    }
    return true;
}

}  // namespace citytwin::assets::detail
