#pragma once
// Protection zones of cables as polygons, for drawing and export. Each cable
// is projected to a transverse Mercator centred on its own centroid (scale
// error under 1e-4 within 140 km of it), buffered there in metres with GEOS
// (through OGR) by the half-width of its class (submarine: 500 / 100 / 50 m
// by `waters`, SCP Art. 7; land classes from the rules file), and projected
// back to WGS 84. Never a buffer in degrees.
//
// The checkers do not read these polygons: they measure the distance to the
// centreline, which is the exact buffer; the polygons differ from it by the
// chord of their round ends (RuleSet::bufferQuadrantSegments).
//
// Thread safety: build() is const and may run concurrently (each call uses
// its own PROJ objects).

#include <optional>
#include <string>
#include <vector>

#include "citytwin/assets/AssetModel.h"
#include "citytwin/assets/RuleSet.h"
#include "citytwin/geo/Feature.h"
#include "citytwin/geo/Result.h"

namespace citytwin::assets {

struct ProtectionZone {
    std::string cableId;
    std::string operatorName;
    CableClass cableClass = CableClass::Duct;
    std::optional<Waters> maybeWaters;
    double halfWidthM = 0.0;             ///< metres each side of the centreline
    std::string ruleCode;                ///< "SCP-7" (submarine) or "SH-24-2"
    std::vector<geo::Polygon> polygons;  ///< WGS 84 degrees
};

class ProtectionZoneBuilder {
public:
    explicit ProtectionZoneBuilder(const RuleSet& rules);

    /// The zone of one cable; an error (naming the cable) if its class is
    /// unknown or the geometry cannot be buffered.
    geo::Result<ProtectionZone> build(const Cable& cable) const;
    /// Zones of every cable; cables that fail are reported and skipped.
    geo::Result<std::vector<ProtectionZone>> build(const std::vector<Cable>& cables) const;

private:
    const RuleSet& _rules;
};

/// Zones as a WGS 84 polygon layer named "protection_zones", attributes:
/// cable_id, operator, class, waters, half_width_m, rule, article.
geo::FeatureLayer zonesToFeatureLayer(const std::vector<ProtectionZone>& zones,
                                      const RuleSet& rules);

/// Writes the zones to a GeoPackage (layer "protection_zones", EPSG:4326),
/// replacing the file if it exists.
geo::Status writeZonesGeoPackage(const std::string& path, const std::vector<ProtectionZone>& zones,
                                 const RuleSet& rules);

}  // namespace citytwin::assets
