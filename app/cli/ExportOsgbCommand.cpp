// citytwin-cli export-osgb: writes the scene citytwin builds from vector
// files to an .osgb, e.g. for comparing against plain osgviewer in bench/.

#include <osg/NodeVisitor>
#include <osgDB/WriteFile>

#include <iostream>

#include "CliArgs.h"
#include "CliCommand.h"
#include "citytwin/geo/VectorReader.h"
#include "citytwin/render/LayerNodeBuilder.h"

namespace citytwin::cli {
namespace {

const char* kHelp =
    "usage: citytwin-cli export-osgb FILE... --out OUT.osgb [--src-crs CRS]\n\n"
    "Builds the scene citytwin would draw for the vector FILEs (buildings\n"
    "extruded, batched per tile, in the local east-north-up frame centred on\n"
    "the data) and writes it as an OpenSceneGraph binary file.\n\n"
    "options:\n"
    "  --out PATH     output file (.osgb, .osgt or .ive)\n"
    "  --src-crs CRS  CRS for layers that declare none\n"
    "prints: origin lon,lat of the local frame, then features and tiles per layer.\n"
    "exit status: 0 on success, 1 on a read or write error, 2 on a usage error.\n";

/// Pick data refers to live feature tables; neither it nor the pick k-d
/// trees are serialisable.
class StripUserData : public osg::NodeVisitor {
public:
    StripUserData() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    void apply(osg::Drawable& d) override {
        d.setUserData(nullptr);
        d.setShape(nullptr);  // k-d trees for picking: osgDB has no serialiser for them
    }
};

int runExport(int argc, char** argv) {
    CliArgs args("export-osgb", kHelp, {"--out", "--src-crs"}, {});
    if (auto exit = args.parseOrExit(argc, argv))
        return *exit;
    const auto out = args.value("--out");
    if (!out || args.positionals().empty())
        return args.usage("need FILE... and --out");
    geo::VectorReadOptions options;
    if (!args.crs("--src-crs", options.maybeSourceCrs))
        return args.usageWithoutHelp(args.error());
    std::vector<std::shared_ptr<const geo::FeatureLayer>> layers;
    geo::Extent extent;
    for (const auto& path : args.positionals()) {
        auto r = geo::readVectorFile(path, options);
        for (const auto& d : r.diagnostics())
            std::cerr << d.toString() << '\n';
        if (!r)
            return 1;
        for (auto& l : r.value()) {
            extent.add(l.extent());
            layers.push_back(std::make_shared<geo::FeatureLayer>(std::move(l)));
        }
    }
    if (extent.isEmpty()) {
        std::cerr << "citytwin-cli export-osgb: the input holds no geometry\n";
        return 1;
    }
    const geo::LocalFrame frame({extent.centerX(), extent.centerY(), 0.0});
    std::cout << "origin " << frame.origin().x << ',' << frame.origin().y << '\n';
    render::LayerNodeBuilder builder(frame);
    osg::ref_ptr<osg::Group> root = new osg::Group;
    for (const auto& layer : layers) {
        render::LayerBuildStats stats;
        auto node = builder.build(layer->name, layer, render::defaultStyleFor(*layer), &stats);
        if (!node) {
            std::cerr << node.messages() << '\n';
            return 1;
        }
        root->addChild(node.value());
        std::cout << layer->name << ": " << stats.features << " features, " << stats.tiles
                  << " tiles, " << stats.triangles << " triangles\n";
    }
    StripUserData strip;
    root->accept(strip);
    if (!osgDB::writeNodeFile(*root, *out)) {
        std::cerr << "citytwin-cli export-osgb: cannot write " << *out << '\n';
        return 1;
    }
    return 0;
}

}  // namespace

CliCommand exportOsgbCommand() {
    return {"export-osgb", "build the 3D scene of vector files and write it as .osgb", runExport};
}

}  // namespace citytwin::cli
