#include "citytwin/assets/WorksAreaInput.h"

#include <fstream>
#include <sstream>

#include "OgrGeometry.h"
#include "citytwin/geo/CrsTransform.h"
#include "citytwin/geo/VectorReader.h"

namespace citytwin::assets {
namespace {
using R = geo::Result<std::vector<geo::Polygon>>;

R toWgs84(std::vector<geo::Polygon> polygons, const geo::Crs& crs, const std::string& source) {
    if (crs == geo::Crs::wgs84())
        return polygons;
    auto t = geo::CrsTransform::create(crs, geo::Crs::wgs84());
    if (!t)
        return R::failure(t.messages(), source, 0, "crs");
    for (auto& p : polygons)
        for (auto& ring : p.rings)
            for (auto& q : ring) {
                auto out = t->transform(q);
                if (!out)
                    return R::failure("cannot convert to WGS 84: " + out.messages(), source, 0,
                                      "crs");
                q = out.value();
            }
    return polygons;
}
}  // namespace

geo::Result<std::vector<geo::Polygon>> parseWorksAreaWkt(const std::string& wkt,
                                                         const geo::Crs& crs) {
    std::vector<geo::Polygon> polygons;
    std::string error;
    if (!detail::polygonsFromWkt(wkt, polygons, error))
        return R::failure(error, "--wkt", 0, "wkt");
    return toWgs84(std::move(polygons), crs, "--wkt");
}

geo::Result<std::vector<geo::Polygon>> readWorksAreaFile(const std::string& path,
                                                         const geo::Crs& crs) {
    geo::VectorReadOptions options;
    options.maybeSourceCrs = crs;
    auto layers = geo::readVectorFile(path, options);
    if (layers) {
        for (const auto& layer : layers.value()) {
            std::vector<geo::Polygon> polygons;
            for (const auto& f : layer.features)
                polygons.insert(polygons.end(), f.geometry.polygons.begin(),
                                f.geometry.polygons.end());
            if (!polygons.empty())
                return polygons;
        }
        return R::failure("holds no polygon", path, 0, "geometry");
    }
    // Not a vector dataset: maybe a text file of WKT.
    std::ifstream in(path);
    if (!in)
        return R::failure("cannot open", path);
    std::ostringstream text;
    text << in.rdbuf();
    std::vector<geo::Polygon> polygons;
    std::string error;
    if (!detail::polygonsFromWkt(text.str(), polygons, error)) {
        R failed = R::failure("neither a vector file nor WKT (" + error + ")", path);
        failed.addDiagnostics(layers.diagnostics());
        return failed;
    }
    return toWgs84(std::move(polygons), crs, path);
}

}  // namespace citytwin::assets
