// citytwin-cli scenario run|check: compute a scenario's event log over a
// project, or only validate the scenario file against it.

#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "CliArgs.h"
#include "CliCommand.h"
#include "citytwin/assets/InspectionContext.h"
#include "citytwin/assets/network/NetworkBuilder.h"
#include "citytwin/assets/scenario/ScenarioEngine.h"
#include "citytwin/assets/scenario/ScenarioFile.h"

namespace citytwin::cli {
namespace {

const char* kHelp =
    "usage: citytwin-cli scenario run SCENARIO.json --project P.gpkg --out LOG.jsonl\n"
    "                             [--threads N] [--rules R.json]\n"
    "       citytwin-cli scenario check SCENARIO.json --project P.gpkg [--rules R.json]\n\n"
    "Incident scenarios (SH Art. 25 drills): cable cuts, site outages, excavations,\n"
    "vessels, typhoons, sensor faults and interference over the project's network\n"
    "(core_nodes, base_stations, cables). docs/scenarios.md documents the file\n"
    "(schema version 1) and the log.\n\n"
    "  run    computes the event log, writes it as JSON Lines (one canonical object per\n"
    "         line: t, event, id, and rule / rules / related / cause where they apply),\n"
    "         prints a summary (entries by event, the sites that lost backhaul and for\n"
    "         how long, the rules cited) and, as its last line, `sha256 <hex>`: the\n"
    "         SHA-256 of the log's bytes. The same project, scenario and seed give the\n"
    "         same bytes for any --threads.\n"
    "  check  validates the scenario file and the ids it names against the project's\n"
    "         network; prints `valid` or the error (file, event index, field).\n\n"
    "options:\n"
    "  --project P  project GeoPackage with the asset layers (docs/assets.md),\n"
    "               or a PostGIS database, PG:\"host=H dbname=D\" or\n"
    "               postgresql://U@H/D (docs/deployment.md)\n"
    "  --out F      (run) the log to write (replaced if it exists)\n"
    "  --threads N  (run) worker threads, 0 = all cores; default 1\n"
    "  --rules R    rules file (JSON); default: the shipped assets/rules/shanghai-2023.json\n"
    "               (anchoring threshold and duration, zone widths, typhoon wind)\n\n"
    "exit status: 0 if the log was written / the scenario is valid, 1 if not (an\n"
    "unreadable project or rules, an invalid scenario, a log that cannot be written),\n"
    "2 on a usage error.\n";

struct Loaded {
    std::unique_ptr<assets::InspectionContext> context;
    assets::NetworkModel network;
    assets::Scenario scenario;
};

/// Project, rules, network and scenario, checked against each other; prints
/// the reason and returns nullopt when one of them fails.
std::optional<Loaded> load(const std::string& scenarioPath, const std::string& project,
                           const std::string& rules) {
    auto scenario = assets::loadScenario(scenarioPath);
    if (!scenario) {
        std::cerr << scenario.messages() << '\n';
        return std::nullopt;
    }
    const auto repository = assets::openAssetRepository(project);
    auto context = assets::InspectionContext::open(*repository, rules);
    if (!context) {
        std::cerr << context.messages() << "\ncitytwin-cli scenario: cannot read the project\n";
        return std::nullopt;
    }
    assets::NetworkBuildReport report;
    auto network =
        assets::NetworkBuilder(context.value()->rules()).build(context.value()->project(), report);
    if (!network) {
        std::cerr << network.messages() << "\ncitytwin-cli scenario: cannot build the network\n";
        return std::nullopt;
    }
    const auto checked = assets::checkScenarioAgainst(scenario.value(), network.value());
    if (!checked) {
        std::cerr << checked.messages() << '\n';
        return std::nullopt;
    }
    return Loaded{std::move(context).value(), std::move(network).value(),
                  std::move(scenario).value()};
}

std::string hours(double seconds) {
    return assets::formatFixed(seconds / 3600.0, 2) + " h";
}

void printSummary(const assets::Scenario& scenario, const assets::ScenarioRun& run) {
    using assets::LogEventKind;
    std::map<LogEventKind, std::size_t> counts;
    std::set<std::string> rules;
    std::map<std::string, geo::TimeMs> lostSince;
    std::map<std::string, double> withoutS;  // total seconds without backhaul per site
    for (const auto& e : run.log) {
        ++counts[e.kind];
        rules.insert(e.rules.begin(), e.rules.end());
        if (!e.rule.empty())
            rules.insert(e.rule);
        if (e.kind == LogEventKind::BackhaulLost) {
            lostSince[e.id] = e.t;
            withoutS[e.id] += 0.0;
        } else if (e.kind == LogEventKind::BackhaulRestored && lostSince.count(e.id)) {
            withoutS[e.id] += static_cast<double>(e.t - lostSince[e.id]) / 1000.0;
            lostSince.erase(e.id);
        }
    }
    std::cout << "scenario " << scenario.nameEn << " / " << scenario.nameZh << ": "
              << geo::formatIso8601(scenario.start) << " to " << geo::formatIso8601(scenario.end)
              << ", seed " << scenario.seed << ", " << scenario.events.size() << " events, "
              << run.log.size() << " log entries\n";
    std::cout << "entries by event:\n";
    for (const auto& [kind, n] : counts)
        std::cout << "  " << assets::toString(kind) << ' ' << n << '\n';
    std::cout << "sites that lost backhaul: " << withoutS.size() << '\n';
    for (auto& [site, seconds] : withoutS) {
        const bool open = lostSince.count(site) > 0;
        if (open)
            seconds += static_cast<double>(scenario.end - lostSince[site]) / 1000.0;
        std::cout << "  " << site << ' ' << hours(seconds)
                  << (open ? " (not restored by the end)" : "") << '\n';
    }
    std::cout << "rules cited:";
    for (const auto& r : rules)
        std::cout << ' ' << r;
    std::cout << (rules.empty() ? " none\n" : "\n");
}

int runScenario(int argc, char** argv) {
    CliArgs args("scenario", kHelp, {"--project", "--out", "--threads", "--rules"}, {});
    if (auto exit = args.parseOrExit(argc, argv))
        return *exit;
    const auto& pos = args.positionals();
    if (pos.empty() || (pos[0] != "run" && pos[0] != "check"))
        return args.usage("expected `run` or `check`");
    if (pos.size() != 2)
        return args.usage("expected one scenario file after `" + pos[0] + "`");
    if (!args.has("--project"))
        return args.usage("--project is required");
    const bool isRun = pos[0] == "run";
    if (isRun && !args.has("--out"))
        return args.usage("--out is required for `run`");
    if (!isRun && (args.has("--out") || args.has("--threads")))
        return args.usage("--out and --threads belong to `run`");
    double threads = 1;
    NumberSpec threadSpec;
    threadSpec.min = 0;
    threadSpec.max = 256;
    threadSpec.integer = true;
    threadSpec.complaint = ": '%v' is not a thread count (0 to 256)";
    if (!args.number("--threads", threadSpec, threads))
        return args.usage(args.error());

    auto loaded = load(pos[1], *args.value("--project"), args.valueOr("--rules", ""));
    if (!loaded)
        return 1;
    if (!isRun) {
        std::cout << "valid: " << loaded->scenario.events.size() << " events\n";
        return 0;
    }
    assets::EngineOptions options;
    options.threads = static_cast<unsigned>(threads);
    const assets::ScenarioEngine engine(loaded->context->project(), loaded->context->rules(),
                                        loaded->network, options);
    const auto run = engine.run(loaded->scenario);
    if (!run) {
        std::cerr << run.messages() << '\n';
        return 1;
    }
    const std::string out = *args.value("--out");
    {
        std::ofstream file(out, std::ios::binary | std::ios::trunc);
        file << assets::writeEventLog(run.value().log);
        if (!file.good()) {
            std::cerr << "citytwin-cli scenario: cannot write " << out << '\n';
            return 1;
        }
    }
    printSummary(loaded->scenario, run.value());
    std::cout << "log written to " << out << '\n';
    std::cout << "sha256 " << run.value().sha256 << '\n';
    return 0;
}

}  // namespace

CliCommand scenarioCommand() {
    return {"scenario", "run or check an incident scenario (event log and its SHA-256)",
            runScenario};
}

}  // namespace citytwin::cli
