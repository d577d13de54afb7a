#include "citytwin/assets/SvgMapCanvas.h"

#include <cstdio>

#include "citytwin/assets/ReportHtml.h"

namespace citytwin::assets {
namespace {

std::string number(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.2f", v);
    return b;
}

std::string paint(const char* what, MapColour c) {
    if (c.alpha <= 0.0)
        return std::string(" ") + what + "=\"none\"";
    char b[96];
    std::snprintf(b, sizeof b, " %s=\"rgb(%d,%d,%d)\" %s-opacity=\"%.2f\"", what, c.r, c.g, c.b,
                  what, c.alpha);
    return b;
}

std::string stroke(MapColour c, double w, bool dashed) {
    return paint("stroke", c) + " stroke-width=\"" + number(w) + "\"" +
           (dashed ? " stroke-dasharray=\"1.5 1\"" : "");
}

std::string points(const std::vector<geo::GeoPoint>& mm) {
    std::string out;
    for (const auto& p : mm)
        out += number(p.x) + "," + number(p.y) + " ";
    return out;
}

}  // namespace

std::string escapeXml(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

SvgMapCanvas::SvgMapCanvas(double widthMm, double heightMm) : _w(widthMm), _h(heightMm) {}

void SvgMapCanvas::beginClip(double x, double y, double w, double h) {
    const std::string id = "clip" + std::to_string(_clips++);
    _body << "<clipPath id=\"" << id << "\"><rect x=\"" << number(x) << "\" y=\"" << number(y)
          << "\" width=\"" << number(w) << "\" height=\"" << number(h) << "\"/></clipPath>\n"
          << "<g clip-path=\"url(#" << id << ")\">\n";
}

void SvgMapCanvas::endClip() {
    _body << "</g>\n";
}

void SvgMapCanvas::polyline(const std::vector<geo::GeoPoint>& mm, MapColour s, double w,
                            bool dashed) {
    _body << "<polyline fill=\"none\"" << stroke(s, w, dashed) << " points=\"" << points(mm)
          << "\"/>\n";
}

void SvgMapCanvas::polygon(const std::vector<geo::GeoPoint>& mm, MapColour s, double w,
                           MapColour fill) {
    _body << "<polygon" << paint("fill", fill) << stroke(s, w, false) << " points=\"" << points(mm)
          << "\"/>\n";
}

void SvgMapCanvas::circle(double cx, double cy, double r, MapColour s, double w, MapColour fill,
                          bool dashed) {
    _body << "<circle cx=\"" << number(cx) << "\" cy=\"" << number(cy) << "\" r=\"" << number(r)
          << "\"" << paint("fill", fill) << stroke(s, w, dashed) << "/>\n";
}

void SvgMapCanvas::text(double x, double y, const std::string& utf8, double size, MapColour c,
                        bool bold) {
    _body << "<text x=\"" << number(x) << "\" y=\"" << number(y) << "\" font-size=\""
          << number(size) << "\"" << (bold ? " font-weight=\"bold\"" : "") << paint("fill", c)
          << ">" << escapeXml(utf8) << "</text>\n";
}

void SvgMapCanvas::image(double x, double y, double w, double h, const std::string& png) {
    _body << "<image x=\"" << number(x) << "\" y=\"" << number(y) << "\" width=\"" << number(w)
          << "\" height=\"" << number(h)
          << "\" preserveAspectRatio=\"none\" href=\"data:image/png;base64," << base64(png)
          << "\"/>\n";
}

std::string SvgMapCanvas::svg() const {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + number(_w) + "mm\" height=\"" +
           number(_h) + "mm\" viewBox=\"0 0 " + number(_w) + " " + number(_h) +
           "\" font-family=\"WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif\">\n" + _body.str() +
           "</svg>\n";
}

std::string reportMapSvg(const ReportModel& model, double widthMm, double heightMm) {
    SvgMapCanvas canvas(widthMm, heightMm);
    drawReportMap(model, canvas, widthMm, heightMm);
    return canvas.svg();
}

std::string reportObliqueMapSvg(const ReportModel& model, double widthMm, double heightMm) {
    SvgMapCanvas canvas(widthMm, heightMm);
    drawReportObliqueMap(model, canvas, widthMm, heightMm);
    return canvas.svg();
}

std::vector<std::string> reportDetailMapSvgs(const ReportModel& model, double widthMm,
                                             double heightMm) {
    std::vector<std::string> out;
    for (const auto& panel : detailPanels(model)) {
        SvgMapCanvas canvas(widthMm, heightMm);
        drawDetailPanel(model, panel, canvas, widthMm, heightMm);
        out.push_back(canvas.svg());
    }
    return out;
}

}  // namespace citytwin::assets
