// Wide CSV of recorded history through a mapping: split time columns, a
// time zone, NA cells; and history files against the live clock window.

#include <gtest/gtest.h>

#include <fstream>

#include "TempDir.h"
#include "citytwin/sensors/FileSource.h"
#include "citytwin/sensors/IngestService.h"
#include "citytwin/sensors/TimeFormat.h"

using namespace citytwin::sensors;
using citytwin::test::TempDir;

namespace {

void writeFile(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

// The real file's format (shanghai_pm25_3sites_hourly_2013-2015.csv).
const char* kWide =
    "No,year,month,day,hour,season,PM_Jingan,PM_US Post,PM_Xuhui,DEWP,HUMI,PRES,TEMP,cbwd,Iws,"
    "precipitation,Iprec\n"
    "7470,2013,12,6,11,4,596,507,553,6,71.27,1021,11,NW,14,0,0\n"
    "7471,2013,12,6,12,4,607,514,588,6,71.27,1021,11,NW,19,0,0\n"
    "7472,2013,12,6,13,4,635,505,NA,6,76.18,1020,10,NW,23,0,0\n"
    "7473,2013,12,6,14,4,NA,NA,NA,6,76.18,1020,10,NW,27,0,0\n"
    "7474,2013,13,6,15,4,1,2,3,6,71.27,1020,11,NW,31,0,0\n"
    "7475,2013,12,6,16,4,491,x1,479,6,71.27,1020,11,NE,4,0,0\n"
    "7476,2013,12,6,17,4,494\n";

const char* kMapping = R"({
  "time": {"year": "year", "month": "month", "day": "day", "hour": "hour", "zone": "Asia/Shanghai"},
  "missing": ["NA", ""],
  "columns": [
    {"column": "PM_Jingan", "sensor": "sh-jingan", "metric": "pm25", "unit": "ug/m3"},
    {"column": "PM_US Post", "sensor": "sh-us-consulate", "metric": "pm25", "unit": "ug/m3"},
    {"column": "PM_Xuhui", "sensor": "sh-xuhui", "metric": "pm25", "unit": "ug/m3"},
    {"column": "TEMP", "sensor": "sh-weather", "metric": "temperature_c", "unit": "degC"}
  ]
})";

}  // namespace

TEST(CsvMapping, wideCsvWithSplitLocalTimeAndNaCellsImportsAsItIs) {
    TempDir dir;
    writeFile(dir.file("pm.csv"), kWide);
    auto mapping = CsvMapping::parseJson(kMapping, "map.json");
    ASSERT_TRUE(mapping.ok()) << mapping.messages();
    IngestServiceOptions o;
    o.storePath = dir.file("s.db");
    auto service = IngestService::open(o);
    ASSERT_TRUE(service.ok());
    auto& s = *service.value();
    FileSourceOptions fo;
    fo.maybeMapping = mapping.value();
    auto fed = s.feedFile(dir.file("pm.csv"), fo);
    ASSERT_TRUE(fed.ok()) << fed.messages();
    EXPECT_EQ(fed.value().dataLines, 7u);
    EXPECT_EQ(fed.value().skippedCells, 4u);  // one NA at 13:00, three at 14:00
    s.stop();
    const auto report = s.report();
    EXPECT_EQ(report.rejected, 3u);
    EXPECT_EQ(report.stored, 4u + 4u + 3u + 1u);

    auto& store = s.writer().store();
    // 12:00 in Shanghai is 04:00 UTC.
    const TimeMs noon = parseIso8601("2013-12-06T04:00:00Z").value();
    auto h = store.history("sh-jingan", "pm25", noon, noon, Aggregation::Raw);
    ASSERT_TRUE(h.ok());
    ASSERT_EQ(h.value().size(), 1u);
    EXPECT_EQ(h.value()[0].last, 607.0);
    auto xuhui =
        store.history("sh-xuhui", "pm25", noon - 3'600'000, noon + 7'200'000, Aggregation::Raw);
    ASSERT_EQ(xuhui.value().size(), 2u);  // 11:00 and 12:00; NA at 13:00 and 14:00

    auto rejected = store.rejected(10);
    ASSERT_EQ(rejected.value().size(), 3u);
    const std::string file = "file:" + dir.file("pm.csv") + ":";
    EXPECT_EQ(rejected.value()[0].topic, file + "6");
    EXPECT_NE(rejected.value()[0].reason.find("year"), std::string::npos);
    EXPECT_EQ(rejected.value()[1].topic, file + "7");
    EXPECT_NE(rejected.value()[1].reason.find("PM_US Post"), std::string::npos);
    EXPECT_EQ(rejected.value()[2].topic, file + "8");
    EXPECT_NE(rejected.value()[2].reason.find("fields"), std::string::npos);
}

