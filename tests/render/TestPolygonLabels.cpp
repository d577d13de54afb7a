// Polygons that read: labels inside their polygon, outlines, translucent
// default fill, and the pick highlight that carries no pick data.

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <vector>

#include <osg/Geometry>
#include <osg/NodeVisitor>
#include <osgText/Text>

#include "LabelCull.h"
#include "citytwin/render/FeatureHighlight.h"
#include "citytwin/render/FeaturePickData.h"
#include "citytwin/render/LabelDeclutter.h"
#include "citytwin/render/LayerNodeBuilder.h"
#include "citytwin/render/PolygonLabels.h"

using namespace citytwin;

namespace {

/// Even-odd point-in-polygon.
bool inside(const std::vector<osg::Vec2d>& ring, const osg::Vec2d& p) {
    bool in = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const auto& a = ring[i];
        const auto& b = ring[j];
        if ((a.y() > p.y()) != (b.y() > p.y()) &&
            p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x())
            in = !in;
    }
    return in;
}

struct Count : osg::NodeVisitor {
    Count() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    std::vector<osgText::Text*> texts;
    std::size_t lineGeometries = 0, triangleGeometries = 0, withPickData = 0;
    void apply(osg::Drawable& d) override {
        if (auto* t = dynamic_cast<osgText::Text*>(&d)) {
            texts.push_back(t);
            return;
        }
        auto* g = d.asGeometry();
        if (!g || g->getNumPrimitiveSets() == 0)
            return;
        const GLenum mode = g->getPrimitiveSet(0)->getMode();
        if (mode == GL_LINES)
            ++lineGeometries;
        if (mode == GL_TRIANGLES)
            ++triangleGeometries;
        if (dynamic_cast<render::FeaturePickData*>(g->getUserData()))
            ++withPickData;
    }
};

std::shared_ptr<geo::FeatureLayer> districts() {
    auto l = std::make_shared<geo::FeatureLayer>();
    l->name = "districts";
    l->crs = geo::Crs::wgs84();
    l->sourceCrs = l->crs;
    const char* names[] = {"黄浦区", "浦东新区"};
    for (int i = 0; i < 2; ++i) {
        geo::Feature f;
        const double x = 121.45 + 0.05 * i, y = 31.2;
        geo::Polygon p;
        p.rings.push_back({{x, y}, {x + 0.04, y}, {x + 0.04, y + 0.04}, {x, y + 0.04}, {x, y}});
        f.geometry.polygons.push_back(p);
        f.attributes.push_back({"name", names[i]});
        f.attributes.push_back({"adcode", std::to_string(310101 + i)});
        l->features.push_back(f);
    }
    return l;
}

}  // namespace

TEST(PolygonLabels, aUShapedPolygonGetsItsLabelOnItselfNotInTheGap) {
    // A U: its centroid lies in the gap between the arms.
    const std::vector<osg::Vec2d> u = {{0, 0},    {300, 0},  {300, 300}, {200, 300},
                                       {200, 60}, {100, 60}, {100, 300}, {0, 300}};
    auto p = render::labelPoint({u});
    ASSERT_TRUE(p);
    EXPECT_TRUE(inside(u, *p)) << p->x() << "," << p->y();
    EXPECT_FALSE(render::labelPoint({{{0, 0}, {1, 0}, {2, 0}}}));  // no area
}

TEST(PolygonLabels, aHoleIsNotWhereTheLabelGoes) {
    const std::vector<osg::Vec2d> outer = {{0, 0}, {400, 0}, {400, 400}, {0, 400}};
    const std::vector<osg::Vec2d> hole = {{50, 50}, {50, 350}, {350, 350}, {350, 50}};
    auto p = render::labelPoint({outer, hole});
    ASSERT_TRUE(p);
    EXPECT_TRUE(inside(outer, *p));
    EXPECT_FALSE(inside(hole, *p)) << p->x() << "," << p->y();
}

TEST(PolygonLabels, aNamedPolygonLayerIsTranslucentOutlinedAndLabelledByDefault) {
    auto layer = districts();
    const render::LayerStyle style = render::defaultStyleFor(*layer);
    EXPECT_EQ(style.role, render::LayerRole::Area);
    EXPECT_LT(style.color.a(), 0.6f);
    EXPECT_GT(style.outlineColor.a(), 0.9f);
    EXPECT_EQ(style.labelAttribute, "name");

    render::LayerNodeBuilder builder(geo::LocalFrame({121.5, 31.22, 0.0}));
    auto node = builder.build("districts", layer, style);
    ASSERT_TRUE(node) << node.messages();
    Count c;
    node.value()->accept(c);
    EXPECT_GE(c.triangleGeometries, 1u);
    EXPECT_GE(c.lineGeometries, 1u);
    ASSERT_EQ(c.texts.size(), 2u);
    std::set<std::string> labels;
    for (auto* t : c.texts)
        labels.insert(t->getText().createUTF8EncodedString());
    EXPECT_TRUE(labels.count("黄浦区"));
    EXPECT_TRUE(labels.count("浦东新区"));

    // No labels and no outline when the style says so.
    render::LayerStyle plain = style;
    plain.labelAttribute.clear();
    plain.outlineColor.a() = 0.f;
    Count c2;
    builder.build("districts", layer, plain).value()->accept(c2);
    EXPECT_EQ(c2.texts.size(), 0u);
    EXPECT_EQ(c2.lineGeometries, 0u);
}

