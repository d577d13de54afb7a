#pragma once
// The rasters of one terrain layer: a DEM (heights) and/or an orthophoto
// (colours), each in whatever CRS its file declares, seen through one
// projected "working" CRS in which the terrain is cut into a quadtree of
// tiles. Reads only the window of one tile at a time (GDAL warp through
// geo::RasterReader), so the rasters may be larger than memory.
//
// Thread safety: immutable after open() but for the cancel flag; tile
// windows may be read from any number of threads at once (each read opens
// its own GDAL dataset), and cancelReads() called from any thread.

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "citytwin/geo/Crs.h"
#include "citytwin/geo/GeoTypes.h"
#include "citytwin/geo/Result.h"

namespace citytwin::render {

/// A tile of the quadtree: level 0 is the root square; x grows east and y
/// north, 0 .. 2^level - 1.
struct TerrainTileKey {
    int level = 0;
    int x = 0;
    int y = 0;

    TerrainTileKey child(int dx, int dy) const { return {level + 1, 2 * x + dx, 2 * y + dy}; }
    bool operator==(const TerrainTileKey&) const = default;
};

struct TerrainOptions {
    std::string demPath;      ///< single-band GeoTIFF (or any GDAL raster); empty: flat ground
    std::string imageryPath;  ///< RGB(A) raster draped on the DEM; empty: shaded by height
    int gridSize = 33;        ///< vertices along a tile's side (>= 2)
    int textureSize = 256;    ///< texels along a tile's side at most
};

/// The heights of one tile as a regular grid, row 0 at the south edge.
struct TerrainHeightGrid {
    int size = 0;                ///< vertices per side
    std::vector<float> heights;  ///< size*size metres; NaN where the DEM has no data
};

/// The colours of one tile: a window of the orthophoto in its own CRS (row
/// 0 at the north edge, as GDAL reads it) and where each grid vertex falls
/// in it, so that no image is resampled between CRSs.
struct TerrainTexture {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  ///< width*height*4
    /// gridSize*gridSize texture coordinates (s, t), rows from the south as
    /// in TerrainHeightGrid; t = 0 is the image's first (north) row.
    std::vector<float> s, t;
};

class TerrainSource {
public:
    /// Opens the rasters and checks them: each must exist, be a raster with a
    /// declared CRS, and the DEM must hold at least one valid height. Errors
    /// name the file and the field (`crs`, `bands`, `nodata`).
    /// `cancelled`, set by another thread, stops the coarse read of the
    /// whole raster open() makes at its next bounded block (field "cancelled").
    static geo::Result<std::shared_ptr<const TerrainSource>> open(
        const TerrainOptions& options, const std::atomic<bool>* cancelled = nullptr);

    /// Stops the tile reads in flight at their next bounded block and fails
    /// every later one (field "cancelled"): the layer is gone or the window
    /// closing, and the pager threads must not keep it waiting.
    void cancelReads() const { _cancelled->store(true); }
    bool readsCancelled() const { return _cancelled->load(); }

    const TerrainOptions& options() const { return _options; }
    bool hasDem() const { return !_options.demPath.empty(); }
    bool hasImagery() const { return !_options.imageryPath.empty(); }

    /// The projected CRS the quadtree is cut in (the DEM's if projected).
    const geo::Crs& workingCrs() const { return _workingCrs; }
    /// The CRS of the DEM (or of the imagery without one), for display.
    const geo::Crs& sourceCrs() const { return _sourceCrs; }
    /// Extent of the data in the working CRS (metres).
    const geo::Extent& dataExtent() const { return _dataExtent; }
    /// Extent of the data as WGS 84 longitude/latitude (degrees).
    const geo::Extent& wgs84Extent() const { return _wgs84Extent; }
    /// Valid heights of the DEM, metres (0..0 without a DEM).
    float minHeight() const { return _minHeight; }
    float maxHeight() const { return _maxHeight; }
    /// Deepest quadtree level: where a tile's grid or texture reaches the
    /// finer of the two rasters' native resolutions.
    int maxLevel() const { return _maxLevel; }

    /// The tile's square in the working CRS (metres).
    geo::Extent tileExtent(const TerrainTileKey& key) const;
    /// The tile's heights at its gridSize x gridSize vertices (0 without a
    /// DEM), read from the DEM in its own CRS around the vertices.
    geo::Result<TerrainHeightGrid> readHeights(const TerrainTileKey& key) const;
    /// The tile's imagery (about textureSize texels a side) in the
    /// orthophoto's own CRS, with each vertex's texture coordinates; fails
    /// without imagery.
    geo::Result<TerrainTexture> readTexture(const TerrainTileKey& key) const;

private:
    TerrainSource() = default;
    /// The tile's grid vertices in `crs` (x, y arrays, rows from the south).
    geo::Status vertexPositionsIn(const geo::Crs& crs, const TerrainTileKey& key,
                                  std::vector<double>& xs, std::vector<double>& ys) const;

    TerrainOptions _options;
    /// What GDAL opens: the paths, or pinned cached copies of URLs.
    std::string _demRead, _imageryRead;
    std::vector<std::shared_ptr<const void>> _pins;
    geo::Crs _workingCrs;
    geo::Crs _sourceCrs;
    geo::Crs _demCrs;
    geo::Crs _imageryCrs;
    geo::Extent _dataExtent;
    geo::Extent _rootExtent;  ///< the square the quadtree divides
    geo::Extent _wgs84Extent;
    float _minHeight = 0.f;
    float _maxHeight = 0.f;
    int _maxLevel = 0;
    std::shared_ptr<std::atomic<bool>> _cancelled = std::make_shared<std::atomic<bool>>(false);
};

}  // namespace citytwin::render

namespace citytwin::render {

enum class TerrainRasterRole {
    None,     ///< not a raster file name (vector data, models)
    Dem,      ///< one band: heights
    Imagery,  ///< three or four bands: an orthophoto
};

/// What a file is for the terrain, from its name (.tif, .tiff, .vrt, .img,
/// .jp2) and its band count. A raster that cannot be inspected counts as a
/// DEM, so that opening it reports why.
TerrainRasterRole terrainRasterRole(const std::string& path);

}  // namespace citytwin::render
