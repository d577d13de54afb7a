#pragma once
// A paged terrain layer: the root tile is built at once, finer tiles are
// osg::PagedLOD children that OSG's DatabasePager loads on its own threads
// when they grow large enough on screen, and may expire again (see
// PagedMemoryBudget). The pager reads them through a pseudo-loader for the
// private extension ".citytwin_terrain", which looks the layer up by a
// number: only the visible tiles of an extent larger than memory are held.

#include <osg/Node>
#include <osg/ref_ptr>

#include <memory>
#include <string>

#include "citytwin/geo/LocalFrame.h"
#include "citytwin/geo/Result.h"
#include "citytwin/render/TerrainSource.h"

namespace citytwin::render {

struct TerrainLayerOptions {
    /// A tile is replaced by its four children when its bounding sphere
    /// spans more than this many pixels; 0: 1.5 x the texture size.
    float splitPixels = 0.f;
};

/// Builds the layer's root tile now (reading the rasters' coarsest window)
/// and returns the layer node, in the local frame. The layer stays
/// loadable by the pager for as long as the node lives.
geo::Result<osg::ref_ptr<osg::Node>> buildTerrainLayer(std::shared_ptr<const TerrainSource> source,
                                                       const geo::LocalFrame& frame,
                                                       const TerrainLayerOptions& options = {});

/// The file name the pager asks for to load the four children of `key`.
std::string terrainChildrenFileName(int layerNumber, const TerrainTileKey& key);

}  // namespace citytwin::render
