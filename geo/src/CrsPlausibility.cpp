#include "CrsPlausibility.h"

#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

#include "ProjContext.h"
#include "citytwin/geo/CrsTransform.h"

namespace citytwin::geo::detail {
namespace {

struct PjDeleter {
    void operator()(PJ* p) const { proj_destroy(p); }
};

/// An area of use in WGS 84 degrees and its name.
struct AreaOfUse {
    Extent box;
    std::string name;
};

std::optional<AreaOfUse> areaOfUse(const Crs& crs) {
    if (crs.kind() != Crs::Kind::Proj)
        return std::nullopt;
    PJ_CONTEXT* ctx = projContext();
    std::unique_ptr<PJ, PjDeleter> pj(proj_create(ctx, crs.definition().c_str()));
    double w = 0, s = 0, e = 0, n = 0;
    const char* name = nullptr;
    if (!pj || !proj_get_area_of_use(ctx, pj.get(), &w, &s, &e, &n, &name) || w == -1000.0)
        return std::nullopt;
    AreaOfUse a;
    a.box.add(w, s);
    a.box.add(e < w ? e + 360.0 : e, n);  // an area across the antimeridian
    a.name = name ? name : "";
    return a;
}

/// Where `crs` puts the point (x, y), in WGS 84 longitude/latitude.
std::optional<GeoPoint> toWgs84(const Crs& crs, double x, double y) {
    auto t = CrsTransform::create(crs, Crs::wgs84());
    if (!t)
        return std::nullopt;
    auto p = t->transform({x, y, 0.0});
    if (!p || !std::isfinite(p->x) || !std::isfinite(p->y))
        return std::nullopt;
    return p.value();
}

// Data a little beyond an area of use is common (Pudong in a Gauss-Krüger
// zone ending at 121.5 E); only a position this far outside cannot belong.
constexpr double kMarginDeg = 1.0;

bool insideArea(const AreaOfUse& a, const GeoPoint& p) {
    const double lon = p.x < a.box.minX - kMarginDeg ? p.x + 360.0 : p.x;
    return lon >= a.box.minX - kMarginDeg && lon <= a.box.maxX + kMarginDeg &&
           p.y >= a.box.minY - kMarginDeg && p.y <= a.box.maxY + kMarginDeg;
}

bool looksLikeDegrees(const Extent& e) {
    return e.minX >= -180.0 && e.maxX <= 360.0 && e.minY >= -90.0 && e.maxY <= 90.0;
}

std::string lonLatText(const GeoPoint& p) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f, %.4f", p.x, p.y);
    return buf;
}

std::string extentText(const Extent& e) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "x %.6g..%.6g, y %.6g..%.6g", e.minX, e.maxX, e.minY, e.maxY);
    return buf;
}

/// The CRSs these numbers are likely in: degrees are WGS 84; metres are
/// tried in the CRSs Shanghai data comes in, most distinctive first (the
/// zone-prefixed Gauss-Krüger eastings of 40,xxx,xxx m), keeping those that
/// put the data inside their own area of use. Web Mercator, whose area is
/// the whole world, only when nothing else fits.
std::string likelyCrs(const Crs& declared, const Extent& e) {
    if (looksLikeDegrees(e))
        return "EPSG:4326 WGS 84 (longitude/latitude degrees)";
    std::vector<std::string> fits;
    for (const char* code : {"EPSG:4528", "EPSG:4549", "EPSG:32651", "EPSG:3857"}) {
        if (code == declared.authorityCode() || (!fits.empty() && std::string(code) == "EPSG:3857"))
            continue;
        auto c = Crs::fromString(code);
        if (!c)
            continue;
        const auto area = areaOfUse(c.value());
        const auto p = toWgs84(c.value(), e.centerX(), e.centerY());
        if (area && p && insideArea(*area, *p))
            fits.push_back(c->label() + " (" + lonLatText(*p) + ")");
    }
    if (fits.empty())
        return {};
    std::string out = fits.front();
    for (std::size_t i = 1; i < fits.size(); ++i)
        out += (i + 1 == fits.size() ? " or " : ", ") + fits[i];
    return out;
}

std::string withLikely(std::string message, const std::string& likely) {
    if (likely.empty())
        return message + "; check the CRS the file declares";
    return message + "; the data is likely in " + likely +
           ": correct the file's CRS (e.g. its .prj) or import it with the right one";
}

}  // namespace

std::optional<std::string> crsPlausibilityWarning(const Crs& declared, const Extent& e) {
    if (e.isEmpty() || declared.kind() != Crs::Kind::Proj)
        return std::nullopt;
    if (declared.isGeographic()) {
        if (looksLikeDegrees(e))
            return std::nullopt;
        return withLikely("coordinates (" + extentText(e) + ") are not degrees, but " +
                              declared.label() + " is a longitude/latitude CRS",
                          likelyCrs(declared, e));
    }
    const auto where = toWgs84(declared, e.centerX(), e.centerY());
    const auto area = areaOfUse(declared);
    // Degrees under a CRS in metres: the whole layer within 360 m x 180 m of
    // the projection's false origin (for Web Mercator the Gulf of Guinea,
    // still inside its world-wide area of use).
    if (looksLikeDegrees(e)) {
        return withLikely("coordinates (" + extentText(e) + ") look like degrees, but " +
                              declared.label() + " is in metres (they would lie at " +
                              (where ? lonLatText(*where) : std::string("no valid position")) + ")",
                          likelyCrs(declared, e));
    }
    if (area && (!where || !insideArea(*area, *where))) {
        char box[128];
        std::snprintf(box, sizeof box, "%.2f..%.2f E, %.2f..%.2f N", area->box.minX, area->box.maxX,
                      area->box.minY, area->box.maxY);
        return withLikely("the data's centre (" +
                              (where ? "lon/lat " + lonLatText(*where)
                                     : "x/y " + lonLatText({e.centerX(), e.centerY(), 0.0})) +
                              ") lies outside the area of use of " + declared.label() + " (" +
                              area->name + ": " + box + ")",
                          likelyCrs(declared, e));
    }
    return std::nullopt;
}

}  // namespace citytwin::geo::detail
