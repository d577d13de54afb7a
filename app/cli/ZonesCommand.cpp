// citytwin-cli zones: export the cables' protection zones.

#include <iostream>

#include "CliArgs.h"
#include "CliCommand.h"
#include "citytwin/assets/InspectionContext.h"

namespace citytwin::cli {
namespace {

const char* kHelp =
    "usage: citytwin-cli zones --project P --out zones.gpkg [--rules R]\n\n"
    "Builds the protection zone of every cable of the project and writes them to a\n"
    "GeoPackage (layer protection_zones, EPSG:4326; fields cable_id, operator, class,\n"
    "waters, half_width_m, rule, article). Submarine cables: 500 / 100 / 50 m each\n"
    "side by waters open / bay / port (SCP Art. 7); land classes as the rules file\n"
    "sets. Buffers are computed in metres in a transverse Mercator around each cable.\n\n"
    "options:\n"
    "  --project P  project GeoPackage with a cables layer,\n"
    "               or a PostGIS database, PG:\"host=H dbname=D\" or\n"
    "               postgresql://U@H/D (docs/deployment.md)\n"
    "  --out F      GeoPackage to write (replaced if it exists)\n"
    "  --rules R    rules file (JSON); default: the shipped assets/rules/shanghai-2023.json\n\n"
    "exit status: 0 if the zones were written, 1 if not, 2 on a usage error.\n";

int runZones(int argc, char** argv) {
    CliArgs args("zones", kHelp, {"--project", "--out", "--rules"}, {});
    if (auto exit = args.parseOrExit(argc, argv))
        return *exit;
    if (!args.has("--project") || !args.has("--out") || !args.positionals().empty())
        return args.usage("--project and --out are required");
    const auto repository = assets::openAssetRepository(*args.value("--project"));
    auto context = assets::InspectionContext::open(*repository, args.valueOr("--rules", ""));
    for (const auto& d : context.diagnostics())
        std::cerr << d.toString() << '\n';
    if (!context) {
        std::cerr << "citytwin-cli zones: cannot read the project\n";
        return 1;
    }
    auto zones = context.value()->buildZones();
    for (const auto& d : zones.diagnostics())
        std::cerr << d.toString() << '\n';
    const auto written =
        assets::writeZonesGeoPackage(*args.value("--out"), zones.value(), context.value()->rules());
    if (!written) {
        std::cerr << "citytwin-cli zones: " << written.messages() << '\n';
        return 1;
    }
    std::cout << zones.value().size() << " protection zones written to " << *args.value("--out")
              << '\n';
    return 0;
}

}  // namespace

CliCommand zonesCommand() {
    return {"zones", "export the cables' protection zones to a GeoPackage", runZones};
}

}  // namespace citytwin::cli
