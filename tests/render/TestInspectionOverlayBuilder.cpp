// The inspector's overlay: circles of the right radius around the site in
// the local frame, shared radii dashed in both colours, the works outline
// closed and filled once the polygon is closed, drawn over the city.

#include <gtest/gtest.h>

#include <osg/Depth>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/MatrixTransform>

#include <cmath>
#include <set>

#include "citytwin/render/InspectionOverlayBuilder.h"

using namespace citytwin;

namespace {

const geo::GeoPoint kSite{121.5, 31.24, 0.0};

struct Drawn {
    osg::ref_ptr<osg::Node> node;  // keeps the geometries alive
    std::vector<const osg::Geometry*> geometries;
    osg::Matrixd toLocal;
};

Drawn drawnBy(const osg::ref_ptr<osg::Node>& node) {
    Drawn d;
    d.node = node;
    auto* xf = dynamic_cast<osg::MatrixTransform*>(node.get());
    EXPECT_NE(xf, nullptr);
    if (!xf)
        return d;
    d.toLocal = xf->getMatrix();
    auto* geode = xf->getChild(0)->asGeode();
    for (unsigned i = 0; i < geode->getNumDrawables(); ++i)
        d.geometries.push_back(geode->getDrawable(i)->asGeometry());
    return d;
}

osg::Vec4 colourOf(const osg::Geometry* g) {
    return static_cast<const osg::Vec4Array*>(g->getColorArray())->front();
}

/// Horizontal distances (m) of a line's vertices from the site, in the local frame.
std::set<long> radiiOf(const osg::Geometry* g, const Drawn& d, const osg::Vec3d& site) {
    std::set<long> out;
    const auto* v = static_cast<const osg::Vec3Array*>(g->getVertexArray());
    for (const auto& p : *v) {
        const osg::Vec3d local = osg::Vec3d(p) * d.toLocal;
        out.insert(std::lround(std::hypot(local.x() - site.x(), local.y() - site.y())));
    }
    return out;
}

}  // namespace

TEST(InspectionOverlayBuilder, drawsEachSearchRadiusAroundTheSiteInItsRulesColour) {
    const geo::LocalFrame frame({121.49, 31.23, 0.0});
    render::InspectionOverlay o;
    o.maybeSite = kSite;
    o.radii = {{200.0, render::colourForRule("SH-11")}, {300.0, render::colourForRule("SH-16")}};
    const Drawn d = drawnBy(render::InspectionOverlayBuilder(frame).build(o));
    const geo::Vec3d s = frame.toLocal(kSite);
    const osg::Vec3d site(s.x, s.y, 0.0);
    std::set<long> radii;
    for (const auto* g : d.geometries) {
        const auto r = radiiOf(g, d, site);
        if (r.size() == 1 && *r.begin() >= 100) {
            radii.insert(*r.begin());
            EXPECT_EQ(colourOf(g), render::colourForRule(*r.begin() == 200 ? "SH-11" : "SH-16"));
        }
    }
    EXPECT_EQ(radii, (std::set<long>{200, 300}));
    // Over the city: no depth test against buildings.
    auto* depth = dynamic_cast<const osg::Depth*>(
        d.geometries.front()->getParent(0)->getStateSet()->getAttribute(
            osg::StateAttribute::DEPTH));
    ASSERT_NE(depth, nullptr);
    EXPECT_EQ(depth->getFunction(), osg::Depth::ALWAYS);
}

TEST(InspectionOverlayBuilder, rulesSharingADistanceShareADashedCircleInBothColours) {
    const geo::LocalFrame frame(kSite);
    render::InspectionOverlay o;
    o.maybeSite = kSite;
    o.radii = {{100.0, render::colourForRule("SH-12")}, {100.0, render::colourForRule("SH-24-4")}};
    const Drawn d = drawnBy(render::InspectionOverlayBuilder(frame).build(o));
    std::size_t sh12 = 0, sh244 = 0;
    for (const auto* g : d.geometries) {
        if (radiiOf(g, d, {0, 0, 0}) != std::set<long>{100})
            continue;
        sh12 += colourOf(g) == render::colourForRule("SH-12");
        sh244 += colourOf(g) == render::colourForRule("SH-24-4");
    }
    EXPECT_GT(sh12, 10u);
    EXPECT_EQ(sh12, sh244);
}

TEST(InspectionOverlayBuilder, fillsTheWorksAreaOnlyOnceItIsClosed) {
    const geo::LocalFrame frame(kSite);
    render::InspectionOverlay o;
    for (const auto& [dx, dy] : {std::pair{0.0, 0.0}, {50.0, 0.0}, {50.0, 40.0}, {0.0, 40.0}})
        o.worksOutline.push_back(frame.toGeographic({dx, dy, 0.0}));
    auto countTriangles = [&] {
        const Drawn d = drawnBy(render::InspectionOverlayBuilder(frame).build(o));
        std::size_t triangles = 0;
        for (const auto* g : d.geometries)
            for (unsigned i = 0; i < g->getNumPrimitiveSets(); ++i)
                if (g->getPrimitiveSet(i)->getMode() == GL_TRIANGLES)
                    triangles += g->getPrimitiveSet(i)->getNumIndices() / 3;
        return triangles;
    };
    EXPECT_EQ(countTriangles(), 0u);
    o.worksClosed = true;
    EXPECT_EQ(countTriangles(), 2u);
}

TEST(InspectionOverlayBuilder, everyRuleHasItsOwnColour) {
    std::set<std::tuple<float, float, float>> colours;
    const char* codes[] = {"SH-11",   "SH-12", "SH-16",    "SH-24-4", "SH-24-2", "SCP-7", "SH-19",
                           "SH-24-3", "SCP-8", "SH-18/22", "SH-20",   "SH-21",   "SH-23", "SH-17"};
    for (const char* code : codes) {
        const osg::Vec4 c = render::colourForRule(code);
        colours.insert({c.r(), c.g(), c.b()});
    }
    EXPECT_EQ(colours.size(), std::size(codes));
}
