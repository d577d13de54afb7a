// Names a map reads by: along roads and rivers (turned with the line, never
// upside down), over landmark towers, decluttered across label layers.

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include <osg/FrameStamp>

#include "LabelCull.h"
#include "citytwin/render/BuildingHeight.h"
#include "citytwin/render/LayerNodeBuilder.h"
#include "citytwin/render/MapLabels.h"
#include "citytwin/render/PolygonLabels.h"

using namespace citytwin;

namespace {

const geo::LocalFrame kFrame({121.5, 31.22, 0.0});

geo::GeoPoint wgs(double east, double north) {
    const geo::GeoPoint g = kFrame.toGeographic({east, north, 0.0});
    return {g.x, g.y, 0.0};
}

geo::Feature road(std::vector<geo::GeoPoint> line,
                  std::vector<std::pair<std::string, std::string>> attributes) {
    geo::Feature f;
    f.geometry.lines.push_back(std::move(line));
    for (auto& [k, v] : attributes)
        f.attributes.push_back({k, v});
    return f;
}

std::shared_ptr<geo::FeatureLayer> layerOf(std::vector<geo::Feature> features) {
    auto l = std::make_shared<geo::FeatureLayer>();
    l->name = "roads";
    l->crs = geo::Crs::wgs84();
    l->sourceCrs = l->crs;
    l->features = std::move(features);
    return l;
}

/// A straight road through the frame origin at `degrees` from east, 2 km long.
geo::Feature straightRoad(double degrees, const std::string& name) {
    const double a = degrees * std::numbers::pi / 180.0;
    return road({wgs(-1000 * std::cos(a), -1000 * std::sin(a)),
                 wgs(1000 * std::cos(a), 1000 * std::sin(a))},
                {{"name", name}, {"kind", "major_road"}});
}

/// The angle (radians) a text is turned by round the screen's normal.
double turnOf(const osgText::Text& t) {
    double angle = 0.0;
    osg::Vec3d axis;
    t.getRotation().getRotate(angle, axis);
    return axis.z() < 0 ? -angle : angle;
}

osgText::Text* textNamed(osg::Node& node, const std::string& utf8) {
    test::TextCollector c;
    node.accept(c);
    for (auto* t : c.texts)
        if (t->getText().createUTF8EncodedString() == utf8)
            return t;
    return nullptr;
}

}  // namespace

TEST(MapLabels, aLanguageTaggedNameFallsBackToThePlainName) {
    const geo::Feature both = road({}, {{"name", "世纪大道"}, {"name:en", "Century Avenue"}});
    const geo::Feature chineseOnly = road({}, {{"name", "浦东南路"}});
    EXPECT_EQ(render::labelTextOf(both, "name"), "世纪大道");
    EXPECT_EQ(render::labelTextOf(both, "name:en"), "Century Avenue");
    EXPECT_EQ(render::labelTextOf(chineseOnly, "name:en"), "浦东南路");
    // Only language-tagged names fall back; another field means that field.
    EXPECT_EQ(render::labelTextOf(chineseOnly, "ref"), "");
    EXPECT_EQ(render::labelTextOf(chineseOnly, ""), "");
    EXPECT_EQ(render::labelTextOf(road({}, {{"name", ""}}), "name:en"), "");
}

TEST(MapLabels, aLabelIsNeverUpsideDown) {
    using std::numbers::pi;
    EXPECT_NEAR(render::uprightAngle(1, 0), 0.0, 1e-12);
    EXPECT_NEAR(render::uprightAngle(-1, 0), 0.0, 1e-12);  // a westward line reads eastward
    EXPECT_NEAR(render::uprightAngle(1, 1), pi / 4, 1e-12);
    EXPECT_NEAR(render::uprightAngle(-1, -1), pi / 4, 1e-12);
    EXPECT_NEAR(render::uprightAngle(-1, 1), -pi / 4, 1e-12);
    EXPECT_NEAR(render::uprightAngle(0, 1), pi / 2, 1e-12);
    EXPECT_NEAR(render::uprightAngle(0, -1), pi / 2, 1e-12);
    for (double a = -3.1; a < 3.2; a += 0.05) {
        const double u = render::uprightAngle(std::cos(a), std::sin(a));
        EXPECT_GT(u, -pi / 2 - 1e-12);
        EXPECT_LE(u, pi / 2 + 1e-12);
        // The same line: the text's direction is the line's or its reverse.
        EXPECT_NEAR(std::abs(std::sin(u - a)), 0.0, 1e-9) << a;
    }
}

