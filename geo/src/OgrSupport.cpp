#include "OgrSupport.h"

#include <cpl_conv.h>

#include "citytwin/geo/GdalSupport.h"

namespace citytwin::geo::detail {

Result<Crs> crsFromOgr(const OGRSpatialReference& srs) {
    OGRSpatialReference copy(srs);
    const char* auth = copy.GetAuthorityName(nullptr);
    const char* code = copy.GetAuthorityCode(nullptr);
    if (!(auth && code)) {
        if (copy.AutoIdentifyEPSG() == OGRERR_NONE) {
            auth = copy.GetAuthorityName(nullptr);
            code = copy.GetAuthorityCode(nullptr);
        }
    }
    if (auth && code) {
        auto r = Crs::fromString(std::string(auth) + ":" + code);
        if (r)
            return r;
    }
    char* wkt = nullptr;
    const char* opts[] = {"FORMAT=WKT2_2019", nullptr};
    copy.exportToWkt(&wkt, opts);
    std::string text = wkt ? wkt : "";
    CPLFree(wkt);
    return Crs::fromString(text);
}

Result<OGRSpatialReference> ogrSrsFor(const Crs& crs) {
    if (crs.kind() != Crs::Kind::Proj) {
        return Result<OGRSpatialReference>::failure(
            crs.label() +
                " cannot be stored or warped to by GDAL; use a PROJ CRS such as "
                "EPSG:4326 (GCJ-02/BD-09 data is converted on import)",
            {}, 0, "crs");
    }
    ensureGdalInitialised();
    GdalErrorCapture capture;
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(crs.definition().c_str()) != OGRERR_NONE) {
        return Result<OGRSpatialReference>::failure(
            "GDAL cannot read the CRS '" + crs.definition() + "': " + capture.lastError("invalid"),
            {}, 0, "crs");
    }
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

}  // namespace citytwin::geo::detail
