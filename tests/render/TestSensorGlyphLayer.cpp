// Sensor pins: placed in the local frame, coloured by the statuses handed
// over, changed only when an update traversal runs, pickable as features.

#include <gtest/gtest.h>

#include <osg/Camera>
#include <osg/Geometry>
#include <osg/NodeVisitor>
#include <osgText/Text>
#include <osgUtil/UpdateVisitor>

#include "citytwin/render/FeaturePickData.h"
#include "citytwin/render/PinClusters.h"
#include "citytwin/render/SensorGlyphLayer.h"

using namespace citytwin;
using render::SensorGlyphLayer;
using sensors::SensorLevel;

namespace {

class FindByName : public osg::NodeVisitor {
public:
    explicit FindByName(std::string name)
        : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN), _name(std::move(name)) {}
    void apply(osg::Drawable& d) override {
        if (d.getName() == _name)
            found = d.asGeometry();
    }
    osg::Geometry* found = nullptr;

private:
    std::string _name;
};

osg::Geometry* geometryNamed(osg::Node* root, const std::string& name) {
    FindByName f(name);
    root->accept(f);
    return f.found;
}

sensors::SensorRegistry registry() {
    sensors::SensorRegistry r;
    const double lons[] = {121.50, 121.51, 121.49};
    for (int i = 0; i < 3; ++i) {
        sensors::SensorInfo s;
        s.id = "s" + std::to_string(i);
        s.name = i == 0 ? "人民广场" : "";
        s.metric = "pm25";
        s.unit = "ug/m3";
        s.position = {lons[i], 31.23, 4.0};
        r.add(s);
    }
    return r;
}

void update(osg::Node* node) {
    osg::ref_ptr<osgUtil::UpdateVisitor> uv = new osgUtil::UpdateVisitor;
    node->accept(*uv);
}

}  // namespace

TEST(SensorGlyphLayer, pm25PinsTakeChinasAqiColoursOtherKindsTheirLevel) {
    sensors::SensorInfo pm;
    pm.metric = "pm25";
    sensors::SensorInfo noise;
    noise.kind = sensors::SensorKind::Noise;
    noise.metric = "noise_db";
    sensors::SensorStatus st;
    st.level = SensorLevel::Alert;
    st.maybeValue = 607.0;  // Jing'an, 2013-12-06 12:00
    const osg::Vec4 maroon = SensorGlyphLayer::colourFor(pm, st);
    EXPECT_NEAR(maroon.r(), 0x7E / 255.0, 1e-6);
    EXPECT_NEAR(maroon.g(), 0x00 / 255.0, 1e-6);
    EXPECT_NEAR(maroon.b(), 0x23 / 255.0, 1e-6);
    st.maybeValue = 200.0;  // heavily polluted: purple #99004C
    EXPECT_NEAR(SensorGlyphLayer::colourFor(pm, st).r(), 0x99 / 255.0, 1e-6);
    EXPECT_NEAR(SensorGlyphLayer::colourFor(pm, st).b(), 0x4C / 255.0, 1e-6);
    st.maybeValue = 35.0;
    st.level = SensorLevel::Normal;
    EXPECT_EQ(SensorGlyphLayer::colourFor(pm, st),
              SensorGlyphLayer::colourOf(sensors::AqiCategory::Excellent));
    EXPECT_EQ(SensorGlyphLayer::colourFor(noise, st),
              SensorGlyphLayer::colourOf(SensorLevel::Normal));
    st.level = SensorLevel::Stale;
    EXPECT_EQ(SensorGlyphLayer::colourFor(pm, st), SensorGlyphLayer::colourOf(SensorLevel::Stale));
}

