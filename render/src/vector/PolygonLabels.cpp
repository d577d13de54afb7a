#include "citytwin/render/PolygonLabels.h"

#include <algorithm>
#include <cmath>

#include "citytwin/render/MapLabels.h"
#include "vector/ScreenLabels.h"

namespace citytwin::render {
namespace {

double ringArea(const std::vector<osg::Vec2d>& r) {
    double a = 0.0;
    for (std::size_t i = 0; i < r.size(); ++i) {
        const auto& p = r[i];
        const auto& q = r[(i + 1) % r.size()];
        a += p.x() * q.y() - q.x() * p.y();
    }
    return 0.5 * a;
}

/// x where each edge of every ring crosses the line y (even-odd: pairs of
/// consecutive crossings bound the inside).
std::vector<double> crossings(const std::vector<std::vector<osg::Vec2d>>& rings, double y) {
    std::vector<double> xs;
    for (const auto& r : rings)
        for (std::size_t i = 0; i < r.size(); ++i) {
            const osg::Vec2d& p = r[i];
            const osg::Vec2d& q = r[(i + 1) % r.size()];
            if ((p.y() <= y) == (q.y() <= y))
                continue;
            xs.push_back(p.x() + (y - p.y()) * (q.x() - p.x()) / (q.y() - p.y()));
        }
    std::sort(xs.begin(), xs.end());
    return xs;
}

}  // namespace

std::vector<std::vector<osg::Vec2d>> localRingsOf(const geo::Polygon& poly,
                                                  const geo::LocalFrame& frame) {
    std::vector<std::vector<osg::Vec2d>> rings;
    for (const auto& ring : poly.rings) {
        std::vector<osg::Vec2d> r;
        r.reserve(ring.size());
        for (const auto& p : ring) {
            const geo::Vec3d l = frame.toLocal({p.x, p.y, 0.0});
            r.emplace_back(l.x, l.y);
        }
        if (r.size() >= 2 && (r.front() - r.back()).length2() < 1e-8)
            r.pop_back();
        if (r.size() >= 3)
            rings.push_back(std::move(r));
    }
    return rings;
}

std::optional<osg::Vec2d> labelPoint(const std::vector<std::vector<osg::Vec2d>>& rings) {
    if (rings.empty() || rings[0].size() < 3 || std::abs(ringArea(rings[0])) < 1e-9)
        return std::nullopt;
    double minY = rings[0][0].y(), maxY = minY;
    for (const auto& p : rings[0]) {
        minY = std::min(minY, p.y());
        maxY = std::max(maxY, p.y());
    }
    std::optional<osg::Vec2d> best;
    double bestWidth = -1.0;
    // Middle first: ties keep the central line. Offsets avoid running exactly
    // through a vertex.
    for (double f : {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.45, 0.55, 0.35, 0.65}) {
        const double y = minY + (maxY - minY) * (f + 1e-7);
        const std::vector<double> xs = crossings(rings, y);
        for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
            const double w = xs[i + 1] - xs[i];
            if (w > bestWidth * 1.25) {
                bestWidth = w;
                best = osg::Vec2d(0.5 * (xs[i] + xs[i + 1]), y);
            }
        }
    }
    return best;
}

osg::ref_ptr<osg::Node> buildPolygonLabels(const geo::FeatureLayer& layer,
                                           const geo::LocalFrame& frame,
                                           const PolygonLabelStyle& style, std::size_t* count) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->setName(layer.name + "-labels");
    std::size_t made = 0;
    if (!style.attribute.empty()) {
        detail::LabelBatch batch(layer, frame);
        // The largest districts first: where labels would overlap, theirs stay.
        struct Placed {
            osg::Vec2d at;
            double area;
            std::string value;
        };
        std::vector<Placed> placed;
        for (const geo::Feature& f : layer.features) {
            std::string value = labelTextOf(f, style.attribute);
            if (value.empty())
                continue;
            // The largest part of a multi-polygon carries the label.
            std::optional<osg::Vec2d> at;
            double bestArea = 0.0;
            for (const auto& poly : f.geometry.polygons) {
                const auto rings = localRingsOf(poly, frame);
                if (rings.empty())
                    continue;
                const double a = std::abs(ringArea(rings[0]));
                if (a <= bestArea)
                    continue;
                if (auto p = labelPoint(rings)) {
                    at = p;
                    bestArea = a;
                }
            }
            if (at)
                placed.push_back({*at, bestArea, std::move(value)});
        }
        std::stable_sort(placed.begin(), placed.end(),
                         [](const Placed& a, const Placed& b) { return a.area > b.area; });
        const detail::LabelLook look{style.color, style.haloColor, style.sizePixels};
        for (const Placed& p : placed) {
            batch.add(p.value, {p.at.x(), p.at.y(), style.elevation}, look);
            ++made;
        }
        batch.geode->setCullCallback(new detail::ScreenLabelCallback(style.sizePixels));
        group->addChild(detail::labelLayerNode(layer.name + "-labels", batch.geode, batch.origin));
    }
    if (count)
        *count = made;
    return group;
}

}  // namespace citytwin::render
