#pragma once
// Loads a glTF 2.0 model (.gltf with its .bin and images, or .glb), Draco
// compressed meshes included, and places it in the city frame at a
// longitude, latitude, height and heading. Parsing is tinygltf's; GLB
// headers, accessors, Draco and images are checked here, so broken files are
// errors naming the file and the field, never a crash.
//
// Thread safety: blocking file I/O and parsing; run it on a worker. Separate
// calls may run concurrently. The returned node is detached.

#include <osg/Node>
#include <osg/ref_ptr>

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "citytwin/geo/Feature.h"
#include "citytwin/geo/LocalFrame.h"
#include "citytwin/geo/Result.h"
#include "citytwin/render/LoadedModel.h"

namespace citytwin::render {

/// Where a model without its own georeference stands.
struct ModelAnchor {
    /// WGS 84 longitude, latitude (degrees) and ellipsoidal height (metres)
    /// of the model's origin.
    geo::GeoPoint lonLatH;
    /// Degrees clockwise from north about the local up axis, Cesium's
    /// convention: glTF +Y becomes up, glTF +X points east at heading 0.
    double headingDegrees = 0.0;
    /// Uniform scale applied in the model's own axes (unitless).
    double scale = 1.0;
};

/// Longitude, latitude and heading finite, latitude within 90, scale positive.
bool isUsableAnchor(const ModelAnchor& anchor);

/// Loads a .gltf or .glb file (chosen by content: GLB starts with "glTF").
geo::Result<LoadedModel> loadGltfModel(const std::string& path, const ModelAnchor& anchor,
                                       const geo::LocalFrame& frame);

/// Ties the feature ids of a glTF's vertices (b3dm `_BATCHID`, or 3D Tiles
/// 1.1 `EXT_mesh_features` / `_FEATURE_ID_0`) to features, so that a pick
/// finds them (FeaturePickData on each geometry that has ids).
struct GltfFeatureBinding {
    std::string layerId;  ///< names the picked layer in the attribute panel
    /// The batch table's features (feature index = batch id). If null, the
    /// features of EXT_mesh_features are listed by id alone.
    std::shared_ptr<const geo::FeatureLayer> layer;
};

/// Builds the node of glTF/GLB bytes already in memory, in glTF's own axes
/// (metres, Y up, not placed). `baseDir` resolves external buffers and images
/// ("" = none allowed); `source` names the bytes in errors.
/// `resourceRoot`, when not empty, is a folder external buffers and images
/// must resolve inside (a tileset's root: "../../../secret.bin" is refused).
geo::Result<osg::ref_ptr<osg::Node>> buildGltfNode(std::span<const std::uint8_t> bytes,
                                                   const std::string& baseDir,
                                                   const std::string& source,
                                                   const GltfFeatureBinding* features = nullptr,
                                                   const std::string& resourceRoot = {});

}  // namespace citytwin::render
