#pragma once
// Vector features as every module sees them: geometry in the owning layer's
// CRS (double precision) and attributes as text. Multi-geometries are kept
// as several parts of one feature.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "citytwin/geo/Crs.h"
#include "citytwin/geo/GeoTypes.h"

namespace citytwin::geo {

using Ring = std::vector<GeoPoint>;
using LineString = std::vector<GeoPoint>;

/// rings[0] is the outer boundary; the rest are holes.
struct Polygon {
    std::vector<Ring> rings;
};

struct Geometry {
    std::vector<GeoPoint> points;
    std::vector<LineString> lines;
    std::vector<Polygon> polygons;

    bool isEmpty() const { return points.empty() && lines.empty() && polygons.empty(); }
    Extent extent() const;
};

struct Attribute {
    std::string name;
    std::string value;
};

struct Feature {
    std::int64_t id = 0;  ///< the source's feature id (FID)
    Geometry geometry;
    std::vector<Attribute> attributes;

    /// The attribute's value, or nullptr if the feature has none by that name.
    const std::string* find(const std::string& name) const;
};

/// The number an attribute value writes (" 42", "+3.5", "1e3"; spaces
/// round it allowed); nullopt for anything else, an infinity or NaN.
std::optional<double> attributeNumber(std::string_view text);

enum class GeometryKind { Unknown, Point, Line, Polygon, Mixed };

/// A named set of features in one CRS.
struct FeatureLayer {
    std::string name;
    std::string sourcePath;  ///< file or dataset it came from
    Crs crs;                 ///< CRS of the coordinates held here
    Crs sourceCrs;           ///< CRS declared by the source, before any conversion
    std::vector<Feature> features;

    Extent extent() const;
    GeometryKind geometryKind() const;
};

const char* toString(GeometryKind kind);

}  // namespace citytwin::geo
