#include "citytwin/render/InspectionOverlayBuilder.h"

#include <osg/BlendFunc>
#include <osg/Depth>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/LineWidth>
#include <osg/MatrixTransform>
#include <osg/Point>

#include <cmath>
#include <map>

#include "citytwin/assets/RuleSet.h"
#include "citytwin/render/PolygonTriangulator.h"
#include "overlays/OverlayDrawing.h"

namespace citytwin::render {
namespace {

constexpr float kGroundLift = 2.5f;     // metres: above roads (0.8) and zones (1.0)
constexpr float kMarkerHeight = 60.0f;  // metres: masts are 35 m, markers stand above them
constexpr int kCircleSegments = 96;

osg::Vec3d toVec(const geo::Vec3d& v) {
    return {v.x, v.y, v.z};
}

osg::Vec3d onGround(osg::Vec3d p) {
    p.z() = kGroundLift;
    return p;
}

void drawMarker(Drawing& d, const osg::Vec3d& ground, const osg::Vec4& colour, float height,
                float size) {
    const osg::Vec3d top = ground + osg::Vec3d(0, 0, height);
    d.line({ground, top}, colour, 3.0f, GL_LINES);
    d.points({top}, colour, size);
    d.points({ground}, colour, size * 0.6f);
}

}  // namespace

osg::Vec4 colourForRule(std::string_view ruleCode) {
    namespace rc = assets::rulecodes;
    static const std::map<std::string_view, osg::Vec4> colours = {
        {rc::kPublicFacilityFirst, {0.10f, 0.55f, 0.95f, 1.f}},
        {rc::kShareFirst, {0.95f, 0.60f, 0.05f, 1.f}},
        {rc::kPublicPlaces, {0.15f, 0.70f, 0.30f, 1.f}},
        {rc::kInterference, {0.60f, 0.25f, 0.85f, 1.f}},
        {rc::kLandProtection, {0.85f, 0.10f, 0.15f, 1.f}},
        {rc::kSubmarineZone, {0.75f, 0.20f, 0.65f, 1.f}},
        {rc::kWorksNotice, {0.95f, 0.45f, 0.10f, 1.f}},
        {rc::kUnderwaterProhibited, {0.70f, 0.05f, 0.30f, 1.f}},
        {rc::kSubmarineProhibited, {0.55f, 0.05f, 0.55f, 1.f}},
        {rc::kInspection, {0.90f, 0.70f, 0.10f, 1.f}},
        {rc::kRemovedWithoutReplacement, {0.80f, 0.15f, 0.10f, 1.f}},
        {rc::kDecommissioned, {0.75f, 0.30f, 0.05f, 1.f}},
        {rc::kSigns, {0.95f, 0.80f, 0.20f, 1.f}},
        {rc::kCoverageGap, {0.20f, 0.50f, 0.65f, 1.f}},
    };
    const auto it = colours.find(ruleCode);
    return it == colours.end() ? osg::Vec4(0.5f, 0.5f, 0.5f, 1.f) : it->second;
}

InspectionOverlayBuilder::InspectionOverlayBuilder(geo::LocalFrame frame)
    : _frame(std::move(frame)) {}

osg::ref_ptr<osg::Node> InspectionOverlayBuilder::build(const InspectionOverlay& o) const {
    std::vector<osg::Vec3d> outline;
    for (const auto& p : o.worksOutline)
        outline.push_back(onGround(toVec(_frame.toLocal(p))));

    // Lines to related features start at the site, or at the works' centre.
    std::optional<osg::Vec3d> maybeHub;
    if (o.maybeSite) {
        maybeHub = onGround(toVec(_frame.toLocal(*o.maybeSite)));
    } else if (!outline.empty()) {
        osg::Vec3d sum;
        for (const auto& p : outline)
            sum += p;
        maybeHub = sum / double(outline.size());
    }
    osg::Vec3d origin;
    if (maybeHub)
        origin = *maybeHub;
    else if (o.maybeFocus)
        origin = toVec(_frame.toLocal(o.maybeFocus->position));
    else if (!o.related.empty())
        origin = toVec(_frame.toLocal(o.related.front().position));
    origin.z() = 0.0;
    Drawing d(origin);

    if (o.maybeSite) {
        const osg::Vec3d c = *maybeHub;
        // Rules with the same distance (SH-12 and SH-24-4: 100 m) share one
        // circle drawn in alternating dashes of their colours.
        std::map<long, std::vector<osg::Vec4>> byRadius;  // centimetres
        for (const auto& circle : o.radii)
            byRadius[std::lround(circle.radiusM * 100.0)].push_back(circle.colour);
        for (const auto& [radiusCm, colours] : byRadius) {
            const double r = radiusCm / 100.0;
            const int dashes = colours.size() > 1 ? 48 : 1;
            for (int dash = 0; dash < dashes; ++dash) {
                std::vector<osg::Vec3d> arc;
                const int steps = kCircleSegments / dashes;
                for (int i = 0; i <= steps; ++i) {
                    const double a = 2.0 * osg::PI * (dash * steps + i) / kCircleSegments;
                    arc.push_back(c + osg::Vec3d(std::cos(a), std::sin(a), 0.0) * r);
                }
                d.line(arc, colours[std::size_t(dash) % colours.size()], 3.0f);
            }
        }
        drawMarker(d, c, {0.05f, 0.05f, 0.05f, 1.f}, kMarkerHeight * 1.5f, 14.0f);
    }

    if (!outline.empty()) {
        const osg::Vec4 edge(0.95f, 0.35f, 0.05f, 1.f);
        std::vector<osg::Vec3d> ring = outline;
        if (o.worksClosed && ring.size() >= 3) {
            std::vector<osg::Vec2d> flat;
            for (const auto& p : outline)
                flat.emplace_back(p.x(), p.y());
            const Triangulation t = triangulatePolygon({flat});
            std::vector<osg::Vec3d> vertices;
            for (const auto& v : t.vertices)
                vertices.emplace_back(v.x(), v.y(), kGroundLift);
            d.triangles(vertices, t.indices, {0.95f, 0.45f, 0.10f, 0.35f});
            ring.push_back(ring.front());
        }
        d.line(ring, edge, 3.0f);
        d.points(outline, edge, 9.0f);
    }

    for (const auto& m : o.related) {
        const osg::Vec3d p = onGround(toVec(_frame.toLocal(m.position)));
        if (maybeHub)
            d.line({*maybeHub, p}, m.colour, 2.0f, GL_LINES);
        drawMarker(d, p, m.colour, kMarkerHeight, 10.0f);
    }
    if (o.maybeFocus) {
        const osg::Vec3d p = onGround(toVec(_frame.toLocal(o.maybeFocus->position)));
        drawMarker(d, p, o.maybeFocus->colour, kMarkerHeight * 2.0f, 18.0f);
        std::vector<osg::Vec3d> ring;
        for (int i = 0; i <= 48; ++i) {
            const double a = 2.0 * osg::PI * i / 48;
            ring.push_back(p + osg::Vec3d(std::cos(a), std::sin(a), 0.0) * 25.0);
        }
        d.line(ring, o.maybeFocus->colour, 4.0f);
    }
    return d.finish();
}

}  // namespace citytwin::render