TEST(PolygonLabels, manyPolygonsOrUnnamedOnesGetNoDefaultLabels) {
    auto layer = districts();
    for (auto& f : layer->features)
        f.attributes.erase(f.attributes.begin());  // drop "name"
    EXPECT_EQ(render::defaultLabelAttribute(*layer), "");
    auto big = districts();
    while (big->features.size() <= 600)
        big->features.push_back(big->features.front());
    EXPECT_EQ(render::defaultLabelAttribute(*big), "");
}

TEST(FeatureHighlight, isTheFeatureInTheTintWithoutPickData) {
    auto layer = districts();
    const render::LayerStyle style = render::defaultStyleFor(*layer);
    auto node = render::buildFeatureHighlight(layer->features[1], style,
                                              geo::LocalFrame({121.5, 31.22, 0.0}));
    ASSERT_TRUE(node);
    Count c;
    node->accept(c);
    EXPECT_GE(c.triangleGeometries, 1u);
    EXPECT_EQ(c.withPickData, 0u);
    EXPECT_EQ(c.texts.size(), 0u);
    // A feature with no geometry (a 3D Tiles feature): nothing to draw.
    Count none;
    render::buildFeatureHighlight(geo::Feature{}, style, geo::LocalFrame({121.5, 31.22, 0.0}))
        ->accept(none);
    EXPECT_EQ(none.triangleGeometries + none.lineGeometries, 0u);
}

TEST(LabelDeclutter, theMoreImportantLabelStaysWhereTwoOrAPinOverlap) {
    const render::ScreenBox a = render::textBox({100, 100}, "浦东新区", 15);
    const render::ScreenBox b = render::textBox({120, 104}, "Huangpu", 15);  // over a
    const render::ScreenBox c = render::textBox({400, 100}, "静安区", 15);   // clear of both
    EXPECT_GT(a.x1 - a.x0, 60.0);  // four CJK characters of 15 px, with a halo
    EXPECT_TRUE(a.overlaps(b));
    EXPECT_EQ(render::declutter({a, b, c}), (std::vector<bool>{true, false, true}));
    EXPECT_EQ(render::declutter({b, a, c}), (std::vector<bool>{true, false, true}));
    // A sensor pin under c's label: c gives way.
    const render::ScreenBox pin{395, 95, 407, 107};
    EXPECT_EQ(render::declutter({a, b, c}, {pin}), (std::vector<bool>{true, false, false}));
}

TEST(LabelDeclutter, districtLabelsOverlappingOnScreenLeaveTheLargerDistrictsName) {
    // Two districts side by side, the second four times the first's area.
    auto layer = districts();
    auto& big = layer->features[1].geometry.polygons[0].rings[0];
    for (auto& p : big) {
        p.x = 121.50 + (p.x - 121.50) * 2.0;
        p.y = 31.2 + (p.y - 31.2) * 2.0;
    }
    const geo::LocalFrame frame({121.5, 31.22, 0.0});
    render::PolygonLabelStyle style;
    style.attribute = "name";
    auto labels = render::buildPolygonLabels(*layer, frame, style);
    const geo::Vec3d mid = frame.toLocal({121.52, 31.24, 0.0});
    const osg::Vec3d centre(mid.x, mid.y, 0.0);
    // From 20 km up the two names stand apart: both drawn.
    auto near = test::drawnAfterCull({labels.get()}, centre, 20e3);
    EXPECT_TRUE(near["黄浦区"]);
    EXPECT_TRUE(near["浦东新区"]);
    // From 2,000 km up they fall on the same pixels: the larger district's stays.
    auto far = test::drawnAfterCull({labels.get()}, centre, 2000e3);
    EXPECT_FALSE(far["黄浦区"]);
    EXPECT_TRUE(far["浦东新区"]);
    // Screen-aligned: never upside down or mirrored, whatever the camera.
    Count c;
    c.setNodeMaskOverride(~0u);
    labels->accept(c);
    ASSERT_EQ(c.texts.size(), 2u);
    for (auto* t : c.texts)
        EXPECT_EQ(t->getAxisAlignment(), osgText::Text::SCREEN);
}
