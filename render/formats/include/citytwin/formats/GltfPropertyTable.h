#pragma once
// One EXT_structural_metadata property table of a glTF as a FeatureLayer:
// one feature per row (feature id = row), each property as text. Numeric
// scalars, vectors and matrices, booleans and strings are read, each buffer
// view checked against the rows it must hold; arrays and enums are skipped
// with a warning naming the property.

#include <tiny_gltf.h>

#include <memory>
#include <string>
#include <vector>

#include "citytwin/formats/GltfAccessorReader.h"
#include "citytwin/geo/Feature.h"
#include "citytwin/geo/Result.h"

namespace citytwin::formats {

/// Null (with a warning) if the table or its schema cannot be read.
std::shared_ptr<geo::FeatureLayer> propertyTableLayer(const tinygltf::Model& model, int table,
                                                      const GltfAccessorReader& reader,
                                                      const std::string& layerId,
                                                      std::vector<geo::Diagnostic>& diagnostics);

}  // namespace citytwin::formats
