#pragma once
// The case map of a report, composed once for every output: the shapes of
// ReportModel framed on the case (top-down, north up), a legend (in the
// corner that hides none of the case's symbols, else below the frame), a
// scale bar, a north arrow and the attribution; or the oblique 3D view of
// the case with its legend. It draws on a MapCanvas: SVG for the
// HTML report (SvgMapCanvas), QPainter for the PDF (app/inspection).

#include <string>
#include <vector>

#include "citytwin/assets/ReportModel.h"

namespace citytwin::assets {

struct MapColour {
    int r = 0, g = 0, b = 0;
    double alpha = 1.0;  ///< 0..1
};

/// A drawing surface in millimetres, origin top left, y down.
class MapCanvas {
public:
    virtual ~MapCanvas() = default;
    /// Everything after it is clipped to this rectangle, until endClip().
    virtual void beginClip(double x, double y, double w, double h) = 0;
    virtual void endClip() = 0;
    virtual void polyline(const std::vector<geo::GeoPoint>& mm, MapColour stroke, double widthMm,
                          bool dashed) = 0;
    virtual void polygon(const std::vector<geo::GeoPoint>& mm, MapColour stroke, double widthMm,
                         MapColour fill) = 0;
    virtual void circle(double cx, double cy, double rMm, MapColour stroke, double widthMm,
                        MapColour fill, bool dashed) = 0;
    /// UTF-8 text with its baseline's left end at (x, y); sizeMm: the font's em height.
    virtual void text(double x, double y, const std::string& utf8, double sizeMm, MapColour colour,
                      bool bold) = 0;
    /// A PNG image (bytes) stretched over the rectangle (x, y, w, h).
    virtual void image(double x, double y, double w, double h, const std::string& png) = 0;
};

/// Width / height of the oblique view's image (render::renderObliqueCase).
inline constexpr double kObliqueAspect = 1.5;

/// Draws the map of `model` filling widthMm x heightMm (the legend, scale
/// bar, north arrow and attribution inside it).
void drawReportMap(const ReportModel& model, MapCanvas& canvas, double widthMm, double heightMm);

/// The detail map of one finding (its maybeDetailExtent, its measured
/// lines over the model's shapes), composed like the case map.
void drawReportDetailMap(const ReportModel& model, const ReportFinding& finding, MapCanvas& canvas,
                         double widthMm, double heightMm);

/// The oblique 3D view of the case (model.obliquePng, nothing if empty)
/// filling widthMm and as much height as its aspect takes, with the case
/// map's legend, a north arrow, a line saying how it was viewed (no scale
/// bar: the scale of a perspective view changes with distance) and the
/// attribution below it.
void drawReportObliqueMap(const ReportModel& model, MapCanvas& canvas, double widthMm,
                          double heightMm);

/// The detail map of one finding as an oblique 3D view
/// (finding.detailOblique: its labels printed over it), composed like
/// drawReportObliqueMap with the detail map's legend.
void drawReportObliqueDetailMap(const ReportModel& model, const ReportFinding& finding,
                                MapCanvas& canvas, double widthMm, double heightMm);

/// One detail map of a report: a finding's top-down map or its oblique view.
struct DetailPanel {
    const ReportFinding* finding = nullptr;
    bool oblique = false;
    int number = 0;  ///< the finding's detail-map number (1-based); both views share it
};

/// The detail maps a report prints, in order, as its map view asks: per
/// finding with a detail extent, the top-down map, the oblique view, or both
/// (top-down first); the top-down map where the oblique view was asked for
/// but not rendered.
std::vector<DetailPanel> detailPanels(const ReportModel& model);

/// Draws a panel: drawReportDetailMap or drawReportObliqueDetailMap.
void drawDetailPanel(const ReportModel& model, const DetailPanel& panel, MapCanvas& canvas,
                     double widthMm, double heightMm);

/// A panel's heading: detailMapTitle, marked as the oblique view where it is one.
std::string detailPanelTitle(const DetailPanel& panel);

/// The heading of the n-th detail map (1-based): "Detail map 1 / 局部详图 1 —
/// SH-11: measured distances / 量测距离 (nearest 5 of 12 / ...)".
std::string detailMapTitle(const ReportFinding& finding, int n);

/// The colours the maps (and the oblique view) give a finding's severity
/// and a feature's layer.
MapColour reportSeverityColour(RuleSeverity s);
MapColour reportLayerColour(const std::string& layer);

/// The scale bar's length: a round number of metres (1, 2, 5 x 10^n) not
/// longer than maxMetres.
double roundScaleBarMetres(double maxMetres);

}  // namespace citytwin::assets
