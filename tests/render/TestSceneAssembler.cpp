#include <gtest/gtest.h>

#include <osg/ComputeBoundsVisitor>

#include <atomic>
#include <set>

#include "AssetLayerStyles.h"
#include "ProtectionZoneLayer.h"
#include "citytwin/geo/VectorReader.h"
#include "citytwin/render/SceneAssembler.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;

namespace {

std::string demo(const std::string& file) {
    return std::string(test::kRepoDataDir) + "/demo/" + file;
}
std::string testData(const std::string& file) {
    return std::string(test::kTestDataDir) + "/geo/" + file;
}

render::SceneSource source(std::string id, std::string path, bool framesView = true) {
    render::SceneSource s;
    s.id = std::move(id);
    s.displayName = s.id;
    s.path = std::move(path);
    s.framesView = framesView;
    return s;
}

/// The demo's layers, as the window loads them (its own styles aside).
std::vector<render::SceneSource> demoSources() {
    std::vector<render::SceneSource> sources;
    for (const char* name : {"landuse", "water", "roads", "buildings", "public_facilities"})
        sources.push_back(source(name, demo(std::string(name) + ".geojson")));
    for (const char* name : {"works", "cables", "base_stations"})
        sources.push_back(source(name, demo(std::string(name) + ".geojson"), false));
    auto zones = source("protection_zones", demo("demo.gpkg"), false);
    zones.reader = app::readProtectionZones;
    sources.push_back(zones);
    return sources;
}

geo::Extent extentOf(const std::string& path) {
    auto r = geo::readVectorFile(path);
    EXPECT_TRUE(r) << r.messages();
    geo::Extent e;
    for (const auto& l : r.value())
        e.add(l.extent());
    return e;
}

const render::AssembledLayer* find(const render::SceneAssembly& a, const std::string& id) {
    for (const auto& l : a.layers)
        if (l.id == id)
            return &l;
    return nullptr;
}

}  // namespace

TEST(SceneAssembler, buildsEveryLayerOfTheDemoOnAGroundInAFrameCentredOnIt) {
    render::SceneAssemblyOptions options;
    options.styleProvider = app::assetLayerStyle;
    int frames = 0, lastDone = -1, total = 0;
    render::AssemblyStep lastStep = render::AssemblyStep::Reading;
    std::vector<std::string> built;
    options.observer.frameChosen = [&](const geo::LocalFrame&, const geo::Extent&) { ++frames; };
    options.observer.layerBuilt = [&](const render::AssembledLayer& l) { built.push_back(l.id); };
    options.observer.progress = [&](int done, int all, render::AssemblyStep step,
                                    const std::string&) {
        lastDone = done;
        total = all;
        lastStep = step;
    };
    auto r = render::SceneAssembler().assemble(demoSources(), options);
    ASSERT_TRUE(r) << r.messages();
    EXPECT_TRUE(r->failures.empty()) << r->failures.front().message;
    EXPECT_FALSE(r->cancelled);
    ASSERT_EQ(r->layers.size(), 10u);  // the ground and nine layers
    EXPECT_EQ(r->layers.front().kind, render::AssembledKind::Ground);
    for (const auto& s : demoSources()) {
        const auto* l = find(*r, s.id);
        ASSERT_NE(l, nullptr) << s.id;
        EXPECT_EQ(l->kind, render::AssembledKind::Vector);
        EXPECT_EQ(l->path, s.path);
        EXPECT_GT(l->featureCount, 0u) << s.id;
        EXPECT_EQ(l->stats.features + l->stats.skipped, l->featureCount) << s.id;
        ASSERT_TRUE(l->node) << s.id;
        EXPECT_EQ(l->node->getName(), s.id);
        ASSERT_TRUE(l->layer);
    }
    EXPECT_EQ(find(*r, "buildings")->role, "buildings");
    EXPECT_EQ(find(*r, "roads")->role, "line");
    EXPECT_EQ(find(*r, "base_stations")->role, "glyph");  // the window asks for masts
    // Reported as they were built, in the same order; progress ends at its total.
    ASSERT_EQ(built.size(), r->layers.size());
    for (std::size_t i = 0; i < built.size(); ++i)
        EXPECT_EQ(built[i], r->layers[i].id);
    EXPECT_EQ(frames, 1);
    EXPECT_EQ(lastStep, render::AssemblyStep::Finished);
    EXPECT_EQ(lastDone, total);
    EXPECT_EQ(total, 18);

    // The frame is centred on the layers that frame the view: not on the
    // cables, base stations, works or zones.
    geo::Extent framing;
    for (const char* name : {"landuse", "water", "roads", "buildings", "public_facilities"})
        framing.add(extentOf(demo(std::string(name) + ".geojson")));
    ASSERT_TRUE(r->maybeFrame);
    ASSERT_TRUE(r->maybeChosenExtent);
    EXPECT_NEAR(r->maybeFrame->origin().x, framing.centerX(), 1e-9);
    EXPECT_NEAR(r->maybeFrame->origin().y, framing.centerY(), 1e-9);
    EXPECT_NEAR(r->maybeChosenExtent->minX, framing.minX, 1e-9);
    EXPECT_NEAR(r->maybeChosenExtent->maxY, framing.maxY, 1e-9);
}

