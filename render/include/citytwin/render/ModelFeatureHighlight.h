#pragma once
// The highlight of one feature of a loaded model (a 3D Tiles building, a
// glTF feature id): its triangles or points copied out of the tile that
// holds them into the model's frame, in the pick tint, pulled forward in
// depth and without pick data. A feature has no geometry of its own (see
// FeatureHighlight.h), so this is what shows it in 3D.
//
// Thread safety: reads the live scene graph; call it on the GUI thread.
// The node returned is detached.

#include <osg/Node>
#include <osg/ref_ptr>

#include <cstdint>
#include <string>

namespace citytwin::render {

/// The feature `featureIndex` of the tile layer `layerId` under
/// `modelRoot`; an empty group if none of its primitives is loaded.
osg::ref_ptr<osg::Node> buildModelFeatureHighlight(osg::Node& modelRoot, const std::string& layerId,
                                                   std::uint32_t featureIndex);

}  // namespace citytwin::render
