// citytwin-cli model-info PATH: loads a 3D model the way File -> Open does
// (OSGB pyramid, glTF/GLB, 3D Tiles, CityGML) and says what it holds and where it lands.

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <vector>

#include "CliArgs.h"
#include "CliCommand.h"
#include "citytwin/render/ModelFileLoader.h"
#include "citytwin/render/ModelSurvey.h"

namespace citytwin::cli {
namespace {

const char* kHelp =
    "usage: citytwin-cli model-info PATH [--at LON,LAT[,H]] [--heading DEG] [--scale S]\n"
    "                               [--frame-origin LON,LAT[,H]]\n\n"
    "Loads a 3D model as the application does and prints, one 'key<TAB>value' per line:\n"
    "  format      OSGB, glTF, GLB, 3D Tiles or CityGML\n"
    "  crs         the model's own CRS (OSGB: metadata.xml's SRS; glTF: the ENU anchor;\n"
    "              3D Tiles: ECEF; CityGML: its srsName, or the ENU anchor without one)\n"
    "  nodes       scene-graph nodes loaded (OSGB: the root level of every tile)\n"
    "  drawables   geometries loaded\n"
    "  triangles   triangles loaded\n"
    "  paged       PagedLOD nodes and child files left for the pager (OSGB)\n"
    "  city-objects  CityGML only: city objects by class and LoD, and polygons, e.g.\n"
    "              'Building 61 (LoD2 61); 1125 polygons'\n"
    "  georeference  'yes', or 'no georeference: WHY' (a tileset in local metres: no root\n"
    "              transform, content near the Earth's centre; a CityGML file without\n"
    "              srsName; placed like a glTF by --at)\n"
    "  wgs84-bbox  minlon,minlat,maxlon,maxlat in WGS 84 degrees where it lands, or\n"
    "              'no georeference' (then size gives its extent in metres)\n"
    "  size        east x north x up extent in metres\n"
    "  height      min..max metres above the WGS 84 ellipsoid\n"
    "  placement-error  metres between the placement matrix and the exact CRS transform\n"
    "Warnings (unreadable tiles, skipped primitives) go to stderr. OSGB tiles are\n"
    "checked in a helper process first (citytwin-tile-reader): a damaged tile is one\n"
    "warning naming it and is left out, never a crash.\n\n"
    "PATH is an OSGB pyramid (its metadata.xml, the folder holding it, or its Data\n"
    "folder), a .gltf/.glb file, a 3D Tiles tileset.json (all content read now) or a\n"
    "CityGML 1.0/2.0 file (.citygml, or .gml/.xml declaring the CityGML namespace).\n\n"
    "options:\n"
    "  --at LON,LAT[,H]          where a glTF/GLB's (or a tileset's or CityGML file's\n"
    "                            without georeference)\n"
    "                            origin stands: WGS 84 degrees and\n"
    "                            metres above the ellipsoid (default 121.4737,31.2304,0)\n"
    "  --heading DEG             glTF/GLB (and CityGML without srsName) heading, degrees\n"
    "                            clockwise from north (default 0)\n"
    "  --scale S                 glTF/GLB (and CityGML without srsName) uniform scale\n"
    "                            (default 1)\n"
    "  --frame-origin LON,LAT[,H]  origin of the city's local frame (default 121.4737,31.2304,0);\n"
    "                            the printed extent does not depend on it\n"
    "exit status: 0 if the model loaded, 1 if it did not, 2 on a usage error.\n";

bool parsePoint(const std::string& text, geo::GeoPoint& out) {
    std::string s = text;
    for (char& c : s)
        if (c == ',')
            c = ' ';
    std::istringstream in(s);
    std::vector<double> v;
    double x;
    while (in >> x)
        v.push_back(x);
    if (!in.eof() || v.size() < 2 || v.size() > 3 || std::abs(v[1]) > 90.0 ||
        std::abs(v[0]) > 180.0)
        return false;
    out = {v[0], v[1], v.size() == 3 ? v[2] : 0.0};
    return true;
}

int runModelInfo(int argc, char** argv) {
    CliArgs args("model-info", kHelp, {"--at", "--heading", "--scale", "--frame-origin"}, {});
    if (auto exit = args.parseOrExit(argc, argv))
        return *exit;
    if (args.positionals().size() != 1)
        return args.usage("give exactly one PATH");
    const std::string path = args.positionals().front();
    geo::GeoPoint frameOrigin{121.4737, 31.2304, 0.0};
    render::ModelAnchor anchor{{121.4737, 31.2304, 0.0}, 0.0, 1.0};
    if (auto v = args.value("--frame-origin"); v && !parsePoint(*v, frameOrigin))
        return args.usage("--frame-origin must be LON,LAT[,H] in degrees and metres");
    if (auto v = args.value("--at"); v && !parsePoint(*v, anchor.lonLatH))
        return args.usage("--at must be LON,LAT[,H] in degrees and metres");
    NumberSpec heading;
    heading.complaint = " must be a number of degrees";
    if (!args.number("--heading", heading, anchor.headingDegrees))
        return args.usage(args.error());
    NumberSpec scale;
    scale.min = 0.0;
    scale.minExclusive = true;
    scale.complaint = " must be a positive number";
    if (!args.number("--scale", scale, anchor.scale))
        return args.usage(args.error());
    const geo::LocalFrame frame(frameOrigin);

    const auto model = render::loadModelFile(path, frame, anchor);
    for (const auto& d : model.diagnostics())
        std::cerr << d.toString() << '\n';
    if (!model)
        return 1;

    const render::ModelSurvey survey = render::surveyModel(*model->node);
    const auto& e = model->wgs84Extent;
    char bbox[128], height[64], error[32];
    std::snprintf(bbox, sizeof bbox, "%.7f,%.7f,%.7f,%.7f", e.minX, e.minY, e.maxX, e.maxY);
    std::snprintf(height, sizeof height, "%.2f..%.2f", model->minHeight, model->maxHeight);
    std::snprintf(error, sizeof error, "%.4f", model->placementErrorMetres);
    const osg::BoundingBoxd& b = survey.bounds;  // the city frame: east, north, up
    char size[96] = "0 x 0 x 0 m";
    if (b.valid())
        std::snprintf(size, sizeof size, "%.2f x %.2f x %.2f m", b.xMax() - b.xMin(),
                      b.yMax() - b.yMin(), b.zMax() - b.zMin());
    std::cout << "format\t" << model->format << '\n'
              << "crs\t" << model->crsLabel << '\n'
              << "nodes\t" << survey.nodes << '\n'
              << "drawables\t" << survey.drawables << '\n'
              << "triangles\t" << survey.triangles << '\n'
              << "points\t" << survey.points << '\n';
    if (!model->contentSummary.empty())
        std::cout << "tile-contents\t" << model->contentSummary << '\n';
    if (!model->cityObjectSummary.empty())
        std::cout << "city-objects\t" << model->cityObjectSummary << '\n';
    std::cout << "paged\t" << survey.pagedLods << " PagedLOD, " << survey.unloadedChildFiles
              << " child files not loaded\n"
              << "georeference\t"
              << (model->missingGeoreference.empty() ? "yes" : model->missingGeoreference) << '\n'
              << "wgs84-bbox\t" << (model->missingGeoreference.empty() ? bbox : "no georeference")
              << '\n'
              << "size\t" << size << '\n'
              << "height\t" << height << '\n'
              << "placement-error\t" << error << '\n';
    return 0;
}

}  // namespace

CliCommand modelInfoCommand() {
    return {
        "model-info",
        "load a 3D model (OSGB, glTF/GLB, 3D Tiles, CityGML) and print its size and WGS 84 extent",
        runModelInfo};
}

}  // namespace citytwin::cli
