#include "TileHeader.h"

#include <cstring>

#include "TileBytes.h"

namespace citytwin::formats::detail {

geo::Result<TileTables> splitTileTables(std::span<const std::uint8_t> bytes, const char* magic,
                                        std::size_t headerSize, const std::string& source) {
    using R = geo::Result<TileTables>;
    const std::string kind(magic, 4);
    if (bytes.size() < headerSize)
        return R::failure(kind + " is " + std::to_string(bytes.size()) +
                              " bytes, shorter than its " + std::to_string(headerSize) +
                              "-byte header",
                          source, 0, "byteLength");
    if (std::memcmp(bytes.data(), magic, 4) != 0)
        return R::failure("not a " + kind + ": the magic is not '" + kind + "'", source, 0,
                          "magic");
    const std::uint32_t version = readU32(bytes.data() + 4);
    if (version != 1)
        return R::failure(
            kind + " version " + std::to_string(version) + " is not supported (only 1)", source, 0,
            "version");
    TileTables t;
    t.byteLength = readU32(bytes.data() + 8);
    if (t.byteLength > bytes.size())
        return R::failure(kind + " header declares " + std::to_string(t.byteLength) +
                              " bytes but only " + std::to_string(bytes.size()) +
                              " are there (truncated?)",
                          source, 0, "byteLength");
    if (t.byteLength < headerSize)
        return R::failure(
            kind + " byteLength " + std::to_string(t.byteLength) + " is shorter than its header",
            source, 0, "byteLength");
    const std::uint64_t ftJson = readU32(bytes.data() + 12), ftBin = readU32(bytes.data() + 16);
    const std::uint64_t btJson = readU32(bytes.data() + 20), btBin = readU32(bytes.data() + 24);
    const std::uint64_t end = headerSize + ftJson + ftBin + btJson + btBin;
    if (end > t.byteLength)
        return R::failure(kind + " feature and batch table lengths (" +
                              std::to_string(end - headerSize) +
                              " bytes) run past its byteLength " + std::to_string(t.byteLength),
                          source, 0, "featureTableJSONByteLength");
    const char* base = reinterpret_cast<const char*>(bytes.data());
    std::size_t at = headerSize;
    t.featureTableJson = std::string_view(base + at, ftJson);
    at += ftJson;
    t.featureTableBinary = bytes.subspan(at, ftBin);
    at += ftBin;
    t.batchTableJson = std::string_view(base + at, btJson);
    at += btJson;
    t.batchTableBinary = bytes.subspan(at, btBin);
    at += btBin;
    t.body = bytes.subspan(at, t.byteLength - at);
    return t;
}

}  // namespace citytwin::formats::detail
