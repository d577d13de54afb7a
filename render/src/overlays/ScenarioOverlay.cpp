#include "citytwin/render/ScenarioOverlay.h"

#include <osg/NodeCallback>

#include <cmath>
#include <utility>

#include "citytwin/render/PolygonTriangulator.h"
#include "overlays/OverlayDrawing.h"

namespace citytwin::render {
namespace {

// Metres above the ground: coverage and zones lowest, then polygons, then lines.
constexpr double kCoverageLift = 2.0;
constexpr double kZoneLift = 2.2;
constexpr double kWorksLift = 2.6;
constexpr double kLineLift = 3.0;
constexpr double kCutMarkerHeight = 90.0;  // above the 35 m masts
constexpr double kSiteRingM = 45.0;
constexpr double kVesselLengthM = 120.0;
constexpr int kRingSegments = 48;

const osg::Vec4 kCut(0.95f, 0.05f, 0.05f, 1.f);
const osg::Vec4 kNoBackhaul(0.90f, 0.10f, 0.10f, 1.f);
const osg::Vec4 kSiteDown(0.25f, 0.25f, 0.25f, 1.f);
const osg::Vec4 kSiteGrey(0.55f, 0.55f, 0.55f, 1.f);
const osg::Vec4 kCoverage(0.95f, 0.30f, 0.20f, 0.28f);
const osg::Vec4 kZone(0.85f, 0.10f, 0.75f, 0.30f);
const osg::Vec4 kZoneEdge(0.85f, 0.10f, 0.75f, 1.f);
const osg::Vec4 kWorks(0.95f, 0.55f, 0.05f, 0.45f);
const osg::Vec4 kWorksEdge(0.95f, 0.45f, 0.0f, 1.f);
const osg::Vec4 kVessel(0.10f, 0.35f, 0.95f, 1.f);
const osg::Vec4 kVesselViolating(0.95f, 0.10f, 0.60f, 1.f);

class ApplyCallback : public osg::NodeCallback {
public:
    explicit ApplyCallback(ScenarioOverlay* overlay) : _overlay(overlay) {}
    void operator()(osg::Node* node, osg::NodeVisitor* nv) override {
        _overlay->applyPending();
        traverse(node, nv);
    }

private:
    ScenarioOverlay* _overlay;  // owns the node holding this callback
};

bool samePoint(const geo::GeoPoint& a, const geo::GeoPoint& b) {
    return a.x == b.x && a.y == b.y;
}

bool sameRing(const geo::Ring& a, const geo::Ring& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!samePoint(a[i], b[i]))
            return false;
    return true;
}

bool samePolygons(const std::vector<geo::Polygon>& a, const std::vector<geo::Polygon>& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].rings.size() != b[i].rings.size())
            return false;
        for (std::size_t r = 0; r < a[i].rings.size(); ++r)
            if (!sameRing(a[i].rings[r], b[i].rings[r]))
                return false;
    }
    return true;
}

}  // namespace

bool drawsSame(const assets::ScenarioState& a, const assets::ScenarioState& b) {
    if (a.cablesDown != b.cablesDown || a.sitesDown != b.sitesDown ||
        a.sitesWithoutBackhaul != b.sitesWithoutBackhaul || a.zonesViolated != b.zonesViolated ||
        a.cuts.size() != b.cuts.size() || a.excavations.size() != b.excavations.size() ||
        a.vessels.size() != b.vessels.size() || a.coverageLost.sites != b.coverageLost.sites ||
        !samePolygons(a.coverageLost.polygons, b.coverageLost.polygons))
        return false;
    for (std::size_t i = 0; i < a.cuts.size(); ++i)
        if (a.cuts[i].cableId != b.cuts[i].cableId || !samePoint(a.cuts[i].point, b.cuts[i].point))
            return false;
    for (std::size_t i = 0; i < a.excavations.size(); ++i)
        if (a.excavations[i].id != b.excavations[i].id ||
            !samePolygons({a.excavations[i].polygon}, {b.excavations[i].polygon}))
            return false;
    for (std::size_t i = 0; i < a.vessels.size(); ++i) {
        const auto &va = a.vessels[i], &vb = b.vessels[i];
        if (va.id != vb.id || !samePoint(va.position, vb.position) ||
            va.headingDeg != vb.headingDeg || va.anchoringViolation != vb.anchoringViolation ||
            va.zonesEntered != vb.zonesEntered)
            return false;
    }
    return true;
}

