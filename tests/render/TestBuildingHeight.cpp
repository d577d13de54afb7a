#include <gtest/gtest.h>

#include "citytwin/render/BuildingHeight.h"

using namespace citytwin;

namespace {
geo::Feature featureWith(std::vector<geo::Attribute> attrs) {
    geo::Feature f;
    f.attributes = std::move(attrs);
    return f;
}
}  // namespace

TEST(BuildingHeight, prefersHeightThenLevelsThenDefault) {
    EXPECT_DOUBLE_EQ(render::buildingExtentOf(featureWith({{"height", "632"}})).top, 632.0);
    EXPECT_DOUBLE_EQ(render::buildingExtentOf(featureWith({{"building:levels", "12"}})).top, 36.0);
    EXPECT_DOUBLE_EQ(
        render::buildingExtentOf(featureWith({{"height", "20"}, {"building:levels", "12"}})).top,
        20.0);
    const auto def = render::buildingExtentOf(featureWith({}));
    EXPECT_DOUBLE_EQ(def.top, render::kDefaultBuildingHeight);
    EXPECT_TRUE(def.estimated);
}

TEST(BuildingHeight, acceptsMetreUnitsAndIgnoresGarbage) {
    EXPECT_DOUBLE_EQ(*render::parseMetres("20.5 m"), 20.5);
    EXPECT_DOUBLE_EQ(*render::parseMetres("7m"), 7.0);
    EXPECT_FALSE(render::parseMetres("tall"));
    EXPECT_FALSE(render::parseMetres("-3"));
    EXPECT_FALSE(render::parseMetres("nan"));
    EXPECT_FALSE(render::parseMetres("12 ft"));
    // Garbage height falls through to levels.
    EXPECT_DOUBLE_EQ(
        render::buildingExtentOf(featureWith({{"height", "x"}, {"building:levels", "2"}})).top,
        6.0);
}

TEST(BuildingHeight, minHeightLiftsTheBaseButNeverAboveTheTop) {
    auto e = render::buildingExtentOf(featureWith({{"height", "100"}, {"min_height", "40"}}));
    EXPECT_DOUBLE_EQ(e.base, 40.0);
    e = render::buildingExtentOf(featureWith({{"height", "10"}, {"min_height", "40"}}));
    EXPECT_DOUBLE_EQ(e.base, 0.0);
}