TEST(MapLabels, eachNamedLineGetsALabelOnItselfANameRepeatedOnlyFarApart) {
    auto layer = layerOf({
        // One avenue in two parts 2 km long, end to end: a label on each.
        road({wgs(0, 0), wgs(2000, 0)}, {{"name", "世纪大道"}, {"kind", "major_road"}}),
        road({wgs(2000, 0), wgs(4000, 0)}, {{"name", "世纪大道"}, {"kind", "major_road"}}),
        // A carriageway beside the first: too close to repeat the name.
        road({wgs(800, 30), wgs(1200, 30)}, {{"name", "世纪大道"}, {"kind", "major_road"}}),
        // A bent street: the label sits on the line, along its middle.
        road({wgs(0, 500), wgs(600, 500), wgs(600, 1100)},
             {{"name", "浦东南路"}, {"kind", "major_road"}}),
        // Not labelled: a minor road (categories), no name, too short.
        road({wgs(0, 2000), wgs(1500, 2000)}, {{"name", "小路"}, {"kind", "minor_road"}}),
        road({wgs(0, 2500), wgs(1500, 2500)}, {{"kind", "major_road"}}),
        road({wgs(0, 3000), wgs(20, 3000)}, {{"name", "短路"}, {"kind", "major_road"}}),
    });
    render::LineLabelStyle style;
    style.attribute = "name";
    style.categories = {"major_road"};
    const auto placed = render::placeLineLabels(*layer, kFrame, style);
    ASSERT_EQ(placed.size(), 3u);
    // Longest first: the two avenue parts (2 km), then the bent street (1.2 km).
    EXPECT_EQ(placed[0].text, "世纪大道");
    EXPECT_EQ(placed[1].text, "世纪大道");
    EXPECT_EQ(placed[2].text, "浦东南路");
    EXPECT_NEAR(placed[0].at.x(), 1000.0, 0.5);
    EXPECT_NEAR(placed[0].at.y(), 0.0, 0.5);
    EXPECT_NEAR(placed[1].at.x(), 3000.0, 0.5);
    EXPECT_NEAR(std::abs(placed[0].along.x()), 1.0, 1e-6);
    EXPECT_NEAR(placed[0].length, 2000.0, 0.5);
    // Half way along the bent street is its corner (600 m each side); the
    // text follows the chord across the corner (north-east).
    EXPECT_NEAR(placed[2].at.x(), 600.0, 0.5);
    EXPECT_NEAR(placed[2].at.y(), 500.0, 0.5);
    EXPECT_NEAR(placed[2].along.x(), std::sqrt(0.5), 1e-6);
    EXPECT_NEAR(placed[2].along.y(), std::sqrt(0.5), 1e-6);
    // Every named line when no category is asked for (the short one still not).
    style.categories.clear();
    EXPECT_EQ(render::placeLineLabels(*layer, kFrame, style).size(), 4u);
}

