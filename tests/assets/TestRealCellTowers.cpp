// Rules at scale on real data: the 3,008 Shanghai Telecom base stations of
// ../shared/data/04_cell_towers (tests only, read in place, never copied)
// imported as base_stations; siting checks and an audit through the R-tree
// agree with a brute-force scan.

#include <filesystem>
#include <random>

#include <gtest/gtest.h>

#include "AssetTestSupport.h"
#include "citytwin/assets/AssetProjectBuilder.h"
#include "citytwin/assets/FindingsFormat.h"
#include "citytwin/geo/VectorReader.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::assets;

TEST(RealCellTowers, siteChecksAgreeWithBruteForceAcrossShanghai) {
    const std::string path = std::string(citytwin::test::kSharedDataDir) +
                             "/04_cell_towers/shanghai_telecom_base_stations_3008.geojson";
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(path);
    auto read = citytwin::geo::readVectorFile(path);
    ASSERT_TRUE(read.ok()) << read.messages();
    auto layers = read.value();
    ASSERT_EQ(layers.size(), 1u);
    ASSERT_EQ(layers[0].features.size(), 3008u);
    layers[0].name = "base_stations";
    // The dataset has positions only; give every site the attributes the rules read.
    for (auto& f : layers[0].features) {
        const std::string id = *f.find("id");
        f.attributes = {{"id", "TEL-" + id},
                        {"operator", "China Telecom"},
                        {"status", f.id % 7 == 0 ? "removed" : "active"},
                        {"spare_capacity", std::to_string(f.id % 3)},
                        {"coverage_radius_m", "400"},
                        {"host_type", "tower"},
                        {"last_inspection", "2026-01-01"},
                        {"inspection_interval_days", std::to_string(90 + f.id % 200)}};
    }
    auto project = buildAssetProject(layers, path);
    ASSERT_TRUE(project.ok());
    EXPECT_FALSE(project.hasErrors()) << project.messages();
    ASSERT_EQ(project.value().baseStations.size(), 3008u);
    auto fast =
        InspectionContext::fromProject(project.value(), defaultRules(), AssetIndex::Mode::RTree);
    auto slow = InspectionContext::fromProject(project.value(), defaultRules(),
                                               AssetIndex::Mode::BruteForce);

    // Proposed sites next to real ones (50 m north-east) so that SH-12 fires often
    // (a step of 16 walks through all spare capacities, which cycle with the FID).
    std::size_t sh12 = 0;
    for (std::size_t i = 0; i < project.value().baseStations.size(); i += 16) {
        const MetricPlane plane(project.value().baseStations[i].position);
        SiteProposal p;
        p.position = plane.toGeographic({35.0, 35.0});
        const auto a = fast->siteChecker().check(p);
        const auto b = slow->siteChecker().check(p);
        ASSERT_TRUE(a.ok() && b.ok());
        ASSERT_EQ(findingsToJson(a.value()), findingsToJson(b.value()));
        for (const auto& f : a.value())
            sh12 += f.rule == "SH-12";
    }
    EXPECT_GT(sh12, 50u);
    const auto date = *IsoDate::parse("2026-06-30");
    EXPECT_EQ(findingsToJson(fast->auditor().audit(date)),
              findingsToJson(slow->auditor().audit(date)));
}
