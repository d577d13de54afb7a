#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "TempDir.h"
#include "citytwin/sensors/FileSource.h"
#include "citytwin/sensors/IngestService.h"
#include "citytwin/sensors/StoreWriter.h"
#include "citytwin/sensors/TimeFormat.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::sensors;
using citytwin::test::TempDir;

namespace {
constexpr TimeMs kT0 = 1764133200000;

IngestItem item(const std::string& sensor, TimeMs ts) {
    IngestItem i;
    i.readings.push_back(Reading{sensor, "v", ts, 1.0, ts});
    return i;
}
}  // namespace

TEST(IngestQueue, dropNewestCountsEveryDroppedMessage) {
    IngestQueue q(3, OverflowPolicy::DropNewest);
    for (int i = 0; i < 5; ++i)
        q.push(item("a", kT0 + i), kT0 + i);
    EXPECT_EQ(q.depth(), 3u);
    EXPECT_EQ(q.droppedTotal(), 2u);
    IngestItem gap;
    gap.maybeGap = StreamGap{};
    EXPECT_TRUE(q.push(std::move(gap), kT0));  // gaps are never dropped
    const auto report = q.takeOverflow();
    EXPECT_EQ(report.droppedMessages, 2u);
    EXPECT_EQ(report.firstDropMs, kT0 + 3);
    EXPECT_EQ(report.lastDropMs, kT0 + 4);
    EXPECT_EQ(q.takeOverflow().droppedMessages, 0u);
    std::vector<IngestItem> out;
    EXPECT_TRUE(q.popAll(out, std::chrono::milliseconds(0)));
    ASSERT_EQ(out.size(), 4u);
    EXPECT_EQ(out[0].readings[0].ts, kT0);  // the oldest were kept
}

TEST(IngestQueue, dropOldestKeepsTheNewest) {
    IngestQueue q(2, OverflowPolicy::DropOldest);
    for (int i = 0; i < 4; ++i)
        q.push(item("a", kT0 + i), kT0);
    std::vector<IngestItem> out;
    q.popAll(out, std::chrono::milliseconds(0));
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].readings[0].ts, kT0 + 2);
    EXPECT_EQ(q.droppedTotal(), 2u);
}

TEST(StoreWriter, recordsOverflowAsAGapAndDrainsOnStop) {
    TempDir dir;
    IngestQueue q(10, OverflowPolicy::DropNewest);
    for (int i = 0; i < 25; ++i)
        q.push(item("s" + std::to_string(i), kT0), kT0 + i);
    auto store = SensorStore::open(dir.file("s.db"));
    ASSERT_TRUE(store.ok());
    StoreWriter writer(std::move(store).value(), q, nullptr);
    writer.start();
    writer.stop();
    EXPECT_EQ(writer.counters().stored, 10u);
    auto gaps = writer.store().gaps();
    ASSERT_TRUE(gaps.ok());
    ASSERT_EQ(gaps.value().size(), 1u);
    EXPECT_EQ(gaps.value()[0].kind, StreamGap::Kind::Overflow);
    EXPECT_EQ(gaps.value()[0].lost, 15u);
    EXPECT_EQ(writer.store().stats().value().overflowLost, 15);
}

TEST(StoreWriter, reportsHowFarItCommittedSoSourcesAcknowledgeOnlyThat) {
    TempDir dir;
    IngestQueue q(100, OverflowPolicy::Block);
    for (int i = 0; i < 5; ++i)
        q.push(item("s" + std::to_string(i), kT0), kT0);
    EXPECT_EQ(q.acceptedSeq(), 5u);
    EXPECT_EQ(q.committedSeq(), 0u);
    EXPECT_FALSE(q.waitCommitted(5, std::chrono::milliseconds(10)));
    auto store = SensorStore::open(dir.file("s.db"));
    ASSERT_TRUE(store.ok());
    StoreWriter writer(std::move(store).value(), q, nullptr);
    writer.start();
    EXPECT_TRUE(q.waitCommitted(5, std::chrono::seconds(10)));
    EXPECT_EQ(writer.counters().stored, 5u);
    writer.stop();
}