TEST(MapLabels, aRoadsLabelTurnsWithTheRoadOnScreenAndStaysUpright) {
    auto layer = layerOf({straightRoad(30.0, "Century Avenue")});
    render::LineLabelStyle style;
    style.attribute = "name";
    auto labels = render::buildLineLabels(*layer, kFrame, style);
    osgText::Text* text = textNamed(*labels, "Century Avenue");
    ASSERT_TRUE(text);
    using std::numbers::pi;
    // North up: the road rises 30 degrees to the right.
    auto drawn = test::drawnAfterCull({labels.get()}, {0, 0, 0}, 3000.0, {0, 1, 0});
    ASSERT_TRUE(drawn["Century Avenue"]);
    EXPECT_NEAR(turnOf(*text), pi / 6, 0.02);
    // South up (the camera turned round): the same line, the text not upside down.
    drawn = test::drawnAfterCull({labels.get()}, {0, 0, 0}, 3000.0, {0, -1, 0});
    ASSERT_TRUE(drawn["Century Avenue"]);
    EXPECT_NEAR(turnOf(*text), pi / 6, 0.02);
    // East up: north is to the left, the road runs up-left; it reads falling.
    drawn = test::drawnAfterCull({labels.get()}, {0, 0, 0}, 3000.0, {1, 0, 0});
    ASSERT_TRUE(drawn["Century Avenue"]);
    EXPECT_NEAR(turnOf(*text), -pi / 3, 0.02);
    // From 400 km up the road is a few pixels long: no room for its name.
    drawn = test::drawnAfterCull({labels.get()}, {0, 0, 0}, 400e3, {0, 1, 0});
    EXPECT_FALSE(drawn["Century Avenue"]);
}

TEST(MapLabels, labelsOfDifferentLayersDoNotOverlapInOneFrame) {
    // A district whose name falls on the avenue's, both at the origin.
    auto districts = std::make_shared<geo::FeatureLayer>();
    districts->name = "districts";
    districts->crs = geo::Crs::wgs84();
    geo::Feature d;
    d.geometry.polygons.push_back(
        {{{wgs(-900, -900), wgs(900, -900), wgs(900, 900), wgs(-900, 900), wgs(-900, -900)}}});
    d.attributes.push_back({"name", "浦东新区"});
    districts->features.push_back(d);
    render::PolygonLabelStyle inside;
    inside.attribute = "name";
    auto districtLabels = render::buildPolygonLabels(*districts, kFrame, inside);
    auto roads = layerOf({straightRoad(0.0, "世纪大道")});
    render::LineLabelStyle along;
    along.attribute = "name";
    auto roadLabels = render::buildLineLabels(*roads, kFrame, along);

    osg::ref_ptr<osg::FrameStamp> stamp = new osg::FrameStamp;
    stamp->setFrameNumber(7);
    auto drawn = test::drawnAfterCull({districtLabels.get(), roadLabels.get()}, {0, 0, 0}, 3000.0,
                                      {0, 1, 0}, stamp.get());
    EXPECT_TRUE(drawn["浦东新区"]);
    EXPECT_FALSE(drawn["世纪大道"]) << "drawn over the district's name";
    // The next frame starts afresh: alone, the avenue's name is drawn.
    stamp->setFrameNumber(8);
    drawn = test::drawnAfterCull({roadLabels.get()}, {0, 0, 0}, 3000.0, {0, 1, 0}, stamp.get());
    EXPECT_TRUE(drawn["世纪大道"]);
}

