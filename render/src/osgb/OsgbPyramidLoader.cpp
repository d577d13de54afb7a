#include "citytwin/render/OsgbPyramidLoader.h"

#include <osg/MatrixTransform>
#include <osg/NodeVisitor>
#include <osg/PagedLOD>
#include <osgDB/FileNameUtils>
#include <osgDB/Options>
#include <osgDB/ReadFile>
#include <osgDB/Registry>

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

#include "citytwin/formats/OsgbMetadata.h"
#include "citytwin/formats/TileSource.h"
#include "citytwin/render/IsolatedTileReader.h"
#include "citytwin/render/ModelPlacement.h"
#include "citytwin/render/ModelSurvey.h"
#include "citytwin/tilecache/TileCache.h"
#include "osgb/DirectoryListing.h"
#include "osgb/RemoteOsgTile.h"

namespace citytwin::render {
namespace {

namespace fs = std::filesystem;

struct PyramidPaths {
    fs::path metadata;
    fs::path data;
};

bool isDirectory(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}
bool isFile(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

geo::Result<PyramidPaths> resolvePaths(const std::string& input) {
    std::error_code ec;
    fs::path p = fs::absolute(fs::path(input), ec).lexically_normal();
    if (ec || !fs::exists(p, ec))
        return geo::Result<PyramidPaths>::failure("no such file or folder", input);
    if (!p.has_filename())
        p = p.parent_path();  // "dir/" -> "dir"
    PyramidPaths paths;
    if (isFile(p)) {
        paths.metadata = p;
    } else if (isFile(p / "metadata.xml")) {
        paths.metadata = p / "metadata.xml";
    } else if (isFile(p.parent_path() / "metadata.xml")) {
        paths.metadata = p.parent_path() / "metadata.xml";
        paths.data = p;  // the Data folder itself was given
        return paths;
    } else {
        return geo::Result<PyramidPaths>::failure(
            "no metadata.xml in this folder or its parent: not an OSGB pyramid", input);
    }
    paths.data = paths.metadata.parent_path() / "Data";
    if (!isDirectory(paths.data))
        return geo::Result<PyramidPaths>::failure(
            "no Data folder beside metadata.xml (expected " + paths.data.string() + ")",
            paths.metadata.string());
    return paths;
}

/// Each Data/Tile_X folder's root level is Data/Tile_X/Tile_X.osgb.
std::vector<fs::path> findRootTiles(const fs::path& data, geo::Result<LoadedModel>& report) {
    std::vector<fs::path> roots;
    std::error_code ec;
    for (fs::directory_iterator it(data, ec), end; !ec && it != end; it.increment(ec)) {
        if (!it->is_directory(ec))
            continue;
        const std::string name = it->path().filename().string();
        const fs::path root = it->path() / (name + ".osgb");
        if (isFile(root))
            roots.push_back(root);
        else
            report.addDiagnostic(geo::makeWarning(
                "tile folder has no root file " + root.filename().string() + "; skipped",
                it->path().string()));
    }
    if (ec)
        report.addDiagnostic(
            geo::makeWarning("cannot list the folder: " + ec.message(), data.string()));
    std::sort(roots.begin(), roots.end());
    return roots;
}

/// OSG's reader already sets each PagedLOD's database path to its file's
/// folder; make sure of it (an absolute path: the pager's working directory
/// is not ours) so children resolve whatever reader produced the tile.
class DatabasePathFixer : public osg::NodeVisitor {
public:
    explicit DatabasePathFixer(std::string folder)
        : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN), _folder(std::move(folder)) {}
    void apply(osg::PagedLOD& plod) override {
        const std::string& path = plod.getDatabasePath();
        if (path.empty() || (!fs::path(path).is_absolute() && !osgDB::containsServerAddress(path)))
            plod.setDatabasePath(_folder);
        traverse(plod);
    }

private:
    std::string _folder;
};

}  // namespace

bool isOsgbPyramidPath(const std::string& path) {
    const fs::path p(path);
    if (isFile(p))
        return p.filename() == "metadata.xml";
    if (!isDirectory(p))
        return false;
    if (isFile(p / "metadata.xml"))
        return true;
    return p.filename() == "Data" && isFile(p.parent_path() / "metadata.xml");
}

namespace {

/// Where a pyramid's parts are: files, or URLs on a server.
struct PyramidSource {
    std::string metadataLocation;
    std::string dataLocation;
    std::string name;                    ///< the pyramid's folder
    std::vector<std::string> rootTiles;  ///< Data/Tile_X/Tile_X.osgb, paths or URLs
};

std::string folderOf(const std::string& location) {
    return location.substr(0, location.find_last_of('/') + 1);
}

geo::Result<PyramidSource> openLocal(const std::string& path,
                                     geo::Result<formats::OsgbMetadata>& metadata,
                                     geo::Result<LoadedModel>& report) {
    auto paths = resolvePaths(path);
    CITYTWIN_RETURN_IF_FAILED(paths);
    PyramidSource source;
    source.metadataLocation = paths->metadata.string();
    source.dataLocation = paths->data.string();
    source.name = paths->metadata.parent_path().filename().string();
    metadata = formats::readOsgbMetadata(source.metadataLocation);
    if (!metadata)
        return geo::failedFrom(metadata);
    for (const auto& f : findRootTiles(paths->data, report))
        source.rootTiles.push_back(f.string());
    return source;
}

/// A pyramid on a web server: metadata.xml from its folder, the Tile_*
/// folders from the server's listing of Data/ (nginx autoindex), all
/// through the tile cache.
geo::Result<PyramidSource> openRemote(const std::string& url,
                                      geo::Result<formats::OsgbMetadata>& metadata) {
    using R = geo::Result<PyramidSource>;
    std::string root = url.substr(0, url.find_first_of("?#"));
    std::string lowerRoot = root;
    for (char& c : lowerRoot)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    if (lowerRoot.ends_with("/metadata.xml"))
        root = folderOf(root);
    else if (lowerRoot.ends_with("/data/"))
        root = root.substr(0, root.size() - 5);
    else if (lowerRoot.ends_with("/data"))
        root = root.substr(0, root.size() - 4);
    else if (!root.ends_with("/"))
        root += "/";
    PyramidSource source;
    source.metadataLocation = root + "metadata.xml";
    source.dataLocation = root + "Data/";
    const std::string trimmed = root.substr(0, root.size() - 1);
    source.name = trimmed.substr(trimmed.find_last_of('/') + 1);
    auto xml = tilecache::fetchShared(source.metadataLocation);
    CITYTWIN_RETURN_IF_FAILED(xml);
    metadata =
        formats::parseOsgbMetadata(std::string(xml->begin(), xml->end()), source.metadataLocation);
    if (!metadata)
        return geo::failedFrom(metadata);
    auto listing = tilecache::fetchShared(source.dataLocation);
    if (!listing) {
        R r = geo::failedFrom(listing);
        r.addDiagnostic(geo::makeError(
            "cannot list the pyramid's Data/ folder: the server must list it (nginx: autoindex on; "
            "see docs/tiles-http.md)",
            source.dataLocation));
        return r;
    }
    for (const auto& name :
         detail::parseDirectoryListing(std::string(listing->begin(), listing->end())))
        source.rootTiles.push_back(source.dataLocation + name + "/" + name + ".osgb");
    return source;
}

bool isMissingTileNode(const osg::Node& node) {
    const osg::Group* g = node.asGroup();
    return g && g->getNumChildren() == 0 && node.getName().ends_with(" (missing)");
}

}  // namespace

geo::Result<LoadedModel> loadOsgbPyramid(const std::string& path, const geo::LocalFrame& frame) {
    using R = geo::Result<LoadedModel>;
    R report;  // collects warnings until the value is ready
    geo::Result<formats::OsgbMetadata> metadata;
    const bool remote = formats::TileSource::isUrl(path);
    if (remote)
        installRemoteOsgTileReading();
    auto source = remote ? openRemote(path, metadata) : openLocal(path, metadata, report);
    CITYTWIN_RETURN_IF_FAILED(source);
    const std::string metadataPath = source->metadataLocation;
    report.addDiagnostics(metadata.diagnostics());
    const auto& rootFiles = source->rootTiles;
    if (rootFiles.empty()) {
        R r = R::failure("no root tiles Data/Tile_*/Tile_*.osgb found", source->dataLocation);
        r.addDiagnostics(report.diagnostics());
        return r;
    }

    osg::ref_ptr<osg::Group> tiles = new osg::Group;
    tiles->setName("tiles");
    for (const auto& file : rootFiles) {
        // A URL's folder keeps its '/': the pager appends child names to it.
        const std::string folder = remote ? folderOf(file) : fs::path(file).parent_path().string();
        osg::ref_ptr<osgDB::Options> options = new osgDB::Options;
        options->setDatabasePath(folder);
        // Through the registry (and so IsolatedTileReader when installed),
        // without readRefNodeFile's own second warning.
        auto read = osgDB::Registry::instance()->readNode(file, options.get());
        osg::ref_ptr<osg::Node> node = read.getNode();
        if (!node || isMissingTileNode(*node)) {
            // A damaged or missing tile was reported once already, naming it.
            if (!isKnownDamagedTile(file) && !node)
                report.addDiagnostic(geo::makeWarning("cannot read this OSGB tile; skipped", file));
            continue;
        }
        DatabasePathFixer fixer(folder);
        node->accept(fixer);
        node->setName(fs::path(file).stem().string());
        tiles->addChild(node);
    }
    if (tiles->getNumChildren() == 0) {
        R r = R::failure(
            "none of the " + std::to_string(rootFiles.size()) + " root tiles could be read",
            source->dataLocation);
        r.addDiagnostics(report.diagnostics());
        return r;
    }

    LoadedModel model;
    model.format = "OSGB";
    osg::Matrixd localToCity;
    if (metadata->isEnu) {
        const auto& o = metadata->srsOrigin;
        localToCity =
            osg::Matrixd::translate(o.x, o.y, o.z) * enuPlacement(metadata->enuOrigin, 0.0, frame);
        model.crsLabel = metadata->srsText;
    } else {
        const ModelSurvey local = surveyModel(*tiles);
        osg::BoundingBox localBounds;
        if (local.bounds.valid())
            localBounds.set(local.bounds._min, local.bounds._max);
        auto placement = fitProjectedPlacement(metadata->crs, metadata->srsOrigin, localBounds,
                                               frame, metadataPath);
        if (!placement) {
            R r = geo::failedFrom(placement);
            r.addDiagnostics(report.diagnostics());
            return r;
        }
        localToCity = placement->localToCity;
        model.placementErrorMetres = placement->maxErrorMetres;
        model.crsLabel =
            metadata->crs.label().empty() ? metadata->crs.definition() : metadata->crs.label();
    }

    osg::ref_ptr<osg::MatrixTransform> placed = new osg::MatrixTransform(localToCity);
    placed->setName("OSGB " + source->name);
    placed->setDataVariance(osg::Object::STATIC);
    placed->addChild(tiles);
    model.node = placed;
    computeGeographicExtent(model, frame);

    R result(std::move(model));
    result.addDiagnostics(report.diagnostics());
    return result;
}

}  // namespace citytwin::render
