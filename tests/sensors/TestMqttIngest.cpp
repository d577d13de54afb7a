// Against a real mosquitto broker started by the test on 127.0.0.1.

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <set>

#include "MosquittoBroker.h"
#include "TempDir.h"
#include "citytwin/sensors/IngestService.h"
#include "citytwin/sensors/MqttPublisher.h"
#include "citytwin/sensors/TimeFormat.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::sensors;
using citytwin::test::MosquittoBroker;
using citytwin::test::TempDir;
using citytwin::test::waitFor;

namespace {

class MqttIngestTest : public ::testing::Test {
protected:
    void SetUp() override {
        broker = std::make_unique<MosquittoBroker>(dir.path().string());
        ASSERT_TRUE(broker->start()) << "mosquitto did not start";
    }

    MqttOptions options(const std::string& topic = "city/sensors/#") const {
        MqttOptions o;
        o.port = broker->port();
        o.topics = {topic};
        o.qos = 1;
        o.reconnectMinSeconds = 1;
        o.reconnectMaxSeconds = 2;
        return o;
    }

    std::unique_ptr<MqttPublisher> publisher(int protocol = 5) const {
        auto o = options();
        o.protocolVersion = protocol;
        auto p = std::make_unique<MqttPublisher>(o);
        auto connected = p->connect();
        EXPECT_TRUE(connected.ok()) << connected.messages();
        return p;
    }

    std::unique_ptr<IngestService> service(const std::string& db,
                                           PayloadParserOptions parser = {}) const {
        IngestServiceOptions o;
        o.storePath = db;
        o.parser = parser;
        auto s = IngestService::open(o);
        EXPECT_TRUE(s.ok()) << s.messages();
        return std::move(s).value();
    }

    static std::string payload(const std::string& sensor, TimeMs ts, double v) {
        return R"({"sensor":")" + sensor + R"(","ts":)" + std::to_string(ts) +
               R"(,"values":{"pm25":)" + std::to_string(v) + R"(,"noise_db":50}})";
    }

    TempDir dir;
    std::unique_ptr<MosquittoBroker> broker;
};

}  // namespace

TEST_F(MqttIngestTest, deliversAndStoresEveryMessageForBothProtocolVersions) {
    for (int protocol : {4, 5}) {
        const auto db = dir.file("deliver" + std::to_string(protocol) + ".db");
        auto ingest = service(db);
        auto o = options();
        o.protocolVersion = protocol;
        ASSERT_TRUE(ingest->startMqtt(o).ok());
        ASSERT_TRUE(waitFor([&] { return ingest->maybeMqtt()->isConnected(); }));
        auto pub = publisher(protocol);
        const TimeMs t0 = systemNowMs();
        for (int i = 0; i < 300; ++i)
            ASSERT_TRUE(pub->publish("city/sensors/aq-" + std::to_string(i % 10),
                                     payload("aq-" + std::to_string(i % 10), t0 + i, i))
                            .ok());
        pub->disconnect();
        ASSERT_TRUE(waitFor([&] { return ingest->report().stored == 600; }))
            << "stored " << ingest->report().stored;
        ingest->stop();
        const auto report = ingest->report();
        EXPECT_EQ(report.received, 300u);
        EXPECT_EQ(report.rejected, 0u);
        auto& store = ingest->writer().store();
        auto h = store.history("aq-3", "pm25", t0, t0 + 1000, Aggregation::Raw);
        ASSERT_TRUE(h.ok());
        ASSERT_EQ(h.value().size(), 30u);
        EXPECT_EQ(h.value()[0].ts, t0 + 3);
        EXPECT_EQ(h.value()[0].last, 3.0);
        EXPECT_GE(h.value()[0].ingestMs, t0);
    }
}