osg::Vec4 ScenarioOverlay::cutColour() {
    return kCut;
}

osg::Vec4 ScenarioOverlay::noBackhaulColour() {
    return kNoBackhaul;
}

ScenarioOverlay::ScenarioOverlay(std::shared_ptr<const assets::NetworkModel> network,
                                 ZonePolygons zones, geo::LocalFrame frame)
    : _network(std::move(network)), _zones(std::move(zones)), _frame(std::move(frame)) {
    _root = new osg::Group;
    _root->setName(kScenarioLayerId);
    _root->setUpdateCallback(new ApplyCallback(this));
    // The marks are what the operator looks at: never culled by a stale bound.
    _root->setCullingActive(false);
}

bool ScenarioOverlay::setState(const assets::ScenarioState& state) {
    if (_hasLast && drawsSame(_last, state))
        return false;
    osg::ref_ptr<osg::Node> marks = build(state);
    _last = state;
    _hasLast = true;
    const std::lock_guard lock(_mutex);
    _pending = std::move(marks);
    _hasPending = true;
    ++_setVersion;
    return true;
}

void ScenarioOverlay::clear() {
    _hasLast = false;
    const std::lock_guard lock(_mutex);
    _pending = nullptr;
    _hasPending = true;
    ++_setVersion;
}

std::uint64_t ScenarioOverlay::setVersion() const {
    const std::lock_guard lock(_mutex);
    return _setVersion;
}

void ScenarioOverlay::applyPending() {
    osg::ref_ptr<osg::Node> marks;
    std::uint64_t version = 0;
    {
        const std::lock_guard lock(_mutex);
        if (!_hasPending)
            return;
        marks = std::move(_pending);
        _hasPending = false;
        version = _setVersion;
    }
    _root->removeChildren(0, _root->getNumChildren());
    _shownDrawables = 0;
    if (marks) {
        _root->addChild(marks);
        if (auto* xf = marks->asGroup(); xf && xf->getNumChildren() > 0)
            if (auto* geode = xf->getChild(0)->asGeode())
                _shownDrawables = geode->getNumDrawables();
    }
    _appliedVersion = version;
}

