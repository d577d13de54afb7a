#pragma once
// How a vector layer is drawn. The role decides the geometry built; the
// rest tunes it.

#include <osg/Vec4>

#include <map>
#include <string>
#include <vector>

#include "citytwin/geo/Feature.h"

namespace citytwin::render {

enum class LayerRole {
    Buildings,  ///< polygons extruded by BuildingHeight's rule
    Area,       ///< polygons drawn flat (water, land use, zones)
    Line,       ///< lines (roads, cables)
    Glyph,      ///< points as small upright prisms (candidate sites)
    Mast,       ///< points as masts with a head (base stations)
};

/// A conditional colour: a feature whose `attribute` equals `value` is drawn
/// in `color`.
struct StyleRule {
    std::string attribute;
    std::string value;
    osg::Vec4 color;
};

struct LayerStyle {
    LayerRole role = LayerRole::Area;
    osg::Vec4 color{0.6f, 0.6f, 0.6f, 1.f};
    float elevation = 0.f;     ///< metres above ground, for flat areas and lines
    float lineWidth = 2.f;     ///< pixels
    float glyphRadius = 5.f;   ///< metres
    float glyphHeight = 12.f;  ///< metres
    /// Buildings: colour by height (low: warm stone, tall: blue-grey glass).
    bool colorByHeight = true;
    /// Buildings: level of detail per tile. A tile drawn smaller than
    /// detailPixels on screen (its bounding sphere's diameter) shows only
    /// its landmarks — buildings at least landmarkHeight tall — so a city of
    /// 200,000 buildings keeps distant tiles cheap; below 1 pixel, nothing.
    /// Layers with fewer buildings than lodMinBuildings draw every building
    /// at every distance (a district is cheap; a city is not).
    bool levelOfDetail = true;
    std::size_t lodMinBuildings = 20000;
    float detailPixels = 160.f;
    double landmarkHeight = 40.0;
    /// Categorised colours (QGIS-style): a feature whose categoryAttribute
    /// value is a key here takes that colour instead of `color`.
    std::string categoryAttribute = "kind";
    std::map<std::string, osg::Vec4> categoryColors;
    /// Conditional colours over the category colours: the first rule whose
    /// attribute equals its value colours the feature. Categories and rules
    /// colour every role but Buildings (coloured by height or `color`).
    std::vector<StyleRule> rules;
    /// Glyphs and masts: the attribute that holds each symbol's height in
    /// metres; empty, missing or unreadable: glyphHeight.
    std::string heightAttribute;
    /// Areas: the outline of every ring, drawn when its alpha is above 0.
    osg::Vec4 outlineColor{0.f, 0.f, 0.f, 0.f};
    float outlineWidth = 2.f;  ///< pixels
    /// Areas: the field whose value labels each feature; empty: no labels.
    std::string labelAttribute;
};

/// The label field a layer of polygons gets by default: "name" (or a
/// similar field) when most features have one and there are few enough to
/// read (a district map, not a land-use layer of thousands); else empty.
std::string defaultLabelAttribute(const geo::FeatureLayer& layer);

/// The style a layer gets when the user did not choose one: from its
/// geometry and, for polygons, whether it looks like buildings.
LayerStyle defaultStyleFor(const geo::FeatureLayer& layer);

const char* toString(LayerRole role);

}  // namespace citytwin::render
