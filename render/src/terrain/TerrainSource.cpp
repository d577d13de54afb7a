#include "citytwin/render/TerrainSource.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>

#include "citytwin/formats/TileSource.h"
#include "citytwin/geo/CrsTransform.h"
#include "citytwin/geo/RasterReader.h"
#include "scene/ThreadCrsTransforms.h"
#include "terrain/RemoteRaster.h"

namespace citytwin::render {
namespace {

using geo::RasterInfo;
using geo::RasterKind;
using geo::RasterReader;
using geo::RasterRequest;

constexpr int kMaxLevel = 20;
constexpr double kMetresPerDegree = 111320.0;

/// Inspects a raster and insists on a declared CRS (the error names the file).
geo::Result<RasterInfo> inspectWithCrs(const std::string& path, const char* what) {
    auto info = RasterReader::inspect(path);
    if (!info)
        return info;
    if (!info->maybeCrs)
        return geo::Result<RasterInfo>::failure(
            std::string("the ") + what +
                " declares no CRS; citytwin needs to know where it lies (write one with "
                "gdal_edit.py -a_srs EPSG:...)",
            path, 0, "crs");
    return info;
}

/// Size of one native pixel in metres (approximately, for choosing levels).
double nativePixelMetres(const RasterInfo& info) {
    const double px = std::abs(info.geoTransform[1]);
    if (!info.maybeCrs->isGeographic())
        return px;
    const double lat = info.extent.centerY() * M_PI / 180.0;
    return px * kMetresPerDegree * std::max(0.1, std::cos(lat));
}

/// The shallowest level whose spacing (side / 2^level / steps) reaches `target` metres.
int levelFor(double side, int steps, double target) {
    int level = 0;
    while (level < kMaxLevel && side / std::ldexp(1.0, level) / steps > target * 1.0001)
        ++level;
    return level;
}

/// Bilinear sample of a height image at (x, y) in its CRS; no-data pixels
/// are left out of the weights so edges of valid data do not sink to NaN.
float sampleHeight(const geo::RasterImage& img, double x, double y) {
    const auto& gt = img.geoTransform;
    const double fc = (x - gt[0]) / gt[1] - 0.5;
    const double fr = (y - gt[3]) / gt[5] - 0.5;
    const int c0 = static_cast<int>(std::floor(fc));
    const int r0 = static_cast<int>(std::floor(fr));
    const double tx = fc - c0, ty = fr - r0;
    double sum = 0.0, weight = 0.0;
    for (int dr = 0; dr < 2; ++dr) {
        for (int dc = 0; dc < 2; ++dc) {
            const int c = std::clamp(c0 + dc, 0, img.width - 1);
            const int r = std::clamp(r0 + dr, 0, img.height - 1);
            const float h = img.heights[static_cast<std::size_t>(r) * img.width + c];
            if (std::isnan(h))
                continue;
            const double w = (dc ? tx : 1.0 - tx) * (dr ? ty : 1.0 - ty);
            sum += w * h;
            weight += w;
        }
    }
    if (weight < 1e-6)
        return std::numeric_limits<float>::quiet_NaN();
    return static_cast<float>(sum / weight);
}

}  // namespace

geo::Result<std::shared_ptr<const TerrainSource>> TerrainSource::open(
    const TerrainOptions& options, const std::atomic<bool>* cancelled) {
    using R = geo::Result<std::shared_ptr<const TerrainSource>>;
    if (options.demPath.empty() && options.imageryPath.empty())
        return R::failure("a terrain layer needs a DEM or an orthophoto", {}, 0, "path");
    if (options.gridSize < 2 || options.gridSize > 257)
        return R::failure("grid size must be 2..257 vertices", {}, 0, "gridSize");
    if (options.textureSize < 8 || options.textureSize > 4096)
        return R::failure("texture size must be 8..4096 texels", {}, 0, "textureSize");

    std::shared_ptr<TerrainSource> source(new TerrainSource);
    source->_options = options;
    std::optional<RasterInfo> demInfo, imageInfo;
    // Rasters named by http(s) URLs come through the tile cache.
    if (!options.demPath.empty()) {
        auto readable = detail::readableRasterPath(options.demPath, source->_pins);
        CITYTWIN_RETURN_IF_FAILED(readable);
        source->_demRead = *readable;
    }
    if (!options.imageryPath.empty()) {
        auto readable = detail::readableRasterPath(options.imageryPath, source->_pins);
        CITYTWIN_RETURN_IF_FAILED(readable);
        source->_imageryRead = *readable;
    }
    if (!options.demPath.empty()) {
        auto info = inspectWithCrs(source->_demRead, "DEM");
        CITYTWIN_RETURN_IF_FAILED(info);
        demInfo = info.value();
    }
    if (!options.imageryPath.empty()) {
        auto info = inspectWithCrs(source->_imageryRead, "orthophoto");
        CITYTWIN_RETURN_IF_FAILED(info);
        if (info->bandCount != 1 && info->bandCount < 3)
            return R::failure("an orthophoto needs 1 (grey), 3 (RGB) or 4 (RGBA) bands, not " +
                                  std::to_string(info->bandCount),
                              options.imageryPath, 0, "bands");
        imageInfo = info.value();
    }
    const RasterInfo& primary = demInfo ? *demInfo : *imageInfo;
    const std::string& primaryPath = demInfo ? options.demPath : options.imageryPath;
    source->_sourceCrs = *primary.maybeCrs;
    if (demInfo)
        source->_demCrs = *demInfo->maybeCrs;
    if (imageInfo)
        source->_imageryCrs = *imageInfo->maybeCrs;

    // Tiles are squares in metres: keep a projected CRS, else a transverse
    // Mercator centred on the data (a geographic DEM in degrees would give
    // tiles that are not square on the ground).
    if (!primary.maybeCrs->isGeographic()) {
        source->_workingCrs = *primary.maybeCrs;
    } else {
        char def[200];
        std::snprintf(def, sizeof def,
                      "+proj=tmerc +lat_0=%.9f +lon_0=%.9f +k=1 +x_0=0 +y_0=0 +ellps=WGS84 "
                      "+units=m +no_defs",
                      primary.extent.centerY(), primary.extent.centerX());
        auto crs = geo::Crs::fromString(def);
        if (!crs)
            return R::failure(crs.messages(), primaryPath, 0, "crs");
        source->_workingCrs = crs.value();
    }

    // A coarse read of the whole primary raster gives its extent in the
    // working CRS and, for a DEM, the height range.
    RasterRequest overview;
    overview.kind = demInfo ? RasterKind::Heights : RasterKind::Rgba;
    overview.targetCrs = source->_workingCrs;
    overview.maxWidth = overview.maxHeight = 256;
    overview.cancelled = cancelled;
    auto coarse = RasterReader::read(demInfo ? source->_demRead : source->_imageryRead, overview);
    CITYTWIN_RETURN_IF_FAILED(coarse);
    source->_dataExtent = coarse->extent();
    if (demInfo) {
        float lo = std::numeric_limits<float>::infinity(), hi = -lo;
        for (float h : coarse->heights)
            if (!std::isnan(h)) {
                lo = std::min(lo, h);
                hi = std::max(hi, h);
            }
        if (!(lo <= hi))
            return R::failure("the DEM has no valid heights: every pixel is no-data",
                              options.demPath, 0, "nodata");
        source->_minHeight = lo;
        source->_maxHeight = hi;
    }

    const geo::Extent& e = source->_dataExtent;
    const double side = std::max(e.maxX - e.minX, e.maxY - e.minY);
    source->_rootExtent = {e.centerX() - side / 2, e.centerY() - side / 2, e.centerX() + side / 2,
                           e.centerY() + side / 2};
    int level = 0;
    if (demInfo)
        level = levelFor(side, options.gridSize - 1, nativePixelMetres(*demInfo));
    if (imageInfo)
        level = std::max(level, levelFor(side, options.textureSize, nativePixelMetres(*imageInfo)));
    source->_maxLevel = level;

    auto toWgs84 = geo::CrsTransform::create(source->_workingCrs, geo::Crs::wgs84());
    if (!toWgs84)
        return R::failure(toWgs84.messages(), primaryPath, 0, "crs");
    for (int i = 0; i <= 4; ++i) {
        const double f = i / 4.0;
        for (const geo::GeoPoint& p : {geo::GeoPoint{e.minX + f * (e.maxX - e.minX), e.minY},
                                       geo::GeoPoint{e.minX + f * (e.maxX - e.minX), e.maxY},
                                       geo::GeoPoint{e.minX, e.minY + f * (e.maxY - e.minY)},
                                       geo::GeoPoint{e.maxX, e.minY + f * (e.maxY - e.minY)}}) {
            auto g = toWgs84->transform(p);
            if (g)
                source->_wgs84Extent.add(g->x, g->y);
        }
    }
    if (source->_wgs84Extent.isEmpty())
        return R::failure("the raster's extent cannot be expressed in WGS 84", primaryPath, 0,
                          "crs");
    return std::shared_ptr<const TerrainSource>(std::move(source));
}

geo::Extent TerrainSource::tileExtent(const TerrainTileKey& key) const {
    const double side = (_rootExtent.maxX - _rootExtent.minX) / std::ldexp(1.0, key.level);
    return {_rootExtent.minX + key.x * side, _rootExtent.minY + key.y * side,
            _rootExtent.minX + (key.x + 1) * side, _rootExtent.minY + (key.y + 1) * side};
}

geo::Status TerrainSource::vertexPositionsIn(const geo::Crs& crs, const TerrainTileKey& key,
                                             std::vector<double>& xs,
                                             std::vector<double>& ys) const {
    const int n = _options.gridSize;
    const geo::Extent ext = tileExtent(key);
    const double step = (ext.maxX - ext.minX) / (n - 1);
    xs.resize(static_cast<std::size_t>(n) * n);
    ys.resize(xs.size());
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            xs[static_cast<std::size_t>(j) * n + i] = ext.minX + i * step;
            ys[static_cast<std::size_t>(j) * n + i] = ext.minY + j * step;
        }
    if (crs == _workingCrs)
        return geo::Done{};
    std::string error;
    const geo::CrsTransform* t = detail::threadCrsTransform(_workingCrs, crs, error);
    if (!t)
        return geo::Status::failure(error, {}, 0, "crs");
    t->transformInPlace(xs, ys);
    return geo::Done{};
}

