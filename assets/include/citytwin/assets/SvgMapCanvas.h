#pragma once
// A MapCanvas that writes SVG (millimetre user units), for the HTML report:
// vector, self-contained, text as text.

#include <sstream>
#include <string>

#include "citytwin/assets/ReportMap.h"

namespace citytwin::assets {

class SvgMapCanvas final : public MapCanvas {
public:
    SvgMapCanvas(double widthMm, double heightMm);
    void beginClip(double x, double y, double w, double h) override;
    void endClip() override;
    void polyline(const std::vector<geo::GeoPoint>& mm, MapColour stroke, double widthMm,
                  bool dashed) override;
    void polygon(const std::vector<geo::GeoPoint>& mm, MapColour stroke, double widthMm,
                 MapColour fill) override;
    void circle(double cx, double cy, double rMm, MapColour stroke, double widthMm, MapColour fill,
                bool dashed) override;
    void text(double x, double y, const std::string& utf8, double sizeMm, MapColour colour,
              bool bold) override;
    void image(double x, double y, double w, double h, const std::string& png) override;
    /// The finished document.
    std::string svg() const;

private:
    double _w, _h;
    int _clips = 0;
    std::ostringstream _body;
};

/// The model's map as an SVG document of widthMm x heightMm.
std::string reportMapSvg(const ReportModel& model, double widthMm, double heightMm);
/// The model's oblique view (drawReportObliqueMap) as an SVG document.
std::string reportObliqueMapSvg(const ReportModel& model, double widthMm, double heightMm);
/// The detail maps (detailPanels: top-down, oblique or both per finding), in order.
std::vector<std::string> reportDetailMapSvgs(const ReportModel& model, double widthMm,
                                             double heightMm);

/// Escapes & < > " ' for HTML and XML text and attributes.
std::string escapeXml(const std::string& text);

}  // namespace citytwin::assets