TEST_F(MqttIngestTest, rejectsMalformedPayloadsAndKeepsGoing) {
    auto ingest = service(dir.file("malformed.db"));
    ASSERT_TRUE(ingest->startMqtt(options()).ok());
    ASSERT_TRUE(waitFor([&] { return ingest->maybeMqtt()->isConnected(); }));
    auto pub = publisher();
    const TimeMs t0 = systemNowMs();
    const std::vector<std::pair<std::string, std::string>> bad{
        {"city/sensors/x1", "{\"sensor\":"},
        {"city/sensors/x2", R"({"values":{"pm25":1}})"},
        {"city/sensors/x3", R"({"ts":1,"values":{"pm25":"n/a"}})"},
        {"city/sensors/x4",
         R"({"ts":)" + std::to_string(t0 + 3 * 86400000LL) + R"(,"values":{"a":1}})"},
        {"city/sensors/x5", std::string(65 * 1024, '{')},
        {"city/sensors/x6", R"({"ts":)" + std::to_string(t0) + R"(,"values":{"a":1e999}})"},
    };
    ASSERT_TRUE(pub->publish("city/sensors/ok", payload("ok", t0, 1)).ok());
    for (const auto& [topic, body] : bad)
        ASSERT_TRUE(pub->publish(topic, body).ok());
    ASSERT_TRUE(pub->publish("city/sensors/ok", payload("ok", t0 + 1, 2)).ok());
    pub->disconnect();
    ASSERT_TRUE(waitFor([&] { return ingest->report().received == 8; }));
    ingest->stop();
    EXPECT_EQ(ingest->report().rejected, 6u);
    EXPECT_EQ(ingest->report().stored, 4u);
    auto rejected = ingest->writer().store().rejected(100);
    ASSERT_TRUE(rejected.ok());
    ASSERT_EQ(rejected.value().size(), 6u);
    std::set<std::string> topics;
    for (const auto& r : rejected.value()) {
        topics.insert(r.topic);
        EXPECT_FALSE(r.reason.empty());
        EXPECT_LE(r.firstBytes.size(), kRejectedKeepBytes);
    }
    EXPECT_EQ(topics.size(), 6u);
    EXPECT_EQ(rejected.value()[4].size, 65u * 1024);
    EXPECT_NE(rejected.value()[4].reason.find("cap"), std::string::npos);
}

TEST_F(MqttIngestTest, liveStreamRejectsASkewedClockAndABackfillKeepsRecordedTimes) {
    // The December 2013 smog at Jing'an, replayed through the broker.
    const TimeMs recorded = parseIso8601("2013-12-06T12:00:00+08:00").value();
    for (const bool backfill : {false, true}) {
        auto ingest = service(dir.file(backfill ? "backfill.db" : "live.db"),
                              backfill ? PayloadParserOptions::history() : PayloadParserOptions{});
        ASSERT_TRUE(ingest->startMqtt(options()).ok());
        ASSERT_TRUE(waitFor([&] { return ingest->maybeMqtt()->isConnected(); }));
        auto pub = publisher();
        const TimeMs now = systemNowMs();
        ASSERT_TRUE(
            pub->publish("city/sensors/sh-jingan", payload("sh-jingan", recorded, 607)).ok());
        ASSERT_TRUE(
            pub->publish("city/sensors/late", payload("late", now - 25 * 3'600'000LL, 1)).ok());
        ASSERT_TRUE(
            pub->publish("city/sensors/ahead", payload("ahead", now + 25 * 3'600'000LL, 1)).ok());
        ASSERT_TRUE(pub->publish("city/sensors/ok", payload("ok", now, 1)).ok());
        pub->disconnect();
        ASSERT_TRUE(waitFor([&] { return ingest->report().received == 4; }));
        ingest->stop();
        auto& store = ingest->writer().store();
        auto h = store.history("sh-jingan", "pm25", recorded, recorded, Aggregation::Raw);
        ASSERT_TRUE(h.ok());
        auto rejected = store.rejected(10);
        ASSERT_TRUE(rejected.ok());
        std::set<std::string> topics;
        for (const auto& r : rejected.value()) {
            topics.insert(r.topic);
            EXPECT_EQ(r.reason.rfind("ts: timestamp", 0), 0u) << r.reason;
        }
        if (backfill) {
            // Old is history; ahead of the clock is still a broken clock.
            ASSERT_EQ(h.value().size(), 1u);
            EXPECT_EQ(h.value()[0].last, 607.0);
            EXPECT_EQ(topics, (std::set<std::string>{"city/sensors/ahead"}));
        } else {
            EXPECT_TRUE(h.value().empty());
            EXPECT_EQ(topics, (std::set<std::string>{"city/sensors/sh-jingan", "city/sensors/late",
                                                     "city/sensors/ahead"}));
        }
    }
}

