#pragma once
// Loads an oblique-photogrammetry OSGB pyramid (metadata.xml + Data/Tile_*/
// Tile_*.osgb) and places it in the city frame. Only each tile's root file is
// read here; the finer levels are osg::PagedLOD children that OSG's
// DatabasePager pages in off the render thread as the camera comes close
// (their paths resolve relative to each tile's folder). Children the pyramid
// names but that are missing on disk are skipped by the pager with a warning.
//
// Thread safety: blocking file I/O; call it on a worker thread. Separate calls
// may run concurrently. The returned node is detached.

#include <string>

#include "citytwin/geo/LocalFrame.h"
#include "citytwin/geo/Result.h"
#include "citytwin/render/LoadedModel.h"

namespace citytwin::render {

/// `path` is the pyramid's metadata.xml, the folder holding it, or its Data
/// folder. Errors name the file and the reason (bad XML, unknown SRS, no
/// Data folder, no root tiles); unreadable tiles are warnings.
geo::Result<LoadedModel> loadOsgbPyramid(const std::string& path, const geo::LocalFrame& frame);

/// True if `path` looks like an OSGB pyramid (for File -> Open's dispatch):
/// a metadata.xml, or a folder with metadata.xml or Tile_* sub-folders.
bool isOsgbPyramidPath(const std::string& path);

}  // namespace citytwin::render
