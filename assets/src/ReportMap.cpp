#include "citytwin/assets/ReportMap.h"

#include <algorithm>
#include <cmath>

#include "citytwin/assets/AssetDisplayNames.h"

namespace citytwin::assets {
namespace {

constexpr MapColour kInk{30, 30, 30};
constexpr MapColour kFrame{90, 90, 90};
constexpr MapColour kNone{0, 0, 0, 0.0};
constexpr MapColour kWhite{255, 255, 255, 0.9};

MapColour severityColour(RuleSeverity s) {
    switch (s) {
        case RuleSeverity::Violation:
            return {190, 0, 32};
        case RuleSeverity::Warning:
            return {214, 130, 0};
        case RuleSeverity::Advice:
            return {31, 95, 168};
    }
    return kInk;
}

MapColour layerColour(const std::string& layer) {
    if (layer == "base_stations")
        return {122, 38, 160};
    if (layer == "public_facilities")
        return {0, 140, 70};
    if (layer == "public_places")
        return {0, 120, 160};
    if (layer == "cables")
        return {200, 90, 0};
    if (layer == "interference_sources")
        return {200, 0, 120};
    if (layer == "coverage_targets")
        return {110, 110, 20};
    return {80, 80, 80};
}

/// Map metres -> canvas millimetres for one frame.
struct Frame {
    double x0, y0, w, h;  ///< frame on the canvas, mm
    double scale;         ///< mm per metre
    double cx, cy;        ///< extent centre, metres
    geo::GeoPoint at(const geo::GeoPoint& m) const {
        return {x0 + w / 2 + (m.x - cx) * scale, y0 + h / 2 - (m.y - cy) * scale, 0.0};
    }
};

struct LegendEntry {
    std::string label;
    MapColour colour;
    enum class Symbol { Dot, Line, Area, Ring, Star } symbol;
};

void drawShape(const MapShape& s, const Frame& f, MapCanvas& c, std::vector<LegendEntry>& legend) {
    auto remember = [&legend](LegendEntry e) {
        for (const auto& l : legend)
            if (l.label == e.label)
                return;
        legend.push_back(std::move(e));
    };
    std::vector<geo::GeoPoint> mm;
    for (const auto& p : s.points)
        mm.push_back(f.at(p));
    switch (s.role) {
        case MapShape::Role::SearchRadius: {
            if (mm.empty())
                return;
            c.circle(mm[0].x, mm[0].y, s.radiusM * f.scale, {60, 60, 60}, 0.25, kNone, true);
            c.text(mm[0].x + s.radiusM * f.scale * 0.72, mm[0].y - s.radiusM * f.scale * 0.72,
                   s.label, 2.4, {60, 60, 60}, false);
            remember({"Search radius / 搜索半径", {60, 60, 60}, LegendEntry::Symbol::Ring});
            return;
        }
        case MapShape::Role::Zone:
            c.polygon(mm, {200, 90, 0, 0.8}, 0.2, {255, 170, 60, 0.30});
            remember(
                {"Protection zone / 保护范围", {255, 170, 60, 0.6}, LegendEntry::Symbol::Area});
            return;
        case MapShape::Role::WorksArea:
            c.polygon(mm, {190, 0, 32}, 0.5, {190, 0, 32, 0.12});
            remember({"Works area / 作业范围", {190, 0, 32, 0.4}, LegendEntry::Symbol::Area});
            return;
        case MapShape::Role::Site:
            if (mm.empty())
                return;
            c.circle(mm[0].x, mm[0].y, 1.8, kInk, 0.4, {255, 220, 0}, false);
            c.circle(mm[0].x, mm[0].y, 0.5, kInk, 0.2, kInk, false);
            remember({"Proposed site / 拟建站址", {255, 220, 0}, LegendEntry::Symbol::Star});
            return;
        case MapShape::Role::Finding: {
            if (mm.empty())
                return;
            const MapColour colour = severityColour(s.severity);
            c.circle(mm[0].x, mm[0].y, 1.4, kInk, 0.2, colour, false);
            c.text(mm[0].x + 1.8, mm[0].y + 0.9, s.label, 2.2, colour, true);
            const std::string sev(toString(s.severity));
            remember({"Finding: " + sev + " / " + severityZh(s.severity), colour,
                      LegendEntry::Symbol::Dot});
            return;
        }
        case MapShape::Role::Feature: {
            const MapColour colour = layerColour(s.layer);
            const DisplayName layer = layerDisplayName(s.layer);
            if (s.kind == MapShape::Kind::Line) {
                c.polyline(mm, colour, 0.6, false);
                remember({layer.both(), colour, LegendEntry::Symbol::Line});
                return;
            }
            if (mm.empty())
                return;
            c.circle(mm[0].x, mm[0].y, 1.0, kInk, 0.15, colour, false);
            c.text(mm[0].x + 1.4, mm[0].y - 0.8, s.label, 2.0, kInk, false);
            remember({layer.both(), colour, LegendEntry::Symbol::Dot});
            return;
        }
    }
}

void drawLegend(const std::vector<LegendEntry>& legend, double x, double y, MapCanvas& c) {
    const double row = 4.2;
    const double h = 5.0 + row * double(legend.size());
    c.polygon({{x, y, 0}, {x + 62, y, 0}, {x + 62, y + h, 0}, {x, y + h, 0}, {x, y, 0}}, kFrame,
              0.2, kWhite);
    c.text(x + 2, y + 4, "Legend / 图例", 2.6, kInk, true);
    double ty = y + 4 + row;
    for (const auto& e : legend) {
        const double sx = x + 4, sy = ty - 1.0;
        switch (e.symbol) {
            case LegendEntry::Symbol::Dot:
                c.circle(sx, sy, 1.0, kInk, 0.15, e.colour, false);
                break;
            case LegendEntry::Symbol::Star:
                c.circle(sx, sy, 1.5, kInk, 0.3, e.colour, false);
                break;
            case LegendEntry::Symbol::Line:
                c.polyline({{sx - 2.5, sy, 0}, {sx + 2.5, sy, 0}}, e.colour, 0.6, false);
                break;
            case LegendEntry::Symbol::Area:
                c.polygon({{sx - 2.5, sy - 1.4, 0},
                           {sx + 2.5, sy - 1.4, 0},
                           {sx + 2.5, sy + 1.4, 0},
                           {sx - 2.5, sy + 1.4, 0},
                           {sx - 2.5, sy - 1.4, 0}},
                          kFrame, 0.15, e.colour);
                break;
            case LegendEntry::Symbol::Ring:
                c.circle(sx, sy, 1.5, e.colour, 0.25, kNone, true);
                break;
        }
        c.text(x + 8, ty, e.label, 2.3, kInk, false);
        ty += row;
    }
}

void drawScaleBar(const Frame& f, double x, double y, MapCanvas& c) {
    const double metres = roundScaleBarMetres(40.0 / f.scale);
    const double len = metres * f.scale;
    c.polygon({{x - 2, y - 6, 0},
               {x + len + 14, y - 6, 0},
               {x + len + 14, y + 2, 0},
               {x - 2, y + 2, 0},
               {x - 2, y - 6, 0}},
              kNone, 0.0, kWhite);
    c.polygon({{x, y - 1.5, 0},
               {x + len / 2, y - 1.5, 0},
               {x + len / 2, y, 0},
               {x, y, 0},
               {x, y - 1.5, 0}},
              kInk, 0.2, kInk);
    c.polygon({{x + len / 2, y - 1.5, 0},
               {x + len, y - 1.5, 0},
               {x + len, y, 0},
               {x + len / 2, y, 0},
               {x + len / 2, y - 1.5, 0}},
              kInk, 0.2, {255, 255, 255});
    const std::string text =
        metres >= 1000.0 ? formatMetres(metres / 1000.0) + " km" : formatMetres(metres) + " m";
    c.text(x, y - 2.5, "0", 2.2, kInk, false);
    c.text(x + len + 1.0, y - 2.5, text, 2.2, kInk, false);
}

void drawNorthArrow(double x, double y, MapCanvas& c) {
    c.circle(x, y, 6.0, kFrame, 0.2, kWhite, false);
    c.polygon({{x, y - 5, 0}, {x + 2.2, y + 3, 0}, {x, y + 1.5, 0}, {x, y - 5, 0}}, kInk, 0.2,
              kInk);
    c.polygon({{x, y - 5, 0}, {x - 2.2, y + 3, 0}, {x, y + 1.5, 0}, {x, y - 5, 0}}, kInk, 0.2,
              {255, 255, 255});
    c.text(x - 1.1, y - 6.8, "N", 2.8, kInk, true);
}

}  // namespace

double roundScaleBarMetres(double maxMetres) {
    if (!(maxMetres > 0.0))
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(maxMetres)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * magnitude <= maxMetres)
            return step * magnitude;
    return magnitude;
}

