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

MapColour severityColourOf(RuleSeverity s) {
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

MapColour layerColourOf(const std::string& layer) {
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
    enum class Symbol { Dot, Line, Area, Ring, Star, Outline } symbol;
};

/// The base map, faded: water and buildings as pale areas, roads as grey
/// lines by their kind, district boundaries dashed.
template <typename Remember>
void drawBase(const MapShape& s, const std::vector<geo::GeoPoint>& mm, MapCanvas& c,
              Remember&& remember) {
    if (s.layer == "water") {
        c.polygon(mm, {150, 190, 220, 0.8}, 0.1, {200, 225, 245, 0.9});
        remember({"Water / 水系", {200, 225, 245}, LegendEntry::Symbol::Area});
    } else if (s.layer == "buildings") {
        c.polygon(mm, {185, 180, 172, 0.9}, 0.08, {222, 218, 212, 0.9});
        remember({"Buildings / 建筑", {222, 218, 212}, LegendEntry::Symbol::Area});
    } else if (s.layer == "roads") {
        const bool major = s.label == "highway" || s.label == "major_road" ||
                           s.label == "primary" || s.label == "trunk" || s.label == "motorway";
        const bool minor = s.label == "path" || s.label == "footway" || s.label == "ferry";
        c.polyline(mm, {170, 170, 170, minor ? 0.5 : 0.9},
                   major   ? 0.7
                   : minor ? 0.12
                           : 0.35,
                   false);
        remember({"Roads / 道路", {170, 170, 170}, LegendEntry::Symbol::Line});
    } else if (s.layer == "boundaries") {
        c.polyline(mm, {120, 100, 140, 0.8}, 0.35, true);
        remember({"District boundary / 区界", {120, 100, 140}, LegendEntry::Symbol::Line});
    }
}

/// What a drawing pass learns: the legend's entries (what the frame shows)
/// and where the case's symbols lie (mm), which the legend must not cover.
struct Drawn {
    std::vector<LegendEntry> legend;
    std::vector<geo::GeoPoint> symbols;
    void dot(double x, double y, double r) {
        for (const auto& [dx, dy] : {std::pair(0.0, 0.0), {r, 0.0}, {-r, 0.0}, {0.0, r}, {0.0, -r}})
            symbols.push_back({x + dx, y + dy, 0.0});
    }
    /// A line's points every 1.5 mm.
    void line(const std::vector<geo::GeoPoint>& mm) {
        for (std::size_t i = 0; i < mm.size(); ++i) {
            symbols.push_back(mm[i]);
            if (i == 0)
                continue;
            const double len = std::hypot(mm[i].x - mm[i - 1].x, mm[i].y - mm[i - 1].y);
            const int steps = int(std::min(2000.0, len / 1.5));
            for (int k = 1; k < steps; ++k) {
                const double t = double(k) / steps;
                symbols.push_back({mm[i - 1].x + t * (mm[i].x - mm[i - 1].x),
                                   mm[i - 1].y + t * (mm[i].y - mm[i - 1].y), 0.0});
            }
        }
    }
    void label(double x, double y, const std::string& text, double sizeMm);
};

void drawShape(const MapShape& s, const Frame& f, MapCanvas& c, Drawn& drawn) {
    std::vector<LegendEntry>& legend = drawn.legend;
    std::vector<geo::GeoPoint> mm;
    for (const auto& p : s.points)
        mm.push_back(f.at(p));
    // The legend lists what the frame shows (a detail map clips most shapes):
    // a shape whose box, grown by a circle's radius, meets the frame.
    const double grow = s.kind == MapShape::Kind::Circle ? s.radiusM * f.scale : 0.0;
    geo::Extent box;
    for (const auto& p : mm)
        box.add(p.x, p.y);
    const bool visible = std::isfinite(box.minX) && box.maxX + grow >= f.x0 &&
                         box.minX - grow <= f.x0 + f.w && box.maxY + grow >= f.y0 &&
                         box.minY - grow <= f.y0 + f.h;
    auto remember = [&legend, visible](LegendEntry e) {
        if (!visible)
            return;
        for (const auto& l : legend)
            if (l.label == e.label)
                return;
        legend.push_back(std::move(e));
    };
    switch (s.role) {
        case MapShape::Role::Base:
            drawBase(s, mm, c, remember);
            return;
        case MapShape::Role::Measure: {
            if (mm.size() < 2)
                return;
            c.polyline(mm, {20, 20, 20}, 0.45, true);
            c.circle(mm[0].x, mm[0].y, 0.6, kInk, 0.2, kInk, false);
            c.circle(mm[1].x, mm[1].y, 0.6, kInk, 0.2, kInk, false);
            const geo::GeoPoint mid{(mm[0].x + mm[1].x) / 2, (mm[0].y + mm[1].y) / 2, 0.0};
            c.text(mid.x + 1.0, mid.y - 1.0, s.label, 2.6, kInk, true);
            drawn.line(mm);
            drawn.label(mid.x + 1.0, mid.y - 1.0, s.label, 2.6);
            remember({"Measured distance / 量测距离", {20, 20, 20}, LegendEntry::Symbol::Line});
            return;
        }
        case MapShape::Role::Containment: {
            if (mm.empty())
                return;
            // The case drawn bold with its wording above it: no 0 m line.
            geo::Extent box;
            for (const auto& p : mm)
                box.add(p.x, p.y);
            if (mm.size() > 1) {
                c.polygon(mm, kInk, 0.7, kNone);
                drawn.line(mm);
            } else {
                c.circle(mm[0].x, mm[0].y, 2.6, kInk, 0.6, kNone, false);
                drawn.dot(mm[0].x, mm[0].y, 2.6);
            }
            const double x = box.minX, y = box.minY - 3.0;
            c.text(x, y, s.label, 2.6, kInk, true);
            drawn.label(x, y, s.label, 2.6);
            remember({s.label, kInk,
                      mm.size() > 1 ? LegendEntry::Symbol::Outline : LegendEntry::Symbol::Ring});
            return;
        }
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
            drawn.line(mm);
            remember({"Works area / 作业范围", {190, 0, 32, 0.4}, LegendEntry::Symbol::Area});
            return;
        case MapShape::Role::Site:
            if (mm.empty())
                return;
            c.circle(mm[0].x, mm[0].y, 1.8, kInk, 0.4, {255, 220, 0}, false);
            c.circle(mm[0].x, mm[0].y, 0.5, kInk, 0.2, kInk, false);
            drawn.dot(mm[0].x, mm[0].y, 1.8);
            remember({"Proposed site / 拟建站址", {255, 220, 0}, LegendEntry::Symbol::Star});
            return;
        case MapShape::Role::Finding: {
            if (mm.empty())
                return;
            const MapColour colour = severityColourOf(s.severity);
            c.circle(mm[0].x, mm[0].y, 1.4, kInk, 0.2, colour, false);
            c.text(mm[0].x + 1.8, mm[0].y + 0.9, s.label, 2.2, colour, true);
            drawn.dot(mm[0].x, mm[0].y, 1.4);
            drawn.label(mm[0].x + 1.8, mm[0].y + 0.9, s.label, 2.2);
            const std::string sev(toString(s.severity));
            remember({"Finding: " + sev + " / " + severityZh(s.severity), colour,
                      LegendEntry::Symbol::Dot});
            return;
        }
        case MapShape::Role::Feature: {
            const MapColour colour = layerColourOf(s.layer);
            const DisplayName layer = layerDisplayName(s.layer);
            if (s.kind == MapShape::Kind::Line) {
                c.polyline(mm, colour, 0.6, false);
                drawn.line(mm);
                remember({layer.both(), colour, LegendEntry::Symbol::Line});
                return;
            }
            if (mm.empty())
                return;
            c.circle(mm[0].x, mm[0].y, 1.0, kInk, 0.15, colour, false);
            c.text(mm[0].x + 1.4, mm[0].y - 0.8, s.label, 2.0, kInk, false);
            drawn.dot(mm[0].x, mm[0].y, 1.0);
            drawn.label(mm[0].x + 1.4, mm[0].y - 0.8, s.label, 2.0);
            remember({layer.both(), colour, LegendEntry::Symbol::Dot});
            return;
        }
    }
}

constexpr double kLegendRowMm = 4.2;
constexpr double kLegendColumnMm = 62.0;

/// The legend box's size with its entries in `columns` columns.
std::pair<double, double> legendSize(std::size_t entries, int columns) {
    const std::size_t rows = (entries + std::size_t(columns) - 1) / std::size_t(columns);
    return {kLegendColumnMm * columns, 6.0 + kLegendRowMm * double(rows)};
}

void drawLegend(const std::vector<LegendEntry>& legend, double x, double y, MapCanvas& c,
                int columns = 1) {
    const auto [w, h] = legendSize(legend.size(), columns);
    const std::size_t rows = (legend.size() + std::size_t(columns) - 1) / std::size_t(columns);
    c.polygon({{x, y, 0}, {x + w, y, 0}, {x + w, y + h, 0}, {x, y + h, 0}, {x, y, 0}}, kFrame, 0.2,
              kWhite);
    c.text(x + 2, y + 4, "Legend / 图例", 2.6, kInk, true);
    for (std::size_t i = 0; i < legend.size(); ++i) {
        const LegendEntry& e = legend[i];
        const double cx = x + kLegendColumnMm * double(i / std::max<std::size_t>(rows, 1));
        const double ty = y + 4 + kLegendRowMm * double(1 + i % std::max<std::size_t>(rows, 1));
        const double sx = cx + 4, sy = ty - 1.0;
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
            case LegendEntry::Symbol::Outline:
                c.polygon({{sx - 2.5, sy - 1.4, 0},
                           {sx + 2.5, sy - 1.4, 0},
                           {sx + 2.5, sy + 1.4, 0},
                           {sx - 2.5, sy + 1.4, 0},
                           {sx - 2.5, sy - 1.4, 0}},
                          e.colour, 0.6, kNone);
                break;
        }
        c.text(cx + 8, ty, e.label, 2.3, kInk, false);
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

MapColour reportSeverityColour(RuleSeverity s) {
    return severityColourOf(s);
}

MapColour reportLayerColour(const std::string& layer) {
    return layerColourOf(layer);
}

double roundScaleBarMetres(double maxMetres) {
    if (!(maxMetres > 0.0))
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(maxMetres)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * magnitude <= maxMetres)
            return step * magnitude;
    return magnitude;
}

namespace {

constexpr double kAttributionSizeMm = 2.1;

/// A rough width of UTF-8 text: half an em per ASCII character, one per CJK one.
double textWidthMm(const std::string& utf8, double sizeMm) {
    double em = 0.0;
    for (const unsigned char ch : utf8)
        if (ch < 0x80)
            em += 0.55;
        else if (ch >= 0xC0)
            em += 1.0;
    return em * sizeMm;
}

void Drawn::label(double x, double y, const std::string& text, double sizeMm) {
    const double w = textWidthMm(text, sizeMm);
    for (double dx = 0.0; dx <= w; dx += 1.5)
        for (const double dy : {0.0, -sizeMm * 0.7})
            symbols.push_back({x + dx, y + dy, 0.0});
}

/// Draws nothing: a pass that only learns what a frame shows (Drawn).
class NullCanvas final : public MapCanvas {
public:
    void beginClip(double, double, double, double) override {}
    void endClip() override {}
    void polyline(const std::vector<geo::GeoPoint>&, MapColour, double, bool) override {}
    void polygon(const std::vector<geo::GeoPoint>&, MapColour, double, MapColour) override {}
    void circle(double, double, double, MapColour, double, MapColour, bool) override {}
    void text(double, double, const std::string&, double, MapColour, bool) override {}
    void image(double, double, double, double, const std::string&) override {}
};

/// The attribution in lines that fit widthMm, broken after its "; ".
std::vector<std::string> attributionLines(const std::string& text, double widthMm) {
    std::vector<std::string> lines(1);
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find("; ", at);
        end = end == std::string::npos ? text.size() : end + 2;
        const std::string piece = text.substr(at, end - at);
        if (!lines.back().empty() &&
            textWidthMm(lines.back() + piece, kAttributionSizeMm) > widthMm)
            lines.emplace_back();
        lines.back() += piece;
        at = end;
    }
    return lines;
}

Frame frameFor(const geo::Extent& e, double widthMm, double heightMm) {
    Frame f{0.0, 0.0, widthMm, heightMm, 1.0, 0.0, 0.0};
    if (std::isfinite(e.minX) && e.maxX > e.minX && e.maxY > e.minY) {
        f.scale = std::min(f.w / (e.maxX - e.minX), f.h / (e.maxY - e.minY));
        f.cx = e.centerX();
        f.cy = e.centerY();
    }
    return f;
}

/// Draws the shapes in their order: the base map first; then areas, lines
/// and rings, points and the site on top; a detail map's shapes last.
Drawn drawShapes(const ReportModel& m, const std::vector<MapShape>& extra, const Frame& f,
                 MapCanvas& c) {
    Drawn drawn;
    for (const auto& s : m.mapShapes)
        if (s.role == MapShape::Role::Base)
            drawShape(s, f, c, drawn);
    for (int pass = 0; pass < 3; ++pass)
        for (const auto& s : m.mapShapes) {
            if (s.role == MapShape::Role::Base)
                continue;
            const bool area = s.kind == MapShape::Kind::Polygon;
            const bool line = s.kind == MapShape::Kind::Line || s.kind == MapShape::Kind::Circle;
            const int want = area ? 0 : line ? 1 : 2;
            if (want == pass)
                drawShape(s, f, c, drawn);
        }
    for (const auto& s : extra)
        drawShape(s, f, c, drawn);
    return drawn;
}

enum class Corner { TopLeft, TopRight, BottomLeft, BottomRight };

struct LegendPlace {
    bool inside = true;  ///< false: in a strip below the frame
    Corner corner = Corner::TopLeft;
    double x = 3.0, y = 3.0;
};

/// The corner of a frameW x frameH frame whose box for a legend of
/// `entries` covers the fewest of `points` (mm; the first of top left, top
/// right, bottom left, bottom right on a tie); `covered` is how many it covers.
LegendPlace emptiestCorner(std::size_t entries, const std::vector<geo::GeoPoint>& points,
                           double frameW, double frameH, int& covered) {
    const auto [w, h] = legendSize(entries, 1);
    LegendPlace best;
    covered = -1;
    for (Corner corner :
         {Corner::TopLeft, Corner::TopRight, Corner::BottomLeft, Corner::BottomRight}) {
        const bool right = corner == Corner::TopRight || corner == Corner::BottomRight;
        const bool bottom = corner == Corner::BottomLeft || corner == Corner::BottomRight;
        const double x = right ? frameW - 3.0 - w : 3.0;
        const double y = bottom ? frameH - 3.0 - h : 3.0;
        int n = 0;
        for (const auto& p : points)
            if (p.x >= x - 1.0 && p.x <= x + w + 1.0 && p.y >= y - 1.0 && p.y <= y + h + 1.0)
                ++n;
        if (covered < 0 || n < covered) {
            covered = n;
            best = {true, corner, x, y};
        }
    }
    return best;
}

void drawFramed(const ReportModel& m, const geo::Extent& e, const std::vector<MapShape>& extra,
                MapCanvas& c, double widthMm, double heightMm) {
    // The attribution strip below the map frame, as many lines as it needs.
    const std::vector<std::string> attribution = attributionLines(m.attribution, widthMm - 1.0);
    const double lineH = kAttributionSizeMm * 1.3;
    const double attributionH = 1.5 + lineH * double(attribution.size());
    // The legend goes in the corner that hides none of the case's symbols;
    // if every corner would hide one, in a strip below the frame instead.
    Frame f = frameFor(e, widthMm, heightMm - attributionH);
    NullCanvas probe;
    int covered = 0;
    const Drawn probed = drawShapes(m, extra, f, probe);
    LegendPlace place = emptiestCorner(probed.legend.size(), probed.symbols, f.w, f.h, covered);
    double stripH = 0.0;
    const int columns = std::max(1, int(widthMm / kLegendColumnMm));
    if (covered > 0) {
        place.inside = false;
        // Twice: the smaller frame may show an entry more.
        for (int i = 0; i < 2; ++i) {
            const Drawn d = drawShapes(m, extra, f, probe);
            stripH = std::max(stripH, legendSize(d.legend.size(), columns).second + 2.0);
            f = frameFor(e, widthMm, heightMm - attributionH - stripH);
        }
    }
    c.polygon({{0, 0, 0}, {f.w, 0, 0}, {f.w, f.h, 0}, {0, f.h, 0}, {0, 0, 0}}, kFrame, 0.3,
              {248, 248, 244});
    c.beginClip(0.0, 0.0, f.w, f.h);
    const Drawn drawn = drawShapes(m, extra, f, c);
    // The north arrow and the scale bar keep out of the legend's corner.
    const bool legendTopRight = place.inside && place.corner == Corner::TopRight;
    const bool legendBottomLeft = place.inside && place.corner == Corner::BottomLeft;
    drawNorthArrow(legendTopRight ? 9.0 : f.w - 9.0, 11.0, c);
    const double barMetres = roundScaleBarMetres(40.0 / f.scale);
    drawScaleBar(f, legendBottomLeft ? f.w - 16.0 - barMetres * f.scale : 5.0, f.h - 5.0, c);
    if (place.inside)
        drawLegend(drawn.legend, place.x, place.y, c);
    c.endClip();
    if (!place.inside)
        drawLegend(drawn.legend, 0.0, f.h + 1.5, c, columns);
    for (std::size_t i = 0; i < attribution.size(); ++i)
        c.text(0.5, f.h + stripH + lineH * double(i + 1), attribution[i], kAttributionSizeMm,
               {70, 70, 70}, false);
}

/// How the oblique view was taken (render/ObliqueCaseRenderer.cpp).
constexpr const char* kObliqueCaption =
    "Oblique 3D view from the south, looking north, 45° down; no scale bar: the scale of a "
    "perspective view changes with distance / 自南向北斜视三维图（俯角45°）；透视图比例随距离变化，"
    "不设比例尺";

}  // namespace

