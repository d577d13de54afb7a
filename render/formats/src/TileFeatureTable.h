#pragma once
// The feature table of a pnts or i3dm tile (and the binary part of a batch
// table): a JSON header whose properties are either values in the JSON or
// {"byteOffset", "componentType"} references into a binary body. Every
// reference is checked against the body before it is read.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "citytwin/geo/GeoTypes.h"
#include "citytwin/geo/Result.h"

namespace citytwin::formats {

/// Bytes of one element of a component type ("FLOAT", "UNSIGNED_SHORT"...); 0 if unknown.
std::size_t componentTypeSize(const std::string& componentType);

/// Components of a batch table type ("SCALAR" 1 ... "VEC4" 4); 0 if unknown.
int typeComponents(const std::string& type);

class TileFeatureTable {
public:
    /// Parses the JSON header; `what` ("feature table", "batch table") names it in errors.
    static geo::Result<TileFeatureTable> parse(std::string_view json,
                                               std::span<const std::uint8_t> binary,
                                               const std::string& source, const std::string& what);

    bool has(const std::string& name) const { return _json.contains(name); }
    const nlohmann::json& json() const { return _json; }

    /// A global unsigned integer (POINTS_LENGTH...), or nothing if absent.
    geo::Result<std::optional<std::uint32_t>> count(const std::string& name) const;

    /// A global 3-vector (RTC_CENTER, QUANTIZED_VOLUME_OFFSET...): three
    /// JSON numbers or a reference to three floats in the body.
    geo::Result<std::optional<geo::Vec3d>> vec3(const std::string& name) const;

    /// x, y, z of `elements` points or instances: POSITION (floats), else
    /// POSITION_QUANTIZED dequantized with QUANTIZED_VOLUME_OFFSET and _SCALE
    /// (both required); an error naming POSITION if there is neither.
    geo::Result<std::vector<double>> positions(std::size_t elements) const;

    /// `elements` * `components` values of a per-element property as doubles
    /// (integers unnormalised). `defaultType` is used when the reference
    /// names no componentType; `allowed` lists the types the spec allows.
    geo::Result<std::vector<double>> values(const std::string& name, std::size_t elements,
                                            int components, const std::string& defaultType,
                                            std::initializer_list<const char*> allowed) const;

private:
    nlohmann::json _json;
    std::span<const std::uint8_t> _binary;
    std::string _source;
    std::string _what;
};

}  // namespace citytwin::formats
