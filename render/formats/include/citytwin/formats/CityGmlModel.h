#pragma once
// CityGML 1.0/2.0 city models read through libcitygml into plain values:
// one entry per top-level city object (a building), its polygons triangulated
// and tagged with their semantic surface (roof, wall, ground), coordinates as
// the file gives them (double, in the file's srsName). No scene graph here:
// render/src/citygml builds the nodes (parsing apart from drawing, as
// cesium-native keeps its readers apart from its renderers).
//
// Thread safety: readCityGml() may be called from any thread; calls are
// serialised inside (Xerces' start-up and shut-down are process-global).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "citytwin/geo/Crs.h"
#include "citytwin/geo/Feature.h"
#include "citytwin/geo/GeoTypes.h"
#include "citytwin/geo/Result.h"

namespace citytwin::formats {

/// What a polygon is part of. From the CityGML semantics (bldg:RoofSurface
/// ...); a polygon without semantics (LoD1 solids) by where it faces.
enum class CityGmlSurfaceKind { Roof, Wall, Ground, Other };

const char* toString(CityGmlSurfaceKind kind);

/// One polygon, triangulated by libcitygml (holes cut out).
struct CityGmlSurface {
    CityGmlSurfaceKind kind = CityGmlSurfaceKind::Other;
    bool fromSemantics = false;            ///< false: kind inferred from the normal
    std::vector<geo::GeoPoint> points;     ///< in the file's CRS (x, y, z)
    std::vector<std::uint32_t> triangles;  ///< three indices into points each
};

/// A top-level city object (bldg:Building with its BuildingParts, or any
/// other class) drawn at its finest level of detail.
struct CityGmlBuilding {
    std::string id;           ///< gml:id; empty if the file gives none
    std::string objectClass;  ///< "Building", "GenericCityObject", ...
    unsigned lod = 0;         ///< the LoD of the surfaces kept
    /// gml:id, class, lod, then the file's attributes (gml:name,
    /// bldg:function, bldg:measuredHeight, generic attributes...) as text.
    std::vector<geo::Attribute> attributes;
    std::vector<CityGmlSurface> surfaces;
};

struct CityGmlModel {
    /// The CRS name the file declares (the CityModel's gml:Envelope, else a
    /// geometry's or a city object's srsName); empty when it declares none.
    std::string srsName;
    std::vector<CityGmlBuilding> buildings;

    std::size_t polygonCount() const;
    std::size_t triangleCount() const;
};

/// Reads a CityGML file. Errors name the file and say why: cannot be
/// opened, empty, not XML / truncated (with the parser's line), not CityGML,
/// no city object with geometry. libcitygml's warnings become warnings.
geo::Result<CityGmlModel> readCityGml(const std::string& path);

/// The CRS an srsName names: EPSG codes in any of the usual spellings
/// ("EPSG:25833", "urn:ogc:def:crs:EPSG::25833", "http://www.opengis.net/def/
/// crs/EPSG/0/25833"), the horizontal part of a compound URN
/// ("urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::5783"), the German AdV names
/// ("urn:adv:crs:ETRS89_UTM32*DE_DHHN92_NH"). Heights are kept as given.
/// An error naming `source` and the srsName when PROJ does not know it.
geo::Result<geo::Crs> crsOfSrsName(const std::string& srsName, const std::string& source);

/// From the first 64 KiB only (cheap, for choosing a loader before reading).
struct CityGmlSniff {
    bool isCityGml = false;   ///< a CityGML 1.0/2.0 namespace is declared
    bool hasSrsName = false;  ///< an srsName attribute appears
};
CityGmlSniff sniffCityGml(const std::string& path);

}  // namespace citytwin::formats