namespace {

/// An oblique image filling widthMm and as much height as its aspect takes,
/// its labels over it, the legend of what it shows (the shapes of `extent`
/// and `extra`, as the top-down map would list them), a north arrow, the
/// caption and the attribution below.
void drawObliqueFramed(const ReportModel& m, const ObliqueView& view, const geo::Extent& extent,
                       const std::vector<MapShape>& extra, MapCanvas& c, double widthMm,
                       double heightMm) {
    const std::vector<std::string> attribution = attributionLines(m.attribution, widthMm - 1.0);
    const std::vector<std::string> caption = attributionLines(kObliqueCaption, widthMm - 1.0);
    const double lineH = kAttributionSizeMm * 1.3;
    const double textH = 1.5 + lineH * double(attribution.size() + caption.size());
    const double frameH = std::min(heightMm - textH, widthMm / kObliqueAspect);
    const double frameW = frameH * kObliqueAspect;
    c.polygon({{0, 0, 0}, {frameW, 0, 0}, {frameW, frameH, 0}, {0, frameH, 0}, {0, 0, 0}}, kFrame,
              0.3, {248, 248, 244});
    if (!view.empty())
        c.image(0.0, 0.0, frameW, frameH, view.png);
    NullCanvas probe;
    const Drawn drawn = drawShapes(m, extra, frameFor(extent, frameW, frameH), probe);
    // The legend in the corner that covers the fewest of the view's points
    // and labels, as on the top-down map; the north arrow out of its way.
    std::vector<geo::GeoPoint> anchors;
    for (const auto& q : view.keepClear)
        anchors.push_back({q.u * frameW, q.v * frameH, 0.0});
    for (const auto& l : view.labels)
        anchors.push_back({l.u * frameW + 1.0, l.v * frameH - 1.0, 0.0});
    int covered = 0;
    const LegendPlace place = emptiestCorner(drawn.legend.size(), anchors, frameW, frameH, covered);
    c.beginClip(0.0, 0.0, frameW, frameH);
    // Labels as page text, on a pale box so that they read over the city.
    for (const auto& l : view.labels) {
        const double x = l.u * frameW + 1.0, y = l.v * frameH - 1.0;
        const double w = textWidthMm(l.text, 2.6) + 1.2;
        c.polygon({{x - 0.6, y - 3.0, 0},
                   {x - 0.6 + w, y - 3.0, 0},
                   {x - 0.6 + w, y + 0.9, 0},
                   {x - 0.6, y + 0.9, 0},
                   {x - 0.6, y - 3.0, 0}},
                  kNone, 0.0, {255, 255, 255, 0.8});
        c.text(x, y, l.text, 2.6, kInk, true);
    }
    drawLegend(drawn.legend, place.x, place.y, c);
    drawNorthArrow(place.corner == Corner::TopRight ? 9.0 : frameW - 9.0, 11.0, c);
    c.endClip();
    double y = frameH;
    for (const auto& line : caption)
        c.text(0.5, y += lineH, line, kAttributionSizeMm, kInk, false);
    for (const auto& line : attribution)
        c.text(0.5, y += lineH, line, kAttributionSizeMm, {70, 70, 70}, false);
}

}  // namespace