TEST_F(MqttIngestTest, reconnectsAfterABrokerRestartRecordsTheGapAndStoresNothingTwice) {
    auto ingest = service(dir.file("restart.db"));
    ASSERT_TRUE(ingest->startMqtt(options()).ok());
    ASSERT_TRUE(waitFor([&] { return ingest->maybeMqtt()->isConnected(); }));
    const TimeMs t0 = systemNowMs();
    {
        auto pub = publisher();
        for (int i = 0; i < 100; ++i)
            ASSERT_TRUE(pub->publish("city/sensors/s1", payload("s1", t0 + i, i)).ok());
        pub->disconnect();
    }
    ASSERT_TRUE(waitFor([&] { return ingest->report().stored == 200; }));
    const TimeMs beforeCrash = systemNowMs();
    broker->kill();
    ASSERT_TRUE(waitFor([&] { return !ingest->maybeMqtt()->isConnected(); }));
    ASSERT_TRUE(broker->start());
    ASSERT_TRUE(
        waitFor([&] { return ingest->maybeMqtt()->connects() >= 2; }, std::chrono::seconds(30)));
    {
        // The publisher resends the last 50 (as a QoS 1 sender does after a
        // crash) and continues with 100 new ones.
        auto pub = publisher();
        for (int i = 50; i < 200; ++i)
            ASSERT_TRUE(pub->publish("city/sensors/s1", payload("s1", t0 + i, i)).ok());
        pub->disconnect();
    }
    ASSERT_TRUE(waitFor([&] { return ingest->report().received == 250; }));
    ingest->stop();
    const auto report = ingest->report();
    EXPECT_EQ(report.stored, 400u);
    EXPECT_EQ(report.duplicates, 100u);
    auto& store = ingest->writer().store();
    auto h = store.history("s1", "pm25", t0, t0 + 1000, Aggregation::Raw);
    ASSERT_EQ(h.value().size(), 200u);
    std::set<TimeMs> unique;
    for (const auto& p : h.value())
        unique.insert(p.ts);
    EXPECT_EQ(unique.size(), 200u);
    auto minutes = store.history("s1", "pm25", t0 - 60000, t0 + 60000, Aggregation::Minute);
    std::int64_t counted = 0;
    for (const auto& p : minutes.value())
        counted += p.count;
    EXPECT_EQ(counted, 200);  // duplicates did not inflate the rollups
    auto gaps = store.gaps();
    ASSERT_TRUE(gaps.ok());
    ASSERT_EQ(gaps.value().size(), 1u);
    const auto& g = gaps.value()[0];
    EXPECT_EQ(g.kind, StreamGap::Kind::Disconnect);
    EXPECT_EQ(g.source, "mqtt://127.0.0.1:" + std::to_string(broker->port()));
    EXPECT_GE(g.startMs, beforeCrash);
    EXPECT_GT(g.endMs, g.startMs);
}

