#pragma once
// The inspection report as data (issue 18): one typed model that the PDF,
// the self-contained HTML and the map are all drawn from. Built once from a
// check's InspectionReport (ReportModelBuilder.h); every coordinate in it is
// in the report's one system (`crsCode`), WGS 84 beside it.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "citytwin/assets/InspectionReport.h"
#include "citytwin/assets/RuleSet.h"
#include "citytwin/geo/GeoTypes.h"

namespace citytwin::assets {

/// What the inspector concludes: no finding; only advice (notices to act
/// on); at least one warning or violation.
enum class Conclusion { Compliant, CompliantWithNotices, NonCompliant };
const char* conclusionEn(Conclusion c);  ///< "Compliant", "Compliant with notices", ...
const char* conclusionZh(Conclusion c);  ///< 合规, 合规但有提示, 不合规
const char* severityZh(RuleSeverity s);  ///< 建议, 警告, 违规

/// What the inspector enters once (remembered by the GUI, options in the CLI).
struct ReportHeader {
    std::string caseNumber;
    std::string inspector;
    std::string organisation;
};

/// A point in the report's system and in WGS 84.
struct ReportPoint {
    double x = 0.0, y = 0.0;      ///< easting, northing (metres) in the report CRS
    double lon = 0.0, lat = 0.0;  ///< WGS 84 degrees
};

struct ReportFeature {
    std::string layer, id;
    std::string kindEn, kindZh;            ///< display name of its kind / class / host type
    std::string name;                      ///< feature name, empty if it has none
    std::string operatorName;              ///< empty if the layer has no operator
    std::optional<double> maybeDistanceM;  ///< only where the rule measures one
    ReportPoint at;
};

/// A shape of the case map, in report-CRS metres.
struct MapShape {
    enum class Kind { Point, Line, Polygon, Circle };
    /// What it shows: decides its style and its legend entry.
    /// Base: the base map under the case (layer: roads, water, buildings,
    /// boundaries; label: the road's kind). Measure: a finding's measured
    /// line (detail maps; label: the distance). Containment: a detail map's
    /// case outlined where a feature measured 0 m (inside the zone or the
    /// works area, so there is no line to draw; label: the wording).
    enum class Role {
        Site,
        SearchRadius,
        Feature,
        WorksArea,
        Zone,
        Finding,
        Base,
        Measure,
        Containment
    };
    Kind kind = Kind::Point;
    Role role = Role::Feature;
    std::vector<geo::GeoPoint> points;  ///< x/y metres; Polygon: one closed ring
    double radiusM = 0.0;               ///< Circle
    double heightM = 0.0;               ///< Base buildings: the data's height (0: unknown)
    std::string label;
    std::string layer;                             ///< Feature: its layer; Finding: its rule
    RuleSeverity severity = RuleSeverity::Advice;  ///< Finding
};

/// A label printed over an oblique image, as text of the page (searchable,
/// in the report's font): its anchor as a fraction of the image, u to the
/// right, v down.
struct ImageLabel {
    double u = 0.0, v = 0.0;
    std::string text;
};

/// A point of an oblique image that the legend must not cover (the site,
/// a feature's pin, a measured line's end): fractions of the image as
/// ImageLabel's.
struct ImagePoint {
    double u = 0.0, v = 0.0;
};

/// An oblique 3D view as a report holds it (render::renderObliqueDetail):
/// the picture, the labels to print over it and the points to keep clear.
/// Empty: not rendered.
struct ObliqueView {
    std::string png;  ///< PNG bytes
    std::vector<ImageLabel> labels;
    std::vector<ImagePoint> keepClear;
    bool empty() const { return png.empty(); }
};

struct ReportFinding {
    std::string rule, article;
    std::string articleTextZh, articleTextEn;  ///< the article's text (see ArticleTexts.h)
    RuleSeverity severity = RuleSeverity::Advice;
    std::string messageZh, messageEn;
    std::vector<ReportFeature> related;
    std::string operatorName;  ///< of the audited asset (audits), else empty
    /// A detail map where it helps (a finding with measured distances in a
    /// site or works check): framed on the case and the measured features;
    /// detailShapes are its measured lines, drawn over the model's shapes.
    std::optional<geo::Extent> maybeDetailExtent;
    std::vector<MapShape> detailShapes;
    /// The detail map as an oblique 3D view (when the map view shows the
    /// oblique view): the same extent and measured lines, seen like the case.
    ObliqueView detailOblique;
};

/// How the case map is drawn (issue 18: "top-down or oblique by choice"):
/// the top-down map, the oblique 3D view (ReportModel::obliquePng), or both
/// (the top-down map, then the oblique view on a page of its own). Detail
/// maps follow the same choice.
enum class MapView { TopDown, Oblique, Both };
const char* mapViewName(MapView v);  ///< "top-down", "oblique", "both"
/// From mapViewName's words; nullopt for anything else.
std::optional<MapView> parseMapView(const std::string& name);
inline bool showsTopDown(MapView v) {
    return v != MapView::Oblique;
}
inline bool showsOblique(MapView v) {
    return v != MapView::TopDown;
}

/// One row of the summary: a rule (and, for audits, an operator) and how many findings.
struct ReportCount {
    std::string rule;
    std::string operatorName;  ///< audits only
    RuleSeverity severity = RuleSeverity::Advice;
    int count = 0;
};

struct ReportModel {
    CheckKind checkKind = CheckKind::Site;
    std::string titleEn, titleZh;
    ReportHeader header;
    std::string date;  ///< YYYY-MM-DD
    std::string projectPath;
    std::string rulesName, rulesVersion, rulesSource;
    std::string crsCode;   ///< e.g. "EPSG:4549"
    std::string crsLabel;  ///< e.g. "EPSG:4549 CGCS2000 / 3-degree Gauss-Kruger CM 120E"
    std::optional<ReportPoint> maybeCentre;  ///< the site or the works' centre
    std::vector<ReportPoint> worksArea;      ///< outer ring, check-works only
    std::vector<std::string> parameters;
    std::vector<ReportFinding> findings;  ///< severity (violation first), then rule
    std::map<RuleSeverity, int> countsBySeverity;
    std::vector<ReportCount> counts;  ///< by rule (and operator for audits)
    Conclusion conclusion = Conclusion::Compliant;
    geo::Extent mapExtent;  ///< report-CRS metres, framed on the case
    std::vector<MapShape> mapShapes;
    std::string attribution;                  ///< data sources for the map
    std::vector<std::string> baseMapSources;  ///< files the base map was read from
    MapView mapView = MapView::TopDown;
    /// The oblique 3D view of the case as PNG bytes (rendered off-screen by
    /// render::renderObliqueCase); empty: not rendered.
    std::string obliquePng;
};

/// Orders findings: violation, warning, advice; then rule code; then first related id.
void sortFindings(std::vector<ReportFinding>& findings);
/// The conclusion for these findings.
Conclusion concludeFrom(const std::vector<ReportFinding>& findings);

}  // namespace citytwin::assets
