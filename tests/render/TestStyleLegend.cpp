// A style's legend, class by class: what the layer tree and exported images
// word and paint.

#include <gtest/gtest.h>

#include <cmath>

#include "citytwin/render/StyleLegend.h"

using namespace citytwin;
using K = render::LegendClass::Kind;

TEST(StyleLegend, aBandHoldsItsLowerBoundAndNotItsUpper) {
    const auto bands = render::buildingHeightBands();
    ASSERT_GE(bands.size(), 3u);
    EXPECT_EQ(render::bandFor(bands, -1.0), nullptr);
    EXPECT_EQ(render::bandFor(bands, 0.0), &bands[0]);
    EXPECT_EQ(render::bandFor(bands, 23.99), &bands[0]);
    EXPECT_EQ(render::bandFor(bands, 24.0), &bands[1]);
    EXPECT_EQ(render::bandFor(bands, 1e6), &bands.back());
    EXPECT_EQ(render::bandFor({}, 5.0), nullptr);
    // Ascending, and each band a colour of its own.
    for (std::size_t i = 1; i < bands.size(); ++i) {
        EXPECT_GT(bands[i].from, bands[i - 1].from);
        EXPECT_NE(bands[i].color, bands[i - 1].color);
    }
}

TEST(StyleLegend, listsRulesBandsCategoriesThenTheRest) {
    render::LayerStyle s;
    s.role = render::LayerRole::Area;
    s.color = {0.5f, 0.5f, 0.5f, 1.f};
    s.rules.push_back({"state", "closed", {1.f, 0.f, 0.f, 1.f}});
    s.bandAttribute = "population";
    s.bands = {{1000.0, {0.f, 0.f, 1.f, 1.f}}, {0.0, {0.f, 1.f, 0.f, 1.f}}};  // given unsorted
    s.categoryAttribute = "kind";
    s.categoryColors["park"] = {0.f, 0.8f, 0.f, 1.f};
    s.categoryColors["forest"] = {0.f, 0.5f, 0.f, 1.f};
    const auto legend = render::legendOf(s);
    ASSERT_EQ(legend.size(), 6u);
    EXPECT_EQ(legend[0].kind, K::Rule);
    EXPECT_EQ(legend[0].value, "closed");
    EXPECT_EQ(legend[1].kind, K::Band);
    EXPECT_EQ(legend[1].from, 0.0);
    EXPECT_EQ(legend[1].to, 1000.0);
    EXPECT_EQ(legend[1].attribute, "population");
    EXPECT_EQ(legend[2].from, 1000.0);
    EXPECT_TRUE(std::isinf(legend[2].to));
    EXPECT_EQ(legend[3].value, "forest");  // categories by value
    EXPECT_EQ(legend[4].value, "park");
    EXPECT_EQ(legend[5].kind, K::Other);
    EXPECT_EQ(legend[5].color, s.color);
    // One colour: one class.
    EXPECT_EQ(render::legendOf(render::LayerStyle{}).size(), 1u);
}

TEST(StyleLegend, buildingsColouredByHeightShowStopsOfTheirGradient) {
    render::LayerStyle s;
    s.role = render::LayerRole::Buildings;
    s.colorByHeight = true;
    const auto legend = render::legendOf(s);
    ASSERT_EQ(legend.size(), 3u);
    for (const auto& c : legend) {
        EXPECT_EQ(c.kind, K::Height);
        EXPECT_EQ(c.color, render::heightGradientColor(c.from));
    }
    EXPECT_LT(legend.front().from, legend.back().from);
    // Low-rise warm stone, towers blue glass.
    EXPECT_GT(legend.front().color.r(), legend.front().color.b());
    EXPECT_LT(legend.back().color.r(), legend.back().color.b());
}
