#pragma once
// A camera flight between two poses: eased in and out, heading the short
// way round, climbing a little over long hops so the city stays in view.
// Double precision throughout (lon/lat in degrees differ by 1e-6 per 0.1 m).

#include "citytwin/render/CameraPose.h"

namespace citytwin::app::kiosk {

/// 0 → 0, 1 → 1, zero slope at both ends (smoothstep's quintic cousin).
double easeInOut(double t);

/// The pose a fraction `t` (0..1, clamped) of the way from `from` to `to`.
render::CameraPose interpolatePose(const render::CameraPose& from, const render::CameraPose& to,
                                   double t);

}  // namespace citytwin::app::kiosk

namespace citytwin::app::kiosk {

/// The pose of a camera at `eye` looking at `center` (local frame metres):
/// the inverse of render::lookAtFor, so a flight can start where a visitor
/// left the camera.
render::CameraPose poseFromLookAt(const osg::Vec3d& eye, const osg::Vec3d& center,
                                  const geo::LocalFrame& frame);

}  // namespace citytwin::app::kiosk
