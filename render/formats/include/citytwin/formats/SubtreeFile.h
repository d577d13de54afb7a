#pragma once
// 3D Tiles 1.1 implicit tiling subtrees (.subtree binary, or the same JSON
// on its own): which tiles, contents and child subtrees exist, as bitstreams
// (one bit per tile in Morton order, least significant bit first) or
// constants. Buffer views and bitstream lengths are checked against the
// bytes before any bit is read.

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "citytwin/geo/Result.h"

namespace citytwin::formats {

/// One availability: a constant, or a bitstream of at least `count` bits.
class SubtreeAvailability {
public:
    static SubtreeAvailability constant(bool available) {
        SubtreeAvailability a;
        a._constant = available;
        return a;
    }
    static SubtreeAvailability bits(std::vector<std::uint8_t> bytes) {
        SubtreeAvailability a;
        a._bits = std::move(bytes);
        a._isConstant = false;
        return a;
    }
    bool isAvailable(std::uint64_t index) const {
        if (_isConstant)
            return _constant;
        return index / 8 < _bits.size() && (_bits[index / 8] >> (index % 8)) & 1u;
    }

private:
    bool _isConstant = true;
    bool _constant = false;
    std::vector<std::uint8_t> _bits;
};

struct SubtreeFile {
    SubtreeAvailability tiles;
    std::vector<SubtreeAvailability> contents;  ///< one per content of the tile
    SubtreeAvailability childSubtrees;
};

/// Fetches an external buffer named by a subtree (URI relative to it).
using SubtreeBufferFetcher =
    std::function<geo::Result<std::vector<std::uint8_t>>(const std::string& uri)>;

/// `tileCount` bits are needed for tiles and contents (all levels of the
/// subtree), `childSubtreeCount` for the child subtrees. A document that
/// starts with "subt" is the binary form; one that starts with '{' is JSON.
geo::Result<SubtreeFile> parseSubtree(std::span<const std::uint8_t> bytes,
                                      const std::string& source, std::uint64_t tileCount,
                                      std::uint64_t childSubtreeCount,
                                      const SubtreeBufferFetcher& fetchBuffer);

}  // namespace citytwin::formats
