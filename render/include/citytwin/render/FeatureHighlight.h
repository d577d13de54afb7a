#pragma once
// The highlight of a picked feature: the feature built again in a bright
// tint, pulled forward in depth so it wins over its own layer, and carrying
// no pick data (a click on it picks what lies under it). Built detached; the
// window puts it in the scene as the layer kHighlightLayerId.

#include <osg/Node>
#include <osg/ref_ptr>

#include "citytwin/geo/Feature.h"
#include "citytwin/geo/LocalFrame.h"
#include "citytwin/render/LayerStyle.h"

namespace citytwin::render {

inline constexpr const char* kHighlightLayerId = "highlight";

/// The style a picked feature is highlighted in, from its layer's style.
LayerStyle highlightStyleFor(const LayerStyle& layerStyle);

/// The feature (WGS 84) in highlightStyleFor(layerStyle); an empty group if
/// it has no geometry of its own (a 3D Tiles feature, say).
osg::ref_ptr<osg::Node> buildFeatureHighlight(const geo::Feature& feature,
                                              const LayerStyle& layerStyle,
                                              const geo::LocalFrame& frame);

}  // namespace citytwin::render