TEST(CsvMapping, singleTimeColumnWithoutZoneIsReadInTheMappingsZone) {
    auto mapping = CsvMapping::parseJson(
        R"({"time":{"column":"when","zone":"+08:00"},
            "columns":[{"column":"v","sensor":"s1","metric":"pm25","unit":"ug/m3"}]})",
        "m.json");
    ASSERT_TRUE(mapping.ok()) << mapping.messages();
    auto reader = MappedCsvReader::bind(mapping.value(), {"when", "v"}, "f.csv", 1);
    ASSERT_TRUE(reader.ok());
    PayloadParser parser(PayloadParserOptions::history());
    auto row = reader.value().read({"2013-12-06T12:00:00", "42"}, systemNowMs(), parser);
    ASSERT_TRUE(row.problem.empty()) << row.problem;
    ASSERT_EQ(row.readings.size(), 1u);
    EXPECT_EQ(row.readings[0].ts, parseIso8601("2013-12-06T04:00:00Z").value());
    // A zone in the text wins over the mapping's.
    row = reader.value().read({"2013-12-06T12:00:00Z", "42"}, systemNowMs(), parser);
    EXPECT_EQ(row.readings.at(0).ts, parseIso8601("2013-12-06T12:00:00Z").value());
    row = reader.value().read({"yesterday", "42"}, systemNowMs(), parser);
    EXPECT_NE(row.problem.find("when"), std::string::npos);
}

TEST(CsvMapping, badMappingsAndHeadersNameTheFieldAtFault) {
    struct Case {
        const char* json;
        const char* field;
    };
    const Case cases[] = {
        {"[]", ""},
        {R"({"columns":[]})", "time"},
        {R"({"time":{"year":"y"},"columns":[]})", "time.zone"},
        {R"({"time":{"year":"y","zone":"Mars/Base"},"columns":[]})", "time.zone"},
        {R"({"time":{"year":"y","zone":"UTC"},"columns":[]})", "time.month"},
        {R"({"time":{"column":"t","zone":"UTC"},"columns":[]})", "columns"},
        {R"({"time":{"column":"t","zone":"UTC"},"columns":[{"column":"a","sensor":"s"}]})",
         "columns[0].metric"},
        {R"({"time":{"column":"t","zone":"UTC"},"missing":"NA","columns":[]})", "missing"},
        {R"({"time":{"column":"t","zone":"UTC"},"columns":[
            {"column":"a","sensor":"s","metric":"m","unit":""},
            {"column":"a","sensor":"s","metric":"n","unit":""}]})",
         "columns[1].column"},
    };
    for (const auto& c : cases) {
        auto m = CsvMapping::parseJson(c.json, "m.json");
        ASSERT_FALSE(m.ok()) << c.json;
        EXPECT_EQ(m.diagnostics().front().source, "m.json");
        EXPECT_EQ(m.diagnostics().front().field, c.field) << c.json;
    }
    auto m = CsvMapping::parseJson(kMapping, "m.json");
    ASSERT_TRUE(m.ok());
    auto bound =
        MappedCsvReader::bind(m.value(), {"year", "month", "day", "hour", "PM_Jingan"}, "f.csv", 1);
    ASSERT_FALSE(bound.ok());
    EXPECT_EQ(bound.diagnostics().front().field, "PM_US Post");
    EXPECT_EQ(bound.diagnostics().front().line, 1);
}

