#pragma once
// GeoTIFFs with known content for terrain tests and benches, written with
// the GDAL API: a hill DEM in CGCS2000 / Gauss-Kruger CM 120E (EPSG:4549)
// and an RGB orthophoto in WGS 84 degrees (EPSG:4326), both around a
// WGS 84 point, so that every tile read goes through a real CRS warp.

#include <string>

namespace citytwin::test {

struct HillDem {
    double centreLon = 121.49;  ///< degrees, WGS 84
    double centreLat = 31.23;
    int sizePixels = 201;  ///< square
    double pixelMetres = 10.0;
    double baseHeight = 10.0;    ///< metres
    double peakHeight = 90.0;    ///< above the base at the centre
    double sigmaMetres = 300.0;  ///< the hill's width
    int noDataCorner = 20;       ///< a square of no-data (-9999) pixels in the north-west corner
    bool withCrs = true;
    bool allNoData = false;
    /// Write it in WGS 84 degrees (EPSG:4326) instead, pixels of about
    /// pixelMetres; the hill keeps its shape in metres.
    bool geographic = false;
};

/// The hill's height (metres) at an offset in metres from its centre, in
/// the DEM's grid axes (east, north).
double hillHeight(const HillDem& dem, double dEast, double dNorth);

/// Writes the DEM; returns an empty string or the error.
std::string writeHillDem(const std::string& path, const HillDem& dem);

/// The easting/northing (EPSG:4549) of a WGS 84 longitude/latitude.
void toGaussKruger120(double lon, double lat, double& easting, double& northing);

struct SplitOrtho {
    double centreLon = 121.49;
    double centreLat = 31.23;
    double halfSizeDegrees = 0.012;
    int sizePixels = 256;
};

/// The orthophoto's colours: west of the centre longitude red, east blue.
inline constexpr unsigned char kOrthoWest[3] = {220, 40, 40};
inline constexpr unsigned char kOrthoEast[3] = {40, 70, 220};

/// Writes the RGB orthophoto; returns an empty string or the error.
std::string writeSplitOrtho(const std::string& path, const SplitOrtho& ortho);

}  // namespace citytwin::test
