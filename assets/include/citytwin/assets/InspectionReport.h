#pragma once
// The inspector's report as a self-contained HTML document (UTF-8): the
// check, the place (WGS 84 and CGCS2000, geographic and 3-degree
// Gauss-Kruger), every finding with its article citation, severity, both
// messages and the related features with their coordinates and distances,
// the rules file name and version, and the date. The GUI adds a map snapshot
// (an image path) and prints the HTML to PDF (QTextDocument / QPrinter).

#include <optional>
#include <string>
#include <vector>

#include "citytwin/assets/Finding.h"
#include "citytwin/assets/IsoDate.h"
#include "citytwin/assets/RuleSet.h"
#include "citytwin/geo/Feature.h"

namespace citytwin::assets {

/// Which check a report is of; named as the CLI subcommand that runs it.
enum class CheckKind { Site, Works, Audit };

/// "check-site", "check-works" or "audit".
const char* checkKindName(CheckKind kind);
/// 选址核查, 施工作业核查 or 设施审查.
const char* checkKindTitleZh(CheckKind kind);

struct InspectionReport {
    std::string title;  ///< e.g. "Siting check" (shown with its Chinese title beside it)
    CheckKind checkKind = CheckKind::Site;
    IsoDate date;  ///< date of the inspection / audit
    std::string projectPath;
    std::string rulesName;
    std::string rulesVersion;
    std::string rulesSource;
    std::optional<geo::GeoPoint> maybeLocation;  ///< WGS 84: the site, or the works' centre
    std::vector<geo::Polygon> worksArea;         ///< WGS 84, check-works only
    std::vector<std::string> parameters;  ///< "operator: China Mobile", "host type: tower" ...
    std::string snapshotImagePath;        ///< optional map image (relative or absolute)
    std::vector<Finding> findings;
};

/// Fills the rules' name, version and source from a RuleSet.
void setRules(InspectionReport& report, const RuleSet& rules);

/// The report as HTML. Pure text production: PROJ is used for the CGCS2000
/// coordinates; where it fails the cell says "n/a".
std::string writeInspectionReportHtml(const InspectionReport& report);

/// "121.500000, 31.240000" style text of a WGS 84 point in the four systems
/// the report shows, one per element: WGS 84, CGCS2000 (EPSG:4490), and the
/// CGCS2000 3-degree Gauss-Kruger zone (EPSG:4549, CM 120E or EPSG:4550, CM 123E).
std::vector<std::string> describeCoordinates(const geo::GeoPoint& wgs84);

}  // namespace citytwin::assets
