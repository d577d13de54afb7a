#pragma once
// tileset.json (3D Tiles 1.0 and 1.1) as typed values: the tile tree with
// its bounding volumes, refinement, transforms, content URIs and implicit
// tiling, before anything is built from it. Every message names the JSON
// path of what it is about ("root.children[2].transform").
//
// A tileset without a root tile object fails. Below the root the parse is
// lenient, as a viewer must be with tilesets found in the wild: a broken
// tile is an error diagnostic and is left out with its subtree, a broken
// content is an error and left out, an unusable bounding volume is a
// warning and absent; the rest of the tree is kept.

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "citytwin/geo/Result.h"

namespace citytwin::formats {

enum class Refine { Add, Replace };

/// Centre, then the three half-axis vectors (12 numbers).
struct BoundingBox {
    std::array<double, 12> values{};
};
/// West, south, east, north (radians), minimum and maximum height (metres).
struct BoundingRegion {
    std::array<double, 6> values{};
};
/// Centre and radius.
struct BoundingSphere {
    std::array<double, 4> values{};
};
using BoundingVolume = std::variant<BoundingBox, BoundingRegion, BoundingSphere>;

enum class SubdivisionScheme { Quadtree, Octree };

/// 3D Tiles 1.1 implicit tiling of a tile (the subtrees are read later):
/// subtreeLevels small enough for a subtree's Morton indices (at most 18 for
/// a quadtree, 12 for an octree), availableLevels from 1 to 30.
struct ImplicitTilingInfo {
    SubdivisionScheme scheme = SubdivisionScheme::Quadtree;
    unsigned subtreeLevels = 0;
    unsigned availableLevels = 0;
    std::string subtreesUri;  ///< template with {level}, {x}, {y} ({z})
};

struct TilesetTile {
    /// JSON path in its document ("root", "root.children[0]"): with the
    /// document's location, the tile's stable id.
    std::string path;
    std::optional<BoundingVolume> boundingVolume;
    std::optional<BoundingVolume> viewerRequestVolume;
    double geometricError = 0.0;                      ///< 0 if absent
    std::optional<Refine> refine;                     ///< absent: the parent's
    std::optional<std::array<double, 16>> transform;  ///< column-major
    /// "content" first, then "contents" in order; pre-1.0 "url" accepted.
    std::vector<std::string> contentUris;
    /// The JSON path of each of contentUris ("root.contents[1]").
    std::vector<std::string> contentPaths;
    std::optional<ImplicitTilingInfo> implicitTiling;
    /// "implicitTiling" is there but unusable (an error says why): the tile
    /// cannot be expanded, and a loader leaves it out.
    bool implicitTilingBroken = false;
    std::vector<TilesetTile> children;
};

struct Tileset {
    std::optional<std::string> assetVersion;
    std::optional<double> geometricError;
    std::vector<std::string> extensionsRequired;
    TilesetTile root;
};

/// Parses a tileset.json document; `source` names it in messages.
geo::Result<Tileset> parseTilesetJson(std::span<const std::uint8_t> bytes,
                                      const std::string& source);

/// One tile and its subtree, `path` naming it; fails if it is not an object
/// or its transform is not 16 numbers.
geo::Result<TilesetTile> parseTilesetTile(const nlohmann::json& tile, const std::string& source,
                                          const std::string& path);

/// A box, region or sphere; nothing if it is none of them with the right
/// count of finite numbers.
std::optional<BoundingVolume> parseBoundingVolume(const nlohmann::json& volume);

}  // namespace citytwin::formats
