#pragma once
// Loads a 3D Tiles tileset (tileset.json, 1.0 and 1.1, explicit and implicit
// tiling) from a folder or an http(s) server into the city frame: tile
// transforms (ECEF) accumulated in double; b3dm, pnts, i3dm, cmpt and
// glTF/GLB content with batch-table features for picking; external
// tilesets; ADD and REPLACE refinement mapped to osg::LOD ranges from each
// tile's geometric error and a screen-space-error setting. Either every
// content is read now (a survey, the CLI), or, paged, only the root's:
// each tile with children becomes an osg::PagedLOD whose children the
// DatabasePager reads on its threads when the camera is near enough, and
// which the memory budget (PagedMemoryBudget) may expire again. A URI that leaves the tileset's
// root or names another host is refused with a warning (see TileSource); a tile that cannot be read
// or parsed is a warning and the rest still loads.
//
// Thread safety: blocking file and network I/O; run it on a worker. The
// node is detached.

#include <atomic>
#include <string>
#include <vector>

#include "citytwin/geo/LocalFrame.h"
#include "citytwin/geo/Result.h"
#include "citytwin/render/GltfModelLoader.h"
#include "citytwin/render/LoadedModel.h"

namespace citytwin::render {

struct TilesetLoadOptions {
    /// Children replace (or add to) a tile when its geometric error would
    /// cover more than this many pixels on screen (Cesium's default 16).
    double maximumScreenSpaceError = 16.0;
    double viewportHeightPixels = 1080.0;  ///< for the error-to-distance conversion
    double verticalFovDegrees = 60.0;      ///< likewise
    int maxExternalDepth = 8;              ///< nested external tilesets allowed
    /// Other servers ("https://host[:port]") a remote tileset may name.
    std::vector<std::string> allowedOrigins;
    /// Read tile children only when the view needs them (the viewer); the
    /// tileset's extent is then its root's bounding volume. Tiles without a
    /// usable bounding volume have their children read at once.
    bool paged = false;
    /// Checked before each file is read: once true, loading stops (a long
    /// tileset over HTTP can be cancelled between tiles).
    const std::atomic<bool>* cancelled = nullptr;
    /// A tileset without georeference (tilesetGeoreferenceProblem) stands
    /// at `localAnchor` as a glTF model would: its coordinates are then
    /// east, north, up metres from the anchor. loadModelFile (the window,
    /// the CLI) sets it; unset, such a tileset is read as ECEF (and
    /// LoadedModel::missingGeoreference still says why it looks wrong).
    bool placeLocalTilesetsAtAnchor = false;
    ModelAnchor localAnchor;
};

/// Why a tileset has no georeference, or "" if it has one: its root has no
/// transform and its root bounding volume (a box or sphere, not a region)
/// lies near the Earth's centre, so its coordinates are local metres
/// (common in exports and in public samples). Reads only tileset.json;
/// "" too when it cannot be read (the loader reports that).
std::string tilesetGeoreferenceProblem(const std::string& path);

/// `path` is a tileset.json path or an http:// / https:// URL of one.
geo::Result<LoadedModel> loadTileset(const std::string& path, const geo::LocalFrame& frame,
                                     const TilesetLoadOptions& options = {});

}  // namespace citytwin::render