TEST(SceneAssembler, buildsInTheCallersFrameWithoutAGround) {
    render::SceneAssemblyOptions options;
    options.maybeFrame = geo::LocalFrame({121.4, 31.2, 0.0});
    bool chosen = false;
    options.observer.frameChosen = [&](const geo::LocalFrame&, const geo::Extent&) {
        chosen = true;
    };
    auto r = render::SceneAssembler().assemble({source("water", demo("water.geojson"))}, options);
    ASSERT_TRUE(r) << r.messages();
    EXPECT_FALSE(chosen);
    EXPECT_FALSE(r->maybeChosenExtent);
    EXPECT_EQ(r->maybeFrame->origin().x, 121.4);
    ASSERT_EQ(r->layers.size(), 1u);
    EXPECT_EQ(r->layers.front().id, "water");
}

TEST(SceneAssembler, namesARefusedFileAndBuildsTheOthers) {
    // A shapefile without a .prj and no CRS to assume: refused, not misplaced.
    const std::string refused = testData("points_noprj.shp");
    std::vector<std::string> failed;
    render::SceneAssemblyOptions options;
    options.observer.failed = [&](const render::SourceProblem& p) { failed.push_back(p.path); };
    auto r = render::SceneAssembler().assemble(
        {source("noprj", refused), source("points", testData("points_wgs84.geojson"))}, options);
    ASSERT_TRUE(r) << r.messages();
    ASSERT_EQ(r->failures.size(), 1u);
    EXPECT_EQ(r->failures.front().path, refused);
    EXPECT_NE(r->failures.front().message.find("points_noprj.shp"), std::string::npos)
        << r->failures.front().message;
    EXPECT_EQ(failed, std::vector<std::string>{refused});
    EXPECT_NE(find(*r, "points"), nullptr);
    EXPECT_EQ(find(*r, "noprj"), nullptr);

    // Alone, it leaves nothing to centre a frame on: the assembly fails, naming it.
    auto alone = render::SceneAssembler().assemble({source("noprj", refused)});
    ASSERT_FALSE(alone);
    EXPECT_EQ(alone.diagnostics().front().source, refused);
    EXPECT_NE(alone.messages().find("points_noprj.shp"), std::string::npos);

    // With the CRS to assume, it loads.
    auto assumed = source("noprj", refused);
    assumed.maybeSourceCrs = geo::Crs::wgs84();
    auto withCrs = render::SceneAssembler().assemble({assumed});
    ASSERT_TRUE(withCrs) << withCrs.messages();
    EXPECT_TRUE(withCrs->failures.empty());
}

TEST(SceneAssembler, aSourceWithoutAnIdNamesItsLayersAfterThemselves) {
    // As citytwin-cli export-osgb asks, with no ground under them.
    render::SceneSource unnamed;
    unnamed.path = demo("water.geojson");
    unnamed.maybeKind = render::SourceKind::Vector;
    render::SceneAssemblyOptions options;
    options.groundPlane = false;
    auto r = render::SceneAssembler().assemble({unnamed}, options);
    ASSERT_TRUE(r) << r.messages();
    ASSERT_EQ(r->layers.size(), 1u);
    EXPECT_EQ(r->layers[0].id, "water");
    EXPECT_EQ(r->layers[0].layer->name, "water");
}

