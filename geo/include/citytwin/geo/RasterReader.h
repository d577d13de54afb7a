#pragma once
// GeoTIFF (and any GDAL raster) DEMs and orthophotos, warped to the project
// CRS through GDAL's warper and returned as plain buffers the renderer can
// drape: float heights or RGBA bytes, with the geotransform that places them.

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "citytwin/geo/Crs.h"
#include "citytwin/geo/GeoTypes.h"
#include "citytwin/geo/Result.h"

namespace citytwin::geo {

/// GDAL's affine geotransform: x = gt[0] + col*gt[1] + row*gt[2],
/// y = gt[3] + col*gt[4] + row*gt[5], (col, row) at a pixel's top-left
/// corner; units of the CRS (metres or degrees).
using GeoTransform = std::array<double, 6>;

struct RasterInfo {
    int width = 0;   ///< pixels
    int height = 0;  ///< pixels
    int bandCount = 0;
    std::string dataType;         ///< GDAL name of band 1's type, e.g. "Float32", "Byte"
    std::optional<Crs> maybeCrs;  ///< empty when the file declares none
    GeoTransform geoTransform{0, 1, 0, 0, 0, 1};
    std::optional<double> maybeNoData;  ///< band 1's no-data value
    int overviewCount = 0;
    Extent extent;  ///< in the file's CRS
};

enum class RasterKind {
    Heights,  ///< band 1 as float metres; no data and outside the source = NaN
    Rgba,     ///< bands 1-3 (or 1 as grey) as 8-bit RGB, alpha 0 where there is no data
};

struct RasterRequest {
    RasterKind kind = RasterKind::Heights;
    Crs targetCrs = Crs::wgs84();  ///< must be a PROJ CRS (not GCJ02/BD09)
    /// Window to read, in targetCrs; empty: the whole raster.
    std::optional<Extent> maybeExtent;
    /// Output size limit in pixels; the source's native resolution is used
    /// if it is coarser, else the image is reduced (from GDAL overviews if the
    /// file has them), keeping square pixels.
    int maxWidth = 2048;
    int maxHeight = 2048;
    /// CRS of the source when it declares none (or to override it).
    std::optional<Crs> maybeSourceCrs;
    /// Most source pixels one read may go through, counted at the overview
    /// GDAL reads from: a read past it fails at once naming the raster's size
    /// and telling to build overviews, instead of warping for minutes.
    std::int64_t maxSourcePixels = std::int64_t{1} << 26;
    /// Set by another thread to stop the read: GDAL's warper checks it
    /// between bounded blocks (source chunks of at most 32 MB, destination
    /// rows), and the read then fails at once with field "cancelled".
    const std::atomic<bool>* cancelled = nullptr;
    /// Called on the reading thread with the share of the warp done (0..1).
    std::function<void(double done)> progress;
};

struct RasterImage {
    RasterKind kind = RasterKind::Heights;
    int width = 0;
    int height = 0;
    /// Row-major from the top-left (north-west) pixel; width*height values
    /// for Heights (metres, NaN = no data) ...
    std::vector<float> heights;
    /// ... or width*height*4 bytes R, G, B, A for Rgba.
    std::vector<std::uint8_t> rgba;
    GeoTransform geoTransform{};
    Crs crs;  ///< = the request's targetCrs

    Extent extent() const;
    /// The height at pixel (col, row); NaN outside or where there is no data.
    float heightAt(int col, int row) const;
};

class RasterReader {
public:
    /// What the file holds, without reading pixels.
    static Result<RasterInfo> inspect(const std::string& path);
    /// Warps (a window of) the raster to request.targetCrs and reads it.
    static Result<RasterImage> read(const std::string& path, const RasterRequest& request);
};

}  // namespace citytwin::geo
