#pragma once
// KHR_draco_mesh_compression: decodes a primitive's compressed buffer view
// with Google's Draco library into plain vertex arrays. (Debian's tinygltf is
// built without Draco, so we decode it ourselves.)

#include <tiny_gltf.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "citytwin/formats/GltfAccessorReader.h"
#include "citytwin/geo/Result.h"

namespace citytwin::formats {

struct DecodedPrimitive {
    std::vector<std::uint32_t> indices;  ///< triangle list
    std::size_t vertexCount = 0;
    /// glTF attribute name (POSITION, NORMAL, TEXCOORD_0, COLOR_0) -> values,
    /// `components` floats per vertex.
    struct Attribute {
        int components = 0;
        std::vector<float> values;
    };
    std::map<std::string, Attribute> attributes;
};

/// Debian's tinygltf is built without Draco and rejects a Draco primitive's
/// indices accessor (it has no bufferView). Returns the glTF JSON with those
/// `indices` removed (Draco supplies them), or nothing if no primitive is
/// Draco-compressed or the JSON does not parse (tinygltf then says why).
std::optional<std::string> withoutDracoIndices(std::string_view json);

/// True if the primitive carries KHR_draco_mesh_compression.
bool isDracoCompressed(const tinygltf::Primitive& primitive);

/// Decodes it; errors name `source` and the mesh/primitive in `field`.
geo::Result<DecodedPrimitive> decodeDracoPrimitive(const tinygltf::Model& model,
                                                   const tinygltf::Primitive& primitive,
                                                   const GltfAccessorReader& reader,
                                                   const std::string& source,
                                                   const std::string& field);

}  // namespace citytwin::formats
