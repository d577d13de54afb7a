#pragma once
// Builds the ReportModel of a check: sorts the findings, names the related
// features (kind, name, operator) from the project, keeps distances only
// where the rule measures one, counts by severity and rule (and operator for
// audits), concludes, projects every coordinate into the one report system,
// and frames the case map.

#include <string>
#include <vector>

#include "citytwin/assets/AssetModel.h"
#include "citytwin/assets/InspectionContext.h"
#include "citytwin/assets/InspectionReport.h"
#include "citytwin/assets/ProtectionZoneBuilder.h"
#include "citytwin/assets/ReportBaseMap.h"
#include "citytwin/assets/ReportModel.h"
#include "citytwin/geo/Result.h"

namespace citytwin::assets {

struct ReportInputs {
    const InspectionReport* report = nullptr;
    const AssetProject* project = nullptr;
    const RuleSet* rules = nullptr;
    ReportHeader header;
    /// The report's system (EPSG code, WKT, PROJ string); empty: the
    /// CGCS2000 GK zone of the case's centre.
    std::string crsDefinition;
    /// Protection zones to draw (check-works: the zones of the affected cables).
    std::vector<ProtectionZone> zones;
    /// The base map's sources (ReportBaseMap.h); none: the case alone.
    std::vector<BaseMapLayer> baseLayers;
};

/// True if rule `code` is about a distance (a search radius, a notice
/// distance, a zone): the report prints the related features' distances.
bool ruleMeasuresDistance(const std::string& code);

/// Fails only if the report system cannot be set up (bad --report-crs).
geo::Result<ReportModel> buildReportModel(const ReportInputs& inputs);

/// The same for a check run in `context`: its project and rules, and for a
/// works check the protection zones of the cables in the findings; the base
/// map from the report's project (findBaseMapLayers).
geo::Result<ReportModel> buildReportModel(const InspectionReport& report,
                                          const InspectionContext& context,
                                          const ReportHeader& header,
                                          const std::string& crsDefinition);

}  // namespace citytwin::assets