// A store that refuses writes (here: opened read-only): the batch is held and
// retried, nothing is reported committed, and what was never written is
// counted when the writer stops.
TEST(StoreWriter, holdsRetriesAndCountsWhatAStoreThatRefusesWritesNeverTook) {
    TempDir dir;
    const auto path = dir.file("s.db");
    ASSERT_TRUE(SensorStore::open(path).ok());
    SensorStoreOptions readOnly;
    readOnly.readOnly = true;
    auto store = SensorStore::open(path, readOnly);
    ASSERT_TRUE(store.ok()) << store.messages();
    IngestQueue q(100, OverflowPolicy::Block);
    for (int i = 0; i < 3; ++i)
        q.push(item("s" + std::to_string(i), kT0), kT0);
    StoreWriterOptions o;
    o.retryMin = std::chrono::milliseconds(5);
    o.retryMax = std::chrono::milliseconds(20);
    o.stopGrace = std::chrono::milliseconds(100);
    StoreWriter writer(std::move(store).value(), q, nullptr, o);
    writer.start();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (writer.counters().failedCommits < 3 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::yield();
    EXPECT_GE(writer.counters().failedCommits, 3u) << "the failed batch was not retried";
    EXPECT_NE(writer.storeError().find("read-only"), std::string::npos) << writer.storeError();
    EXPECT_EQ(q.committedSeq(), 0u);
    writer.stop();
    EXPECT_EQ(writer.counters().stored, 0u);
    EXPECT_EQ(writer.counters().unstoredMessages, 3u);
    EXPECT_EQ(writer.counters().unstoredReadings, 3u);
}

TEST(IngestService, fileSourcesFeedTheSamePipeline) {
    TempDir dir;
    const TimeMs now = systemNowMs();
    {
        std::ofstream jsonl(dir.file("in.jsonl"));
        jsonl << R"({"sensor":"a","ts":)" << now << R"(,"values":{"pm25":10,"pm10":20}})" << '\n'
              << "garbage\n"
              << R"({"sensor":"a","ts":)" << now << R"(,"values":{"pm25":10}})" << '\n';
        std::ofstream wide(dir.file("wide.csv"));
        wide << "sensor,ts,pm25,noise_db\n"
             << "b," << now << ",12.5,\n"
             << "b," << now + 1000 << ",13,55\n"
             << "b,not-a-time,1,1\n"
             << "b," << now << ",NaN,1\n";
        std::ofstream longForm(dir.file("long.csv"));
        longForm << "sensor,ts,metric,value\n"
                 << "c,2025-11-26T13:00:00+08:00,"
                 << "level_m,2.5\n";
    }
    IngestServiceOptions o;
    o.storePath = dir.file("s.db");
    auto service = IngestService::open(o);
    ASSERT_TRUE(service.ok()) << service.messages();
    auto& s = *service.value();
    auto fed = s.feedFile(dir.file("in.jsonl"));
    ASSERT_TRUE(fed.ok()) << fed.messages();
    EXPECT_EQ(fed.value(), 3u);
    ASSERT_TRUE(s.feedFile(dir.file("wide.csv")).ok());
    EXPECT_FALSE(s.feedFile(dir.file("missing.csv")).ok());
    s.stop();
    const auto report = s.report();
    EXPECT_EQ(report.received, 7u);
    EXPECT_EQ(report.rejected, 3u);
    EXPECT_EQ(report.stored, 5u);  // a:pm25, a:pm10, b:pm25 x2, b:noise_db
    EXPECT_EQ(report.duplicates, 1u);
    auto rejected = s.writer().store().rejected(10);
    ASSERT_EQ(rejected.value().size(), 3u);
    EXPECT_EQ(rejected.value()[0].topic, "file:" + dir.file("in.jsonl") + ":2");
    EXPECT_NE(rejected.value()[2].reason.find("pm25"), std::string::npos);

    // The long form's ts is more than 24 h old only if the clock says so; use
    // a pipeline with a pinned clock to check the format itself.
    IngestQueue q;
    IngestPipeline pipeline(q, PayloadParser{}, [] { return kT0; });
    ASSERT_TRUE(FileSource(dir.file("long.csv")).feed(pipeline).ok());
    std::vector<IngestItem> out;
    q.popAll(out, std::chrono::milliseconds(0));
    ASSERT_EQ(out.size(), 1u);
    ASSERT_EQ(out[0].readings.size(), 1u);
    EXPECT_EQ(out[0].readings[0].ts, kT0);
    EXPECT_EQ(out[0].readings[0].metric, "level_m");
}

TEST(IngestService, raisesAlertsFromTheRegistryAndPersistsThem) {
    TempDir dir;
    IngestServiceOptions o;
    o.storePath = dir.file("s.db");
    auto registry =
        SensorRegistry::parseCsv("id,kind,x,y,high\naq,air_quality,121.49,31.23,75\n", "mem");
    ASSERT_TRUE(registry.ok());
    o.maybeRegistry = registry.value();
    auto service = IngestService::open(o);
    ASSERT_TRUE(service.ok());
    const TimeMs now = systemNowMs();
    auto& p = service.value()->pipeline();
    for (int i = 0; i < 6; ++i)
        p.submitPayload("city/sensors/aq", R"({"ts":)" + std::to_string(now + i * 1000) +
                                               R"(,"values":{"pm25":)" +
                                               (i == 2 || i == 3 ? "90" : "40") + "}}");
    service.value()->stop();
    auto& store = service.value()->writer().store();
    auto alerts = store.alerts(now - 1, now + 10000);
    ASSERT_TRUE(alerts.ok());
    ASSERT_EQ(alerts.value().size(), 1u);
    EXPECT_EQ(alerts.value()[0].raisedMs, now + 2000);
    EXPECT_EQ(alerts.value()[0].maybeClearedMs, now + 4000);
    EXPECT_EQ(store.loadRegistry().value().size(), 1u);
}