TEST(SensorGlyphLayer, pinsStandAtTheirSensorsInTheLocalFrame) {
    const geo::LocalFrame frame({121.50, 31.23, 0.0});
    osg::ref_ptr<SensorGlyphLayer> layer = new SensorGlyphLayer(registry(), frame);
    // s0 is at the frame origin; s1 0.01 deg east (~952 m at 31.23 N), s2 as far west.
    const osg::Vec3d h0 = layer->headPosition(0);
    EXPECT_NEAR(h0.x(), 0.0, 0.01);
    EXPECT_NEAR(h0.y(), 0.0, 0.01);
    EXPECT_NEAR(h0.z(), 4.0 + SensorGlyphLayer::kPinHeight, 1e-9);
    EXPECT_NEAR(layer->headPosition(1).x(), 952.0, 3.0);
    EXPECT_NEAR(layer->headPosition(2).x(), -952.0, 3.0);
    EXPECT_EQ(layer->indexOf("s2"), 2u);
    EXPECT_FALSE(layer->indexOf("nope"));
    EXPECT_EQ(layer->features()->features.size(), 3u);
    EXPECT_EQ(*layer->features()->features[0].find("id"), "s0");
}

TEST(SensorGlyphLayer, statusesChangeColoursOnlyInTheUpdatePhase) {
    const geo::LocalFrame frame({121.50, 31.23, 0.0});
    osg::ref_ptr<SensorGlyphLayer> layer = new SensorGlyphLayer(registry(), frame);
    osg::ref_ptr<osg::Node> root = layer->node();
    osg::Geometry* heads = geometryNamed(root.get(), "sensor-heads");
    ASSERT_NE(heads, nullptr);
    auto* colours = dynamic_cast<osg::Vec4Array*>(heads->getColorArray());
    ASSERT_NE(colours, nullptr);
    ASSERT_EQ(colours->size(), 3u);
    EXPECT_EQ((*colours)[0], SensorGlyphLayer::colourOf(SensorLevel::NoData));
    // The pins are pickable as the registry's features, in front of the city.
    auto* pick = dynamic_cast<render::FeaturePickData*>(heads->getUserData());
    ASSERT_NE(pick, nullptr);
    EXPECT_TRUE(pick->drawnOnTop());
    EXPECT_EQ(pick->featureAt(2), 2u);

    std::vector<sensors::SensorStatus> st(3);
    st[0].level = SensorLevel::Alert;
    st[0].maybeValue = 120.0;
    st[1].level = SensorLevel::Normal;
    st[1].maybeValue = 20.0;
    st[2].level = SensorLevel::Stale;
    layer->setStatuses(st, 12345);
    // Handed over, not applied: the live scene has not changed yet.
    EXPECT_EQ((*colours)[0], SensorGlyphLayer::colourOf(SensorLevel::NoData));
    EXPECT_EQ(layer->shownTime(), 0);

    update(root.get());
    EXPECT_EQ(layer->shownTime(), 12345);
    // PM2.5 pins with a value show their AQI band; a stale one its level.
    EXPECT_EQ((*colours)[0], SensorGlyphLayer::colourOf(sensors::AqiCategory::ModeratelyPolluted));
    EXPECT_EQ((*colours)[1], SensorGlyphLayer::colourOf(sensors::AqiCategory::Excellent));
    EXPECT_EQ((*colours)[2], SensorGlyphLayer::colourOf(SensorLevel::Stale));
    osg::Geometry* halos = geometryNamed(root.get(), "sensor-alert-halos");
    ASSERT_NE(halos, nullptr);
    ASSERT_EQ(halos->getNumPrimitiveSets(), 1u);
    EXPECT_EQ(halos->getPrimitiveSet(0)->getNumIndices(), 1u);  // only s0 is in alert
    // No cell of labels was drawn (no cull traversal): their texts wait
    // until they come into view instead of being laid out on every seek.
    EXPECT_EQ(layer->staleLabelCount(), 3u);

    // A second update without new statuses changes nothing.
    const auto version = layer->appliedVersion();
    update(root.get());
    EXPECT_EQ(layer->appliedVersion(), version);
    // Statuses of the wrong length (another registry) are ignored, not applied.
    layer->setStatuses(std::vector<sensors::SensorStatus>(2), 999);
    update(root.get());
    EXPECT_EQ(layer->shownTime(), 12345);
}

