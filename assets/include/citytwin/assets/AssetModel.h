#pragma once
// The Shanghai infrastructure model: one struct per fixed layer of a project
// GeoPackage (docs/assets.md lists the layers and fields). Coordinates are
// WGS 84 longitude/latitude in degrees (GIS order). Optional fields that the
// source leaves empty stay std::nullopt; the rules skip what they cannot judge.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "citytwin/assets/AssetEnums.h"
#include "citytwin/assets/IsoDate.h"
#include "citytwin/geo/Feature.h"

namespace citytwin::assets {

/// Layer names, fixed so that operators can prepare data in QGIS.
namespace layers {
inline constexpr const char* kBaseStations = "base_stations";
inline constexpr const char* kPublicFacilities = "public_facilities";
inline constexpr const char* kPublicPlaces = "public_places";
inline constexpr const char* kCables = "cables";
inline constexpr const char* kWorks = "works";
inline constexpr const char* kInterferenceSources = "interference_sources";
inline constexpr const char* kCoverageTargets = "coverage_targets";
/// Optional: the network's core nodes (a project without it has no backhaul model).
inline constexpr const char* kCoreNodes = "core_nodes";
/// All seven, in the order they are documented.
const std::vector<std::string>& all();
}  // namespace layers

struct BaseStation {
    std::string id;
    std::string operatorName;
    std::optional<HostType> maybeHostType;
    std::optional<SiteStatus> maybeStatus;
    std::optional<IsoDate> maybeStatusDate;
    std::vector<std::string> tenants;
    std::optional<long> maybeSpareCapacity;  ///< further tenants it can host
    std::optional<double> maybeAntennaHeightM;
    std::optional<double> maybeCoverageRadiusM;
    std::optional<IsoDate> maybeLastInspection;
    std::optional<long> maybeInspectionIntervalDays;
    std::optional<SignStatus> maybeSignStatus;
    std::string replacementId;
    geo::GeoPoint position;  ///< WGS 84 degrees
};

struct PublicFacility {
    std::string id;
    std::optional<FacilityKind> maybeKind;
    std::string name;
    bool suitable = true;  ///< `suitable` 0/1; missing means suitable
    geo::GeoPoint position;
};

/// A point or polygon(s) (a station building, a park).
struct PublicPlace {
    std::string id;
    std::optional<PlaceKind> maybeKind;
    std::string name;
    geo::Geometry geometry;
};

struct Cable {
    std::string id;
    std::string operatorName;
    std::optional<CableClass> maybeCableClass;
    std::optional<Waters> maybeWaters;  ///< submarine cables only
    std::string status;
    std::string fromId;  ///< optional `from`: the core node or site its first vertex joins
    std::string toId;    ///< optional `to`: ... its last vertex joins
    std::vector<geo::LineString> lines;  ///< one or more parts, WGS 84
};

/// A machine room, data centre or landing station: where backhaul ends.
struct CoreNode {
    std::string id;
    CoreNodeKind kind = CoreNodeKind::MachineRoom;
    std::string name;
    std::string operatorName;
    geo::GeoPoint position;  ///< WGS 84 degrees
};

struct Works {
    std::string id;
    std::optional<WorksKind> maybeKind;
    std::optional<IsoDate> maybeStart;
    std::optional<IsoDate> maybeEnd;
    std::string applicant;
    std::vector<geo::Polygon> polygons;
};

struct InterferenceSource {
    std::string id;
    std::string kind;  ///< free text (e.g. "radar", "jammer")
    std::optional<double> maybePowerW;
    geo::GeoPoint position;
};

struct CoverageTarget {
    std::string id;
    std::optional<CoverageKind> maybeKind;
    std::string name;
    std::vector<geo::Polygon> polygons;
};

/// Everything the rule engine reads, in WGS 84. Layers the source lacks are
/// empty and named in missingLayers.
struct AssetProject {
    std::string sourcePath;
    std::vector<BaseStation> baseStations;
    std::vector<PublicFacility> publicFacilities;
    std::vector<PublicPlace> publicPlaces;
    std::vector<Cable> cables;
    std::vector<Works> works;
    std::vector<InterferenceSource> interferenceSources;
    std::vector<CoverageTarget> coverageTargets;
    std::vector<CoreNode> coreNodes;  ///< optional layer core_nodes
    std::vector<std::string> missingLayers;

    /// Extent of every feature, WGS 84 degrees.
    geo::Extent extent() const;
};

}  // namespace citytwin::assets
