#pragma once
// Turns a parsed glTF document into an OSG subgraph in glTF's own
// coordinates (metres, Y up): node hierarchy with its matrices, meshes with
// positions, normals, texture coordinates and colours, and materials as
// fixed-function approximations of PBR (base colour factor and texture,
// alpha mode, double-sidedness).

#include <tiny_gltf.h>

#include <osg/Node>
#include <osg/ref_ptr>

#include <string>

#include "citytwin/geo/Result.h"
#include "citytwin/render/GltfModelLoader.h"

namespace citytwin::render::detail {

/// Builds the default scene (or every root node if none is declared).
/// Broken meshes and images are warnings when the rest can still be drawn.
/// With `features`, geometries whose vertices carry feature ids get a
/// FeaturePickData (see GltfFeatureBinding).
geo::Result<osg::ref_ptr<osg::Node>> buildGltfScene(const tinygltf::Model& model,
                                                    const std::string& source,
                                                    const GltfFeatureBinding* features = nullptr);

}  // namespace citytwin::render::detail
