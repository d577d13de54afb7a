// citytwin-cli info FILE...: what a vector file holds, as citytwin reads it.

#include <cstdio>
#include <iostream>

#include "CliArgs.h"
#include "CliCommand.h"
#include "citytwin/geo/VectorReader.h"

namespace citytwin::cli {
namespace {

const char* kHelp =
    "usage: citytwin-cli info FILE... [--src-crs CRS] [--allow-partial]\n\n"
    "Lists the vector layers of each FILE (any format GDAL reads: GeoPackage,\n"
    "Shapefile, GeoJSON, KML, CSV ...): one line per layer, tab-separated:\n"
    "  file  layer  source-crs  geometry  features  minlon,minlat,maxlon,maxlat\n"
    "The extent is in WGS 84 degrees. Problems are printed to stderr naming the\n"
    "file, layer and feature. KML coordinates that are not numbers, and a declared\n"
    "CRS that cannot be resolved (it is not taken as WGS 84), are errors. So is a\n"
    "layer that can be read only in part (a shapefile whose .shp, .shx or .dbf is\n"
    "shorter than its header says, a read error after some features) unless\n"
    "--allow-partial is given. Coordinates that cannot be in the declared CRS\n"
    "(degrees under a CRS in metres, far outside the CRS's area of use) are a\n"
    "warning naming the CRS they are likely in.\n\n"
    "options:\n"
    "  --src-crs CRS  CRS to assume for layers that declare none (EPSG code, WKT,\n"
    "                 PROJ string, GCJ02 or BD09)\n"
    "  --allow-partial  list a partly readable layer with the features that could\n"
    "                 be read (a warning, exit 0) instead of failing\n"
    "exit status: 0 if every layer of every file was read whole, 1 otherwise, 2 on\n"
    "a usage error.\n";

int runInfo(int argc, char** argv) {
    CliArgs args("info", kHelp, {"--src-crs"}, {"--allow-partial"});
    if (auto exit = args.parseOrExit(argc, argv))
        return *exit;
    if (args.positionals().empty())
        return args.usage("no FILE given");
    geo::VectorReadOptions options;
    if (!args.crs("--src-crs", options.maybeSourceCrs))
        return args.usageWithoutHelp(args.error());
    options.allowPartial = args.has("--allow-partial");
    int status = 0;
    for (const auto& path : args.positionals()) {
        auto layers = geo::readVectorFile(path, options);
        for (const auto& d : layers.diagnostics())
            std::cerr << d.toString() << '\n';
        // An error beside layers that were read: another layer of the file
        // was not (refused as partial, an unknown CRS).
        if (!layers || layers.hasErrors())
            status = 1;
        if (!layers)
            continue;
        for (const auto& layer : layers.value()) {
            const auto e = layer.extent();
            char extent[128] = "-";
            if (!e.isEmpty())
                std::snprintf(extent, sizeof extent, "%.7f,%.7f,%.7f,%.7f", e.minX, e.minY, e.maxX,
                              e.maxY);
            std::cout << path << '\t' << layer.name << '\t' << layer.sourceCrs.label() << '\t'
                      << geo::toString(layer.geometryKind()) << '\t' << layer.features.size()
                      << '\t' << extent << '\n';
        }
    }
    return status;
}

}  // namespace

CliCommand infoCommand() {
    return {"info", "list the layers, CRS, feature counts and extent of vector files", runInfo};
}

}  // namespace citytwin::cli
