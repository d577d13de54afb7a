// Ingest scale-out and bridged brokers against real servers: several
// `citytwin-cli ingest --shared-group` processes splitting one stream into
// one PostgreSQL store (one of them kill -9ed), and a district broker bridged
// to the city broker with the shipped packaging/mosquitto/district-bridge.conf
// (labels mqtt and pg).

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <signal.h>
#include <sys/wait.h>

#include <fstream>
#include <sstream>

#include "MosquittoBroker.h"
#include "PostgresServer.h"
#include "TempDir.h"
#include "citytwin/sensors/MqttPublisher.h"
#include "citytwin/sensors/SensorStore.h"
#include "citytwin/sensors/TimeFormat.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::sensors;
using citytwin::test::MosquittoBroker;
using citytwin::test::PostgresServer;
using citytwin::test::TempDir;
using citytwin::test::waitFor;

namespace {

const std::string kCli = std::string(citytwin::test::kBinDir) + "/citytwin-cli";

/// One number from the store, by a connection of our own (-1 on error).
std::int64_t scalar(const std::string& conninfo, const std::string& sql) {
    PGconn* c = PQconnectdb(conninfo.c_str());
    std::int64_t n = -1;
    if (PQstatus(c) == CONNECTION_OK) {
        PGresult* r = PQexec(c, sql.c_str());
        if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 && !PQgetisnull(r, 0, 0))
            n = std::strtoll(PQgetvalue(r, 0, 0), nullptr, 10);
        PQclear(r);
    }
    PQfinish(c);
    return n;
}

/// Readings of the stream (sensors d*), not the probes.
std::int64_t streamed(const std::string& conninfo) {
    return scalar(conninfo,
                  "SELECT count(*) FROM readings WHERE series IN"
                  " (SELECT id FROM series WHERE sensor LIKE 'd%')");
}

