#include "citytwin/formats/GltfDracoDecoder.h"

#include <draco/compression/decode.h>
#include <draco/mesh/mesh.h>

#include <nlohmann/json.hpp>

namespace citytwin::formats {
namespace {

constexpr const char* kExtension = "KHR_draco_mesh_compression";

int accessorComponents(const tinygltf::Model& model, int accessor) {
    if (accessor < 0 || std::size_t(accessor) >= model.accessors.size())
        return 0;
    return gltfTypeComponents(model.accessors[std::size_t(accessor)].type);
}

}  // namespace

std::optional<std::string> withoutDracoIndices(std::string_view text) {
    if (text.find(kExtension) == std::string_view::npos)
        return std::nullopt;
    nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object())
        return std::nullopt;
    auto meshes = doc.find("meshes");
    if (meshes == doc.end() || !meshes->is_array())
        return std::nullopt;
    bool changed = false;
    for (auto& mesh : *meshes) {
        if (!mesh.is_object() || !mesh.contains("primitives") || !mesh["primitives"].is_array())
            continue;
        for (auto& prim : mesh["primitives"]) {
            if (!prim.is_object() || !prim.contains("extensions") ||
                !prim["extensions"].is_object() || !prim["extensions"].contains(kExtension))
                continue;
            changed = prim.erase("indices") > 0 || changed;
        }
    }
    if (!changed)
        return std::nullopt;
    return doc.dump();
}

bool isDracoCompressed(const tinygltf::Primitive& primitive) {
    return primitive.extensions.count(kExtension) != 0;
}

geo::Result<DecodedPrimitive> decodeDracoPrimitive(const tinygltf::Model& model,
                                                   const tinygltf::Primitive& primitive,
                                                   const GltfAccessorReader& reader,
                                                   const std::string& source,
                                                   const std::string& field) {
    using R = geo::Result<DecodedPrimitive>;
    const tinygltf::Value& ext = primitive.extensions.at(kExtension);
    if (!ext.IsObject() || !ext.Has("bufferView") || !ext.Get("bufferView").IsNumber() ||
        !ext.Has("attributes") || !ext.Get("attributes").IsObject())
        return R::failure(std::string(kExtension) + " needs a bufferView and an attributes object",
                          source, 0, field);
    auto bytes = reader.bufferViewBytes(ext.Get("bufferView").GetNumberAsInt(), "Draco data");
    CITYTWIN_RETURN_IF_FAILED(bytes);
    draco::DecoderBuffer buffer;
    buffer.Init(reinterpret_cast<const char*>(bytes->data()), bytes->size());
    draco::Decoder decoder;
    auto decoded = decoder.DecodeMeshFromBuffer(&buffer);
    if (!decoded.ok())
        return R::failure("Draco cannot decode the mesh: " + decoded.status().error_msg_string(),
                          source, 0, field);
    const std::unique_ptr<draco::Mesh> mesh = std::move(decoded).value();
    if (!mesh)
        return R::failure("Draco returned no mesh", source, 0, field);

    DecodedPrimitive out;
    out.vertexCount = mesh->num_points();
    out.indices.reserve(std::size_t(mesh->num_faces()) * 3);
    for (draco::FaceIndex f(0); f < mesh->num_faces(); ++f)
        for (int k = 0; k < 3; ++k)
            out.indices.push_back(mesh->face(f)[k].value());

    const tinygltf::Value& attributes = ext.Get("attributes");
    for (const std::string& name : attributes.Keys()) {
        const tinygltf::Value& id = attributes.Get(name);
        if (!id.IsNumber())
            return R::failure("Draco attribute id of " + name + " is not a number", source, 0,
                              field);
        const draco::PointAttribute* attribute =
            mesh->GetAttributeByUniqueId(static_cast<std::uint32_t>(id.GetNumberAsInt()));
        if (!attribute)
            return R::failure("Draco mesh has no attribute with id " +
                                  std::to_string(id.GetNumberAsInt()) + " (" + name + ")",
                              source, 0, field);
        const auto it = primitive.attributes.find(name);
        int components =
            it != primitive.attributes.end() ? accessorComponents(model, it->second) : 0;
        if (components == 0)
            components = attribute->num_components();
        if (components < 1 || components > 4)
            return R::failure(
                "Draco attribute " + name + " has " + std::to_string(components) + " components",
                source, 0, field);
        DecodedPrimitive::Attribute values;
        values.components = components;
        values.values.resize(out.vertexCount * std::size_t(components));
        for (draco::PointIndex p(0); p < mesh->num_points(); ++p) {
            if (!attribute->ConvertValue<float>(
                    attribute->mapped_index(p), static_cast<int8_t>(components),
                    values.values.data() + std::size_t(p.value()) * std::size_t(components)))
                return R::failure("Draco attribute " + name + " cannot be read as floats", source,
                                  0, field);
        }
        out.attributes[name] = std::move(values);
    }
    if (!out.attributes.count("POSITION"))
        return R::failure("Draco mesh has no POSITION", source, 0, field);
    return out;
}

}  // namespace citytwin::formats
