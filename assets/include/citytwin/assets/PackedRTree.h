#pragma once
// A static R-tree bulk-loaded by Sort-Tile-Recursive (Leutenegger et al.
// 1997): boxes are packed once when a project is loaded and then only
// queried, so there is no insert/split logic and nodes are full. Points,
// cable segments and polygons of very different sizes share one structure,
// unlike a fixed grid that needs a cell size tuned to the data.
//
// Thread safety: const queries may run concurrently.

#include <cstdint>
#include <vector>

#include "citytwin/geo/GeoTypes.h"

namespace citytwin::assets {

class PackedRTree {
public:
    struct Item {
        geo::Extent box;
        std::uint32_t value = 0;  ///< caller's index
    };

    PackedRTree() = default;
    /// Builds the tree; items with an empty box are ignored.
    explicit PackedRTree(std::vector<Item> items, int nodeCapacity = 16);

    /// Appends the values of every item whose box intersects `box`.
    void query(const geo::Extent& box, std::vector<std::uint32_t>& out) const;
    std::size_t size() const { return _leafCount; }

private:
    struct Node {
        geo::Extent box;
        std::uint32_t first = 0;  ///< first child (node index, or item index at level 0)
        std::uint32_t count = 0;
    };
    // _levels[0] holds the leaves' parents over _items; the last level is the root.
    std::vector<Item> _items;
    std::vector<std::vector<Node>> _levels;
    std::size_t _leafCount = 0;
};

}  // namespace citytwin::assets