TEST_F(MqttIngestTest, killedIngestProcessLeavesAConsistentStoreWithEverythingCommitted) {
    const auto db = dir.file("killed.db");
    const std::string cli = std::string(citytwin::test::kBinDir) + "/citytwin-cli";
    const pid_t pid = citytwin::test::spawnProcess(
        {cli, "ingest", "--mqtt", "127.0.0.1:" + std::to_string(broker->port()), "--topic",
         "city/sensors/#", "--store", db},
        dir.file("ingest.out"), dir.file("ingest.err"));
    ASSERT_GT(pid, 0);
    auto committed = [&]() -> std::int64_t {
        sqlite3* conn = nullptr;
        std::int64_t n = -1;
        if (sqlite3_open_v2(db.c_str(), &conn, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
            sqlite3_busy_timeout(conn, 2000);
            sqlite3_stmt* s = nullptr;
            if (sqlite3_prepare_v2(conn, "SELECT count(*) FROM readings", -1, &s, nullptr) ==
                    SQLITE_OK &&
                sqlite3_step(s) == SQLITE_ROW)
                n = sqlite3_column_int64(s, 0);
            sqlite3_finalize(s);
        }
        sqlite3_close(conn);
        return n;
    };
    auto pub = publisher();
    const TimeMs t0 = systemNowMs();
    // Publish until the child has committed a good share, then keep
    // publishing while it is killed mid-stream.
    int sent = 0;
    auto publishSome = [&](int n) {
        for (int k = 0; k < n; ++k, ++sent)
            pub->publish("city/sensors/k" + std::to_string(sent % 50),
                         payload("k" + std::to_string(sent % 50), t0 + sent, sent));
    };
    ASSERT_TRUE(waitFor(
        [&] {
            publishSome(200);
            return committed() >= 2000;
        },
        std::chrono::seconds(60)))
        << "the ingest process never committed; stderr in " << dir.file("ingest.err");
    publishSome(2000);
    const auto seenBeforeKill = committed();
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFSIGNALED(status));
    pub->disconnect();

    auto store = SensorStore::open(db);
    ASSERT_TRUE(store.ok()) << store.messages();
    EXPECT_TRUE(store.value().integrityCheck().ok()) << store.value().integrityCheck().messages();
    const auto stats = store.value().stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_GE(stats.value().readings, seenBeforeKill);
    EXPECT_LE(stats.value().readings, 2 * sent);
    // Every committed reading has its rollup: the transaction was atomic.
    std::int64_t rolled = 0;
    for (int s = 0; s < 50; ++s) {
        auto hours = store.value().history("k" + std::to_string(s), "pm25", t0 - 3600000,
                                           t0 + 3600000, Aggregation::Hour);
        ASSERT_TRUE(hours.ok());
        for (const auto& p : hours.value())
            rolled += p.count;
    }
    EXPECT_EQ(rolled * 2, stats.value().readings);
}

TEST(MqttOptions, parsesHostAndPort) {
    EXPECT_EQ(parseHostPort("broker:1884").value(), std::make_pair(std::string("broker"), 1884));
    EXPECT_EQ(parseHostPort("broker").value().second, 1883);
    EXPECT_EQ(parseHostPort("[::1]:8883").value().first, "::1");
    EXPECT_FALSE(parseHostPort("broker:http").ok());
    EXPECT_FALSE(parseHostPort(":1883").ok());
    EXPECT_FALSE(parseHostPort("broker:70000").ok());
}

TEST(MqttIngest, refusesBadOptionsClearly) {
    IngestQueue q;
    IngestPipeline p(q);
    MqttOptions o;
    o.qos = 2;
    EXPECT_FALSE(MqttIngest(o, p).start().ok());
    o.qos = 1;
    o.topics = {"city/#/bad"};
    EXPECT_FALSE(MqttIngest(o, p).start().ok());
    o.topics = {"city/#"};
    o.caFile = "/nonexistent/ca.pem";
    auto tls = MqttIngest(o, p).start();
    EXPECT_FALSE(tls.ok());
    EXPECT_NE(tls.messages().find("cafile"), std::string::npos);
}
