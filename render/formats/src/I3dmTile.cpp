#include "citytwin/formats/I3dmTile.h"

#include <cmath>

#include "TileBytes.h"
#include "TileFeatureTable.h"
#include "TileHeader.h"
#include "citytwin/formats/PntsTile.h"

namespace citytwin::formats {
namespace {

using R = geo::Result<I3dmTile>;

/// Reads a per-instance direction, plain or oct-encoded (16 bits a component).
geo::Result<std::vector<geo::Vec3d>> directions(const TileFeatureTable& ft, const std::string& name,
                                                std::size_t n) {
    std::vector<geo::Vec3d> out(n);
    if (ft.has(name)) {
        auto v = ft.values(name, n, 3, "FLOAT", {"FLOAT"});
        if (!v)
            return geo::Result<std::vector<geo::Vec3d>>(v.diagnostics().front());
        for (std::size_t i = 0; i < n; ++i)
            out[i] = {(*v)[3 * i], (*v)[3 * i + 1], (*v)[3 * i + 2]};
        return out;
    }
    auto v = ft.values(name + "_OCT32P", n, 2, "UNSIGNED_SHORT", {"UNSIGNED_SHORT"});
    if (!v)
        return geo::Result<std::vector<geo::Vec3d>>(v.diagnostics().front());
    for (std::size_t i = 0; i < n; ++i)
        out[i] = decodeOctNormal((*v)[2 * i], (*v)[2 * i + 1], 65535.0);
    return out;
}

}  // namespace

bool hasI3dmMagic(std::span<const std::uint8_t> bytes) {
    return bytes.size() >= 4 && bytes[0] == 'i' && bytes[1] == '3' && bytes[2] == 'd' &&
           bytes[3] == 'm';
}

geo::Result<I3dmTile> parseI3dm(std::span<const std::uint8_t> bytes, const std::string& source) {
    auto tables = detail::splitTileTables(bytes, "i3dm", 32, source);
    CITYTWIN_RETURN_IF_FAILED(tables);
    I3dmTile tile;
    const std::uint32_t format = detail::readU32(bytes.data() + 28);
    if (format > 1)
        return R::failure(
            "gltfFormat " + std::to_string(format) + " is neither 0 (URI) nor 1 (embedded)", source,
            0, "gltfFormat");
    tile.embeddedGltf = format == 1;
    if (tables->body.empty())
        return R::failure("i3dm holds no glTF", source, 0, "gltf");
    if (tile.embeddedGltf) {
        tile.glb = tables->body;
    } else {
        std::string uri(reinterpret_cast<const char*>(tables->body.data()), tables->body.size());
        while (!uri.empty() && (uri.back() == '\0' || uri.back() == ' '))
            uri.pop_back();
        if (uri.empty())
            return R::failure("i3dm glTF URI is empty", source, 0, "gltf");
        tile.gltfUri = uri;
    }
    auto ft = TileFeatureTable::parse(tables->featureTableJson, tables->featureTableBinary, source,
                                      "feature table");
    CITYTWIN_RETURN_IF_FAILED(ft);
    auto length = ft->count("INSTANCES_LENGTH");
    CITYTWIN_RETURN_IF_FAILED(length);
    if (!*length)
        return R::failure("the feature table has no INSTANCES_LENGTH", source, 0,
                          "INSTANCES_LENGTH");
    const std::size_t n = **length;

    auto positions = ft->positions(n);
    CITYTWIN_RETURN_IF_FAILED(positions);
    const std::vector<double>& xyz = positions.value();
    auto rtc = ft->vec3("RTC_CENTER");
    CITYTWIN_RETURN_IF_FAILED(rtc);
    const geo::Vec3d base = *rtc ? **rtc : geo::Vec3d{0, 0, 0};
    tile.instances.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        tile.instances[i].position = {base.x + xyz[3 * i], base.y + xyz[3 * i + 1],
                                      base.z + xyz[3 * i + 2]};
        tile.instances[i].batchId = std::uint32_t(i);
        if (!std::isfinite(xyz[3 * i]) || !std::isfinite(xyz[3 * i + 1]) ||
            !std::isfinite(xyz[3 * i + 2]))
            return R::failure("instance " + std::to_string(i) + " has a non-finite position",
                              source, 0, "POSITION");
    }
    if (auto enu = ft->json().find("EAST_NORTH_UP"); enu != ft->json().end()) {
        if (!enu->is_boolean())
            return R::failure("EAST_NORTH_UP is not a boolean", source, 0, "EAST_NORTH_UP");
        tile.eastNorthUp = enu->get<bool>();
    }
    const bool plain = ft->has("NORMAL_UP") || ft->has("NORMAL_RIGHT");
    const bool oct = ft->has("NORMAL_UP_OCT32P") || ft->has("NORMAL_RIGHT_OCT32P");
    if (plain || oct) {
        auto up = directions(*ft, "NORMAL_UP", n);
        CITYTWIN_RETURN_IF_FAILED(up);
        auto right = directions(*ft, "NORMAL_RIGHT", n);
        CITYTWIN_RETURN_IF_FAILED(right);
        for (std::size_t i = 0; i < n; ++i) {
            tile.instances[i].up = (*up)[i];
            tile.instances[i].right = (*right)[i];
        }
    }
    if (ft->has("SCALE_NON_UNIFORM")) {
        auto s = ft->values("SCALE_NON_UNIFORM", n, 3, "FLOAT", {"FLOAT"});
        CITYTWIN_RETURN_IF_FAILED(s);
        for (std::size_t i = 0; i < n; ++i)
            tile.instances[i].scale = {(*s)[3 * i], (*s)[3 * i + 1], (*s)[3 * i + 2]};
    } else if (ft->has("SCALE")) {
        auto s = ft->values("SCALE", n, 1, "FLOAT", {"FLOAT"});
        CITYTWIN_RETURN_IF_FAILED(s);
        for (std::size_t i = 0; i < n; ++i)
            tile.instances[i].scale = {(*s)[i], (*s)[i], (*s)[i]};
    }
    tile.batchLength = std::uint32_t(n);
    if (ft->has("BATCH_ID")) {
        auto ids = ft->values("BATCH_ID", n, 1, "UNSIGNED_SHORT",
                              {"UNSIGNED_BYTE", "UNSIGNED_SHORT", "UNSIGNED_INT"});
        CITYTWIN_RETURN_IF_FAILED(ids);
        auto batchLength = ft->count("BATCH_LENGTH");
        CITYTWIN_RETURN_IF_FAILED(batchLength);
        std::uint32_t maxId = 0;
        for (std::size_t i = 0; i < n; ++i) {
            tile.instances[i].batchId = std::uint32_t((*ids)[i]);
            maxId = std::max(maxId, tile.instances[i].batchId);
        }
        tile.batchLength = *batchLength ? **batchLength : maxId + 1;
        if (n && maxId >= tile.batchLength)
            return R::failure("BATCH_ID " + std::to_string(maxId) + " is not below BATCH_LENGTH " +
                                  std::to_string(tile.batchLength),
                              source, 0, "BATCH_ID");
    }
    tile.batchTableJson = tables->batchTableJson;
    tile.batchTableBinary = tables->batchTableBinary;
    return tile;
}

}  // namespace citytwin::formats
