// audit rules: SH-18/22, SH-20, SH-21, SH-23, SH-17 at a date, both sides of each limit.

#include <gtest/gtest.h>

#include "AssetTestSupport.h"

using namespace citytwin::assets;
using namespace citytwin::assets::test;

namespace {

std::vector<std::string> idsFor(const std::vector<Finding>& findings, const std::string& rule) {
    std::vector<std::string> out;
    for (const auto& f : findings)
        if (f.rule == rule)
            out.push_back(f.related.front().id);
    return out;
}

const IsoDate kAuditDate = *IsoDate::parse("2026-06-30");

}  // namespace

TEST(AuditRules, sh18_22OverdueInspections) {
    ProjectBuilder b;
    // 2026-06-30 minus 180 days = 2026-01-01.
    b.point(layers::kBaseStations, 0, 0,
            {{"id", "DUE-TODAY"},
             {"status", "active"},
             {"last_inspection", "2026-01-01"},
             {"inspection_interval_days", "180"}});
    b.point(layers::kBaseStations, 10, 0,
            {{"id", "ONE-DAY-LATE"},
             {"status", "active"},
             {"last_inspection", "2025-12-31"},
             {"inspection_interval_days", "180"}});
    b.point(layers::kBaseStations, 20, 0,
            {{"id", "DEFAULT-INTERVAL"},
             {"status", "decommissioned"},
             {"status_date", "2026-06-01"},
             {"last_inspection", "2025-12-01"}});
    b.point(layers::kBaseStations, 30, 0,
            {{"id", "PLANNED"}, {"status", "planned"}, {"last_inspection", "2020-01-01"}});
    b.point(layers::kBaseStations, 40, 0,
            {{"id", "NEVER"}, {"status", "active"}, {"status_date", "2025-01-01"}});
    const auto findings = b.context()->auditor().audit(kAuditDate);
    EXPECT_EQ(idsFor(findings, "SH-18/22"),
              (std::vector<std::string>{"DEFAULT-INTERVAL", "NEVER", "ONE-DAY-LATE"}));
    for (const auto& f : findings)
        if (f.related.front().id == "ONE-DAY-LATE") {
            EXPECT_NE(f.messageEn.find("overdue by 1 day "), std::string::npos);
        }
}

TEST(AuditRules, sh20RemovedWithoutReplacement) {
    ProjectBuilder b;
    b.point(layers::kBaseStations, 0, 0, {{"id", "NEW"}, {"status", "active"}});
    b.point(layers::kBaseStations, 10, 0,
            {{"id", "REPLACED"}, {"status", "removed"}, {"replacement_id", "NEW"}});
    b.point(layers::kBaseStations, 20, 0, {{"id", "NO-LINK"}, {"status", "removed"}});
    b.point(layers::kBaseStations, 30, 0,
            {{"id", "DANGLING"}, {"status", "removed"}, {"replacement_id", "NOPE"}});
    const auto findings = b.context()->auditor().audit(kAuditDate);
    EXPECT_EQ(idsFor(findings, "SH-20"), (std::vector<std::string>{"DANGLING", "NO-LINK"}));
}

TEST(AuditRules, sh21DecommissionedPastGraceWithDaysOverdue) {
    ProjectBuilder b;
    // Grace 90 days: 2026-04-01 + 90 = 2026-06-30 (not yet overdue).
    b.point(layers::kBaseStations, 0, 0,
            {{"id", "IN-GRACE"}, {"status", "decommissioned"}, {"status_date", "2026-04-01"}});
    b.point(layers::kBaseStations, 10, 0,
            {{"id", "LATE-1"}, {"status", "decommissioned"}, {"status_date", "2026-03-31"}});
    b.point(layers::kBaseStations, 20, 0,
            {{"id", "LATE-LONG"}, {"status", "decommissioned"}, {"status_date", "2025-06-30"}});
    const auto findings = b.context()->auditor().audit(kAuditDate);
    EXPECT_EQ(idsFor(findings, "SH-21"), (std::vector<std::string>{"LATE-1", "LATE-LONG"}));
    for (const auto& f : findings) {
        if (f.rule == "SH-21" && f.related.front().id == "LATE-1") {
            EXPECT_NE(f.messageEn.find(" 1 day past"), std::string::npos) << f.messageEn;
        }
        if (f.rule == "SH-21" && f.related.front().id == "LATE-LONG") {
            EXPECT_NE(f.messageEn.find(" 275 days past"), std::string::npos) << f.messageEn;
        }
    }
}

TEST(AuditRules, sh23MissingOrDamagedSigns) {
    ProjectBuilder b;
    b.point(layers::kBaseStations, 0, 0,
            {{"id", "OK"}, {"status", "active"}, {"sign_status", "ok"}});
    b.point(layers::kBaseStations, 10, 0,
            {{"id", "MISSING"}, {"status", "active"}, {"sign_status", "missing"}});
    b.point(layers::kBaseStations, 20, 0,
            {{"id", "DAMAGED"}, {"status", "decommissioned"}, {"sign_status", "damaged"}});
    b.point(layers::kBaseStations, 30, 0,
            {{"id", "GONE"},
             {"status", "removed"},
             {"sign_status", "missing"},
             {"replacement_id", "OK"}});
    const auto findings = b.context()->auditor().audit(kAuditDate);
    EXPECT_EQ(idsFor(findings, "SH-23"), (std::vector<std::string>{"DAMAGED", "MISSING"}));
}

TEST(AuditRules, sh17CoverageTargetsOutsideEveryActiveSite) {
    ProjectBuilder b;
    b.point(layers::kBaseStations, 0, 0,
            {{"id", "A"}, {"status", "active"}, {"coverage_radius_m", "300"}});
    b.point(layers::kBaseStations, 5000, 0,
            {{"id", "OFF"}, {"status", "decommissioned"}, {"coverage_radius_m", "900"}});
    // 20 m squares: near edge at 299.9 m (covered) and 300.1 m (gap).
    b.polygon(layers::kCoverageTargets, b.square(0, 309.9, 10),
              {{"id", "COVERED"}, {"kind", "residential"}});
    b.polygon(layers::kCoverageTargets, b.square(0, -310.1, 10),
              {{"id", "GAP"}, {"kind", "office"}});
    b.polygon(layers::kCoverageTargets, b.square(5000, 0, 10),
              {{"id", "NEAR-OFF-SITE"}, {"kind", "underground"}});
    const auto findings = b.context()->auditor().audit(kAuditDate);
    EXPECT_EQ(idsFor(findings, "SH-17"), (std::vector<std::string>{"GAP", "NEAR-OFF-SITE"}));
    for (const auto& f : findings)
        if (f.rule == "SH-17" && f.related.front().id == "GAP") {
            ASSERT_EQ(f.related.size(), 2u);
            EXPECT_EQ(f.related[1].id, "A");
            EXPECT_NEAR(f.related[1].distanceM, 300.1, 0.01);
        }
}

TEST(AuditRules, defaultCoverageRadiusForSitesWithoutOne) {
    ProjectBuilder b;
    b.point(layers::kBaseStations, 0, 0, {{"id", "A"}, {"status", "active"}});
    b.polygon(layers::kCoverageTargets, b.square(0, 299, 10), {{"id", "IN"}});
    b.polygon(layers::kCoverageTargets, b.square(0, -311, 10), {{"id", "OUT"}});
    const auto findings = b.context()->auditor().audit(kAuditDate);
    EXPECT_EQ(idsFor(findings, "SH-17"), std::vector<std::string>{"OUT"});
}