TEST(SensorGlyphLayer, labelsCarryNameValueAndUnit) {
    auto reg = registry();
    sensors::SensorStatus st;
    st.maybeValue = 35.25;
    st.level = SensorLevel::Normal;
    const std::string label = SensorGlyphLayer::labelOf(reg.sensors()[0], st);
    EXPECT_NE(label.find("人民广场"), std::string::npos);
    EXPECT_NE(label.find("35.2 ug/m3"), std::string::npos);  // %.1f of 35.25
    // No name: the id; no value: no number; alert: marked.
    st.maybeValue.reset();
    st.level = SensorLevel::Alert;
    const std::string l1 = SensorGlyphLayer::labelOf(reg.sensors()[1], st);
    EXPECT_NE(l1.find("s1"), std::string::npos);
    EXPECT_EQ(l1.find("ug/m3"), std::string::npos);
    EXPECT_NE(l1.find('!'), std::string::npos);
}

TEST(PinClusters, pinsWithinTheRadiusGroupAndFarOnesStandAlone) {
    using P = std::optional<osg::Vec2d>;
    // 0,1,2 within 20 px of 0; 3 far away; 4 behind the camera; 5 near 3.
    const std::vector<P> pts = {osg::Vec2d(100, 100), osg::Vec2d(110, 105), osg::Vec2d(95, 118),
                                osg::Vec2d(400, 300), std::nullopt,         osg::Vec2d(415, 300)};
    auto groups = render::clusterScreenPoints(pts, 20.0);
    ASSERT_EQ(groups.size(), 2u);
    EXPECT_EQ(groups[0], (std::vector<std::size_t>{0, 1, 2}));
    EXPECT_EQ(groups[1], (std::vector<std::size_t>{3, 5}));
    // Zoomed in (the same pins twice as far apart on screen): they split.
    std::vector<P> zoomed;
    for (const auto& p : pts)
        zoomed.push_back(p ? std::optional<osg::Vec2d>(*p * 4.0) : std::nullopt);
    EXPECT_TRUE(render::clusterScreenPoints(zoomed, 20.0).empty());
    EXPECT_GT(render::severityOf(sensors::SensorLevel::Alert),
              render::severityOf(sensors::SensorLevel::Near));
    EXPECT_GT(render::severityOf(sensors::SensorLevel::Stale),
              render::severityOf(sensors::SensorLevel::Normal));
}

TEST(PinClusters, theLayerGroupsPinsOnlyWhenTheCameraMovedAndShowsTheWorstColour) {
    sensors::SensorRegistry reg;
    for (int i = 0; i < 6; ++i) {
        sensors::SensorInfo s;
        s.id = "s" + std::to_string(i);
        s.position = {121.50 + 0.0003 * i, 31.24, 0.0};  // ~30 m apart
        reg.add(s);
    }
    const geo::LocalFrame frame({121.50, 31.24, 0.0});
    osg::ref_ptr<render::SensorGlyphLayer> layer = new render::SensorGlyphLayer(reg, frame);
    osg::ref_ptr<osg::Camera> cam = new osg::Camera;
    cam->setViewport(0, 0, 800, 600);
    cam->setProjectionMatrixAsPerspective(30.0, 800.0 / 600.0, 1.0, 1e6);
    // From 20 km up the six pins are within a few pixels: one badge.
    cam->setViewMatrixAsLookAt({0, 0, 20000}, {0, 0, 0}, {0, 1, 0});
    EXPECT_TRUE(layer->updateClusters(*cam));
    EXPECT_FALSE(layer->updateClusters(*cam)) << "an unmoved camera regroups";
    std::vector<sensors::SensorStatus> st(6);
    for (auto& s : st)
        s.level = sensors::SensorLevel::Normal;
    st[4].level = sensors::SensorLevel::Alert;
    layer->setStatuses(st);
    layer->applyPending();
    ASSERT_EQ(layer->shownClusters().size(), 1u);
    EXPECT_EQ(layer->shownPinCount(), 0u);
    EXPECT_EQ(layer->clusterColour(0),
              render::SensorGlyphLayer::colourOf(sensors::SensorLevel::Alert));
    // From 300 m the pins are ~100 px apart: they split.
    cam->setViewMatrixAsLookAt({0, 0, 300}, {0, 0, 0}, {0, 1, 0});
    EXPECT_TRUE(layer->updateClusters(*cam));
    layer->applyPending();
    EXPECT_TRUE(layer->shownClusters().empty());
    EXPECT_EQ(layer->shownPinCount(), 6u);
}
