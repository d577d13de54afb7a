#pragma once
// What the operator's tools draw in the 3D view: the measured path (through
// the clicked 3D points, with its footprint on the ground and drops between
// them), the measured polygon, a height line and the "Go to" marker. Built
// as a detached OSG node (no Qt) and queued as one scene layer that each
// change replaces (CityScene's merge queue: the scene changes only in the
// update phase).

#include <osg/Node>
#include <osg/Vec3d>
#include <osg/ref_ptr>

#include <optional>
#include <utility>
#include <vector>

namespace citytwin::app {

/// The scene layer id the marks are queued under.
inline constexpr const char* kToolMarksLayerId = "tools_overlay";

struct ToolMarks {
    std::vector<osg::Vec3d> path;  ///< local-frame metres, as clicked
    bool closed = false;           ///< a polygon (area): drawn on the ground, closed
    std::optional<std::pair<osg::Vec3d, osg::Vec3d>> maybeHeight;  ///< top, foot
    std::optional<osg::Vec3d> maybeTarget;  ///< the "Go to" point on the ground

    bool isEmpty() const { return path.empty() && !maybeHeight && !maybeTarget; }
};

/// Unlit, drawn over the city (no depth test), not pickable.
osg::ref_ptr<osg::Node> buildToolMarks(const ToolMarks& marks);

}  // namespace citytwin::app
