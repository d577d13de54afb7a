// citytwin-cli scenario run / check on the shipped demo project and its demo
// scenarios: the last line is the hash of the log's bytes, the hash repeats
// across runs and thread counts, and check refuses a bad file.

#include <array>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "AssetTestSupport.h"
#include "citytwin/assets/scenario/EventLog.h"
#include "citytwin/geo/Sha256.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;
using namespace citytwin::assets;

namespace {

assets::test::CliRun cli(const std::string& args, bool withStderr = false) {
    return assets::test::runCli(args, withStderr);
}

std::string demo() {
    return std::string(citytwin::test::kRepoDataDir) + "/demo/demo.gpkg";
}
std::string scenario(const std::string& name) {
    return std::string(citytwin::test::kRepoDataDir) + "/demo/scenarios/" + name;
}

std::string lastLine(const std::string& out) {
    std::string s = out;
    while (!s.empty() && s.back() == '\n')
        s.pop_back();
    const auto nl = s.rfind('\n');
    return nl == std::string::npos ? s : s.substr(nl + 1);
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Runs a demo scenario; returns its log.
std::vector<LogEntry> runDemo(const std::string& name, const std::string& extra,
                              std::string& hashLine) {
    const std::string out = assets::test::tempDir("scenario-cli") + "/log.jsonl";
    const auto run = cli("scenario run " + scenario(name) + " --project " + demo() + " --out " +
                         out + " " + extra);
    EXPECT_EQ(run.exitCode, 0) << run.out;
    hashLine = lastLine(run.out);
    const std::string text = readFile(out);
    EXPECT_EQ(hashLine, "sha256 " + geo::sha256Hex(text));
    auto log = parseEventLog(text, out);
    EXPECT_TRUE(log.ok()) << log.messages();
    return log.ok() ? log.value() : std::vector<LogEntry>{};
}

std::set<std::string> idsOf(const std::vector<LogEntry>& log, LogEventKind kind) {
    std::set<std::string> out;
    for (const auto& e : log)
        if (e.kind == kind)
            out.insert(e.id);
    return out;
}

}  // namespace

TEST(ScenarioCli, runPrintsTheHashLastAndTheSameHashEveryTimeAndThreadCount) {
    std::string a, b, c;
    const auto log = runDemo("lujiazui-cable-cut.json", "", a);
    runDemo("lujiazui-cable-cut.json", "", b);
    runDemo("lujiazui-cable-cut.json", "--threads 2", c);
    ASSERT_EQ(a.size(), 7u + 64u) << a;
    EXPECT_EQ(a.find_first_not_of("0123456789abcdef", 7), std::string::npos) << a;
    EXPECT_EQ(a, b);
    EXPECT_EQ(a, c);

    EXPECT_EQ(log.front().kind, LogEventKind::ScenarioStart);
    EXPECT_EQ(log.back().kind, LogEventKind::ScenarioEnd);
    EXPECT_EQ(idsOf(log, LogEventKind::BackhaulLost).size(),
              3u);  // TestDemoScenarios has the detail
}

TEST(ScenarioCli, checkAcceptsTheDemosAndRejectsABadFile) {
    for (const char* name :
         {"lujiazui-cable-cut.json", "vessel-anchor-drag.json", "excavation-creep.json"}) {
        const auto ok = cli("scenario check " + scenario(name) + " --project " + demo());
        EXPECT_EQ(ok.exitCode, 0) << name << ok.out;
    }
    const std::string dir = assets::test::tempDir("scenario-cli-bad");
    {
        std::ofstream bad(dir + "/bad.json");
        bad << R"({"version": 1, "name": {"zh": "坏", "en": "bad"}, "seed": 1,
  "start": "2026-06-15T10:00:00+08:00", "end": "2026-06-15T12:00:00+08:00",
  "events": [{"type": "cable_cut", "at": "2026-06-15T10:00:00+08:00", "cable": "NO-SUCH-CABLE"}]})";
    }
    const auto bad = cli("scenario check " + dir + "/bad.json --project " + demo(), true);
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_NE(bad.out.find("bad.json"), std::string::npos) << bad.out;
    EXPECT_NE(bad.out.find("events[0].cable"), std::string::npos) << bad.out;
    {
        std::ofstream broken(dir + "/broken.json");
        broken << "{\"version\": 1,\n \"name\": }";
    }
    const auto broken = cli("scenario check " + dir + "/broken.json --project " + demo(), true);
    EXPECT_EQ(broken.exitCode, 1);
    EXPECT_NE(broken.out.find("line 2"), std::string::npos) << broken.out;
}

TEST(ScenarioCli, usageErrorsExitTwo) {
    EXPECT_EQ(cli("scenario").exitCode, 2);
    EXPECT_EQ(cli("scenario fly x.json --project p.gpkg").exitCode, 2);
    EXPECT_EQ(cli("scenario run " + scenario("lujiazui-cable-cut.json") + " --project " + demo())
                  .exitCode,
              2);  // no --out
    EXPECT_EQ(cli("scenario run a.json --project p --out o --threads -1").exitCode, 2);
    const auto help = cli("scenario --help");
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("sha256"), std::string::npos);
}