TEST(FileSource, historyFileOfAnyPastTimeIsAcceptedWhileTheLiveParserRejectsIt) {
    TempDir dir;
    writeFile(dir.file("h.jsonl"),
              R"({"sensor":"a","ts":"2013-12-06T12:00:00+08:00","values":{"pm25":607}})"
              "\n"
              R"({"sensor":"a","ts":"2099-01-01T00:00:00Z","values":{"pm25":1}})"
              "\n");
    writeFile(dir.file("h.csv"), "sensor,ts,pm25\na,2014-01-01T00:00:00Z,80\n");
    IngestQueue q;
    IngestPipeline live(q);  // the live (MQTT) window: 24 h either way
    ASSERT_TRUE(FileSource(dir.file("h.jsonl")).feed(live).ok());
    ASSERT_TRUE(FileSource(dir.file("h.csv")).feed(live).ok());
    EXPECT_EQ(live.counters().accepted, 2u);
    EXPECT_EQ(live.counters().rejected, 1u);  // the future limit stays for files
    std::vector<IngestItem> out;
    q.popAll(out, std::chrono::milliseconds(0));
    ASSERT_EQ(out.size(), 3u);
    EXPECT_EQ(out[0].readings.at(0).ts, parseIso8601("2013-12-06T04:00:00Z").value());
    ASSERT_TRUE(out[1].maybeRejected);
    EXPECT_EQ(out[1].maybeRejected->topic, "file:" + dir.file("h.jsonl") + ":2");
    EXPECT_NE(out[1].maybeRejected->reason.find("ts: "), std::string::npos);
    EXPECT_NE(out[1].maybeRejected->reason.find("ahead of the ingest clock"), std::string::npos);

    // The same payload on the live path is refused as a broken clock.
    live.submitPayload("city/sensors/a",
                       R"({"sensor":"a","ts":"2013-12-06T12:00:00+08:00","values":{"pm25":607}})");
    out.clear();
    q.popAll(out, std::chrono::milliseconds(0));
    ASSERT_EQ(out.size(), 1u);
    ASSERT_TRUE(out[0].maybeRejected);
    EXPECT_NE(out[0].maybeRejected->reason.find("more than 24 h behind"), std::string::npos);

    // A file with its own window (--max-skew 7d) rejects what is older.
    FileSourceOptions fo;
    fo.parser.maybeMaxPastMs = 7 * 86'400'000LL;
    ASSERT_TRUE(FileSource(dir.file("h.csv"), fo).feed(live).ok());
    out.clear();
    q.popAll(out, std::chrono::milliseconds(0));
    ASSERT_EQ(out.size(), 1u);
    ASSERT_TRUE(out[0].maybeRejected);
    EXPECT_NE(out[0].maybeRejected->reason.find("168 h behind"), std::string::npos);
}

TEST(FileSource, progressCanCancelAndWhatWasSubmittedStays) {
    TempDir dir;
    std::string text = "sensor,ts,pm25\n";
    for (int i = 0; i < 20000; ++i)
        text += "a," + std::to_string(1'386'000'000'000LL + i * 60'000LL) + ",1\n";
    writeFile(dir.file("big.csv"), text);
    IngestQueue q(1'000'000);
    IngestPipeline pipeline(q);
    FileSourceOptions fo;
    std::uint64_t calls = 0, lastDone = 0, total = 0;
    fo.progress = [&](std::uint64_t done, std::uint64_t all) {
        EXPECT_GE(done, lastDone);
        lastDone = done;
        total = all;
        return ++calls < 2;  // cancel at the second call
    };
    auto fed = FileSource(dir.file("big.csv"), fo).feedWithReport(pipeline);
    ASSERT_TRUE(fed.ok());
    EXPECT_TRUE(fed.value().cancelled);
    EXPECT_EQ(total, text.size());
    EXPECT_EQ(calls, 2u);
    // Lines 2..8191 were submitted before the second progress call at line 8192.
    EXPECT_EQ(pipeline.counters().accepted, 8190u);
}

TEST(IngestService, cancelledHistoryImportKeepsWhatItCommitted) {
    TempDir dir;
    std::string text = "sensor,ts,pm25\n";
    for (int i = 0; i < 20000; ++i)
        text += "a," + std::to_string(1'386'000'000'000LL + i * 60'000LL) + ",1\n";
    writeFile(dir.file("big.csv"), text);
    IngestServiceOptions o;
    o.storePath = dir.file("s.db");
    o.overflow = OverflowPolicy::Block;
    auto service = IngestService::open(o);
    ASSERT_TRUE(service.ok());
    FileSourceOptions fo;
    int calls = 0;
    fo.progress = [&](std::uint64_t, std::uint64_t) { return ++calls < 3; };  // Cancel, third call
    auto fed = service.value()->feedFile(dir.file("big.csv"), fo);
    ASSERT_TRUE(fed.ok());
    EXPECT_TRUE(fed.value().cancelled);
    service.value()->stop();
    // Lines 2..12287 were read before the third progress call (line 12288).
    EXPECT_EQ(service.value()->report().stored, 12286u);
    auto reopened = SensorStore::open(dir.file("s.db"));
    ASSERT_TRUE(reopened.ok());
    EXPECT_EQ(reopened.value().stats().value().readings, 12286);
}
