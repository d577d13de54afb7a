// The scenario overlay over a small real network (NetworkBuilder,
// ImpactAnalyzer): a cut draws the cable, the cut marker and the lost site's
// ring; a state that draws the same changes nothing (idle means idle); new
// marks reach the scene only in the update phase.

#include <gtest/gtest.h>

#include <osg/Geode>
#include <osg/MatrixTransform>

#include "citytwin/assets/RuleSet.h"
#include "citytwin/assets/network/ImpactAnalyzer.h"
#include "citytwin/assets/network/NetworkBuilder.h"
#include "citytwin/render/ScenarioOverlay.h"

using namespace citytwin;

namespace {

std::shared_ptr<const assets::NetworkModel> spurNetwork() {
    assets::AssetProject project;
    assets::CoreNode room;
    room.id = "MR";
    room.position = {121.50, 31.24, 0};
    project.coreNodes.push_back(room);
    assets::BaseStation site;
    site.id = "BS";
    site.operatorName = "China Mobile";
    site.maybeStatus = assets::SiteStatus::Active;
    site.maybeCoverageRadiusM = 300;
    site.position = {121.51, 31.24, 0};
    project.baseStations.push_back(site);
    assets::Cable cable;
    cable.id = "CB";
    cable.maybeCableClass = assets::CableClass::Duct;
    cable.fromId = "MR";
    cable.toId = "BS";
    cable.lines = {{room.position, site.position}};
    project.cables.push_back(cable);
    assets::NetworkBuildReport report;
    auto model = assets::NetworkBuilder(assets::defaultRules()).build(project, report);
    EXPECT_TRUE(model) << model.messages();
    return std::make_shared<const assets::NetworkModel>(std::move(model.value()));
}

unsigned drawables(const osg::ref_ptr<osg::Node>& marks) {
    if (!marks)
        return 0;
    auto* xf = dynamic_cast<osg::MatrixTransform*>(marks.get());
    return xf ? xf->getChild(0)->asGeode()->getNumDrawables() : 0;
}

}  // namespace

TEST(ScenarioOverlay, aCutDrawsTheCableTheMarkerAndTheLostSiteOnlyAfterTheUpdate) {
    const auto network = spurNetwork();
    const auto impact = assets::ImpactAnalyzer(*network).cableCut("CB", 300.0);
    ASSERT_TRUE(impact);
    ASSERT_EQ(impact->sitesLost, std::vector<std::string>{"BS"});

    osg::ref_ptr<render::ScenarioOverlay> overlay =
        new render::ScenarioOverlay(network, {}, geo::LocalFrame({121.505, 31.24, 0}));
    assets::ScenarioState healthy;
    EXPECT_EQ(drawables(overlay->build(healthy)), 0u);

    assets::ScenarioState cut;
    cut.cablesDown = {"CB"};
    cut.cuts.push_back({"CB", *network->pointAlong("CB", 300.0)});
    cut.sitesWithoutBackhaul = impact->sitesLost;
    cut.coverageLost = impact->coverage;
    // cable, stem, head, ground cross, ring, centre dot, coverage fill
    EXPECT_GE(drawables(overlay->build(cut)), 6u);

    EXPECT_TRUE(overlay->setState(cut));
    EXPECT_EQ(overlay->node()->asGroup()->getNumChildren(), 0u);  // not before the update
    overlay->applyPending();
    EXPECT_EQ(overlay->appliedVersion(), overlay->setVersion());
    EXPECT_GE(overlay->shownDrawables(), 6u);

    // Later in time, the same marks: nothing changes.
    assets::ScenarioState later = cut;
    later.t += 60000;
    EXPECT_TRUE(render::drawsSame(cut, later));
    const auto version = overlay->setVersion();
    EXPECT_FALSE(overlay->setState(later));
    EXPECT_EQ(overlay->setVersion(), version);

    // Repaired: the marks go.
    EXPECT_FALSE(render::drawsSame(cut, healthy));
    EXPECT_TRUE(overlay->setState(healthy));
    overlay->applyPending();
    EXPECT_EQ(overlay->shownDrawables(), 0u);
}

TEST(ScenarioOverlay, aVesselMovingOrTurningDrawsDifferently) {
    assets::ScenarioState a;
    assets::VesselState v;
    v.id = "413000001";
    v.position = {121.9, 31.4, 0};
    v.headingDeg = 90;
    a.vessels.push_back(v);
    assets::ScenarioState moved = a, turned = a;
    moved.vessels[0].position.x += 1e-4;
    turned.vessels[0].headingDeg = 95;
    EXPECT_FALSE(render::drawsSame(a, moved));
    EXPECT_FALSE(render::drawsSame(a, turned));
    EXPECT_TRUE(render::drawsSame(a, a));
}