void drawReportMap(const ReportModel& m, MapCanvas& c, double widthMm, double heightMm) {
    // The attribution strip below the map frame.
    const double attributionH = 5.0;
    Frame f{0.0, 0.0, widthMm, heightMm - attributionH, 1.0, 0.0, 0.0};
    const geo::Extent& e = m.mapExtent;
    if (std::isfinite(e.minX) && e.maxX > e.minX && e.maxY > e.minY) {
        f.scale = std::min(f.w / (e.maxX - e.minX), f.h / (e.maxY - e.minY));
        f.cx = e.centerX();
        f.cy = e.centerY();
    }
    c.polygon({{0, 0, 0}, {f.w, 0, 0}, {f.w, f.h, 0}, {0, f.h, 0}, {0, 0, 0}}, kFrame, 0.3,
              {248, 248, 244});
    std::vector<LegendEntry> legend;
    c.beginClip(0.0, 0.0, f.w, f.h);
    // Areas first, then lines and rings, then points and the site on top.
    for (int pass = 0; pass < 3; ++pass)
        for (const auto& s : m.mapShapes) {
            const bool area = s.kind == MapShape::Kind::Polygon;
            const bool line = s.kind == MapShape::Kind::Line || s.kind == MapShape::Kind::Circle;
            const int want = area ? 0 : line ? 1 : 2;
            if (want == pass)
                drawShape(s, f, c, legend);
        }
    drawLegend(legend, 3.0, 3.0, c);
    drawNorthArrow(f.w - 9.0, 11.0, c);
    drawScaleBar(f, 5.0, f.h - 5.0, c);
    c.endClip();
    c.text(0.5, heightMm - 1.2, m.attribution, 2.1, {70, 70, 70}, false);
}

}  // namespace citytwin::assets
