#pragma once
// Feature ids of a glTF primitive's vertices (b3dm `_BATCHID`/`BATCHID`,
// 3D Tiles 1.1 `EXT_mesh_features` attribute ids) turned into the
// FeaturePickData of its geometry: one feature per triangle (its first
// vertex's id) or per point. The features are the batch table's, else the
// rows of the EXT_structural_metadata property table the ids name, else ids.

#include <tiny_gltf.h>

#include <osg/Geometry>

#include <string>
#include <vector>

#include "citytwin/formats/GltfAccessorReader.h"
#include "citytwin/geo/Result.h"
#include "citytwin/render/FeaturePickData.h"
#include "citytwin/render/GltfModelLoader.h"

namespace citytwin::render::detail {

/// Null when the primitive has no feature ids (or they cannot be read:
/// then a warning is added).
osg::ref_ptr<FeaturePickData> pickDataFor(
    const tinygltf::Model& model, const tinygltf::Primitive& prim, const osg::Geometry& geometry,
    const formats::GltfAccessorReader& reader, const GltfFeatureBinding& binding,
    const std::string& field, std::vector<geo::Diagnostic>& diagnostics);

/// Run-length encodes one feature id per primitive (in primitive order)
/// into pick data; ids outside the layer are left unpickable.
osg::ref_ptr<FeaturePickData> pickDataFromIds(const std::vector<std::uint32_t>& perPrimitive,
                                              const std::string& layerId,
                                              std::shared_ptr<const geo::FeatureLayer> layer);

}  // namespace citytwin::render::detail
