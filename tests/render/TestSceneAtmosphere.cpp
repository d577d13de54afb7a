// SkyLook from the sun's position and SceneAtmosphere's hand-over to the
// update phase, on a real scene graph (no window needed).

#include <gtest/gtest.h>

#include <osg/Fog>
#include <osg/Geode>
#include <osg/Group>
#include <osg/LightModel>
#include <osg/LightSource>
#include <osg/NodeVisitor>
#include <osgUtil/UpdateVisitor>

#include "citytwin/render/SceneAtmosphere.h"
#include "citytwin/render/SkyLook.h"

using namespace citytwin;
using namespace citytwin::render;

namespace {

float brightness(const osg::Vec4& c) {
    return c.r() + c.g() + c.b();
}

const osg::Light* sceneLight(osg::Group& root) {
    struct Finder : osg::NodeVisitor {
        Finder() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
        void apply(osg::LightSource& ls) override { light = ls.getLight(); }
        const osg::Light* light = nullptr;
    } finder;
    root.accept(finder);
    return finder.light;
}

}  // namespace

TEST(SkyLook, noonIsBrighterThanTheGoldenHourAndItThanNight) {
    const SkyLook noon = skyLookFor({80.0, 180.0});
    const SkyLook golden = skyLookFor({8.0, 290.0});
    const SkyLook night = skyLookFor({-30.0, 0.0});
    EXPECT_FLOAT_EQ(noon.daylight, 1.f);
    EXPECT_FLOAT_EQ(night.daylight, 0.f);
    // Civil twilight: between day and night.
    const SkyLook twilight = skyLookFor({-3.0, 290.0});
    EXPECT_GT(twilight.daylight, 0.f);
    EXPECT_LT(twilight.daylight, 1.f);
    EXPECT_GT(brightness(noon.lightDiffuse), brightness(golden.lightDiffuse));
    EXPECT_GT(brightness(golden.lightDiffuse), brightness(night.lightDiffuse));
    EXPECT_GT(brightness(noon.ambient), brightness(night.ambient));
    EXPECT_GT(brightness(noon.zenith), 3.f * brightness(night.zenith));
    // A low sun is warm: more red than blue, and so is the horizon it lights.
    EXPECT_GT(golden.lightDiffuse.r(), golden.lightDiffuse.b() + 0.2f);
    EXPECT_GT(golden.horizon.r(), noon.horizon.r());
}

TEST(SkyLook, theLightComesFromTheSunsDirection) {
    // Morning sun in the east-south-east, 30 degrees up: +x (east), -y (south).
    const SkyLook morning = skyLookFor({30.0, 120.0});
    EXPECT_GT(morning.lightDirection.x(), 0.6f);
    EXPECT_LT(morning.lightDirection.y(), -0.3f);
    EXPECT_NEAR(morning.lightDirection.z(), 0.5f, 0.01f);
    EXPECT_NEAR(morning.lightDirection.length(), 1.f, 1e-5f);
    // At night the moon shines from high above, never from under the ground.
    EXPECT_GT(skyLookFor({-40.0, 0.0}).lightDirection.z(), 0.5f);
    // Just after sunset the light still comes from above the horizon.
    EXPECT_GT(skyLookFor({-1.0, 300.0}).lightDirection.z(), 0.f);
}

TEST(SkyLook, theFixedLightAndTheNightStyleDoNotDependOnTheClock) {
    EXPECT_EQ(fixedPleasantLook(), fixedPleasantLook());
    EXPECT_FLOAT_EQ(fixedPleasantLook().daylight, 1.f);
    EXPECT_FLOAT_EQ(nightLook().daylight, 0.f);
}

