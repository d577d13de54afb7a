#include "citytwin/formats/B3dmTile.h"

#include <nlohmann/json.hpp>

#include <cstring>

namespace citytwin::formats {
namespace {

std::uint32_t readU32(const std::uint8_t* p) {
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 |
           std::uint32_t(p[3]) << 24;
}

/// RTC_CENTER as a JSON array, or as a reference to 3 float32 in the
/// feature table's binary body.
std::optional<geo::Vec3d> readRtcCenter(const nlohmann::json& value,
                                        std::span<const std::uint8_t> binary) {
    if (value.is_array()) {
        if (value.size() != 3 || !value[0].is_number() || !value[1].is_number() ||
            !value[2].is_number())
            return std::nullopt;
        return geo::Vec3d{value[0].get<double>(), value[1].get<double>(), value[2].get<double>()};
    }
    if (!value.is_object() || !value.contains("byteOffset") ||
        !value["byteOffset"].is_number_unsigned())
        return std::nullopt;
    const std::uint64_t offset = value["byteOffset"].get<std::uint64_t>();
    if (offset > binary.size() || binary.size() - offset < 12)
        return std::nullopt;
    float xyz[3];
    std::memcpy(xyz, binary.data() + offset, 12);
    return geo::Vec3d{xyz[0], xyz[1], xyz[2]};
}

}  // namespace

bool hasB3dmMagic(std::span<const std::uint8_t> bytes) {
    return bytes.size() >= 4 && bytes[0] == 'b' && bytes[1] == '3' && bytes[2] == 'd' &&
           bytes[3] == 'm';
}

geo::Result<B3dmTile> parseB3dm(std::span<const std::uint8_t> bytes, const std::string& source) {
    using R = geo::Result<B3dmTile>;
    constexpr std::size_t kHeader = 28;
    if (bytes.size() < kHeader)
        return R::failure(
            "b3dm is " + std::to_string(bytes.size()) + " bytes, shorter than its 28-byte header",
            source, 0, "byteLength");
    if (!hasB3dmMagic(bytes))
        return R::failure("not a b3dm: the magic is not 'b3dm'", source, 0, "magic");
    const std::uint32_t version = readU32(bytes.data() + 4);
    if (version != 1)
        return R::failure("b3dm version " + std::to_string(version) + " is not supported (only 1)",
                          source, 0, "version");
    B3dmTile tile;
    tile.byteLength = readU32(bytes.data() + 8);
    const std::uint64_t ftJson = readU32(bytes.data() + 12), ftBin = readU32(bytes.data() + 16);
    const std::uint64_t btJson = readU32(bytes.data() + 20), btBin = readU32(bytes.data() + 24);
    if (tile.byteLength > bytes.size())
        return R::failure("b3dm header declares " + std::to_string(tile.byteLength) +
                              " bytes but only " + std::to_string(bytes.size()) +
                              " are there (truncated?)",
                          source, 0, "byteLength");
    // Pre-1.0 tiles put batchLength here; their lengths look absurd as 1.0 fields.
    if (btJson >= 570425344u)
        return R::failure("legacy (pre-1.0) b3dm header is not supported", source, 0,
                          "batchTableJSONByteLength");
    const std::uint64_t glbStart = kHeader + ftJson + ftBin + btJson + btBin;
    if (glbStart > tile.byteLength)
        return R::failure("b3dm feature and batch table lengths (" +
                              std::to_string(glbStart - kHeader) +
                              " bytes) run past its byteLength " + std::to_string(tile.byteLength),
                          source, 0, "featureTableJSONByteLength");
    const char* base = reinterpret_cast<const char*>(bytes.data());
    tile.featureTableJson = std::string_view(base + kHeader, ftJson);
    tile.batchTableJson = std::string_view(base + kHeader + ftJson + ftBin, btJson);
    tile.batchTableBinary = bytes.subspan(kHeader + ftJson + ftBin + btJson, btBin);
    tile.glb = bytes.subspan(glbStart, tile.byteLength - glbStart);

    if (!tile.featureTableJson.empty()) {
        const auto ft = nlohmann::json::parse(tile.featureTableJson, nullptr, false);
        if (ft.is_discarded() || !ft.is_object())
            return R::failure("b3dm feature table is not a JSON object", source, 0, "featureTable");
        if (auto it = ft.find("BATCH_LENGTH"); it != ft.end()) {
            if (!it->is_number_unsigned())
                return R::failure("BATCH_LENGTH is not an unsigned integer", source, 0,
                                  "BATCH_LENGTH");
            tile.batchLength = it->get<std::uint32_t>();
        }
        if (auto it = ft.find("RTC_CENTER"); it != ft.end()) {
            auto center = readRtcCenter(*it, bytes.subspan(kHeader + ftJson, ftBin));
            if (!center)
                return R::failure(
                    "RTC_CENTER must be 3 numbers or {\"byteOffset\"} to 3 floats inside the "
                    "feature table binary",
                    source, 0, "RTC_CENTER");
            tile.rtcCenter = center;
        }
    }
    if (tile.glb.empty())
        return R::failure("b3dm holds no glTF", source, 0, "glb");
    return tile;
}

}  // namespace citytwin::formats