void drawReportObliqueMap(const ReportModel& m, MapCanvas& c, double widthMm, double heightMm) {
    // The legend of what the case map shows: the 3D view draws the same shapes.
    drawObliqueFramed(m, ObliqueView{m.obliquePng, {}, {}}, m.mapExtent, {}, c, widthMm, heightMm);
}

void drawReportObliqueDetailMap(const ReportModel& m, const ReportFinding& f, MapCanvas& c,
                                double widthMm, double heightMm) {
    drawObliqueFramed(m, f.detailOblique, f.maybeDetailExtent ? *f.maybeDetailExtent : m.mapExtent,
                      f.detailShapes, c, widthMm, heightMm);
}

std::vector<DetailPanel> detailPanels(const ReportModel& m) {
    std::vector<DetailPanel> out;
    int n = 0;
    for (const auto& f : m.findings) {
        if (!f.maybeDetailExtent)
            continue;
        ++n;
        const bool oblique = showsOblique(m.mapView) && !f.detailOblique.empty();
        if (showsTopDown(m.mapView) || !oblique)
            out.push_back({&f, false, n});
        if (oblique)
            out.push_back({&f, true, n});
    }
    return out;
}

void drawDetailPanel(const ReportModel& m, const DetailPanel& p, MapCanvas& c, double widthMm,
                     double heightMm) {
    if (p.oblique)
        drawReportObliqueDetailMap(m, *p.finding, c, widthMm, heightMm);
    else
        drawReportDetailMap(m, *p.finding, c, widthMm, heightMm);
}

