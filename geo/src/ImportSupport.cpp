#include "ImportSupport.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace citytwin::geo::detail {

std::string lowerAscii(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool isShapefile(const std::string& ext) {
    return ext == "shp" || ext == "dbf" || ext == "shx";
}

CPLStringList openOptionsFor(const std::string& ext, const std::string& encoding) {
    CPLStringList o;
    if (isShapefile(ext) && !encoding.empty())
        o.SetNameValue("ENCODING", encoding.c_str());
    if (ext == "csv") {
        o.SetNameValue("X_POSSIBLE_NAMES", kCsvXNames);
        o.SetNameValue("Y_POSSIBLE_NAMES", kCsvYNames);
        o.SetNameValue("KEEP_GEOM_COLUMNS", "YES");
        o.SetNameValue("AUTODETECT_TYPE", "YES");
    }
    return o;
}

Result<OGRLayer*> pickSourceLayer(GDALDataset& ds, const std::string& wanted,
                                  const std::string& path) {
    using R = Result<OGRLayer*>;
    std::vector<OGRLayer*> withGeometry;
    std::string names;
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
        OGRLayer* l = ds.GetLayer(i);
        if (!l)
            continue;
        if (!wanted.empty() && wanted == l->GetName())
            return l;
        if (l->GetGeomType() == wkbNone)
            continue;
        withGeometry.push_back(l);
        names += std::string(names.empty() ? "" : ", ") + l->GetName();
    }
    if (!wanted.empty())
        return R::failure("has no layer '" + wanted + "' (layers: " + names + ")", path, 0,
                          "--src-layer");
    if (withGeometry.size() == 1)
        return withGeometry.front();
    if (withGeometry.empty()) {
        return R::failure(
            "has no layer with geometry (a CSV needs longitude/latitude columns named e.g. "
            "lon/lat, longitude/latitude, x/y, or a WKT column)",
            path);
    }
    return R::failure("has several layers (" + names + "); choose one with --src-layer", path, 0,
                      "--src-layer");
}

bool matchesColumnPattern(const std::string& column, const std::string& patterns) {
    const std::string name = lowerAscii(column);
    std::size_t start = 0;
    while (start <= patterns.size()) {
        const std::size_t comma = std::min(patterns.find(',', start), patterns.size());
        const std::string p = patterns.substr(start, comma - start);
        start = comma + 1;
        if (p.empty())
            continue;
        // GDAL's forms: exact, "prefix*" and "*suffix".
        if (p.front() == '*') {
            const std::string suffix = p.substr(1);
            if (name.size() >= suffix.size() &&
                name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
                return true;
        } else if (p.back() == '*') {
            if (name.rfind(p.substr(0, p.size() - 1), 0) == 0)
                return true;
        } else if (name == p) {
            return true;
        }
    }
    return false;
}

double boxDistanceKm(const Extent& a, const Extent& b) {
    const double dLon = std::max({0.0, a.minX - b.maxX, b.minX - a.maxX});
    const double dLat = std::max({0.0, a.minY - b.maxY, b.minY - a.maxY});
    const double midLat = 0.5 * (a.centerY() + b.centerY()) * std::numbers::pi / 180.0;
    return std::hypot(dLon * 111.32 * std::cos(midLat), dLat * 110.57);
}

Extent extentToWgs84(const Extent& e, const CrsTransform& toWgs) {
    Extent out;
    if (e.isEmpty())
        return out;
    // Corners and edge midpoints: enough for the coarse distance check.
    for (double fx : {0.0, 0.5, 1.0})
        for (double fy : {0.0, 0.5, 1.0}) {
            auto p = toWgs.transform(
                {e.minX + fx * (e.maxX - e.minX), e.minY + fy * (e.maxY - e.minY), 0.0});
            if (p)
                out.add(p->x, p->y);
        }
    return out;
}

std::unique_ptr<OGRGeometry> keepDimension(std::unique_ptr<OGRGeometry> g, int dimension) {
    if (!g || wkbFlatten(g->getGeometryType()) != wkbGeometryCollection)
        return g;
    std::unique_ptr<OGRGeometryCollection> multi;
    if (dimension == 2)
        multi = std::make_unique<OGRMultiPolygon>();
    else if (dimension == 1)
        multi = std::make_unique<OGRMultiLineString>();
    else
        multi = std::make_unique<OGRMultiPoint>();
    for (const auto* part : *g->toGeometryCollection()) {
        if (part->getDimension() != dimension)
            continue;
        if (OGR_GT_IsSubClassOf(part->getGeometryType(), wkbGeometryCollection)) {
            for (const auto* sub : *part->toGeometryCollection())
                multi->addGeometry(sub);
        } else {
            multi->addGeometry(part);
        }
    }
    if (multi->IsEmpty())
        return nullptr;
    return multi;
}

}  // namespace citytwin::geo::detail
