#include "PntsDracoDecoder.h"

#include <draco/compression/decode.h>
#include <draco/point_cloud/point_cloud.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>
#include <set>

#include "TileBytes.h"
#include "TileFeatureTable.h"

namespace citytwin::formats::detail {
namespace {

using R = geo::Result<DracoPoints>;

constexpr const char* kExtension = "3DTILES_draco_point_compression";
const std::string kField = std::string("extensions.") + kExtension;
const std::string kBatchField = "batch table." + kField;

const nlohmann::json* extensionOf(const nlohmann::json& table) {
    const auto e = table.find("extensions");
    if (e == table.end() || !e->is_object())
        return nullptr;
    const auto d = e->find(kExtension);
    return d == e->end() ? nullptr : &*d;
}

/// Components the feature table gives each semantic the extension may compress.
int semanticComponents(const std::string& semantic) {
    if (semantic == "POSITION" || semantic == "RGB" || semantic == "NORMAL")
        return 3;
    if (semantic == "RGBA")
        return 4;
    if (semantic == "BATCH_ID")
        return 1;
    return 0;
}

/// The attribute's values must lie in its buffer and every point must map
/// to one of them: a hostile bitstream is never read past its end.
bool attributeIsConsistent(const draco::PointCloud& cloud, const draco::PointAttribute& a) {
    if (!a.buffer() || a.byte_stride() <= 0 || a.byte_offset() < 0)
        return false;
    const auto needed =
        std::uint64_t(a.byte_offset()) + std::uint64_t(a.size()) * std::uint64_t(a.byte_stride());
    if (needed > a.buffer()->data_size())
        return false;
    if (!a.is_mapping_identity() && a.indices_map_size() < cloud.num_points())
        return false;
    for (draco::PointIndex p(0); p < cloud.num_points(); ++p)
        if (a.mapped_index(p).value() >= a.size())
            return false;
    return true;
}

/// `components` values per point, converted by Draco (which refuses values
/// the type cannot hold); quantized attributes arrive dequantized.
template <typename T>
bool readPoints(const draco::PointCloud& cloud, const draco::PointAttribute& a, int components,
                std::vector<T>& out) {
    out.resize(std::size_t(cloud.num_points()) * std::size_t(components));
    for (draco::PointIndex p(0); p < cloud.num_points(); ++p)
        if (!a.ConvertValue<T>(a.mapped_index(p), static_cast<std::int8_t>(components),
                               out.data() + std::size_t(p.value()) * std::size_t(components)))
            return false;
    return true;
}

/// The attribute a property's id names, with the component count it needs.
geo::Result<const draco::PointAttribute*> attributeFor(const draco::PointCloud& cloud,
                                                       const nlohmann::json& id, int components,
                                                       std::set<std::uint32_t>& usedIds,
                                                       const std::string& source,
                                                       const std::string& field) {
    using A = geo::Result<const draco::PointAttribute*>;
    if (!id.is_number_unsigned() ||
        id.get<std::uint64_t>() > std::numeric_limits<std::uint32_t>::max())
        return A::failure("the Draco attribute id must be a non-negative integer", source, 0,
                          field);
    const auto unique = id.get<std::uint32_t>();
    if (!usedIds.insert(unique).second)
        return A::failure("Draco attribute id " + std::to_string(unique) + " is used twice", source,
                          0, field);
    const draco::PointAttribute* a = cloud.GetAttributeByUniqueId(unique);
    if (!a)
        return A::failure("no Draco attribute with id " + std::to_string(unique), source, 0, field);
    if (a->num_components() != components)
        return A::failure("Draco attribute " + std::to_string(unique) + " has " +
                              std::to_string(a->num_components()) + " components, expected " +
                              std::to_string(components),
                          source, 0, field);
    if (!attributeIsConsistent(cloud, *a))
        return A::failure("Draco attribute " + std::to_string(unique) + " is inconsistent", source,
                          0, field);
    return a;
}

bool isFloat(const draco::PointAttribute& a) {
    return a.data_type() == draco::DT_FLOAT32 || a.data_type() == draco::DT_FLOAT64;
}

/// One feature-table semantic as the plain path reads it: colours 0..255
/// (float colours are 0..1), batch ids whole numbers.
bool readSemantic(const draco::PointCloud& cloud, const draco::PointAttribute& a,
                  const std::string& semantic, int components, std::vector<double>& out) {
    const bool colour = semantic == "RGB" || semantic == "RGBA";
    if (colour && !isFloat(a)) {
        std::vector<std::uint8_t> bytes;
        if (!readPoints(cloud, a, components, bytes))
            return false;
        out.assign(bytes.begin(), bytes.end());
        return true;
    }
    if (semantic == "BATCH_ID") {
        std::vector<std::uint32_t> ids;
        if (!readPoints(cloud, a, components, ids))
            return false;
        out.assign(ids.begin(), ids.end());
        return true;
    }
    if (!readPoints(cloud, a, components, out))
        return false;
    if (colour)
        for (double& v : out)
            v = std::clamp(v * 255.0, 0.0, 255.0);
    return true;
}

/// Appends a compressed batch property to `binary` in the component type
/// the batch table declares.
template <typename T>
bool appendAs(const draco::PointCloud& cloud, const draco::PointAttribute& a, int components,
              std::vector<std::uint8_t>& binary) {
    std::vector<T> values;
    if (!readPoints(cloud, a, components, values))
        return false;
    const std::size_t at = binary.size();
    binary.resize(at + values.size() * sizeof(T));
    if (!values.empty())
        std::memcpy(binary.data() + at, values.data(), values.size() * sizeof(T));
    return true;
}

bool appendComponents(const draco::PointCloud& cloud, const draco::PointAttribute& a,
                      int components, const std::string& type, std::vector<std::uint8_t>& binary) {
    if (type == "BYTE")
        return appendAs<std::int8_t>(cloud, a, components, binary);
    if (type == "UNSIGNED_BYTE")
        return appendAs<std::uint8_t>(cloud, a, components, binary);
    if (type == "SHORT")
        return appendAs<std::int16_t>(cloud, a, components, binary);
    if (type == "UNSIGNED_SHORT")
        return appendAs<std::uint16_t>(cloud, a, components, binary);
    if (type == "INT")
        return appendAs<std::int32_t>(cloud, a, components, binary);
    if (type == "UNSIGNED_INT")
        return appendAs<std::uint32_t>(cloud, a, components, binary);
    if (type == "FLOAT")
        return appendAs<float>(cloud, a, components, binary);
    if (type == "DOUBLE")
        return appendAs<double>(cloud, a, components, binary);
    return false;
}

/// The batch table with each compressed property decoded after the original
/// binary body (8-byte aligned) and its byteOffset pointing there; the
/// extension itself is dropped so the table reads like a plain one.
geo::Result<std::shared_ptr<const PntsTile::DecodedBatchTable>> decodeBatchTable(
    const draco::PointCloud& cloud, const nlohmann::json& batchTable,
    std::span<const std::uint8_t> batchBinary, std::set<std::uint32_t>& usedIds,
    const std::string& source) {
    using B = geo::Result<std::shared_ptr<const PntsTile::DecodedBatchTable>>;
    const nlohmann::json& ext = *extensionOf(batchTable);
    if (!ext.is_object() || !ext.contains("properties") || !ext["properties"].is_object())
        return B::failure("needs a properties object", source, 0, kBatchField);
    auto out = std::make_shared<PntsTile::DecodedBatchTable>();
    nlohmann::json json = batchTable;
    out->binary.assign(batchBinary.begin(), batchBinary.end());
    for (const auto& [name, id] : ext["properties"].items()) {
        const std::string field = kBatchField + ".properties." + name;
        const auto declared = batchTable.find(name);
        if (declared == batchTable.end() || !declared->is_object() || !declared->contains("type") ||
            !declared->contains("componentType") || !(*declared)["type"].is_string() ||
            !(*declared)["componentType"].is_string())
            return B::failure(
                "the batch table declares no property " + name + " with componentType and type",
                source, 0, field);
        const std::string type = (*declared)["componentType"];
        const int components = typeComponents((*declared)["type"]);
        if (components == 0 || componentTypeSize(type) == 0)
            return B::failure("unknown type or componentType", source, 0, field);
        auto a = attributeFor(cloud, id, components, usedIds, source, field);
        CITYTWIN_RETURN_IF_FAILED(a);
        out->binary.resize((out->binary.size() + 7) / 8 * 8, 0);
        json[name]["byteOffset"] = out->binary.size();
        if (!appendComponents(cloud, **a, components, type, out->binary))
            return B::failure("Draco values do not fit componentType " + type, source, 0, field);
    }
    json["extensions"].erase(kExtension);
    if (json["extensions"].empty())
        json.erase("extensions");
    out->json = json.dump();
    return std::shared_ptr<const PntsTile::DecodedBatchTable>(std::move(out));
}

/// The bitstream [byteOffset, byteOffset + byteLength) of the feature table binary.
geo::Result<std::span<const std::uint8_t>> bitstreamOf(const nlohmann::json& ext,
                                                       std::span<const std::uint8_t> binary,
                                                       const std::string& source) {
    using S = geo::Result<std::span<const std::uint8_t>>;
    for (const char* key : {"byteOffset", "byteLength"})
        if (!ext.contains(key) || !ext[key].is_number_unsigned())
            return S::failure("must be a non-negative integer", source, 0, kField + "." + key);
    const auto offset = ext["byteOffset"].get<std::uint64_t>();
    const auto length = ext["byteLength"].get<std::uint64_t>();
    if (offset > binary.size())
        return S::failure("offset " + std::to_string(offset) +
                              " lies past the feature table binary body of " +
                              std::to_string(binary.size()) + " bytes",
                          source, 0, kField + ".byteOffset");
    if (length > binary.size() - offset)
        return S::failure("bytes " + std::to_string(offset) + ".." +
                              std::to_string(offset + length) +
                              " run past the feature table binary body of " +
                              std::to_string(binary.size()) + " bytes",
                          source, 0, kField + ".byteLength");
    return binary.subspan(std::size_t(offset), std::size_t(length));
}

/// The point count a Draco 2.x point cloud without metadata states right
/// after its 11-byte header ("DRACO", version, encoder type, method, flags).
std::optional<std::uint32_t> statedPointCount(std::span<const std::uint8_t> bytes) {
    constexpr std::uint8_t kPointCloud = 0;
    constexpr std::uint8_t kMetadataFlag = 0x80;  // high byte of the 16-bit flags
    if (bytes.size() < 15 || std::memcmp(bytes.data(), "DRACO", 5) != 0 || bytes[5] < 2 ||
        bytes[7] != kPointCloud || (bytes[10] & kMetadataFlag))
        return std::nullopt;
    return readU32(bytes.data() + 11);
}

geo::Result<std::unique_ptr<draco::PointCloud>> decodeCloud(std::span<const std::uint8_t> bytes,
                                                            std::uint32_t pointCount,
                                                            const std::string& source) {
    using C = geo::Result<std::unique_ptr<draco::PointCloud>>;
    // Draco allocates for the count it reads before it finds the data
    // missing: a hostile count is refused first.
    const auto stated = statedPointCount(bytes);
    if (stated && *stated != pointCount)
        return C::failure("the Draco header states " + std::to_string(*stated) +
                              " points but POINTS_LENGTH is " + std::to_string(pointCount),
                          source, 0, kField);
    if (std::uint64_t(pointCount) > 1024 * std::uint64_t(bytes.size()) + 1024)
        return C::failure("POINTS_LENGTH " + std::to_string(pointCount) +
                              " is implausible for a Draco bitstream of " +
                              std::to_string(bytes.size()) + " bytes",
                          source, 0, kField);
    draco::DecoderBuffer buffer;
    buffer.Init(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    draco::Decoder decoder;
    auto decoded = decoder.DecodePointCloudFromBuffer(&buffer);
    if (!decoded.ok())
        return C::failure(
            "Draco cannot decode the point cloud: " + decoded.status().error_msg_string(), source,
            0, kField);
    std::unique_ptr<draco::PointCloud> cloud = std::move(decoded).value();
    if (!cloud)
        return C::failure("Draco returned no point cloud", source, 0, kField);
    if (cloud->num_points() != pointCount)
        return C::failure("Draco decoded " + std::to_string(cloud->num_points()) +
                              " points but POINTS_LENGTH is " + std::to_string(pointCount),
                          source, 0, kField);
    return cloud;
}

}  // namespace

bool hasDracoPointCompression(const nlohmann::json& table) {
    return extensionOf(table) != nullptr;
}

geo::Result<DracoPoints> decodeDracoPoints(const nlohmann::json& featureTable,
                                           std::span<const std::uint8_t> featureBinary,
                                           const nlohmann::json& batchTable,
                                           std::span<const std::uint8_t> batchBinary,
                                           std::uint32_t pointCount, const std::string& source) {
    const nlohmann::json* ext = extensionOf(featureTable);
    if (!ext) {
        // The batch table's compressed data would be in the feature table's bitstream.
        if (hasDracoPointCompression(batchTable))
            return R::failure("the feature table has no " + std::string(kExtension) +
                                  " bitstream for the batch table's compressed properties",
                              source, 0, kBatchField);
        return DracoPoints{};
    }
    if (!ext->is_object() || !ext->contains("properties") || !(*ext)["properties"].is_object())
        return R::failure("needs a properties object", source, 0, kField + ".properties");
    auto bitstream = bitstreamOf(*ext, featureBinary, source);
    CITYTWIN_RETURN_IF_FAILED(bitstream);
    auto cloud = decodeCloud(*bitstream, pointCount, source);
    CITYTWIN_RETURN_IF_FAILED(cloud);

    DracoPoints out;
    std::set<std::uint32_t> usedIds;
    for (const auto& [semantic, id] : (*ext)["properties"].items()) {
        const std::string field = kField + ".properties." + semantic;
        const int components = semanticComponents(semantic);
        if (components == 0)
            return R::failure(
                "only POSITION, RGBA, RGB, NORMAL and BATCH_ID may be Draco-compressed", source, 0,
                field);
        auto a = attributeFor(**cloud, id, components, usedIds, source, field);
        CITYTWIN_RETURN_IF_FAILED(a);
        if (!readSemantic(**cloud, **a, semantic, components, out.semantics[semantic]))
            return R::failure("Draco values cannot be read as " + semantic, source, 0, field);
    }
    if (hasDracoPointCompression(batchTable)) {
        // Draco's batch properties are per point: they are features only when points are.
        if (featureTable.contains("BATCH_ID") || out.semantics.count("BATCH_ID"))
            return R::failure(
                "per-point compressed properties are not read when BATCH_ID "
                "groups the points into BATCH_LENGTH features",
                source, 0, kBatchField);
        auto table = decodeBatchTable(**cloud, batchTable, batchBinary, usedIds, source);
        CITYTWIN_RETURN_IF_FAILED(table);
        out.batchTable = std::move(table.value());
    }
    return out;
}

}  // namespace citytwin::formats::detail
