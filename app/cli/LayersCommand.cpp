// citytwin-cli layers: what a project GeoPackage holds.

#include <cstdio>
#include <iostream>

#include "CliArgs.h"
#include "CliCommand.h"
#include "citytwin/geo/ProjectStore.h"

namespace citytwin::cli {
namespace {

const char* kHelp =
    "usage: citytwin-cli layers --project P.gpkg\n\n"
    "Lists the layers of the project GeoPackage P.gpkg (or PostGIS database). The\n"
    "first line names the project CRS:\n"
    "  project CRS: <label>\n"
    "then a header line and one line per layer, tab-separated:\n"
    "  layer  crs  geometry  features  extent  source_crs  imported_at\n"
    "extent is minx,miny,maxx,maxy in the layer's CRS ('-' if empty); source_crs\n"
    "and imported_at (UTC) describe the latest import ('-' if unknown).\n\n"
    "options:\n"
    "  --project P.gpkg   the project file, or a PostGIS project database:\n"
    "                     PG:\"host=H dbname=D user=U\" or postgresql://U@H/D\n"
    "                     (docs/deployment.md)\n"
    "exit status: 0 on success, 1 if the project cannot be read, 2 on a usage error.\n";

int runLayers(int argc, char** argv) {
    CliArgs args("layers", kHelp, {"--project"}, {});
    if (auto exit = args.parseOrExit(argc, argv))
        return *exit;
    const auto project = args.value("--project");
    if (!project || !args.positionals().empty())
        return args.usage("need --project P.gpkg");
    auto store = geo::ProjectStore::open(*project);
    if (!store) {
        std::cerr << store.messages() << '\n';
        return 1;
    }
    auto layers = store->layers();
    for (const auto& d : layers.diagnostics())
        std::cerr << d.toString() << '\n';
    if (!layers)
        return 1;
    std::cout << "project CRS: " << store->crs().label() << '\n';
    std::cout << "layer\tcrs\tgeometry\tfeatures\textent\tsource_crs\timported_at\n";
    for (const auto& l : layers.value()) {
        char extent[200] = "-";
        if (!l.extent.isEmpty()) {
            const char* fmt = l.crs.isGeographic() ? "%.9f,%.9f,%.9f,%.9f" : "%.4f,%.4f,%.4f,%.4f";
            std::snprintf(extent, sizeof extent, fmt, l.extent.minX, l.extent.minY, l.extent.maxX,
                          l.extent.maxY);
        }
        const bool known = !l.imports.empty();
        std::cout << l.name << '\t' << l.crs.label() << '\t' << l.geometryType << '\t'
                  << l.featureCount << '\t' << extent << '\t'
                  << (known ? l.imports.back().sourceCrsLabel : "-") << '\t'
                  << (known ? l.imports.back().importedAtUtc : "-") << '\n';
    }
    return 0;
}

}  // namespace

CliCommand layersCommand() {
    return {"layers", "list the layers of a project GeoPackage (CRS, features, extent)", runLayers};
}

}  // namespace citytwin::cli
