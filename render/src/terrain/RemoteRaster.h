#pragma once
// A terrain raster (DEM or orthophoto) named by an http(s) URL: fetched
// whole through the tile cache (revalidated, capped, offline like the
// tiles) and held open, so that GDAL reads it as /proc/self/fd/N even if the
// cache later replaces or evicts the entry. /vsicurl/ URLs are left to GDAL
// (range requests and GDAL's own cache, for rasters too large to fetch).

#include <memory>
#include <string>
#include <vector>

#include "citytwin/geo/Result.h"

namespace citytwin::render::detail {

/// The path GDAL should open for `location`: itself unless it is an
/// http(s) URL; then a pinned cached copy (kept alive by `pins`).
geo::Result<std::string> readableRasterPath(const std::string& location,
                                            std::vector<std::shared_ptr<const void>>& pins);

}  // namespace citytwin::render::detail
