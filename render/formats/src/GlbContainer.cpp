#include "citytwin/formats/GlbContainer.h"

#include <cstring>

namespace citytwin::formats {
namespace {

constexpr std::uint32_t kMagic = 0x46546C67;      // "glTF"
constexpr std::uint32_t kJsonChunk = 0x4E4F534A;  // "JSON"
constexpr std::uint32_t kBinChunk = 0x004E4942;   // "BIN\0"

std::uint32_t readU32(const std::uint8_t* p) {
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 |
           std::uint32_t(p[3]) << 24;
}

}  // namespace

bool hasGlbMagic(std::span<const std::uint8_t> bytes) {
    return bytes.size() >= 4 && readU32(bytes.data()) == kMagic;
}

geo::Result<GlbChunks> parseGlb(std::span<const std::uint8_t> bytes, const std::string& source) {
    using R = geo::Result<GlbChunks>;
    if (bytes.size() < 12)
        return R::failure(
            "GLB is " + std::to_string(bytes.size()) + " bytes, shorter than its 12-byte header",
            source, 0, "length");
    if (!hasGlbMagic(bytes))
        return R::failure("not a GLB: the magic is not 'glTF'", source, 0, "magic");
    GlbChunks glb;
    glb.version = readU32(bytes.data() + 4);
    glb.length = readU32(bytes.data() + 8);
    if (glb.version != 2)
        return R::failure(
            "GLB version " + std::to_string(glb.version) + " is not supported (only 2)", source, 0,
            "version");
    if (glb.length > bytes.size())
        return R::failure("GLB header declares " + std::to_string(glb.length) + " bytes but only " +
                              std::to_string(bytes.size()) + " are there (truncated?)",
                          source, 0, "length");
    if (glb.length < 20)
        return R::failure(
            "GLB declares " + std::to_string(glb.length) + " bytes: no room for a JSON chunk",
            source, 0, "length");

    std::size_t offset = 12;
    bool first = true;
    while (offset + 8 <= glb.length) {
        const std::uint32_t chunkLength = readU32(bytes.data() + offset);
        const std::uint32_t chunkType = readU32(bytes.data() + offset + 4);
        const std::size_t start = offset + 8;
        if (chunkLength > glb.length - start)
            return R::failure("GLB chunk at byte " + std::to_string(offset) + " declares " +
                                  std::to_string(chunkLength) +
                                  " bytes, past the end of the file (" +
                                  std::to_string(glb.length) + " bytes)",
                              source, 0, "chunkLength");
        if (first && chunkType != kJsonChunk)
            return R::failure("the first GLB chunk is not JSON", source, 0, "chunkType");
        if (first) {
            glb.json =
                std::string_view(reinterpret_cast<const char*>(bytes.data() + start), chunkLength);
        } else if (chunkType == kBinChunk && glb.bin.empty()) {
            glb.bin = bytes.subspan(start, chunkLength);
        }  // other chunk types are skipped, as the specification asks
        first = false;
        // Chunks are 4-byte aligned; a last chunk may end unpadded in the wild.
        offset = start + ((std::size_t(chunkLength) + 3u) & ~std::size_t(3));
    }
    if (first)
        return R::failure("GLB has no JSON chunk", source, 0, "chunkType");
    return glb;
}

}  // namespace citytwin::formats
