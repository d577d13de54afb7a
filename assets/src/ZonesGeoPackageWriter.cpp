// writeZonesGeoPackage: the zones through OGR's GPKG driver.

#include <filesystem>
#include <memory>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "OgrGeometry.h"
#include "citytwin/assets/ProtectionZoneBuilder.h"
#include "citytwin/geo/GdalSupport.h"

namespace citytwin::assets {

geo::Status writeZonesGeoPackage(const std::string& path, const std::vector<ProtectionZone>& zones,
                                 const RuleSet& rules) {
    geo::ensureGdalInitialised();
    geo::GdalErrorCapture capture;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver)
        return geo::Status::failure("GDAL has no GeoPackage driver", path);
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        std::filesystem::remove(path, ec);
    if (ec)
        return geo::Status::failure("cannot replace: " + ec.message(), path);
    std::unique_ptr<GDALDataset> ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        return geo::Status::failure("cannot create: " + capture.lastError("unknown error"), path);
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = ds->CreateLayer("protection_zones", &srs, wkbMultiPolygon, nullptr);
    if (!layer)
        return geo::Status::failure("cannot create layer: " + capture.lastError("unknown error"),
                                    path);
    const geo::FeatureLayer features = zonesToFeatureLayer(zones, rules);
    for (const char* name : {"cable_id", "operator", "class", "waters", "rule", "article"}) {
        OGRFieldDefn field(name, OFTString);
        layer->CreateField(&field);
    }
    OGRFieldDefn width("half_width_m", OFTReal);
    layer->CreateField(&width);
    if (layer->StartTransaction() != OGRERR_NONE)
        return geo::Status::failure("cannot start a transaction: " + capture.lastError("unknown"),
                                    path);
    for (std::size_t i = 0; i < zones.size(); ++i) {
        OGRFeature feature(layer->GetLayerDefn());
        for (const auto& a : features.features[i].attributes) {
            if (a.name == "half_width_m")
                feature.SetField("half_width_m", zones[i].halfWidthM);
            else if (!a.value.empty())
                feature.SetField(a.name.c_str(), a.value.c_str());
        }
        feature.SetGeometryDirectly(detail::toOgrMultiPolygon(zones[i].polygons).release());
        if (layer->CreateFeature(&feature) != OGRERR_NONE)
            return geo::Status::failure("cannot write zone of cable '" + zones[i].cableId +
                                            "': " + capture.lastError("unknown"),
                                        path);
    }
    if (layer->CommitTransaction() != OGRERR_NONE)
        return geo::Status::failure("cannot commit: " + capture.lastError("unknown"), path);
    ds.reset();
    return geo::Done{};
}

}  // namespace citytwin::assets
