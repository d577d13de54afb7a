#pragma once
// 3D Tiles 1.1 implicit tiling (QUADTREE and OCTREE) expanded into the
// explicit tile tree the tileset loader already walks: subtree files are
// fetched through the TileSource, availability decides which tiles and
// contents exist, template URIs get {level}, {x}, {y}, {z}, and each tile
// gets its subdivided bounding volume and halved geometric error.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "citytwin/formats/TileSource.h"
#include "citytwin/formats/TilesetJson.h"
#include "citytwin/geo/Result.h"

namespace citytwin::formats {

/// Morton (Z-order) index of a tile's coordinates within its level: bit b
/// of x, y (and z for an octree) at bits 2b, 2b+1 (3b, 3b+1, 3b+2).
std::uint64_t mortonIndex(std::uint64_t x, std::uint64_t y, std::uint64_t z, bool octree);

/// The bit of a tile in a subtree's tile and content availability: the
/// tiles of the subtree's levels above `localLevel`, then its Morton index.
std::uint64_t subtreeTileIndex(unsigned localLevel, std::uint64_t x, std::uint64_t y,
                               std::uint64_t z, bool octree);

struct ImplicitTilingLimits {
    std::size_t maxTiles = 200000;  ///< beyond this the expansion stops with a warning
};

/// `tile` holds "implicitTiling"; `document` is the tileset.json naming it
/// (template URIs are relative to it); `field` names the tile in messages.
/// A broken root subtree is an error; broken deeper subtrees are warnings.
geo::Result<nlohmann::json> expandImplicitTiling(const nlohmann::json& tile,
                                                 const std::string& document,
                                                 const TileSource& source, const std::string& field,
                                                 const ImplicitTilingLimits& limits = {});

/// The same for a parsed tile holding implicitTiling: the explicit tree as
/// typed tiles, paths below the tile's ("root.children[3].children[0]"),
/// each with its refine, geometric error, bounding volume (none where the
/// implicit root has none) and contents. The tile's transform and
/// viewerRequestVolume are not copied.
geo::Result<TilesetTile> expandImplicitTiling(const TilesetTile& tile, const std::string& document,
                                              const TileSource& source,
                                              const ImplicitTilingLimits& limits = {});

}  // namespace citytwin::formats
