#include "gltf/GltfFeatureIds.h"

#include <osg/TriangleIndexFunctor>

#include "citytwin/formats/GltfDracoDecoder.h"
#include "citytwin/formats/GltfPropertyTable.h"

namespace citytwin::render::detail {
namespace {

struct FirstVertexOfTriangle {
    std::vector<unsigned>* out = nullptr;
    void operator()(unsigned a, unsigned, unsigned) { out->push_back(a); }
};

/// The vertex that decides each primitive's feature, in intersector order.
std::vector<unsigned> primitiveVertices(const osg::Geometry& g) {
    std::vector<unsigned> vertices;
    if (g.getNumPrimitiveSets() != 1)
        return vertices;
    const osg::PrimitiveSet* ps = g.getPrimitiveSet(0);
    if (ps->getMode() == GL_POINTS) {
        for (unsigned i = 0; i < ps->getNumIndices(); ++i)
            vertices.push_back(ps->index(i));
        return vertices;
    }
    osg::TriangleIndexFunctor<FirstVertexOfTriangle> f;
    f.out = &vertices;
    const_cast<osg::Geometry&>(g).accept(f);
    return vertices;
}

}  // namespace

osg::ref_ptr<FeaturePickData> pickDataFromIds(const std::vector<std::uint32_t>& perPrimitive,
                                              const std::string& layerId,
                                              std::shared_ptr<const geo::FeatureLayer> layer) {
    osg::ref_ptr<FeaturePickData> pick = new FeaturePickData(layerId, layer);
    const std::size_t count = layer ? layer->features.size() : 0;
    constexpr std::uint32_t kNone = 0xFFFFFFFFu;
    std::uint32_t previous = kNone - 1;
    for (std::size_t i = 0; i < perPrimitive.size(); ++i) {
        const std::uint32_t id = perPrimitive[i] < count ? perPrimitive[i] : kNone;
        if (id != previous)
            pick->addFeature(std::uint32_t(i), id);  // kNone is beyond the layer: unpickable
        previous = id;
    }
    return pick;
}

osg::ref_ptr<FeaturePickData> pickDataFor(
    const tinygltf::Model& model, const tinygltf::Primitive& prim, const osg::Geometry& geometry,
    const formats::GltfAccessorReader& reader, const GltfFeatureBinding& binding,
    const std::string& field, std::vector<geo::Diagnostic>& diagnostics) {
    if (formats::isDracoCompressed(prim))
        return nullptr;  // ids inside Draco streams are not decoded for picking
    std::string attribute;
    std::shared_ptr<const geo::FeatureLayer> layer = binding.layer;
    if (auto ext = prim.extensions.find("EXT_mesh_features"); ext != prim.extensions.end()) {
        const tinygltf::Value& ids = ext->second.Get("featureIds");
        if (!ids.IsArray() || ids.ArrayLen() == 0)
            return nullptr;
        const tinygltf::Value& first = ids.Get(0);
        if (!first.Has("attribute") || !first.Get("attribute").IsInt())
            return nullptr;  // feature id textures and implicit ids are not picked yet
        attribute = "_FEATURE_ID_" + std::to_string(first.Get("attribute").GetNumberAsInt());
        if (!layer && first.Has("propertyTable") && first.Get("propertyTable").IsInt())
            layer = formats::propertyTableLayer(model, first.Get("propertyTable").GetNumberAsInt(),
                                                reader, binding.layerId, diagnostics);
        if (!layer) {
            const int count =
                first.Get("featureCount").IsInt() ? first.Get("featureCount").GetNumberAsInt() : 0;
            if (count <= 0 || count > 10'000'000)
                return nullptr;
            auto own = std::make_shared<geo::FeatureLayer>();
            own->name = binding.layerId;
            own->features.resize(std::size_t(count));
            for (int i = 0; i < count; ++i)
                own->features[std::size_t(i)].id = i;
            layer = own;
        }
    } else if (prim.attributes.count("_BATCHID")) {
        attribute = "_BATCHID";
    } else if (prim.attributes.count("BATCHID")) {
        attribute = "BATCHID";  // pre-1.0 b3dm
    } else {
        return nullptr;
    }
    auto it = prim.attributes.find(attribute);
    if (it == prim.attributes.end() || !layer)
        return nullptr;
    auto values = reader.readFloats(it->second, 1, field + " " + attribute);
    const auto* vertices = geometry.getVertexArray();
    if (!values || !vertices || values->size() != vertices->getNumElements()) {
        diagnostics.push_back(geo::makeWarning(
            attribute +
                " cannot be read or its count differs from POSITION's; features not pickable",
            reader.source(), 0, field));
        return nullptr;
    }
    std::vector<std::uint32_t> perPrimitive;
    for (unsigned v : primitiveVertices(geometry))
        perPrimitive.push_back(v < values->size() && (*values)[v] >= 0.0f && (*values)[v] < 4.0e9f
                                   ? std::uint32_t((*values)[v])
                                   : 0xFFFFFFFFu);
    return pickDataFromIds(perPrimitive, binding.layerId, layer);
}

}  // namespace citytwin::render::detail