namespace {

/// The extent of the finite points, widened by `margin` on every side.
geo::Extent footprint(const std::vector<double>& xs, const std::vector<double>& ys,
                      double marginShare) {
    geo::Extent e;
    for (std::size_t k = 0; k < xs.size(); ++k)
        if (std::isfinite(xs[k]) && std::isfinite(ys[k]))
            e.add(xs[k], ys[k]);
    if (e.isEmpty())
        return e;
    const double m = marginShare * std::max(e.maxX - e.minX, e.maxY - e.minY);
    return {e.minX - m, e.minY - m, e.maxX + m, e.maxY + m};
}

}  // namespace

geo::Result<TerrainHeightGrid> TerrainSource::readHeights(const TerrainTileKey& key) const {
    const int n = _options.gridSize;
    const std::size_t count = static_cast<std::size_t>(n) * n;
    TerrainHeightGrid grid;
    grid.size = n;
    const geo::Extent ext = tileExtent(key);
    const double step = (ext.maxX - ext.minX) / (n - 1);
    if (!hasDem()) {
        // An orthophoto alone: the ground plane, cut to the imagery's extent.
        grid.heights.resize(count);
        for (int j = 0; j < n; ++j)
            for (int i = 0; i < n; ++i)
                grid.heights[static_cast<std::size_t>(j) * n + i] =
                    _dataExtent.contains(ext.minX + i * step, ext.minY + j * step)
                        ? 0.f
                        : std::numeric_limits<float>::quiet_NaN();
        return grid;
    }
    // The DEM is read in its own CRS (no reprojection of the raster) around
    // the vertices, and sampled where each vertex falls in it. Half a step
    // of margin: the pixel centres then fall on the vertices while the DEM
    // is finer than the grid, so neighbouring tiles agree on their edges.
    std::vector<double> xs, ys;
    auto placed = vertexPositionsIn(_demCrs, key, xs, ys);
    if (!placed)
        return geo::Result<TerrainHeightGrid>::failure(placed.messages(), _options.demPath, 0,
                                                       "crs");
    RasterRequest request;
    request.kind = RasterKind::Heights;
    request.targetCrs = _demCrs;
    request.maybeExtent = footprint(xs, ys, 0.5 / (n - 1));
    request.maxWidth = request.maxHeight = n;
    request.cancelled = _cancelled.get();
    grid.heights.assign(count, std::numeric_limits<float>::quiet_NaN());
    if (request.maybeExtent->isEmpty())
        return grid;
    auto image = RasterReader::read(_demRead, request);
    CITYTWIN_RETURN_IF_FAILED(image);
    for (std::size_t k = 0; k < count; ++k)
        if (std::isfinite(xs[k]) && std::isfinite(ys[k]))
            grid.heights[k] = sampleHeight(image.value(), xs[k], ys[k]);
    return grid;
}