TEST(SceneAtmosphere, aNewLookWaitsForTheUpdatePhaseAndTheSameLookIsNoChange) {
    osg::ref_ptr<osg::Group> root = new osg::Group;
    SceneAtmosphere atmosphere(root.get());
    const osg::Light* light = sceneLight(*root);
    ASSERT_NE(light, nullptr);
    // The root's state carries the light, the ambient and the haze.
    osg::StateSet* ss = root->getStateSet();
    ASSERT_NE(ss, nullptr);
    EXPECT_NE(ss->getAttribute(osg::StateAttribute::FOG), nullptr);
    auto* lm = dynamic_cast<osg::LightModel*>(ss->getAttribute(osg::StateAttribute::LIGHTMODEL));
    ASSERT_NE(lm, nullptr);

    const SkyLook night = nightLook();
    atmosphere.setLook(night);
    EXPECT_TRUE(atmosphere.hasPendingLook());
    EXPECT_NE(light->getDiffuse(), night.lightDiffuse);  // not before the update phase

    osgUtil::UpdateVisitor update;
    root->accept(update);
    EXPECT_FALSE(atmosphere.hasPendingLook());
    EXPECT_EQ(light->getDiffuse(), night.lightDiffuse);
    EXPECT_EQ(lm->getAmbientIntensity(), night.ambient);
    EXPECT_EQ(light->getPosition(), osg::Vec4(night.lightDirection, 0.f));  // directional
    auto* fog = dynamic_cast<osg::Fog*>(ss->getAttribute(osg::StateAttribute::FOG));
    ASSERT_NE(fog, nullptr);
    EXPECT_EQ(fog->getColor(), night.horizon);

    // The same look again asks for no frame.
    atmosphere.setLook(night);
    EXPECT_FALSE(atmosphere.hasPendingLook());
    atmosphere.setLook(fixedPleasantLook());
    EXPECT_TRUE(atmosphere.hasPendingLook());
}

TEST(SceneAtmosphere, pickersNeverReachTheSkyAndTheBoundsIgnoreIt) {
    osg::ref_ptr<osg::Group> root = new osg::Group;
    SceneAtmosphere atmosphere(root.get());
    // Nothing but the atmosphere: the scene has no extent to frame.
    EXPECT_FALSE(root->getBound().valid());
    // Any visitor but the cull (an intersection visitor is one) stops at the
    // sky, so a click on the sky picks nothing.
    struct GeodeCounter : osg::NodeVisitor {
        GeodeCounter() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
        void apply(osg::Geode&) override { ++geodes; }
        int geodes = 0;
    } counter;
    root->accept(counter);
    EXPECT_EQ(counter.geodes, 0);
}

TEST(SceneAtmosphere, theLightTurnsToTheVerticalOfTheGroundLookedAt) {
    osg::ref_ptr<osg::Group> root = new osg::Group;
    SceneAtmosphere atmosphere(root.get());
    const osg::Light* light = sceneLight(*root);
    ASSERT_NE(light, nullptr);
    const SkyLook look = fixedPleasantLook();
    atmosphere.setLook(look);
    osgUtil::UpdateVisitor update;
    root->accept(update);
    // Far round the globe, up is the frame's -x: the light, from above
    // there, comes from -x too, not from the frame's +z (under that horizon).
    LocalVertical far;
    far.up = {-1, 0, 0};
    far.east = {0, 1, 0};
    far.north = {0, 0, 1};
    atmosphere.setLocalVertical(far);
    EXPECT_TRUE(atmosphere.hasPendingLook()) << "a new vertical must be drawn";
    root->accept(update);
    const osg::Vec4 p = light->getPosition();
    const osg::Vec3 d = look.lightDirection;
    EXPECT_NEAR(p.x(), -d.z(), 1e-6f);
    EXPECT_NEAR(p.y(), d.x(), 1e-6f);
    EXPECT_NEAR(p.z(), d.y(), 1e-6f);
    EXPECT_EQ(p.w(), 0.f);
    EXPECT_EQ(light->getDiffuse(), look.lightDiffuse) << "the same look";
    // The same vertical again is no change; the frame's own brings it back.
    atmosphere.setLocalVertical(far);
    EXPECT_FALSE(atmosphere.hasPendingLook());
    atmosphere.setLocalVertical(LocalVertical{});
    root->accept(update);
    EXPECT_EQ(light->getPosition(), osg::Vec4(d, 0.f));
}