osg::ref_ptr<osg::Node> ScenarioOverlay::build(const assets::ScenarioState& s) const {
    auto local = [this](const geo::GeoPoint& p, double lift) {
        const geo::Vec3d v = _frame.toLocal({p.x, p.y, 0.0});
        return osg::Vec3d(v.x, v.y, lift);
    };
    // Float vertices near an origin inside the marks (the frame's origin: the
    // marks of one city lie within a few tens of kilometres of it).
    Drawing d(osg::Vec3d(0, 0, 0));

    auto fill = [&](const geo::Polygon& polygon, double lift, const osg::Vec4& colour,
                    const osg::Vec4* maybeEdge) {
        if (polygon.rings.empty() || polygon.rings.front().size() < 3)
            return;
        std::vector<std::vector<osg::Vec2d>> rings;
        for (const auto& ring : polygon.rings) {
            std::vector<osg::Vec2d> flat;
            for (const auto& p : ring) {
                const osg::Vec3d v = local(p, lift);
                flat.emplace_back(v.x(), v.y());
            }
            rings.push_back(std::move(flat));
        }
        const Triangulation t = triangulatePolygon(rings);
        std::vector<osg::Vec3d> vertices;
        vertices.reserve(t.vertices.size());
        for (const auto& v : t.vertices)
            vertices.emplace_back(v.x(), v.y(), lift);
        d.triangles(vertices, t.indices, colour);
        if (maybeEdge) {
            for (const auto& ring : rings) {
                std::vector<osg::Vec3d> line;
                for (const auto& v : ring)
                    line.emplace_back(v.x(), v.y(), lift);
                line.push_back(line.front());
                d.line(line, *maybeEdge, 2.0f);
            }
        }
    };
    auto ring = [&](const osg::Vec3d& c, double radius, const osg::Vec4& colour, float width) {
        std::vector<osg::Vec3d> circle;
        for (int i = 0; i <= kRingSegments; ++i) {
            const double a = 2.0 * osg::PI * i / kRingSegments;
            circle.push_back(c + osg::Vec3d(std::cos(a), std::sin(a), 0.0) * radius);
        }
        d.line(circle, colour, width);
    };

    for (const auto& polygon : s.coverageLost.polygons)
        fill(polygon, kCoverageLift, kCoverage, nullptr);
    for (const auto& cable : s.zonesViolated) {
        const auto it = _zones.find(cable);
        if (it == _zones.end())
            continue;
        for (const auto& polygon : it->second)
            fill(polygon, kZoneLift, kZone, &kZoneEdge);
    }
    for (const auto& works : s.excavations)
        fill(works.polygon, kWorksLift, kWorks, &kWorksEdge);

    for (const auto& cable : s.cablesDown) {
        const std::vector<geo::GeoPoint>* line = _network ? _network->cableLine(cable) : nullptr;
        if (!line)
            continue;
        std::vector<osg::Vec3d> points;
        for (const auto& p : *line)
            points.push_back(local(p, kLineLift));
        d.line(points, kCut, 6.0f);
    }
    for (const auto& cut : s.cuts) {
        const osg::Vec3d ground = local(cut.point, kLineLift);
        const osg::Vec3d top = ground + osg::Vec3d(0, 0, kCutMarkerHeight);
        d.line({ground, top}, kCut, 4.0f, GL_LINES);
        d.points({top}, kCut, 18.0f);
        // A cross on the ground at the cut.
        const double r = 25.0;
        d.line({ground + osg::Vec3d(-r, -r, 0), ground + osg::Vec3d(r, r, 0),
                ground + osg::Vec3d(-r, r, 0), ground + osg::Vec3d(r, -r, 0)},
               kCut, 5.0f, GL_LINES);
    }

    auto sitePosition = [this](const std::string& id) -> std::optional<geo::GeoPoint> {
        if (!_network)
            return std::nullopt;
        const auto i = _network->findNode(id);
        if (!i)
            return std::nullopt;
        return _network->nodes()[*i].position;
    };
    std::vector<osg::Vec3d> greyCentres;
    for (const auto& id : s.sitesWithoutBackhaul) {
        if (auto p = sitePosition(id)) {
            const osg::Vec3d c = local(*p, kLineLift);
            ring(c, kSiteRingM, kNoBackhaul, 5.0f);
            greyCentres.push_back(c);
        }
    }
    std::vector<osg::Vec3d> downCentres;
    for (const auto& id : s.sitesDown) {
        if (auto p = sitePosition(id)) {
            const osg::Vec3d c = local(*p, kLineLift);
            ring(c, kSiteRingM * 1.3, kSiteDown, 5.0f);
            downCentres.push_back(c);
        }
    }
    d.points(greyCentres, kSiteGrey, 14.0f);
    d.points(downCentres, kSiteDown, 14.0f);

    for (const auto& vessel : s.vessels) {
        const osg::Vec3d c = local(vessel.position, kLineLift);
        // Heading: degrees clockwise from north; east is +x, north +y.
        const double h = osg::DegreesToRadians(vessel.headingDeg);
        const osg::Vec3d fwd(std::sin(h), std::cos(h), 0.0), side(std::cos(h), -std::sin(h), 0.0);
        const osg::Vec3d bow = c + fwd * (kVesselLengthM * 0.6);
        const osg::Vec3d port = c - fwd * (kVesselLengthM * 0.4) - side * (kVesselLengthM * 0.25);
        const osg::Vec3d starboard =
            c - fwd * (kVesselLengthM * 0.4) + side * (kVesselLengthM * 0.25);
        const osg::Vec4& colour =
            vessel.anchoringViolation || !vessel.zonesEntered.empty() ? kVesselViolating : kVessel;
        d.triangles({bow, port, starboard}, {0, 1, 2}, colour);
        d.line({bow, port, starboard, bow}, {0.f, 0.f, 0.f, 1.f}, 2.0f);
        if (vessel.anchoringViolation)
            ring(c, kVesselLengthM, kVesselViolating, 4.0f);
    }
    return d.drawableCount() > 0 ? d.finish() : osg::ref_ptr<osg::Node>();
}

}  // namespace citytwin::render
