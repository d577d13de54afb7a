#pragma once
// Loads a local 3D Tiles tileset (tileset.json, 1.0 and 1.1 explicit tiling)
// into the city frame: tile transforms (ECEF) accumulated in double, b3dm and
// glTF/GLB content, external tilesets, ADD and REPLACE refinement mapped to
// osg::LOD ranges from each tile's geometric error and a screen-space-error
// setting. Every content file is read now (no paging yet); .pnts, .i3dm and
// .cmpt content is skipped with a warning. A content URI that leaves the
// tileset's folder, is absolute or names a server is refused with a warning.
//
// Thread safety: blocking file I/O; run it on a worker. The node is detached.

#include <string>

#include "citytwin/geo/LocalFrame.h"
#include "citytwin/geo/Result.h"
#include "citytwin/render/LoadedModel.h"

namespace citytwin::render {

struct TilesetLoadOptions {
    /// Children replace (or add to) a tile when its geometric error would
    /// cover more than this many pixels on screen (Cesium's default 16).
    double maximumScreenSpaceError = 16.0;
    double viewportHeightPixels = 1080.0;  ///< for the error-to-distance conversion
    double verticalFovDegrees = 60.0;      ///< likewise
    int maxExternalDepth = 8;              ///< nested external tilesets allowed
};

/// `path` is a tileset.json.
geo::Result<LoadedModel> loadTileset(const std::string& path, const geo::LocalFrame& frame,
                                     const TilesetLoadOptions& options = {});

}  // namespace citytwin::render
