#pragma once
// Camera poses in geographic terms, as a user gives them on the command line
// (`--camera lon,lat,height,heading,pitch`) or picks a named view, converted
// to eye/centre/up in the local frame.

#include <osg/Vec3d>

#include <optional>
#include <string>
#include <vector>

#include "citytwin/geo/GeoTypes.h"
#include "citytwin/geo/LocalFrame.h"
#include "citytwin/geo/Result.h"

namespace citytwin::render {

/// lon/lat in WGS 84 degrees; height in metres above the ground plane;
/// heading in degrees clockwise from north; pitch in degrees, negative
/// looking down (-90 straight down), as in CesiumJS.
struct CameraPose {
    double lon = 0.0;
    double lat = 0.0;
    double height = 1000.0;
    double heading = 0.0;
    double pitch = -45.0;
};

struct LookAt {
    osg::Vec3d eye, center, up;
};

/// "lon,lat,height,heading,pitch"; the error names the bad field.
geo::Result<CameraPose> parseCameraPose(const std::string& text);

/// Eye, centre (where the view ray meets the ground, or 1 km ahead) and up.
LookAt lookAtFor(const CameraPose& pose, const geo::LocalFrame& frame);

/// A pose that shows the whole WGS 84 extent from the south, tilted.
CameraPose framingPose(const geo::Extent& lonLatExtent);

/// Named views over central Shanghai: "home" (framing the demo), "lujiazui",
/// "bund", "top".
std::optional<CameraPose> namedView(const std::string& name);
std::vector<std::string> namedViewNames();

}  // namespace citytwin::render