TEST(MapLabels, landmarksAreNamedOverTheirRoofsTallestFirstOncePerName) {
    auto tower = [](double east, const char* name, const char* nameEn, const char* height) {
        geo::Feature f;
        f.geometry.polygons.push_back(
            {{{wgs(east, 0), wgs(east + 40, 0), wgs(east + 40, 40), wgs(east, 40), wgs(east, 0)}}});
        f.attributes.push_back({"name", name});
        if (nameEn)
            f.attributes.push_back({"name:en", nameEn});
        f.attributes.push_back({"height", height});
        return f;
    };
    auto layer = layerOf({
        tower(0, "金茂大厦", "Jin Mao Tower", "420.5"),
        tower(1000, "上海中心大厦", "Shanghai Tower", "632"),
        tower(1060, "上海中心大厦", "Shanghai Tower", "300"),  // its podium: the name once
        tower(2000, "东方明珠", nullptr, "468"),
        tower(2600, "小楼", "Small House", "20"),  // not a landmark
    });
    layer->name = "buildings";
    layer->features.push_back(tower(3000, "", nullptr, "500"));  // unnamed
    render::LandmarkLabelStyle style;
    style.attribute = "name:en";
    std::size_t count = 0;
    auto labels = render::buildLandmarkLabels(*layer, kFrame, style, &count);
    EXPECT_EQ(count, 3u);
    test::TextCollector c;
    labels->accept(c);
    ASSERT_EQ(c.texts.size(), 3u);
    EXPECT_EQ(c.texts[0]->getText().createUTF8EncodedString(), "Shanghai Tower");
    EXPECT_EQ(c.texts[1]->getText().createUTF8EncodedString(), "东方明珠");  // no English name
    EXPECT_EQ(c.texts[2]->getText().createUTF8EncodedString(), "Jin Mao Tower");
    // Over the tallest part's roof: the positions are relative to the
    // layer's origin (the extent's centre), the same for every text.
    const osg::Vec3 shanghaiTower = c.texts[0]->getPosition();
    const osg::Vec3 jinMao = c.texts[2]->getPosition();
    EXPECT_NEAR(shanghaiTower.z(), 632.0 + 6.0, 0.01);
    EXPECT_NEAR(jinMao.z(), 420.5 + 6.0, 0.01);
    EXPECT_NEAR(shanghaiTower.x() - jinMao.x(), 1000.0, 1.0);
    EXPECT_NEAR(shanghaiTower.y() - jinMao.y(), 0.0, 1.0);
    // Seen from above, all three fit apart on screen; from far away they
    // fall on each other and the tallest's name stays.
    auto drawn = test::drawnAfterCull({labels.get()}, {1020, 20, 0}, 3000.0);
    EXPECT_TRUE(drawn["Shanghai Tower"]);
    EXPECT_TRUE(drawn["Jin Mao Tower"]);
    EXPECT_TRUE(drawn["东方明珠"]);
    drawn = test::drawnAfterCull({labels.get()}, {1020, 20, 0}, 60e3);
    EXPECT_TRUE(drawn["Shanghai Tower"]);
    EXPECT_FALSE(drawn["Jin Mao Tower"]);
    EXPECT_FALSE(drawn["东方明珠"]);
}

TEST(MapLabels, aLayersStyleAsksForItsLabelsInsideAlongOrOverTheRoofs) {
    auto roads =
        layerOf({straightRoad(0.0, "世纪大道"),
                 road({wgs(0, 800), wgs(1500, 800)}, {{"name", "小路"}, {"kind", "path"}})});
    render::LayerStyle line;
    line.role = render::LayerRole::Line;
    line.labelAttribute = "name";
    line.labelCategories = {"major_road"};
    const render::LayerNodeBuilder builder(kFrame);
    auto node = builder.build("roads", roads, line);
    ASSERT_TRUE(node) << node.messages();
    test::TextCollector c;
    node.value()->accept(c);
    ASSERT_EQ(c.texts.size(), 1u);
    EXPECT_EQ(c.texts[0]->getText().createUTF8EncodedString(), "世纪大道");
    // No label field: no labels.
    line.labelAttribute.clear();
    test::TextCollector none;
    auto unlabelled = builder.build("roads", roads, line);
    ASSERT_TRUE(unlabelled);
    unlabelled.value()->accept(none);
    EXPECT_TRUE(none.texts.empty());
    // A water layer of banks and a named river line: the river's name along it.
    auto water =
        layerOf({road({wgs(-1500, 0), wgs(1500, 0)},
                      {{"name", "黄浦江"}, {"name:en", "Huangpu River"}, {"kind", "river"}})});
    geo::Feature bank;
    bank.geometry.polygons.push_back(
        {{{wgs(-1500, -200), wgs(1500, -200), wgs(1500, 200), wgs(-1500, 200), wgs(-1500, -200)}}});
    bank.attributes = {{"name", "黄浦江"}, {"kind", "riverbank"}};
    water->features.push_back(bank);
    render::LayerStyle area;
    area.role = render::LayerRole::Area;
    area.labelAttribute = "name:en";
    area.labelCategories = {"river"};
    test::TextCollector w;
    auto river = builder.build("water", water, area);  // held: the texts are its
    ASSERT_TRUE(river);
    river.value()->accept(w);
    ASSERT_EQ(w.texts.size(), 1u);  // the line's, not the bank polygon's
    EXPECT_EQ(w.texts[0]->getText().createUTF8EncodedString(), "Huangpu River");
}
