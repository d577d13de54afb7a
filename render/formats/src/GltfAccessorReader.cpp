#include "citytwin/formats/GltfAccessorReader.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace citytwin::formats {
namespace {

/// Elements an accessor may hold without a buffer behind it (sparse only).
constexpr std::size_t kMaxElements = std::size_t(1) << 26;

int componentSize(int componentType) {
    switch (componentType) {
        case TINYGLTF_COMPONENT_TYPE_BYTE:
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE:
            return 1;
        case TINYGLTF_COMPONENT_TYPE_SHORT:
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT:
            return 2;
        case TINYGLTF_COMPONENT_TYPE_INT:
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT:
        case TINYGLTF_COMPONENT_TYPE_FLOAT:
            return 4;
        default:
            return 0;
    }
}

double readComponent(const std::uint8_t* p, int componentType, bool normalized) {
    switch (componentType) {
        case TINYGLTF_COMPONENT_TYPE_BYTE: {
            const auto v = static_cast<std::int8_t>(*p);
            return normalized ? std::max(v / 127.0, -1.0) : v;
        }
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE:
            return normalized ? *p / 255.0 : *p;
        case TINYGLTF_COMPONENT_TYPE_SHORT: {
            std::int16_t v;
            std::memcpy(&v, p, 2);
            return normalized ? std::max(v / 32767.0, -1.0) : v;
        }
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT: {
            std::uint16_t v;
            std::memcpy(&v, p, 2);
            return normalized ? v / 65535.0 : v;
        }
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT: {
            std::uint32_t v;
            std::memcpy(&v, p, 4);
            return v;
        }
        case TINYGLTF_COMPONENT_TYPE_INT: {
            std::int32_t v;
            std::memcpy(&v, p, 4);
            return v;
        }
        default: {
            float v;
            std::memcpy(&v, p, 4);
            return v;
        }
    }
}

}  // namespace

int gltfTypeComponents(int type) {
    switch (type) {
        case TINYGLTF_TYPE_SCALAR:
            return 1;
        case TINYGLTF_TYPE_VEC2:
            return 2;
        case TINYGLTF_TYPE_VEC3:
            return 3;
        case TINYGLTF_TYPE_VEC4:
            return 4;
        default:
            return 0;  // matrices are not vertex data
    }
}

GltfAccessorReader::GltfAccessorReader(const tinygltf::Model& model, std::string source)
    : _model(model), _source(std::move(source)) {}

geo::Result<std::vector<std::uint8_t>> GltfAccessorReader::bufferViewBytes(
    int index, const std::string& what) const {
    using R = geo::Result<std::vector<std::uint8_t>>;
    const std::string field = "bufferViews[" + std::to_string(index) + "]";
    if (index < 0 || std::size_t(index) >= _model.bufferViews.size())
        return R::failure(what + ": buffer view " + std::to_string(index) + " does not exist",
                          _source, 0, field);
    const auto& view = _model.bufferViews[std::size_t(index)];
    if (view.buffer < 0 || std::size_t(view.buffer) >= _model.buffers.size())
        return R::failure(what + ": buffer " + std::to_string(view.buffer) + " does not exist",
                          _source, 0, field);
    const auto& data = _model.buffers[std::size_t(view.buffer)].data;
    if (view.byteOffset > data.size() || view.byteLength > data.size() - view.byteOffset)
        return R::failure(what + ": bytes " + std::to_string(view.byteOffset) + "+" +
                              std::to_string(view.byteLength) + " lie outside buffer " +
                              std::to_string(view.buffer) + " (" + std::to_string(data.size()) +
                              " bytes)",
                          _source, 0, field);
    return std::vector<std::uint8_t>(
        data.begin() + std::ptrdiff_t(view.byteOffset),
        data.begin() + std::ptrdiff_t(view.byteOffset + view.byteLength));
}

