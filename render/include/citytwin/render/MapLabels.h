#pragma once
// The names a map reads by: along roads and rivers (rotated with the line on
// screen, never upside down) and over landmark buildings (at their roofs).
// Every label layer is decluttered on screen each frame against the labels
// already placed that frame (districts, rivers, roads, landmarks), so names
// of different layers never overlap either.

#include <osg/Node>
#include <osg/Vec2d>
#include <osg/Vec4>
#include <osg/ref_ptr>

#include <string>
#include <vector>

#include "citytwin/geo/Feature.h"
#include "citytwin/geo/LocalFrame.h"

namespace citytwin::render {

/// The node mask of every label layer's node: a camera whose cull mask
/// leaves this bit out draws no map labels (View > Map labels).
constexpr unsigned kMapLabelMask = 1u << 8;

/// The label of a feature from `attribute`; a language-tagged OSM field
/// ("name:en") falls back to the plain "name" when the feature lacks it.
/// Empty when neither has a value.
std::string labelTextOf(const geo::Feature& feature, const std::string& attribute);

struct LineLabelStyle {
    std::string attribute;  ///< "name", "name:en", ...
    /// With `categories`: only lines whose categoryAttribute is one of them.
    std::string categoryAttribute = "kind";
    std::vector<std::string> categories;  ///< empty: every named line
    osg::Vec4 color{0.15f, 0.15f, 0.17f, 1.f};
    osg::Vec4 haloColor{1.f, 1.f, 1.f, 0.9f};
    float sizePixels = 13.f;
    float elevation = 1.f;        ///< metres above ground
    double repeatMetres = 800.0;  ///< the same name again only this far from itself
    double minLengthMetres = 60.0;
};

/// One label of a line: at the middle of a named part, drawn along the chord
/// of 300 m round it (straight text on a curving road), shown while the
/// part is at least as long on screen as the text.
struct LinePlacement {
    osg::Vec2d at;        ///< local metres
    osg::Vec2d along;     ///< unit direction of the chord
    double length = 0.0;  ///< metres: the part's length
    std::string text;
};

/// Where a line layer's labels go, most important (longest part) first: the
/// parts of every named line, a name repeated only repeatMetres apart.
std::vector<LinePlacement> placeLineLabels(const geo::FeatureLayer& layer,
                                           const geo::LocalFrame& frame,
                                           const LineLabelStyle& style);

/// The angle (radians, counter-clockwise, window y up) a label along a
/// screen direction is drawn at: the line's, turned half round when it
/// would read upside down. In (-pi/2, pi/2].
double uprightAngle(double dx, double dy);

/// Labels along the named lines of a WGS 84 layer; an empty group when none.
osg::ref_ptr<osg::Node> buildLineLabels(const geo::FeatureLayer& layer,
                                        const geo::LocalFrame& frame, const LineLabelStyle& style,
                                        std::size_t* count = nullptr);

struct LandmarkLabelStyle {
    std::string attribute;   ///< "name", "name:en", ...
    double minHeight = 150;  ///< metres: the buildings that are landmarks
    osg::Vec4 color{1.f, 1.f, 1.f, 1.f};
    osg::Vec4 haloColor{0.1f, 0.12f, 0.18f, 1.f};
    float sizePixels = 14.f;
};

/// A name over the roof of each named building at least minHeight tall
/// (BuildingHeight's rule), once per name (its tallest part), tallest first.
osg::ref_ptr<osg::Node> buildLandmarkLabels(const geo::FeatureLayer& layer,
                                            const geo::LocalFrame& frame,
                                            const LandmarkLabelStyle& style,
                                            std::size_t* count = nullptr);

}  // namespace citytwin::render
