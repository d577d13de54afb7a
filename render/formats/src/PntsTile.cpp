#include "citytwin/formats/PntsTile.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

#include "PntsDracoDecoder.h"
#include "TileFeatureTable.h"
#include "TileHeader.h"

namespace citytwin::formats {
namespace {

using R = geo::Result<PntsTile>;

/// Per-point semantics from the Draco bitstream when the extension
/// compresses them, otherwise from the feature table.
class PointValues {
public:
    PointValues(const TileFeatureTable& ft, detail::DracoPoints draco)
        : _ft(ft), _draco(std::move(draco)) {}

    bool has(const std::string& name) const { return _ft.has(name) || hasDraco(name); }
    bool hasDraco(const std::string& name) const { return _draco.semantics.count(name) != 0; }

    /// Each semantic is read once, so Draco's values are handed over.
    geo::Result<std::vector<double>> values(const std::string& name, std::size_t elements,
                                            int components, const std::string& defaultType,
                                            std::initializer_list<const char*> allowed) {
        if (auto it = _draco.semantics.find(name); it != _draco.semantics.end())
            return std::move(it->second);
        return _ft.values(name, elements, components, defaultType, allowed);
    }

private:
    const TileFeatureTable& _ft;
    detail::DracoPoints _draco;
};

}  // namespace

bool hasPntsMagic(std::span<const std::uint8_t> bytes) {
    return bytes.size() >= 4 && bytes[0] == 'p' && bytes[1] == 'n' && bytes[2] == 't' &&
           bytes[3] == 's';
}

geo::Vec3d decodeOctNormal(double x, double y, double range) {
    x = std::clamp(x / range, 0.0, 1.0) * 2.0 - 1.0;
    y = std::clamp(y / range, 0.0, 1.0) * 2.0 - 1.0;
    double z = 1.0 - std::abs(x) - std::abs(y);
    if (z < 0.0) {
        const double oldX = x;
        x = (1.0 - std::abs(y)) * (oldX >= 0.0 ? 1.0 : -1.0);
        y = (1.0 - std::abs(oldX)) * (y >= 0.0 ? 1.0 : -1.0);
    }
    const double length = std::sqrt(x * x + y * y + z * z);
    return length > 0.0 ? geo::Vec3d{x / length, y / length, z / length} : geo::Vec3d{0, 0, 1};
}

geo::Result<PntsTile> parsePnts(std::span<const std::uint8_t> bytes, const std::string& source) {
    auto tables = detail::splitTileTables(bytes, "pnts", 28, source);
    CITYTWIN_RETURN_IF_FAILED(tables);
    auto ft = TileFeatureTable::parse(tables->featureTableJson, tables->featureTableBinary, source,
                                      "feature table");
    CITYTWIN_RETURN_IF_FAILED(ft);
    auto bt = TileFeatureTable::parse(tables->batchTableJson, tables->batchTableBinary, source,
                                      "batch table");
    auto length = ft->count("POINTS_LENGTH");
    CITYTWIN_RETURN_IF_FAILED(length);
    if (!*length)
        return R::failure("the feature table has no POINTS_LENGTH", source, 0, "POINTS_LENGTH");
    PntsTile tile;
    tile.pointCount = **length;
    const std::size_t n = tile.pointCount;
    tile.batchTableJson = tables->batchTableJson;
    tile.batchTableBinary = tables->batchTableBinary;

    // A batch table that does not parse is the batch layer's warning, not ours.
    static const nlohmann::json kNoBatchTable = nlohmann::json::object();
    auto draco = detail::decodeDracoPoints(ft->json(), tables->featureTableBinary,
                                           bt ? bt->json() : kNoBatchTable,
                                           tables->batchTableBinary, tile.pointCount, source);
    CITYTWIN_RETURN_IF_FAILED(draco);
    if (draco->batchTable) {
        tile.decodedBatchTable = draco->batchTable;
        tile.batchTableJson = tile.decodedBatchTable->json;
        tile.batchTableBinary = tile.decodedBatchTable->binary;
    }
    PointValues points(*ft, std::move(draco.value()));

    // Positions in double first; floats only once relative to their centre.
    // Draco's POSITION if the bitstream has one, else the feature table's.
    auto positions = points.hasDraco("POSITION")
                         ? points.values("POSITION", n, 3, "FLOAT", {"FLOAT"})
                         : ft->positions(n);
    CITYTWIN_RETURN_IF_FAILED(positions);
    const std::vector<double>& xyz = positions.value();
    auto rtc = ft->vec3("RTC_CENTER");
    CITYTWIN_RETURN_IF_FAILED(rtc);
    double lo[3], hi[3];
    for (int k = 0; k < 3; ++k) {
        lo[k] = std::numeric_limits<double>::max();
        hi[k] = -lo[k];
    }
    for (std::size_t i = 0; i < n; ++i)
        for (int k = 0; k < 3; ++k) {
            const double v = xyz[3 * i + std::size_t(k)];
            if (!std::isfinite(v))
                return R::failure("point " + std::to_string(i) + " has a non-finite coordinate",
                                  source, 0, "POSITION");
            lo[k] = std::min(lo[k], v);
            hi[k] = std::max(hi[k], v);
        }
    const double centre[3] = {0.5 * (lo[0] + hi[0]), 0.5 * (lo[1] + hi[1]), 0.5 * (lo[2] + hi[2])};
    const geo::Vec3d base = *rtc ? **rtc : geo::Vec3d{0, 0, 0};
    tile.origin = {base.x + centre[0], base.y + centre[1], base.z + centre[2]};
    tile.positions.resize(3 * n);
    for (std::size_t i = 0; i < 3 * n; ++i)
        tile.positions[i] = float(xyz[i] - centre[i % 3]);

    if (points.has("RGBA") || points.has("RGB")) {
        const bool alpha = points.has("RGBA");
        const int c = alpha ? 4 : 3;
        auto v = points.values(alpha ? "RGBA" : "RGB", n, c, "UNSIGNED_BYTE", {"UNSIGNED_BYTE"});
        CITYTWIN_RETURN_IF_FAILED(v);
        tile.colors.resize(4 * n, 255);
        for (std::size_t i = 0; i < n; ++i)
            for (int k = 0; k < c; ++k)
                tile.colors[4 * i + std::size_t(k)] =
                    std::uint8_t((*v)[i * std::size_t(c) + std::size_t(k)]);
    } else if (ft->has("RGB565")) {
        auto v = ft->values("RGB565", n, 1, "UNSIGNED_SHORT", {"UNSIGNED_SHORT"});
        CITYTWIN_RETURN_IF_FAILED(v);
        tile.colors.resize(4 * n, 255);
        for (std::size_t i = 0; i < n; ++i) {
            const auto c = std::uint32_t((*v)[i]);
            tile.colors[4 * i] = std::uint8_t(((c >> 11) & 31u) * 255u / 31u);
            tile.colors[4 * i + 1] = std::uint8_t(((c >> 5) & 63u) * 255u / 63u);
            tile.colors[4 * i + 2] = std::uint8_t((c & 31u) * 255u / 31u);
        }
    }
    if (auto c = ft->json().find("CONSTANT_RGBA"); c != ft->json().end()) {
        if (!c->is_array() || c->size() != 4)
            return R::failure("CONSTANT_RGBA must be 4 numbers 0..255", source, 0, "CONSTANT_RGBA");
        std::array<std::uint8_t, 4> rgba{};
        for (std::size_t k = 0; k < 4; ++k) {
            if (!(*c)[k].is_number_unsigned() || (*c)[k].get<std::uint64_t>() > 255)
                return R::failure("CONSTANT_RGBA must be 4 numbers 0..255", source, 0,
                                  "CONSTANT_RGBA");
            rgba[k] = (*c)[k].get<std::uint8_t>();
        }
        tile.constantColor = rgba;
    }
    if (points.has("NORMAL")) {
        auto v = points.values("NORMAL", n, 3, "FLOAT", {"FLOAT"});
        CITYTWIN_RETURN_IF_FAILED(v);
        tile.normals.assign(v->begin(), v->end());
    } else if (ft->has("NORMAL_OCT16P")) {
        auto v = ft->values("NORMAL_OCT16P", n, 2, "UNSIGNED_BYTE", {"UNSIGNED_BYTE"});
        CITYTWIN_RETURN_IF_FAILED(v);
        tile.normals.resize(3 * n);
        for (std::size_t i = 0; i < n; ++i) {
            const geo::Vec3d d = decodeOctNormal((*v)[2 * i], (*v)[2 * i + 1], 255.0);
            tile.normals[3 * i] = float(d.x);
            tile.normals[3 * i + 1] = float(d.y);
            tile.normals[3 * i + 2] = float(d.z);
        }
    }
    if (points.has("BATCH_ID")) {
        auto batchLength = ft->count("BATCH_LENGTH");
        CITYTWIN_RETURN_IF_FAILED(batchLength);
        if (!*batchLength)
            return R::failure("BATCH_ID needs BATCH_LENGTH", source, 0, "BATCH_LENGTH");
        tile.batchLength = **batchLength;
        auto ids = points.values("BATCH_ID", n, 1, "UNSIGNED_SHORT",
                                 {"UNSIGNED_BYTE", "UNSIGNED_SHORT", "UNSIGNED_INT"});
        CITYTWIN_RETURN_IF_FAILED(ids);
        tile.batchIds.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            tile.batchIds[i] = std::uint32_t((*ids)[i]);
            if (tile.batchIds[i] >= tile.batchLength)
                return R::failure("BATCH_ID " + std::to_string(tile.batchIds[i]) + " of point " +
                                      std::to_string(i) + " is not below BATCH_LENGTH " +
                                      std::to_string(tile.batchLength),
                                  source, 0, "BATCH_ID");
        }
    } else {
        // Without BATCH_ID a batch table has one entry per point; "{}" has none.
        const auto json = nlohmann::json::parse(tables->batchTableJson, nullptr, false);
        if (json.is_object() && !json.empty())
            tile.batchLength = tile.pointCount;
    }
    return tile;
}

}  // namespace citytwin::formats
