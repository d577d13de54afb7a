#pragma once
// Reads glTF accessors with every offset, stride and count checked against
// the buffers actually present, so a file whose accessors point outside its
// buffers is an error naming the accessor, never an out-of-bounds read.

#include <tiny_gltf.h>

#include <cstdint>
#include <string>
#include <vector>

#include "citytwin/geo/Result.h"

namespace citytwin::formats {

/// Components of a glTF accessor type: SCALAR 1, VEC2-4 2-4, else 0.
int gltfTypeComponents(int type);

class GltfAccessorReader {
public:
    GltfAccessorReader(const tinygltf::Model& model, std::string source);

    /// Element values as floats, `components` (1-4) per element, count*components
    /// in all. Normalized integers become 0..1 (or -1..1); others convert as is.
    geo::Result<std::vector<float>> readFloats(int accessor, int components,
                                               const std::string& what) const;

    /// Scalar unsigned integer indices.
    geo::Result<std::vector<std::uint32_t>> readIndices(int accessor) const;

    /// The bytes of a buffer view, checked against its buffer.
    geo::Result<std::vector<std::uint8_t>> bufferViewBytes(int bufferView,
                                                           const std::string& what) const;

    const std::string& source() const { return _source; }

private:
    /// Dense element values as doubles (count * components), sparse applied.
    geo::Result<std::vector<double>> readValues(int accessor, int components,
                                                const std::string& what) const;

    const tinygltf::Model& _model;
    std::string _source;
};

}  // namespace citytwin::formats
