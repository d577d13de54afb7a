#pragma once
// The inspector's marks in the 3D view: the checked site, the search radii
// of the siting rules as circles on the ground, lines from the site to the
// related features with a raised marker on each, the works polygon (being
// drawn or closed) and one emphasised asset. Built detached on any thread,
// queued as one scene layer (kInspectionLayerId) that each check replaces.

#include <osg/Node>
#include <osg/Vec4>
#include <osg/ref_ptr>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "citytwin/geo/GeoTypes.h"
#include "citytwin/geo/LocalFrame.h"

namespace citytwin::render {

/// The scene layer id the overlay is queued under.
inline constexpr const char* kInspectionLayerId = "inspection_overlay";

struct OverlayCircle {
    double radiusM = 0.0;  ///< metres on the ground around the site
    osg::Vec4 colour;
};

struct OverlayMarker {
    geo::GeoPoint position;  ///< WGS 84 degrees
    osg::Vec4 colour;
};

/// Everything in WGS 84 longitude/latitude (degrees).
struct InspectionOverlay {
    std::optional<geo::GeoPoint> maybeSite;
    std::vector<OverlayCircle> radii;    ///< centred on the site
    std::vector<OverlayMarker> related;  ///< joined to the site (or works centre) by a line
    std::vector<geo::GeoPoint> worksOutline;
    bool worksClosed = false;                 ///< false: still being drawn (no fill, open line)
    std::optional<OverlayMarker> maybeFocus;  ///< the asset the user selected

    bool isEmpty() const {
        return !maybeSite && related.empty() && worksOutline.empty() && !maybeFocus;
    }
};

/// The colour a rule's marks are drawn in (stable per code; unknown codes grey).
osg::Vec4 colourForRule(std::string_view ruleCode);

class InspectionOverlayBuilder {
public:
    explicit InspectionOverlayBuilder(geo::LocalFrame frame);

    /// A detached node (a transform at the overlay's own origin holding float
    /// vertices); drawn over the city, unlit. It carries no pick data, so a
    /// click on it picks no feature; the works fill lies on the ground.
    osg::ref_ptr<osg::Node> build(const InspectionOverlay& overlay) const;

private:
    geo::LocalFrame _frame;
};

}  // namespace citytwin::render
