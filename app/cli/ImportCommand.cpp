// citytwin-cli import: one vector layer into the project GeoPackage.

#include <iostream>

#include "CliArgs.h"
#include "CliCommand.h"
#include "citytwin/geo/PostgresLocation.h"
#include "citytwin/geo/ProjectStore.h"

namespace citytwin::cli {
namespace {

const char* kHelp =
    "usage: citytwin-cli import SRC --project P.gpkg --layer NAME [--src-crs CRS]\n"
    "                           [--encoding ENC] [--invalid repair|skip|fail]\n"
    "                           [--src-layer NAME] [--overwrite | --append]\n"
    "                           [--project-crs CRS]\n\n"
    "Imports the vector file SRC (GeoPackage, Shapefile, GeoJSON, KML, CSV with\n"
    "lon/lat or WKT columns, anything GDAL reads) into layer NAME of the project\n"
    "GeoPackage P.gpkg, reprojected to the project CRS, with an R*Tree spatial\n"
    "index. The source CRS and the import time are kept as layer metadata. The\n"
    "import is one transaction: on failure the project is left as it was.\n\n"
    "options:\n"
    "  --project P.gpkg     the project file; created if it does not exist. Or a\n"
    "                       PostGIS database shared by several workstations:\n"
    "                       PG:\"host=H port=5432 dbname=D user=U\" or\n"
    "                       postgresql://U@H:5432/D; the database must exist with\n"
    "                       PostGIS; the project's tables are created on the first\n"
    "                       import, each layer a table with a GiST index and a\n"
    "                       trigger that NOTIFYs citytwin_layer_changed (windows\n"
    "                       showing the layer redraw it; docs/deployment.md)\n"
    "  --layer NAME         layer to create in the project\n"
    "  --src-crs CRS        CRS of SRC's coordinates, overriding what SRC declares;\n"
    "                       needed when it declares none (shapefile without .prj,\n"
    "                       CSV): EPSG code, WKT, PROJ string, GCJ02 or BD09\n"
    "  --encoding ENC       text encoding of a Shapefile .dbf or a CSV (e.g. GBK);\n"
    "                       default: the .cpg / code page the file declares\n"
    "  --invalid POLICY     invalid geometries: repair (MakeValid, default), skip,\n"
    "                       or fail (import nothing, report every bad feature)\n"
    "  --src-layer NAME     the source layer, for files with several\n"
    "  --overwrite          replace layer NAME if the project has it\n"
    "  --append             add to layer NAME if the project has it\n"
    "                       (without either, an existing NAME is an error)\n"
    "  --project-crs CRS    CRS of a project created by this import (default\n"
    "                       EPSG:4326); must match an existing project's CRS\n\n"
    "prints a summary on stdout:\n"
    "  features read: N\n  features written: N\n  features repaired: N\n"
    "  features skipped: N\n"
    "(after lines naming the layer, source CRS and project CRS); warnings and\n"
    "errors go to stderr, naming the file, feature id and field.\n"
    "exit status: 0 on success, 1 if the import failed, 2 on a usage error.\n";

int runImport(int argc, char** argv) {
    CliArgs args("import", kHelp,
                 {"--project", "--layer", "--src-crs", "--encoding", "--invalid", "--src-layer",
                  "--project-crs"},
                 {"--overwrite", "--append"});
    if (auto exit = args.parseOrExit(argc, argv))
        return *exit;
    const auto project = args.value("--project");
    const auto layer = args.value("--layer");
    if (args.positionals().size() != 1 || !project || !layer)
        return args.usage("need exactly one SRC, --project and --layer");
    geo::ImportOptions options;
    options.layerName = *layer;
    options.sourceLayer = args.valueOr("--src-layer", "");
    options.encoding = args.valueOr("--encoding", "");
    if (!args.crs("--src-crs", options.maybeSourceCrs))
        return args.usageWithoutHelp(args.error());
    const std::string invalid = args.valueOr("--invalid", "repair");
    if (invalid == "repair")
        options.invalid = geo::InvalidGeometryPolicy::Repair;
    else if (invalid == "skip")
        options.invalid = geo::InvalidGeometryPolicy::Skip;
    else if (invalid == "fail")
        options.invalid = geo::InvalidGeometryPolicy::Fail;
    else
        return args.usageWithoutHelp("--invalid must be repair, skip or fail, not '" + invalid +
                                     "'");
    if (args.has("--overwrite") && args.has("--append"))
        return args.usageWithoutHelp("--overwrite and --append exclude each other");
    if (args.has("--overwrite"))
        options.existing = geo::ExistingLayerPolicy::Overwrite;
    if (args.has("--append"))
        options.existing = geo::ExistingLayerPolicy::Append;

    std::optional<geo::Crs> maybeProjectCrs;
    if (!args.crs("--project-crs", maybeProjectCrs))
        return args.usageWithoutHelp(args.error());
    const geo::Crs projectCrs = maybeProjectCrs.value_or(geo::Crs::wgs84());
    auto store = geo::ProjectStore::openOrCreate(*project, projectCrs);
    for (const auto& d : store.diagnostics())
        std::cerr << d.toString() << '\n';
    if (!store)
        return 1;
    if (args.has("--project-crs") && !(store->crs() == projectCrs)) {
        std::cerr << "citytwin-cli import: " << geo::maskedLocation(*project)
                  << ": the project's CRS is " << store->crs().label() << ", not "
                  << projectCrs.label() << "; layers are always stored in the project CRS\n";
        return 1;
    }

    auto report = store->importVector(args.positionals().front(), options);
    for (const auto& d : report.diagnostics())
        std::cerr << d.toString() << '\n';
    if (!report) {
        std::cerr << "citytwin-cli import: failed; " << geo::maskedLocation(*project)
                  << " is unchanged\n";
        return 1;
    }
    const auto& r = report.value();
    std::cout << "layer: " << r.layerName << '\n'
              << "source CRS: " << r.sourceCrs.label() << '\n'
              << "project CRS: " << r.projectCrs.label() << '\n'
              << "features read: " << r.featuresRead << '\n'
              << "features written: " << r.featuresWritten << '\n'
              << "features repaired: " << r.featuresRepaired << '\n'
              << "features skipped: " << r.featuresSkipped << '\n';
    return 0;
}

}  // namespace

CliCommand importCommand() {
    return {"import", "import a vector file into a layer of the project GeoPackage", runImport};
}

}  // namespace citytwin::cli
