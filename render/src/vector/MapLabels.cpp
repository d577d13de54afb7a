#include "citytwin/render/MapLabels.h"

#include <osg/Geode>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

#include "citytwin/render/BuildingHeight.h"
#include "citytwin/render/PolygonLabels.h"
#include "vector/ScreenLabels.h"

namespace citytwin::render {
namespace {

/// A part of a line in local metres with its running length.
struct LocalPart {
    std::vector<osg::Vec2d> points;
    std::vector<double> runs;  ///< metres from the first point to each point

    double length() const { return runs.empty() ? 0.0 : runs.back(); }

    /// The point `s` metres along the part (clamped to its ends).
    osg::Vec2d at(double s) const {
        s = std::clamp(s, 0.0, length());
        const auto it = std::lower_bound(runs.begin(), runs.end(), s);
        const std::size_t j = std::max<std::size_t>(1, std::size_t(it - runs.begin()));
        if (j >= points.size())
            return points.back();
        const double seg = runs[j] - runs[j - 1];
        const double t = seg > 0.0 ? (s - runs[j - 1]) / seg : 0.0;
        return points[j - 1] + (points[j] - points[j - 1]) * t;
    }
};

LocalPart localPartOf(const geo::LineString& line, const geo::LocalFrame& frame) {
    LocalPart part;
    for (const auto& p : line) {
        const geo::Vec3d l = frame.toLocal({p.x, p.y, 0.0});
        const osg::Vec2d q(l.x, l.y);
        part.runs.push_back(
            part.points.empty() ? 0.0 : part.runs.back() + (q - part.points.back()).length());
        part.points.push_back(q);
    }
    return part;
}

bool inCategories(const geo::Feature& f, const LineLabelStyle& style) {
    if (style.categories.empty())
        return true;
    const std::string* kind = f.find(style.categoryAttribute);
    return kind && std::find(style.categories.begin(), style.categories.end(), *kind) !=
                       style.categories.end();
}

}  // namespace

std::string labelTextOf(const geo::Feature& feature, const std::string& attribute) {
    if (attribute.empty())
        return {};
    if (const std::string* v = feature.find(attribute); v && !v->empty())
        return *v;
    if (attribute.starts_with("name:"))
        if (const std::string* v = feature.find("name"); v && !v->empty())
            return *v;
    return {};
}

double uprightAngle(double dx, double dy) {
    double a = std::atan2(dy, dx);
    if (a > std::numbers::pi / 2)
        a -= std::numbers::pi;
    else if (a <= -std::numbers::pi / 2)
        a += std::numbers::pi;
    return a;
}

std::vector<LinePlacement> placeLineLabels(const geo::FeatureLayer& layer,
                                           const geo::LocalFrame& frame,
                                           const LineLabelStyle& style) {
    struct Candidate {
        LocalPart part;
        std::string text;
    };
    std::vector<Candidate> candidates;
    for (const geo::Feature& f : layer.features) {
        if (!inCategories(f, style))
            continue;
        const std::string text = labelTextOf(f, style.attribute);
        if (text.empty())
            continue;
        for (const auto& line : f.geometry.lines) {
            LocalPart part = localPartOf(line, frame);
            if (part.points.size() >= 2 && part.length() >= style.minLengthMetres)
                candidates.push_back({std::move(part), text});
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
        return a.part.length() > b.part.length();
    });
    std::map<std::string, std::vector<osg::Vec2d>> placedByName;
    std::vector<LinePlacement> out;
    for (const Candidate& c : candidates) {
        const double mid = 0.5 * c.part.length();
        const osg::Vec2d at = c.part.at(mid);
        std::vector<osg::Vec2d>& same = placedByName[c.text];
        const bool tooClose = std::any_of(same.begin(), same.end(), [&](const osg::Vec2d& p) {
            return (p - at).length() < style.repeatMetres;
        });
        if (tooClose)
            continue;
        // The chord round the middle: the direction a straight text follows.
        const double halfSpan = std::min(mid, 150.0);
        osg::Vec2d along = c.part.at(mid + halfSpan) - c.part.at(mid - halfSpan);
        const double chord = along.length();
        if (chord < 1e-6)
            continue;
        along /= chord;
        same.push_back(at);
        out.push_back({at, along, c.part.length(), c.text});
    }
    return out;
}

osg::ref_ptr<osg::Node> buildLineLabels(const geo::FeatureLayer& layer,
                                        const geo::LocalFrame& frame, const LineLabelStyle& style,
                                        std::size_t* count) {
    const std::vector<LinePlacement> placed = placeLineLabels(layer, frame, style);
    if (count)
        *count = placed.size();
    if (placed.empty())
        return new osg::Group;
    detail::LabelBatch batch(layer, frame);
    const detail::LabelLook look{style.color, style.haloColor, style.sizePixels};
    std::vector<detail::LabelChord> chords;
    for (const LinePlacement& p : placed) {
        batch.add(p.text, {p.at.x(), p.at.y(), style.elevation}, look);
        chords.push_back({osg::Vec3(float(p.along.x()), float(p.along.y()), 0.f), float(p.length)});
    }
    batch.geode->setCullCallback(new detail::ScreenLabelCallback(style.sizePixels, chords));
    return detail::labelLayerNode(layer.name + "-line-labels", batch.geode, batch.origin);
}

osg::ref_ptr<osg::Node> buildLandmarkLabels(const geo::FeatureLayer& layer,
                                            const geo::LocalFrame& frame,
                                            const LandmarkLabelStyle& style, std::size_t* count) {
    struct Landmark {
        osg::Vec2d at;
        double top = 0.0;
    };
    // The tallest part of each name (a tower's footprint is often several features).
    std::map<std::string, Landmark> byName;
    for (const geo::Feature& f : layer.features) {
        if (f.geometry.polygons.empty())
            continue;
        const double top = buildingExtentOf(f).top;
        if (top < style.minHeight)
            continue;
        std::string text = labelTextOf(f, style.attribute);
        if (text.empty())
            continue;
        auto it = byName.find(text);
        if (it != byName.end() && it->second.top >= top)
            continue;
        for (const auto& poly : f.geometry.polygons)
            if (auto p = labelPoint(localRingsOf(poly, frame))) {
                byName[text] = {*p, top};
                break;
            }
    }
    std::vector<std::pair<std::string, Landmark>> sorted(byName.begin(), byName.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second.top > b.second.top; });
    if (count)
        *count = sorted.size();
    if (sorted.empty())
        return new osg::Group;
    detail::LabelBatch batch(layer, frame);
    const detail::LabelLook look{style.color, style.haloColor, style.sizePixels};
    // A little over the roof: the name reads as the tower's, not its neighbour's.
    for (const auto& [text, l] : sorted)
        batch.add(text, {l.at.x(), l.at.y(), l.top + 6.0}, look);
    batch.geode->setCullCallback(new detail::ScreenLabelCallback(style.sizePixels));
    return detail::labelLayerNode(layer.name + "-landmark-labels", batch.geode, batch.origin);
}

}  // namespace citytwin::render
