// The search box's index: substring and prefix, Chinese and Latin, grouped
// by layer, a feature once, limits per layer.

#include <gtest/gtest.h>

#include "citytwin/assets/NameIndex.h"

using namespace citytwin;

namespace {

std::shared_ptr<geo::FeatureLayer> layerOf(
    std::vector<std::vector<std::pair<std::string, std::string>>> rows) {
    auto l = std::make_shared<geo::FeatureLayer>();
    for (auto& r : rows) {
        geo::Feature f;
        for (auto& [k, v] : r)
            f.attributes.push_back({k, v});
        l->features.push_back(std::move(f));
    }
    return l;
}

}  // namespace

TEST(NameIndex, findsChineseAndLatinBySubstringWithPrefixesFirst) {
    assets::NameIndex index;
    index.addLayer("buildings",
                   layerOf({{{"name", "上海中心大厦"}, {"name:en", "Shanghai Tower"}},
                            {{"name", "东方明珠"}, {"name:en", "Oriental Pearl Tower"}},
                            {{"name", "金茂大厦"}, {"height", "Tower 420"}}}));
    index.addLayer("sites", layerOf({{{"site_id", "SH-LJZ-0042"}, {"operator", "China Mobile"}},
                                     {{"site_id", "SH-LJZ-0420"}}}));
    auto tower = index.find("tower");
    ASSERT_EQ(tower.size(), 2u);  // "height" is not searched
    EXPECT_EQ(tower[0].text, "Shanghai Tower");
    EXPECT_EQ(tower[0].field, "name:en");
    EXPECT_FALSE(tower[0].prefix);

    auto zh = index.find("大厦");
    ASSERT_EQ(zh.size(), 2u);
    EXPECT_EQ(zh[0].feature, 0u);
    EXPECT_EQ(zh[1].feature, 2u);
    auto start = index.find("东方");
    ASSERT_EQ(start.size(), 1u);
    EXPECT_TRUE(start[0].prefix);

    auto sites = index.find("ljz-004");
    ASSERT_EQ(sites.size(), 1u);
    EXPECT_EQ(index.layerIds()[sites[0].layer], "sites");
    EXPECT_EQ(sites[0].text, "SH-LJZ-0042");
    // Prefixes before inner matches, whatever the feature order.
    auto o = index.find("o");
    ASSERT_GE(o.size(), 2u);
    EXPECT_TRUE(o[0].prefix);
    EXPECT_EQ(o[0].text, "Oriental Pearl Tower");
    EXPECT_TRUE(index.find("").empty());
    EXPECT_TRUE(index.find("no such thing").empty());
}

TEST(NameIndex, aMatchNeverSpansTwoValuesAndLimitsApplyPerLayer) {
    assets::NameIndex index;
    std::vector<std::vector<std::pair<std::string, std::string>>> rows;
    for (int i = 0; i < 100; ++i)
        rows.push_back({{"name", "Road " + std::to_string(i)}});
    rows.push_back({{"name", "ab"}, {"ref", "cd"}});
    index.addLayer("roads", layerOf(rows));
    EXPECT_TRUE(index.find("ab\ncd").empty());
    EXPECT_TRUE(index.find("bcd").empty());
    EXPECT_EQ(index.find("road", 10).size(), 10u);
    EXPECT_EQ(index.find("ROAD 7", 50).size(), 11u);  // 7, 70..79
}
