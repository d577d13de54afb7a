#pragma once
// Labels of polygon features (district names, say): one screen-aligned text
// per feature at a point inside its largest polygon, drawn over the city.

#include <osg/Node>
#include <osg/Vec2d>
#include <osg/Vec4>
#include <osg/ref_ptr>

#include <optional>
#include <string>
#include <vector>

#include "citytwin/geo/Feature.h"
#include "citytwin/geo/LocalFrame.h"

namespace citytwin::render {

/// Local rings (metres) of a WGS 84 polygon, no closing duplicate; rings of
/// fewer than 3 points left out.
std::vector<std::vector<osg::Vec2d>> localRingsOf(const geo::Polygon& poly,
                                                  const geo::LocalFrame& frame);

/// A point inside the polygon (rings[0] outer, others holes; local metres):
/// the middle of the widest inside span of a few horizontal scan lines, so
/// that a crescent or a U-shaped district still gets its label on itself
/// (its centroid may lie outside). nullopt for a degenerate polygon.
std::optional<osg::Vec2d> labelPoint(const std::vector<std::vector<osg::Vec2d>>& rings);

struct PolygonLabelStyle {
    std::string attribute;  ///< the field whose value is the label (labelTextOf)
    osg::Vec4 color{1.f, 1.f, 1.f, 1.f};
    osg::Vec4 haloColor{0.08f, 0.08f, 0.1f, 1.f};
    float sizePixels = 15.f;
    float elevation = 2.f;  ///< metres above ground
};

/// One text per feature with a non-empty value (WGS 84 layer); empty group
/// when none has. `count` receives the number of labels made.
osg::ref_ptr<osg::Node> buildPolygonLabels(const geo::FeatureLayer& layer,
                                           const geo::LocalFrame& frame,
                                           const PolygonLabelStyle& style,
                                           std::size_t* count = nullptr);

}  // namespace citytwin::render