geo::Result<std::vector<double>> GltfAccessorReader::readValues(int index, int components,
                                                                const std::string& what) const {
    using R = geo::Result<std::vector<double>>;
    const std::string field = "accessors[" + std::to_string(index) + "]";
    auto fail = [&](const std::string& why) {
        return R::failure(what + ": " + why, _source, 0, field);
    };
    if (index < 0 || std::size_t(index) >= _model.accessors.size())
        return fail("accessor " + std::to_string(index) + " does not exist");
    const auto& a = _model.accessors[std::size_t(index)];
    const int csize = componentSize(a.componentType);
    if (csize == 0)
        return fail("unknown componentType " + std::to_string(a.componentType));
    if (gltfTypeComponents(a.type) != components)
        return fail("expected " + std::to_string(components) +
                    " components per element, the type has " +
                    std::to_string(gltfTypeComponents(a.type)));
    const std::size_t elementSize = std::size_t(csize) * std::size_t(components);
    const std::size_t count = a.count;

    std::vector<double> values;
    if (a.bufferView >= 0) {
        if (std::size_t(a.bufferView) >= _model.bufferViews.size())
            return fail("buffer view " + std::to_string(a.bufferView) + " does not exist");
        const auto& view = _model.bufferViews[std::size_t(a.bufferView)];
        if (view.buffer < 0 || std::size_t(view.buffer) >= _model.buffers.size())
            return fail("buffer " + std::to_string(view.buffer) + " does not exist");
        const auto& data = _model.buffers[std::size_t(view.buffer)].data;
        const std::size_t stride = view.byteStride ? view.byteStride : elementSize;
        if (stride < elementSize)
            return fail("byteStride " + std::to_string(stride) + " is smaller than an element");
        if (view.byteOffset > data.size() || view.byteLength > data.size() - view.byteOffset)
            return fail("its buffer view lies outside buffer " + std::to_string(view.buffer));
        // Last byte read: byteOffset + stride * (count - 1) + elementSize <= byteLength.
        if (count > 0) {
            const std::size_t limit = view.byteLength;
            if (a.byteOffset > limit || (count - 1) > (limit - a.byteOffset) / stride ||
                a.byteOffset + stride * (count - 1) + elementSize > limit)
                return fail(std::to_string(count) + " elements from byte " +
                            std::to_string(a.byteOffset) + " run past the end of buffer view " +
                            std::to_string(a.bufferView) + " (" + std::to_string(limit) +
                            " bytes)");
        }
        const std::uint8_t* base = data.data() + view.byteOffset + a.byteOffset;
        values.resize(count * std::size_t(components));
        for (std::size_t i = 0; i < count; ++i)
            for (int c = 0; c < components; ++c)
                values[i * std::size_t(components) + std::size_t(c)] = readComponent(
                    base + i * stride + std::size_t(c * csize), a.componentType, a.normalized);
    } else if (a.sparse.isSparse) {
        if (count > kMaxElements)
            return fail("sparse accessor of " + std::to_string(count) + " elements is too large");
        values.assign(count * std::size_t(components), 0.0);
    } else {
        return fail("has no bufferView (and is not sparse)");
    }

    if (a.sparse.isSparse) {
        const auto sparseCount = std::size_t(std::max(a.sparse.count, 0));
        const int isize = componentSize(a.sparse.indices.componentType);
        if (isize == 0 ||
            (isize == 4 && a.sparse.indices.componentType != TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT))
            return fail("sparse indices have an invalid componentType");
        auto indices = bufferViewBytes(a.sparse.indices.bufferView, what + " sparse indices");
        auto vals = bufferViewBytes(a.sparse.values.bufferView, what + " sparse values");
        if (!indices || !vals) {
            R r = fail("invalid sparse storage");
            r.addDiagnostics(indices.diagnostics());
            r.addDiagnostics(vals.diagnostics());
            return r;
        }
        const std::size_t io = std::size_t(std::max(a.sparse.indices.byteOffset, 0));
        const std::size_t vo = std::size_t(std::max(a.sparse.values.byteOffset, 0));
        if (io > indices->size() || sparseCount > (indices->size() - io) / std::size_t(isize) ||
            vo > vals->size() || sparseCount > (vals->size() - vo) / elementSize)
            return fail("sparse count " + std::to_string(sparseCount) +
                        " runs past its buffer views");
        for (std::size_t i = 0; i < sparseCount; ++i) {
            const double target = readComponent(indices->data() + io + i * std::size_t(isize),
                                                a.sparse.indices.componentType, false);
            if (target < 0 || target >= double(count))
                return fail("sparse index " + std::to_string(std::size_t(target)) +
                            " is out of range");
            for (int c = 0; c < components; ++c)
                values[std::size_t(target) * std::size_t(components) + std::size_t(c)] =
                    readComponent(vals->data() + vo + i * elementSize + std::size_t(c * csize),
                                  a.componentType, a.normalized);
        }
    }
    return values;
}

geo::Result<std::vector<float>> GltfAccessorReader::readFloats(int accessor, int components,
                                                               const std::string& what) const {
    auto values = readValues(accessor, components, what);
    CITYTWIN_RETURN_IF_FAILED(values);
    std::vector<float> out(values->size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        const double v = values.value()[i];
        if (!std::isfinite(v))
            return geo::Result<std::vector<float>>::failure(
                what + ": a value is not finite", _source, 0,
                "accessors[" + std::to_string(accessor) + "]");
        out[i] = static_cast<float>(v);
    }
    return out;
}

geo::Result<std::vector<std::uint32_t>> GltfAccessorReader::readIndices(int accessor) const {
    using R = geo::Result<std::vector<std::uint32_t>>;
    const std::string field = "accessors[" + std::to_string(accessor) + "]";
    if (accessor >= 0 && std::size_t(accessor) < _model.accessors.size()) {
        const int t = _model.accessors[std::size_t(accessor)].componentType;
        if (t != TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE &&
            t != TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT &&
            t != TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT)
            return R::failure("indices must be unsigned integers", _source, 0, field);
    }
    auto values = readValues(accessor, 1, "indices");
    CITYTWIN_RETURN_IF_FAILED(values);
    std::vector<std::uint32_t> out(values->size());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<std::uint32_t>(values.value()[i]);
    return out;
}

}  // namespace citytwin::formats