std::string slurp(const std::string& path) {
    std::ifstream f(path);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

class ScaleOut : public ::testing::Test {
protected:
    void SetUp() override {
        if (const auto why = PostgresServer::missingReason(); !why.empty())
            GTEST_SKIP() << why;
        pg = std::make_unique<PostgresServer>("scale-out");
        ASSERT_TRUE(pg->start()) << pg->error();
        std::filesystem::create_directories(dir.path() / "city");
        city = std::make_unique<MosquittoBroker>((dir.path() / "city").string());
        ASSERT_TRUE(city->start()) << "mosquitto did not start";
        // The schema exists before the members start (they would race to it
        // otherwise, which the store serialises anyway).
        ASSERT_TRUE(SensorStore::open(pg->conninfo()).ok());
    }

    std::unique_ptr<MqttPublisher> publisher(int port) const {
        MqttOptions o;
        o.port = port;
        o.qos = 1;
        auto p = std::make_unique<MqttPublisher>(o);
        auto connected = p->connect();
        EXPECT_TRUE(connected.ok()) << connected.messages();
        return p;
    }

    static void publish(MqttPublisher& pub, TimeMs t0, int k, const std::string& prefix = "d") {
        const std::string sensor = prefix + std::to_string(k % 50);
        pub.publish("city/sensors/" + sensor, R"({"sensor":")" + sensor + R"(","ts":)" +
                                                  std::to_string(t0 + k) + R"(,"values":{"pm25":)" +
                                                  std::to_string(k) + "}}");
    }

    pid_t spawn(const std::vector<std::string>& extra, const std::string& name) {
        std::vector<std::string> argv{kCli,      "ingest",
                                      "--mqtt",  "127.0.0.1:" + std::to_string(city->port()),
                                      "--store", pg->uri()};
        argv.insert(argv.end(), extra.begin(), extra.end());
        return citytwin::test::spawnProcess(argv, dir.file(name + ".out"), dir.file(name + ".err"));
    }

    /// SIGTERM, exit status 0 and "unstored 0" in its summary.
    void stopCleanly(pid_t pid, const std::string& name) {
        ::kill(pid, SIGTERM);
        int status = 0;
        ::waitpid(pid, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
            << name << ": " << slurp(dir.file(name + ".err"));
        EXPECT_NE(slurp(dir.file(name + ".out")).find("unstored 0"), std::string::npos)
            << name << ": " << slurp(dir.file(name + ".out"));
    }

    TempDir dir;
    std::unique_ptr<PostgresServer> pg;
    std::unique_ptr<MosquittoBroker> city;
};

}  // namespace

// Three members of one shared group; one is killed a third of the way in and
// comes back with its client id: every message is stored exactly once.
TEST_F(ScaleOut, aSharedGroupStoresEachMessageOnceAndAKilledMemberLosesNothing) {
    constexpr int kMembers = 3, kTotal = 6000;
    auto member = [&](int i) {
        return spawn(
            {"--shared-group", "city-ingest", "--client-id", "member-" + std::to_string(i)},
            "member" + std::to_string(i));
    };
    std::vector<pid_t> pids;
    for (int i = 0; i < kMembers; ++i)
        pids.push_back(member(i));
    // Every member connected (the broker says so), then probes until stored.
    ASSERT_TRUE(waitFor(
        [&] {
            const auto log = slurp(dir.file("city/mosquitto.log"));
            for (int i = 0; i < kMembers; ++i)
                if (log.find("as member-" + std::to_string(i)) == std::string::npos)
                    return false;
            return true;
        },
        std::chrono::seconds(30)))
        << slurp(dir.file("city/mosquitto.log"));
    auto pub = publisher(city->port());
    const TimeMs t0 = systemNowMs();
    int probes = 0;
    ASSERT_TRUE(waitFor(
        [&] {
            publish(*pub, t0 - 100'000, probes++, "probe");
            return scalar(pg->conninfo(), "SELECT count(DISTINCT series) FROM readings") > 0;
        },
        std::chrono::seconds(30)));
    int sent = 0;
    for (; sent < kTotal / 3; ++sent)
        publish(*pub, t0, sent);
    ASSERT_TRUE(
        waitFor([&] { return streamed(pg->conninfo()) >= kTotal / 6; }, std::chrono::seconds(60)));
    ::kill(pids[1], SIGKILL);
    ::waitpid(pids[1], nullptr, 0);
    for (; sent < kTotal; ++sent)
        publish(*pub, t0, sent);
    pub->disconnect(30'000);
    ASSERT_EQ(pub->delivered(), pub->published()) << "the broker did not take every message";
    const auto atKill = streamed(pg->conninfo());
    pids[1] = spawn({"--shared-group", "city-ingest", "--client-id", "member-1"}, "member1b");
    EXPECT_TRUE(
        waitFor([&] { return streamed(pg->conninfo()) >= kTotal; }, std::chrono::seconds(120)))
        << streamed(pg->conninfo()) << " of " << kTotal << " stored";
    std::cout << "stored before the killed member came back: " << atKill << ", all " << kTotal
              << " after it came back\n";
    for (int i = 0; i < kMembers; ++i)
        stopCleanly(pids[i], i == 1 ? "member1b" : "member" + std::to_string(i));
    EXPECT_EQ(streamed(pg->conninfo()), kTotal);
    // The stream was split: the surviving members both stored some of it.
    for (const std::string name : {"member0", "member2"}) {
        const auto out = slurp(dir.file(name + ".out"));
        EXPECT_EQ(out.find("\nstored 0\n"), std::string::npos) << name << ": " << out;
    }
    // Exactly once: the rollups count each reading once too.
    EXPECT_EQ(scalar(pg->conninfo(),
                     "SELECT sum(n) FROM rollup_1m WHERE series IN"
                     " (SELECT id FROM series WHERE sensor LIKE 'd%')"),
              kTotal);
}

// Readings published to the district broker reach the city's store through
// the shipped bridge; each outage of the bridge (the district broker dies, or
// stops) is a gap.
TEST_F(ScaleOut, aBridgedDistrictBrokerFeedsTheCityStoreAndItsOutageIsAGap) {
    std::ifstream shipped(std::string(citytwin::test::kRepoDataDir) +
                          "/../packaging/mosquitto/district-bridge.conf");
    ASSERT_TRUE(shipped) << "packaging/mosquitto/district-bridge.conf";
    std::string line, bridge;
    bool inBridge = false;
    while (std::getline(shipped, line)) {
        inBridge = inBridge || line.starts_with("connection ");
        if (!inBridge)
            continue;
        if (line.starts_with("address "))
            line = "address 127.0.0.1:" + std::to_string(city->port());
        bridge += line + "\n";
    }
    ASSERT_NE(bridge.find("topic city/sensors/# out 1"), std::string::npos) << bridge;
    std::filesystem::create_directories(dir.path() / "district");
    MosquittoBroker district((dir.path() / "district").string());
    district.addConfig(bridge);
    ASSERT_TRUE(district.start());

    const std::string stateTopic = "city/bridges/+/state";
    const pid_t ingest =
        spawn({"--client-id", "city-1", "--persistent-session", "--bridge-state", stateTopic},
              "city-ingest");
    auto pub = publisher(district.port());
    const TimeMs t0 = systemNowMs();
    int probes = 0;
    ASSERT_TRUE(waitFor(
        [&] {
            publish(*pub, t0 - 100'000, probes++, "probe");
            return scalar(pg->conninfo(), "SELECT count(*) FROM readings") > 0;
        },
        std::chrono::seconds(30)))
        << slurp(dir.file("district/mosquitto.log"));
    for (int k = 0; k < 500; ++k)
        publish(*pub, t0, k);
    ASSERT_TRUE(waitFor([&] { return streamed(pg->conninfo()) >= 500; }))
        << streamed(pg->conninfo());
    pub->disconnect();

    // The district broker dies; the city broker sends the bridge's will.
    district.kill();
    ASSERT_TRUE(district.start());
    auto pub2 = publisher(district.port());
    for (int k = 500; k < 1000; ++k)
        publish(*pub2, t0, k);
    pub2->disconnect();
    const std::string gapSql =
        "SELECT count(*) FROM gaps WHERE kind = 'disconnect' AND"
        " source = 'bridge city/bridges/district-a/state' AND end_ms > start_ms";
    EXPECT_TRUE(
        waitFor([&] { return scalar(pg->conninfo(), gapSql) == 1; }, std::chrono::seconds(60)))
        << "no bridge gap; " << slurp(dir.file("city-ingest.err"));
    EXPECT_TRUE(waitFor([&] { return streamed(pg->conninfo()) >= 1000; }, std::chrono::seconds(60)))
        << streamed(pg->conninfo()) << " of 1000 after the restart";
    // A clean stop of the district broker is an outage too (mosquitto sends "0").
    district.stop();
    ASSERT_TRUE(district.start());
    auto pub3 = publisher(district.port());
    for (int k = 1000; k < 1500; ++k)
        publish(*pub3, t0, k);
    pub3->disconnect();
    EXPECT_TRUE(
        waitFor([&] { return scalar(pg->conninfo(), gapSql) == 2; }, std::chrono::seconds(60)))
        << "the clean stop left no gap";
    EXPECT_TRUE(
        waitFor([&] { return streamed(pg->conninfo()) >= 1500; }, std::chrono::seconds(60)));
    stopCleanly(ingest, "city-ingest");
    EXPECT_EQ(streamed(pg->conninfo()), 1500);
    EXPECT_EQ(scalar(pg->conninfo(), gapSql), 2);
}
