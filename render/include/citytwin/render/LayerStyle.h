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

/// A graduated colour: features whose value is at least `from` (and below
/// the next band's `from`) take `color`.
struct ColorBand {
    double from = 0.0;
    osg::Vec4 color;
};

/// The attribute name that, for buildings, means the drawn height (metres,
/// BuildingHeight's rule: height, else levels x 3 m, else the default).
inline constexpr const char* kDrawnHeight = "height";

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
    /// Graduated colours (QGIS-style) by a numeric attribute, ascending by
    /// `from`; they come before the categories. A value below the first
    /// band, or none, leaves the feature to the categories and `color`.
    std::string bandAttribute;
    std::vector<ColorBand> bands;
    /// Conditional colours over the bands and categories: the first rule
    /// whose attribute equals its value colours the feature. Bands,
    /// categories and rules colour every role; a building none of them
    /// colours is coloured by height (colorByHeight) or `color`.
    std::vector<StyleRule> rules;
    /// Glyphs and masts: the attribute that holds each symbol's height in
    /// metres; empty, missing or unreadable: glyphHeight.
    std::string heightAttribute;
    /// Areas: the outline of every ring, drawn when its alpha is above 0.
    osg::Vec4 outlineColor{0.f, 0.f, 0.f, 0.f};
    float outlineWidth = 2.f;  ///< pixels
    /// The field whose value labels each feature ("name:en" falls back to
    /// "name"); empty: no labels. Areas: one label inside each polygon;
    /// lines: along the line; buildings: over the roofs of landmarks.
    std::string labelAttribute;
    /// Lines: only those whose categoryAttribute is one of these are
    /// labelled (major roads, rivers); empty: every named line.
    std::vector<std::string> labelCategories;
    /// Buildings: the height (metres) from which a named building is a
    /// landmark and gets its name over its roof.
    double labelMinHeight = 150.0;
};

/// Height bands for buildings: low-rise, mid-rise, high-rise (24 m: the
/// Chinese code's high-rise line), tall towers and super-tall ones, from
/// warm stone to blue glass so that the skyline reads at a glance.
std::vector<ColorBand> buildingHeightBands();

/// The band `value` falls in, or nullptr when below the first or no bands.
const ColorBand* bandFor(const std::vector<ColorBand>& bands, double value);

/// The label field a layer of polygons gets by default: "name" (or a
/// similar field) when most features have one and there are few enough to
/// read (a district map, not a land-use layer of thousands); else empty.
std::string defaultLabelAttribute(const geo::FeatureLayer& layer);

/// The style a layer gets when the user did not choose one: from its
/// geometry and, for polygons, whether it looks like buildings.
LayerStyle defaultStyleFor(const geo::FeatureLayer& layer);

const char* toString(LayerRole role);

}  // namespace citytwin::render
