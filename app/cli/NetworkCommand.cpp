// citytwin-cli network: build the project's connectivity graph and report how
// it was built; optionally the what-if impact of a cut or an outage.

#include <cmath>
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "CliArgs.h"
#include "CliCommand.h"
#include "citytwin/assets/Finding.h"
#include "citytwin/assets/InspectionContext.h"
#include "citytwin/assets/network/ImpactAnalyzer.h"
#include "citytwin/assets/network/NetworkBuilder.h"
#include "citytwin/geo/PostgresLocation.h"

namespace citytwin::cli {
namespace {

using json = nlohmann::ordered_json;

const char* kHelp =
    "usage: citytwin-cli network --project P [--rules R] [--format text|json]\n"
    "                            [--cut CABLE [--arc M] | --outage SITE]\n\n"
    "Builds the infrastructure network of the project (docs/network.md): core nodes\n"
    "(layer core_nodes), base stations and cables, joined by the cables' from/to ids,\n"
    "else by snapping ends and sites within the rules file's network.snap_tolerance_m.\n"
    "Prints the node and edge counts, every end or site joined by snapping, the loose\n"
    "cable ends, the in-service sites no cable reaches and those with no path to any\n"
    "core node.\n\n"
    "options:\n"
    "  --project P  project GeoPackage (core_nodes, base_stations, cables),\n"
    "               or a PostGIS database, PG:\"host=H dbname=D\" or\n"
    "               postgresql://U@H/D (docs/deployment.md)\n"
    "  --rules R    rules file (JSON); default: the shipped assets/rules/shanghai-2023.json\n"
    "  --format F   text (default) or json\n"
    "  --cut C      also print the impact of cutting cable C (the whole cable)\n"
    "  --arc M      ... cut at M metres along it from its first vertex instead\n"
    "  --outage S   also print the impact of site S going out of service\n\n"
    "exit status: 0 if the network was built, 1 if not (unreadable project, a\n"
    "from/to naming an unknown id, an unknown cable or site for --cut/--outage),\n"
    "2 on a usage error.\n";

json listOf(const std::vector<std::string>& ids) {
    json out = json::array();
    for (const auto& id : ids)
        out.push_back(id);
    return out;
}

json impactJson(const assets::ImpactSummary& s) {
    json byOperator = json::object();
    for (const auto& [op, n] : s.sitesLostByOperator)
        byOperator[op] = n;
    return {{"sites_lost", listOf(s.sitesLost)},
            {"sites_lost_by_operator", byOperator},
            {"sites_kept_by_redundancy", listOf(s.sitesKeptByRedundancy)},
            {"coverage_lost_km2", s.coverage.areaKm2},
            {"coverage_polygons", s.coverage.polygons.size()}};
}

void printList(std::ostream& out, const char* title, const std::vector<std::string>& ids) {
    out << title << " (" << ids.size() << "):";
    for (const auto& id : ids)
        out << ' ' << id;
    out << '\n';
}

int runNetwork(int argc, char** argv) {
    CliArgs args("network", kHelp,
                 {"--project", "--rules", "--format", "--cut", "--arc", "--outage"}, {});
    if (auto exit = args.parseOrExit(argc, argv))
        return *exit;
    if (!args.positionals().empty())
        return args.usage("unexpected argument '" + args.positionals()[0] + "'");
    if (!args.has("--project"))
        return args.usage("--project is required");
    const std::string format = args.valueOr("--format", "text");
    if (format != "json" && format != "text")
        return args.usage("--format must be text or json");
    if (args.has("--cut") && args.has("--outage"))
        return args.usage("--cut and --outage exclude each other");
    if (args.has("--arc") && !args.has("--cut"))
        return args.usage("--arc needs --cut");
    double arc = 0;
    NumberSpec arcSpec;
    arcSpec.min = 0;
    arcSpec.complaint = ": '%v' is not a distance in metres";
    if (!args.number("--arc", arcSpec, arc))
        return args.usage(args.error());

    const auto repository = assets::openAssetRepository(*args.value("--project"));
    auto context = assets::InspectionContext::open(*repository, args.valueOr("--rules", ""));
    for (const auto& d : context.diagnostics())
        std::cerr << d.toString() << '\n';
    if (!context) {
        std::cerr << "citytwin-cli network: cannot read the project\n";
        return 1;
    }
    assets::NetworkBuildReport report;
    auto model =
        assets::NetworkBuilder(context.value()->rules()).build(context.value()->project(), report);
    for (const auto& d : model.diagnostics())
        std::cerr << d.toString() << '\n';
    if (!model) {
        std::cerr << "citytwin-cli network: cannot build the network\n";
        return 1;
    }
    const auto& m = model.value();
    std::size_t cores = 0, sites = 0, junctions = 0;
    for (const auto& n : m.nodes()) {
        cores += n.kind == assets::NetworkNodeKind::Core ? 1 : 0;
        sites += n.kind == assets::NetworkNodeKind::Site ? 1 : 0;
        junctions += n.kind == assets::NetworkNodeKind::Junction ? 1 : 0;
    }

    std::optional<assets::ImpactSummary> impact;
    if (args.has("--cut") || args.has("--outage")) {
        assets::ImpactAnalyzer analyzer(m);
        if (auto cable = args.value("--cut")) {
            impact =
                analyzer.cableCut(*cable, args.has("--arc") ? std::optional(arc) : std::nullopt);
            if (!impact) {
                std::cerr << "citytwin-cli network: no cable '" << *cable << "'"
                          << (args.has("--arc")
                                  ? " with a position " + assets::formatMetres(arc) + " m"
                                  : "")
                          << " in the network\n";
                return 1;
            }
        } else {
            const std::string site = *args.value("--outage");
            impact = analyzer.siteOutage(site);
            if (!impact) {
                std::cerr << "citytwin-cli network: no site '" << site << "' in the network\n";
                return 1;
            }
        }
    }

    if (format == "json") {
        json snapped = json::array();
        for (const auto& s : report.snapped)
            snapped.push_back({{"cable", s.cableId},
                               {"end", s.end},
                               {"target", s.target},
                               {"distance_m", std::round(s.distanceM * 100) / 100}});
        json doc = {{"project", geo::maskedLocation(*args.value("--project"))},
                    {"tolerance_m", report.toleranceM},
                    {"nodes", m.nodes().size()},
                    {"core_nodes", cores},
                    {"sites", sites},
                    {"junctions", junctions},
                    {"edges", m.edges().size()},
                    {"cables", m.cableIds().size()},
                    {"explicit_ends", report.explicitEnds},
                    {"snapped", snapped},
                    {"loose_cable_ends", listOf(report.looseCableEnds)},
                    {"unconnected_sites", listOf(report.unconnectedSites)},
                    {"sites_without_core_path", listOf(report.sitesWithoutCorePath)}};
        if (impact)
            doc["impact"] = impactJson(*impact);
        std::cout << doc.dump(2) << '\n';
        return 0;
    }
    std::cout << "network of " << geo::maskedLocation(*args.value("--project")) << ": "
              << m.nodes().size() << " nodes (" << cores << " core, " << sites << " sites, "
              << junctions << " junctions), " << m.edges().size() << " edges over "
              << m.cableIds().size() << " cables\n"
              << "tolerance " << assets::formatMetres(report.toleranceM) << " m; "
              << report.explicitEnds << " cable ends joined by from/to, " << report.snapped.size()
              << " joined by snapping\n";
    for (const auto& s : report.snapped)
        std::cout << "  snapped " << s.cableId << ' ' << s.end << " -> " << s.target << " ("
                  << assets::formatMetres(s.distanceM) << " m)\n";
    printList(std::cout, "loose cable ends", report.looseCableEnds);
    printList(std::cout, "unconnected sites", report.unconnectedSites);
    printList(std::cout, "sites without a path to a core node", report.sitesWithoutCorePath);
    if (impact) {
        printList(std::cout, "impact: sites losing backhaul", impact->sitesLost);
        for (const auto& [op, n] : impact->sitesLostByOperator)
            std::cout << "  " << op << ": " << n << '\n';
        printList(std::cout, "impact: sites kept by redundancy", impact->sitesKeptByRedundancy);
        char area[64];
        std::snprintf(area, sizeof area, "%.4f", impact->coverage.areaKm2);
        std::cout << "impact: coverage lost " << area << " km2\n";
    }
    return 0;
}

}  // namespace

CliCommand networkCommand() {
    return {"network", "build the infrastructure network and report its connectivity", runNetwork};
}

}  // namespace citytwin::cli
