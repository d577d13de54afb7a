#pragma once
// Finds what is under a window position: the feature (through the
// FeaturePickData of batched geometry) and the local point on the scene or
// the ground plane.

#include <osg/Camera>
#include <osg/Vec3d>

#include <memory>
#include <optional>
#include <string>

#include "citytwin/geo/Feature.h"
#include "citytwin/render/LocalVertical.h"

namespace citytwin::render {

struct PickHit {
    std::string layerId;
    std::shared_ptr<const geo::FeatureLayer> layer;
    std::uint32_t featureIndex = 0;
    osg::Vec3d localPoint;  ///< where the ray hit, local frame metres

    const geo::Feature& feature() const { return layer->features[featureIndex]; }
};

/// x, y in window pixels, origin bottom-left (OSG's convention). Surfaces
/// are tried first, then lines and points within a few pixels.
std::optional<PickHit> pickFeature(osg::Camera& camera, double x, double y);

/// The first scene surface under the pixel, else the ground plane of
/// `ground` (through ground.ground, normal ground.up; by default the frame's
/// z = 0); nullopt if the ray points at the sky. Data far round the globe
/// lies tilted in the frame: there the frame's plane is met, if at all,
/// thousands of km away, so callers pass the vertical where the camera looks.
std::optional<osg::Vec3d> pickLocalPoint(osg::Camera& camera, double x, double y,
                                         const LocalVertical& ground = {});

}  // namespace citytwin::render
