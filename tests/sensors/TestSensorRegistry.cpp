#include <gtest/gtest.h>

#include "citytwin/sensors/SensorRegistry.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::sensors;

TEST(SensorRegistry, importsRowsInAnyCrsAsWgs84) {
    const std::string csv =
        "id,kind,x,y,crs,low,high,stale_s,name\n"
        "# a comment\n"
        "aq-1,air_quality,121.49,31.23,,,75,600,People's Square\n"
        // CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549): easting, northing in metres.
        "wl-1,water_level,641000,3455000,EPSG:4549,0.8,4.2,,Huangpu gauge\n";
    auto r = SensorRegistry::parseCsv(csv, "mem.csv");
    ASSERT_TRUE(r.ok()) << r.messages();
    ASSERT_EQ(r.value().size(), 2u);
    const auto* aq = r.value().find("aq-1");
    ASSERT_NE(aq, nullptr);
    EXPECT_EQ(aq->metric, "pm25");
    EXPECT_EQ(aq->unit, "ug/m3");
    EXPECT_EQ(aq->thresholds.high, 75.0);
    EXPECT_FALSE(aq->thresholds.low.has_value());
    EXPECT_NEAR(aq->position.x, 121.49, 1e-9);
    const auto* wl = r.value().find("wl-1");
    ASSERT_NE(wl, nullptr);
    EXPECT_NEAR(wl->position.x, 121.48, 0.05);  // Shanghai, whatever the source CRS
    EXPECT_NEAR(wl->position.y, 31.21, 0.05);
    EXPECT_EQ(wl->thresholds.low, 0.8);
}

TEST(SensorRegistry, errorsNameTheLineAndField) {
    const std::string csv =
        "id,kind,x,y,high\n"
        "a,air_quality,121.5,31.2,75\n"
        "b,volcano,121.5,31.2,75\n"
        "c,noise,east,31.2,\n"
        "d,noise,121.5,31.2,loud\n"
        "e,noise,121.5\n";
    auto r = SensorRegistry::parseCsv(csv, "bad.csv");
    EXPECT_FALSE(r.ok());
    const auto text = r.messages();
    EXPECT_NE(text.find("bad.csv:3: error: kind: unknown sensor kind 'volcano'"), std::string::npos)
        << text;
    EXPECT_NE(text.find("bad.csv:4: error: x:"), std::string::npos) << text;
    EXPECT_NE(text.find("bad.csv:5: error: high:"), std::string::npos) << text;
    EXPECT_NE(text.find("bad.csv:6: error:"), std::string::npos) << text;
    EXPECT_FALSE(SensorRegistry::parseCsv("id,kind,x\n", "h.csv").ok());
    EXPECT_FALSE(SensorRegistry::parseCsv("", "empty.csv").ok());
    EXPECT_FALSE(SensorRegistry::importCsv("/nonexistent/registry.csv").ok());
}

TEST(SensorRegistry, readsTheOnDelayAndRefusesANegativeOne) {
    auto r = SensorRegistry::parseCsv(
        "id,kind,x,y,high,on_delay_s\n"
        "n1,noise,121.5,31.2,70,300\n"
        "n2,noise,121.5,31.2,70,\n",
        "delay.csv");
    ASSERT_TRUE(r.ok()) << r.messages();
    EXPECT_EQ(r.value().find("n1")->thresholds.onDelaySeconds, 300.0);
    EXPECT_FALSE(r.value().find("n2")->thresholds.onDelaySeconds.has_value());
    auto bad = SensorRegistry::parseCsv(
        "id,kind,x,y,high,on_delay_s\n"
        "n1,noise,121.5,31.2,70,-5\n",
        "delay.csv");
    EXPECT_FALSE(bad.ok());
    EXPECT_NE(bad.messages().find("delay.csv:2: error: on_delay_s:"), std::string::npos)
        << bad.messages();
}

TEST(SensorRegistry, demoRegistryCoversEveryKindInCentralShanghai) {
    auto r =
        SensorRegistry::importCsv(std::string(citytwin::test::kRepoDataDir) + "/demo/sensors.csv");
    ASSERT_TRUE(r.ok()) << r.messages();
    EXPECT_GE(r.value().size(), 24u);
    for (auto kind : allSensorKinds()) {
        bool found = false;
        for (const auto& s : r.value().sensors())
            found = found || s.kind == kind;
        EXPECT_TRUE(found) << toString(kind);
    }
    for (const auto& s : r.value().sensors()) {
        EXPECT_GE(s.position.x, 121.480) << s.id;
        EXPECT_LE(s.position.x, 121.521) << s.id;
        EXPECT_GE(s.position.y, 31.226) << s.id;
        EXPECT_LE(s.position.y, 31.251) << s.id;
    }
}

// The CRS transforms are cached per thread across parses (and bounded): a
// second parse answers the same, an unknown CRS stays an error, and a file
// with more distinct CRSs than the cache holds converts every row.
TEST(SensorRegistry, cachedTransformsAnswerTheSameOnEveryParse) {
    std::string csv = "id,kind,x,y,crs\n";
    for (int i = 0; i < 40; ++i) {
        csv += "bad-" + std::to_string(i) + ",noise,121.5,31.2,EPSG:" + std::to_string(990000 + i) +
               "\n";
        csv += "gk-" + std::to_string(i) + ",noise,641000,3455000,EPSG:4549\n";
    }
    for (int pass = 0; pass < 2; ++pass) {
        auto r = SensorRegistry::parseCsv(csv, "many.csv");
        ASSERT_FALSE(r.ok());
        const auto text = r.messages();
        for (int i = 0; i < 40; ++i)
            EXPECT_NE(text.find("many.csv:" + std::to_string(2 + 2 * i) + ": error: crs:"),
                      std::string::npos)
                << "pass " << pass << ", row " << i << ": " << text;
        EXPECT_EQ(text.find("many.csv:3: error"), std::string::npos) << text;
    }
    const std::string good = "id,kind,x,y,crs\nwl-1,water_level,641000,3455000,EPSG:4549\n";
    for (int pass = 0; pass < 2; ++pass) {
        auto r = SensorRegistry::parseCsv(good, "good.csv");
        ASSERT_TRUE(r.ok()) << r.messages();
        EXPECT_NEAR(r.value().find("wl-1")->position.x, 121.48, 0.05) << "pass " << pass;
        EXPECT_NEAR(r.value().find("wl-1")->position.y, 31.21, 0.05) << "pass " << pass;
    }
}