TEST(SceneAssembler, theStyleProviderStylesEachVectorLayer) {
    std::set<std::string> asked;
    render::SceneAssemblyOptions options;
    options.styleProvider = [&](const render::LayerToStyle& l) {
        asked.insert(l.layerId);
        render::LayerStyle s = render::requestedOrDefaultStyle(l);
        s.role = render::LayerRole::Mast;
        return s;
    };
    auto r = render::SceneAssembler().assemble({source("stations", demo("base_stations.geojson")),
                                                source("sites", demo("public_facilities.geojson"))},
                                               options);
    ASSERT_TRUE(r) << r.messages();
    EXPECT_EQ(asked, (std::set<std::string>{"stations", "sites"}));
    EXPECT_EQ(find(*r, "stations")->role, "mast");
    EXPECT_EQ(find(*r, "sites")->role, "mast");
}

TEST(SceneAssembler, theAssetStylesColourTheLifecycleAndRaiseMastsToTheirAntenna) {
    geo::FeatureLayer layer;
    render::SceneSource s;
    render::LayerStyle mast;
    mast.role = render::LayerRole::Mast;
    s.maybeStyle = mast;
    const std::string id = "base_stations";
    const render::LayerStyle styled = app::assetLayerStyle({s, id, layer});
    EXPECT_EQ(styled.role, render::LayerRole::Mast);
    EXPECT_EQ(styled.heightAttribute, "antenna_height_m");
    std::set<std::string> statuses;
    for (const auto& rule : styled.rules) {
        EXPECT_EQ(rule.attribute, "status");
        statuses.insert(rule.value);
    }
    EXPECT_EQ(statuses, (std::set<std::string>{"planned", "decommissioned", "removed"}));
    // Any layer, the user's own too, shows the lifecycle; only masts take a height.
    s.maybeStyle.reset();
    const render::LayerStyle plain = app::assetLayerStyle({s, id, layer});
    EXPECT_EQ(plain.rules.size(), 3u);
    EXPECT_TRUE(plain.heightAttribute.empty());
}

TEST(SceneAssembler, aCancelledAssemblyReturnsWhatWasBuiltMarkedCancelled) {
    std::atomic<bool> cancel{false};
    render::SceneAssemblyOptions options;
    options.cancelled = &cancel;
    options.observer.layerBuilt = [&](const render::AssembledLayer& l) {
        if (l.kind == render::AssembledKind::Vector)
            cancel = true;  // the user clicks Cancel once the first layer shows
    };
    auto r = render::SceneAssembler().assemble(demoSources(), options);
    ASSERT_TRUE(r) << r.messages();
    EXPECT_TRUE(r->cancelled);
    ASSERT_EQ(r->layers.size(), 2u);  // the ground and the first layer
    EXPECT_EQ(r->layers[1].id, "landuse");

    // Cancelled before it starts: nothing is read, and it is no failure.
    auto none = render::SceneAssembler().assemble(demoSources(), options);
    ASSERT_TRUE(none) << none.messages();
    EXPECT_TRUE(none->cancelled);
    EXPECT_TRUE(none->layers.empty());
    EXPECT_FALSE(none->maybeFrame);
}

TEST(SceneAssembler, theGroundAlsoReachesUnderWhatTheCallerAdds) {
    // The demo's Jing'an monitor stands west of its city area: off the
    // ground of the data alone, on it once the caller adds its position.
    const geo::GeoPoint jingan{121.4448, 31.2210, 0.0};
    auto groundBox = [](const render::SceneAssembly& a) {
        osg::ComputeBoundsVisitor bounds;
        find(a, "ground")->node->accept(bounds);
        return bounds.getBoundingBox();
    };
    render::SceneAssemblyOptions options;
    options.styleProvider = app::assetLayerStyle;
    auto plain = render::SceneAssembler().assemble(demoSources(), options);
    ASSERT_TRUE(plain) << plain.messages();
    const geo::Vec3d west = plain->maybeFrame->toLocal(jingan);
    EXPECT_GT(groundBox(*plain).xMin(), west.x);

    options.groundAlsoCovers.add(jingan.x, jingan.y);
    auto covered = render::SceneAssembler().assemble(demoSources(), options);
    ASSERT_TRUE(covered) << covered.messages();
    const osg::BoundingBox box = groundBox(*covered);
    EXPECT_LT(box.xMin(), west.x - 400.0);  // with the ground's margin
    EXPECT_LT(box.yMin(), west.y);
    EXPECT_GT(box.yMax(), west.y);
    // The frame is still the data's.
    EXPECT_EQ(covered->maybeFrame->origin().x, plain->maybeFrame->origin().x);
    EXPECT_EQ(covered->maybeFrame->origin().y, plain->maybeFrame->origin().y);
}