std::string detailPanelTitle(const DetailPanel& p) {
    const std::string title = detailMapTitle(*p.finding, p.number);
    return p.oblique ? title + ", oblique 3D view / 斜视三维图" : title;
}

std::string detailMapTitle(const ReportFinding& f, int n) {
    std::size_t measured = 0, contained = 0, lines = 0;
    for (const auto& r : f.related)
        if (r.maybeDistanceM) {
            ++measured;
            contained += *r.maybeDistanceM <= 0.05;  // drawn as containment, not a line
        }
    for (const auto& s : f.detailShapes)
        lines += s.role == MapShape::Role::Measure;
    const std::size_t shown = std::min(measured, lines + contained);
    const std::string nth = std::to_string(n);
    std::string title =
        "Detail map " + nth + " / 局部详图 " + nth + " — " + f.rule + ": " +
        (lines == 0       ? "containment / 包含关系"
         : contained == 0 ? "measured distances / 量测距离"
                          : "measured distances and containment / 量测距离与包含关系");
    if (shown < measured)
        title += " (nearest " + std::to_string(shown) + " of " + std::to_string(measured) +
                 " / 最近 " + std::to_string(shown) + " 处，共 " + std::to_string(measured) +
                 " 处)";
    return title;
}

void drawReportMap(const ReportModel& m, MapCanvas& c, double widthMm, double heightMm) {
    drawFramed(m, m.mapExtent, {}, c, widthMm, heightMm);
}

void drawReportDetailMap(const ReportModel& m, const ReportFinding& finding, MapCanvas& c,
                         double widthMm, double heightMm) {
    drawFramed(m, finding.maybeDetailExtent ? *finding.maybeDetailExtent : m.mapExtent,
               finding.detailShapes, c, widthMm, heightMm);
}

}  // namespace citytwin::assets
