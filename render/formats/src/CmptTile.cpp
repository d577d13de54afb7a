#include "citytwin/formats/CmptTile.h"

#include "TileBytes.h"

namespace citytwin::formats {

bool hasCmptMagic(std::span<const std::uint8_t> bytes) {
    return bytes.size() >= 4 && bytes[0] == 'c' && bytes[1] == 'm' && bytes[2] == 'p' &&
           bytes[3] == 't';
}

geo::Result<std::vector<std::span<const std::uint8_t>>> parseCmpt(
    std::span<const std::uint8_t> bytes, const std::string& source) {
    using R = geo::Result<std::vector<std::span<const std::uint8_t>>>;
    constexpr std::size_t kHeader = 16;
    if (bytes.size() < kHeader)
        return R::failure(
            "cmpt is " + std::to_string(bytes.size()) + " bytes, shorter than its 16-byte header",
            source, 0, "byteLength");
    if (!hasCmptMagic(bytes))
        return R::failure("not a cmpt: the magic is not 'cmpt'", source, 0, "magic");
    const std::uint32_t version = detail::readU32(bytes.data() + 4);
    if (version != 1)
        return R::failure("cmpt version " + std::to_string(version) + " is not supported (only 1)",
                          source, 0, "version");
    const std::uint32_t byteLength = detail::readU32(bytes.data() + 8);
    const std::uint32_t tilesLength = detail::readU32(bytes.data() + 12);
    if (byteLength > bytes.size())
        return R::failure("cmpt header declares " + std::to_string(byteLength) +
                              " bytes but only " + std::to_string(bytes.size()) +
                              " are there (truncated?)",
                          source, 0, "byteLength");
    if (byteLength < kHeader)
        return R::failure(
            "cmpt byteLength " + std::to_string(byteLength) + " is shorter than its header", source,
            0, "byteLength");
    // Each inner tile takes at least a 12-byte header.
    if (std::uint64_t(tilesLength) * 12 > byteLength - std::min<std::uint32_t>(byteLength, 16))
        return R::failure("cmpt tilesLength " + std::to_string(tilesLength) +
                              " cannot fit in its byteLength " + std::to_string(byteLength),
                          source, 0, "tilesLength");
    std::vector<std::span<const std::uint8_t>> tiles;
    tiles.reserve(tilesLength);
    std::size_t at = kHeader;
    for (std::uint32_t i = 0; i < tilesLength; ++i) {
        const std::string field = "tiles[" + std::to_string(i) + "]";
        if (byteLength - at < 12)
            return R::failure(
                "inner tile " + std::to_string(i) + " header runs past the cmpt's byteLength",
                source, 0, field + ".byteLength");
        const std::uint32_t inner = detail::readU32(bytes.data() + at + 8);
        if (inner < 12 || inner > byteLength - at)
            return R::failure("inner tile " + std::to_string(i) + " byteLength " +
                                  std::to_string(inner) + " runs past the cmpt's byteLength " +
                                  std::to_string(byteLength),
                              source, 0, field + ".byteLength");
        tiles.push_back(bytes.subspan(at, inner));
        at += inner;
    }
    return tiles;
}

}  // namespace citytwin::formats
