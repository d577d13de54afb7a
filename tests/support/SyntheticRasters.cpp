#include "SyntheticRasters.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <memory>
#include <vector>

namespace citytwin::test {
namespace {

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(GDALDataset::ToHandle(ds)); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

DatasetPtr createTiff(const std::string& path, int size, int bands, GDALDataType type) {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!driver)
        return nullptr;
    return DatasetPtr(driver->Create(path.c_str(), size, size, bands, type, nullptr));
}

}  // namespace

double hillHeight(const HillDem& dem, double dEast, double dNorth) {
    const double r2 = dEast * dEast + dNorth * dNorth;
    return dem.baseHeight +
           dem.peakHeight * std::exp(-r2 / (2 * dem.sigmaMetres * dem.sigmaMetres));
}

void toGaussKruger120(double lon, double lat, double& easting, double& northing) {
    OGRSpatialReference wgs84, gk;
    wgs84.importFromEPSG(4326);
    gk.importFromEPSG(4549);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    gk.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> t(OGRCreateCoordinateTransformation(&wgs84, &gk));
    easting = lon;
    northing = lat;
    if (t)
        t->Transform(1, &easting, &northing);
}

std::string writeHillDem(const std::string& path, const HillDem& dem) {
    DatasetPtr ds = createTiff(path, dem.sizePixels, 1, GDT_Float32);
    if (!ds)
        return "cannot create " + path;
    double e0 = 0, n0 = 0;
    toGaussKruger120(dem.centreLon, dem.centreLat, e0, n0);
    const double half = dem.sizePixels * dem.pixelMetres / 2;
    // Degrees per metre east and north at the centre (spherical, close enough
    // for a test raster: the hill's heights come from the same conversion).
    const double degE = 1.0 / (111320.0 * std::cos(dem.centreLat * M_PI / 180.0));
    const double degN = 1.0 / 110574.0;
    double gt[6] = {e0 - half, dem.pixelMetres, 0, n0 + half, 0, -dem.pixelMetres};
    if (dem.geographic) {
        gt[0] = dem.centreLon - half * degE;
        gt[1] = dem.pixelMetres * degE;
        gt[3] = dem.centreLat + half * degN;
        gt[5] = -dem.pixelMetres * degN;
    }
    ds->SetGeoTransform(gt);
    if (dem.withCrs) {
        OGRSpatialReference srs;
        srs.importFromEPSG(dem.geographic ? 4326 : 4549);
        ds->SetSpatialRef(&srs);
    }
    const int n = dem.sizePixels;
    std::vector<float> heights(static_cast<std::size_t>(n) * n);
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) {
            // Pixel centres.
            double e = gt[0] + (c + 0.5) * gt[1];
            double no = gt[3] + (r + 0.5) * gt[5];
            if (dem.geographic) {
                e = e0 + (e - dem.centreLon) / degE;
                no = n0 + (no - dem.centreLat) / degN;
            }
            const bool noData = dem.allNoData || (r < dem.noDataCorner && c < dem.noDataCorner);
            heights[static_cast<std::size_t>(r) * n + c] =
                noData ? -9999.f : static_cast<float>(hillHeight(dem, e - e0, no - n0));
        }
    GDALRasterBand* band = ds->GetRasterBand(1);
    band->SetNoDataValue(-9999.0);
    if (band->RasterIO(GF_Write, 0, 0, n, n, heights.data(), n, n, GDT_Float32, 0, 0, nullptr) !=
        CE_None)
        return "cannot write " + path;
    return {};
}

std::string writeSplitOrtho(const std::string& path, const SplitOrtho& ortho) {
    DatasetPtr ds = createTiff(path, ortho.sizePixels, 3, GDT_Byte);
    if (!ds)
        return "cannot create " + path;
    const double px = 2 * ortho.halfSizeDegrees / ortho.sizePixels;
    double gt[6] = {ortho.centreLon - ortho.halfSizeDegrees, px, 0,
                    ortho.centreLat + ortho.halfSizeDegrees, 0,  -px};
    ds->SetGeoTransform(gt);
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    ds->SetSpatialRef(&srs);
    const int n = ortho.sizePixels;
    for (int b = 0; b < 3; ++b) {
        std::vector<unsigned char> pixels(static_cast<std::size_t>(n) * n);
        for (int r = 0; r < n; ++r)
            for (int c = 0; c < n; ++c)
                pixels[static_cast<std::size_t>(r) * n + c] =
                    c < n / 2 ? kOrthoWest[b] : kOrthoEast[b];
        if (ds->GetRasterBand(b + 1)->RasterIO(GF_Write, 0, 0, n, n, pixels.data(), n, n, GDT_Byte,
                                               0, 0, nullptr) != CE_None)
            return "cannot write " + path;
    }
    return {};
}

}  // namespace citytwin::test
