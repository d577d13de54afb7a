// citytwin-cli export-osgb: writes the scene citytwin builds from vector
// files to an .osgb, e.g. for comparing against plain osgviewer in bench/.

#include <osg/NodeVisitor>
#include <osgDB/WriteFile>

#include <iostream>

#include "AssetLayerStyles.h"
#include "CliArgs.h"
#include "CliCommand.h"
#include "citytwin/geo/VectorReader.h"
#include "citytwin/render/SceneAssembler.h"

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

/// The scene of the vector files as the window builds it, without the
/// ground: every layer named after itself, in a frame centred on the data.
geo::Result<render::SceneAssembly> assembleScene(const std::vector<std::string>& paths,
                                                 const std::optional<geo::Crs>& maybeSourceCrs) {
    std::vector<render::SceneSource> sources;
    for (const auto& path : paths) {
        render::SceneSource source;
        source.path = path;
        source.maybeKind = render::SourceKind::Vector;
        source.maybeSourceCrs = maybeSourceCrs;
        sources.push_back(std::move(source));
    }
    render::SceneAssemblyOptions options;
    options.groundPlane = false;
    options.styleProvider = app::assetLayerStyle;
    return render::SceneAssembler().assemble(std::move(sources), options);
}

/// Prints the frame's origin and each layer's counts, writes the layers'
/// nodes to `out`; 1 if a file failed or the file cannot be written.
int writeScene(const render::SceneAssembly& scene, const std::string& out) {
    for (const auto& w : scene.warnings)
        std::cerr << w.message << '\n';
    for (const auto& f : scene.failures)
        std::cerr << f.message << '\n';
    if (!scene.failures.empty())
        return 1;
    const geo::LocalFrame& frame = *scene.maybeFrame;
    std::cout << "origin " << frame.origin().x << ',' << frame.origin().y << '\n';
    osg::ref_ptr<osg::Group> root = new osg::Group;
    for (const auto& layer : scene.layers) {
        root->addChild(layer.node);
        std::cout << layer.layer->name << ": " << layer.stats.features << " features, "
                  << layer.stats.tiles << " tiles, " << layer.stats.triangles << " triangles\n";
    }
    StripUserData strip;
    root->accept(strip);
    if (!osgDB::writeNodeFile(*root, out)) {
        std::cerr << "citytwin-cli export-osgb: cannot write " << out << '\n';
        return 1;
    }
    return 0;
}

/// Nothing to write (no geometry to centre the frame on): the files that
/// failed, each message naming its file, else that; returns 1.
int reportNoScene(const std::vector<geo::Diagnostic>& diagnostics) {
    bool fileFailed = false;
    for (const auto& d : diagnostics)
        if (!d.source.empty()) {
            std::cerr << d.message << '\n';
            fileFailed = true;
        }
    if (!fileFailed)
        std::cerr << "citytwin-cli export-osgb: the input holds no geometry\n";
    return 1;
}

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
    auto scene = assembleScene(args.positionals(), options.maybeSourceCrs);
    if (!scene)
        return reportNoScene(scene.diagnostics());
    return writeScene(scene.value(), *out);
}

}  // namespace

CliCommand exportOsgbCommand() {
    return {"export-osgb", "build the 3D scene of vector files and write it as .osgb", runExport};
}

}  // namespace citytwin::cli