geo::Result<TerrainTexture> TerrainSource::readTexture(const TerrainTileKey& key) const {
    using R = geo::Result<TerrainTexture>;
    if (!hasImagery())
        return R::failure("the terrain has no orthophoto", {}, 0, "imagery");
    std::vector<double> xs, ys;
    auto placed = vertexPositionsIn(_imageryCrs, key, xs, ys);
    if (!placed)
        return R::failure(placed.messages(), _options.imageryPath, 0, "crs");
    RasterRequest request;
    request.kind = RasterKind::Rgba;
    request.targetCrs = _imageryCrs;
    request.maybeExtent = footprint(xs, ys, 0.0);
    if (request.maybeExtent->isEmpty())
        return R::failure("the tile cannot be placed in the orthophoto's CRS", _options.imageryPath,
                          0, "crs");
    request.maxWidth = request.maxHeight = _options.textureSize;
    request.cancelled = _cancelled.get();
    auto image = RasterReader::read(_imageryRead, request);
    CITYTWIN_RETURN_IF_FAILED(image);
    TerrainTexture texture;
    texture.width = image->width;
    texture.height = image->height;
    texture.rgba = std::move(image->rgba);
    const geo::Extent e = image->extent();
    texture.s.resize(xs.size());
    texture.t.resize(xs.size());
    for (std::size_t k = 0; k < xs.size(); ++k) {
        texture.s[k] = static_cast<float>((xs[k] - e.minX) / (e.maxX - e.minX));
        texture.t[k] = static_cast<float>((e.maxY - ys[k]) / (e.maxY - e.minY));
    }
    return texture;
}

}  // namespace citytwin::render

namespace citytwin::render {

TerrainRasterRole terrainRasterRole(const std::string& location) {
    // A URL's extension is its path's (without the query).
    const bool remote = formats::TileSource::isUrl(location);
    const std::string path = remote ? location.substr(0, location.find_first_of("?#")) : location;
    std::string ext = path.substr(
        path.find_last_of('.') == std::string::npos ? path.size() : path.find_last_of('.') + 1);
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext != "tif" && ext != "tiff" && ext != "vrt" && ext != "img" && ext != "jp2")
        return TerrainRasterRole::None;
    std::vector<std::shared_ptr<const void>> pins;
    auto readable = detail::readableRasterPath(location, pins);
    if (!readable)
        return TerrainRasterRole::Dem;  // opening it as a DEM reports why
    auto info = geo::RasterReader::inspect(*readable);
    if (info && (info->bandCount == 3 || info->bandCount == 4))
        return TerrainRasterRole::Imagery;
    return TerrainRasterRole::Dem;
}

}  // namespace citytwin::render
