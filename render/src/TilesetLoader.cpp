#include "citytwin/render/TilesetLoader.h"

#include <osg/LOD>
#include <osg/MatrixTransform>

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <numbers>

#include "citytwin/render/B3dmTile.h"
#include "citytwin/render/GltfModelLoader.h"
#include "citytwin/render/ModelPlacement.h"
#include "citytwin/render/ModelSurvey.h"

namespace citytwin::render {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::vector<std::uint8_t> readFile(const fs::path& p, bool& ok) {
    std::ifstream in(p, std::ios::binary);
    ok = bool(in);
    return ok ? std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in),
                                          std::istreambuf_iterator<char>())
              : std::vector<std::uint8_t>{};
}

class TilesetBuilder {
public:
    TilesetBuilder(const fs::path& root, const geo::LocalFrame& frame,
                   const TilesetLoadOptions& options)
        : _root(fs::weakly_canonical(root)), _ecefToCity(ecefPlacement(frame)), _options(options) {
        const double halfFov = options.verticalFovDegrees * std::numbers::pi / 360.0;
        // distance below which a tile's error exceeds the allowed pixels
        _distancePerError = options.viewportHeightPixels /
                            (2.0 * std::tan(halfFov) * options.maximumScreenSpaceError);
    }

    /// Reads one tileset.json; its root tile under `parent` transform.
    osg::ref_ptr<osg::Node> loadTilesetFile(const fs::path& file, const osg::Matrixd& parent,
                                            int depth) {
        bool ok = false;
        const auto bytes = readFile(file, ok);
        if (!ok)
            return fail("cannot open the tileset", file, "");
        const json doc = json::parse(bytes.begin(), bytes.end(), nullptr, false);
        if (doc.is_discarded())
            return fail("tileset is not valid JSON", file, "");
        if (!doc.is_object() || !doc.contains("root") || !doc["root"].is_object())
            return fail("tileset has no root tile object", file, "root");
        if (auto a = doc.find("asset");
            a == doc.end() || !a->is_object() || !a->contains("version"))
            warn("tileset has no asset.version", file, "asset");
        if (doc.contains("extensionsRequired"))
            warn("required extensions are ignored", file, "extensionsRequired");
        if (doc["root"].contains("implicitTiling"))
            return fail("implicit tiling (3D Tiles 1.1 subtrees) is not supported yet", file,
                        "root.implicitTiling");
        return loadTile(doc["root"], file, parent, "ADD", depth, "root");
    }

    std::vector<geo::Diagnostic> diagnostics;
    std::size_t contents = 0;

private:
    osg::ref_ptr<osg::Node> fail(const std::string& message, const fs::path& file,
                                 const std::string& field) {
        diagnostics.push_back(geo::makeError(message, file.string(), 0, field));
        return nullptr;
    }
    void warn(const std::string& message, const fs::path& file, const std::string& field) {
        diagnostics.push_back(geo::makeWarning(message, file.string(), 0, field));
    }

    /// A URI inside the tileset's folder, or nothing (with a warning).
    std::optional<fs::path> resolve(const std::string& uri, const fs::path& file,
                                    const std::string& field) {
        if (uri.empty() || uri.find("://") != std::string::npos || uri.front() == '/' ||
            uri.front() == '\\') {
            warn("content URI '" + uri + "' is absolute or remote: refused", file, field);
            return std::nullopt;
        }
        std::string decoded = uri.substr(0, uri.find_first_of("?#"));
        const fs::path p = fs::weakly_canonical(file.parent_path() / decoded);
        const auto rel = p.lexically_relative(_root);
        if (rel.empty() || *rel.begin() == "..") {
            warn("content URI '" + uri + "' leaves the tileset's folder: refused", file, field);
            return std::nullopt;
        }
        return p;
    }

    osg::ref_ptr<osg::Node> loadTile(const json& tile, const fs::path& file,
                                     const osg::Matrixd& parent, const std::string& parentRefine,
                                     int depth, const std::string& field) {
        if (!tile.is_object())
            return fail("tile is not an object", file, field);
        if (depth > 64)
            return fail("tile tree deeper than 64 levels", file, field);
        osg::Matrixd transform = parent;
        if (auto t = tile.find("transform"); t != tile.end()) {
            if (!t->is_array() || t->size() != 16)
                return fail("transform must be 16 numbers", file, field + ".transform");
            double m[16];
            for (int i = 0; i < 16; ++i) {
                if (!(*t)[std::size_t(i)].is_number())
                    return fail("transform must be 16 numbers", file, field + ".transform");
                m[i] = (*t)[std::size_t(i)].get<double>();
            }
            // Column-major with column vectors = OSG's row-vector layout.
            transform = osg::Matrixd(m) * parent;
        }
        std::string refine = parentRefine;
        if (auto r = tile.find("refine"); r != tile.end() && r->is_string())
            refine = r->get<std::string>();
        const double error = tile.value("geometricError", 0.0);

        osg::ref_ptr<osg::Group> content = new osg::Group;
        if (auto c = tile.find("content"); c != tile.end() && c->is_object())
            if (auto node = loadContent(*c, file, transform, depth, field + ".content"))
                content->addChild(node);
        if (auto cs = tile.find("contents"); cs != tile.end() && cs->is_array())
            for (std::size_t i = 0; i < cs->size(); ++i)
                if (auto node = loadContent((*cs)[i], file, transform, depth,
                                            field + ".contents[" + std::to_string(i) + "]"))
                    content->addChild(node);

        osg::ref_ptr<osg::Group> children = new osg::Group;
        if (auto ch = tile.find("children"); ch != tile.end() && ch->is_array())
            for (std::size_t i = 0; i < ch->size(); ++i)
                if (auto node = loadTile((*ch)[i], file, transform, refine, depth + 1,
                                         field + ".children[" + std::to_string(i) + "]"))
                    children->addChild(node);

        if (children->getNumChildren() == 0)
            return content->getNumChildren() ? content : nullptr;
        // Children show once the tile's own error would cover too many pixels.
        const float switchDistance = float(std::max(error, 0.0) * _distancePerError);
        osg::ref_ptr<osg::LOD> lod = new osg::LOD;
        lod->setRangeMode(osg::LOD::DISTANCE_FROM_EYE_POINT);
        if (refine == "REPLACE") {
            if (content->getNumChildren())
                lod->addChild(content, switchDistance, std::numeric_limits<float>::max());
            lod->addChild(children, 0.0f, switchDistance);
            return lod;
        }
        lod->addChild(children, 0.0f, switchDistance);
        content->addChild(lod);  // ADD: the tile's own content stays
        return content;
    }

    osg::ref_ptr<osg::Node> loadContent(const json& content, const fs::path& file,
                                        const osg::Matrixd& transform, int depth,
                                        const std::string& field) {
        if (!content.is_object())
            return fail("content is not an object", file, field);
        std::string uri;
        if (auto u = content.find("uri"); u != content.end() && u->is_string())
            uri = u->get<std::string>();
        else if (auto u2 = content.find("url"); u2 != content.end() && u2->is_string())
            uri = u2->get<std::string>();  // pre-1.0
        else
            return fail("content has no uri", file, field);
        const auto path = resolve(uri, file, field);
        if (!path)
            return nullptr;
        std::string ext = path->extension().string();
        for (char& c : ext)
            c = char(std::tolower(static_cast<unsigned char>(c)));
        if (ext == ".json") {
            if (depth >= _options.maxExternalDepth) {
                warn("external tileset nesting deeper than " +
                         std::to_string(_options.maxExternalDepth) + ": skipped",
                     file, field);
                return nullptr;
            }
            return loadTilesetFile(*path, transform, depth + 1);
        }
        bool ok = false;
        const auto bytes = readFile(*path, ok);
        if (!ok) {
            warn("cannot open tile content " + path->string() + "; skipped", file, field);
            return nullptr;
        }
        osg::Matrixd gltfToTile = gltfYUpToZUp();
        std::span<const std::uint8_t> glb(bytes);
        if (hasB3dmMagic(bytes)) {
            auto b3dm = parseB3dm(bytes, path->string());
            if (!b3dm) {
                for (const auto& d : b3dm.diagnostics())
                    diagnostics.push_back(
                        geo::makeWarning(d.message + "; tile skipped", d.source, 0, d.field));
                return nullptr;
            }
            glb = b3dm->glb;
            if (b3dm->rtcCenter)
                gltfToTile =
                    gltfToTile * osg::Matrixd::translate(b3dm->rtcCenter->x, b3dm->rtcCenter->y,
                                                         b3dm->rtcCenter->z);
        } else if (ext != ".glb" && ext != ".gltf") {
            warn("tile content " + path->filename().string() + " (" + ext +
                     ") is not supported yet; skipped",
                 file, field);
            return nullptr;
        }
        auto node = buildGltfNode(glb, path->parent_path().string(), path->string());
        for (const auto& d : node.diagnostics())
            diagnostics.push_back(
                d.severity == geo::Severity::Error
                    ? geo::makeWarning(d.message + "; tile skipped", d.source, d.line, d.field)
                    : d);
        if (!node)
            return nullptr;
        osg::ref_ptr<osg::MatrixTransform> placed =
            new osg::MatrixTransform(gltfToTile * transform * _ecefToCity);
        placed->setName(path->filename().string());
        placed->addChild(node.value());
        ++contents;
        return placed;
    }

    fs::path _root;
    osg::Matrixd _ecefToCity;
    TilesetLoadOptions _options;
    double _distancePerError = 1.0;
};

}  // namespace

geo::Result<LoadedModel> loadTileset(const std::string& path, const geo::LocalFrame& frame,
                                     const TilesetLoadOptions& options) {
    using R = geo::Result<LoadedModel>;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        return R::failure("no such tileset file", path);
    if (!(options.maximumScreenSpaceError > 0.0) || !(options.viewportHeightPixels > 0.0) ||
        !(options.verticalFovDegrees > 0.0 && options.verticalFovDegrees < 180.0))
        return R::failure("invalid screen-space-error settings", path, 0, "options");
    const fs::path file = fs::absolute(path, ec);
    TilesetBuilder builder(file.parent_path(), frame, options);
    osg::ref_ptr<osg::Node> node = builder.loadTilesetFile(file, osg::Matrixd::identity(), 0);
    if (!node || builder.contents == 0) {
        R r = node ? R::failure("the tileset has no content citytwin can draw", path) : R();
        r.addDiagnostics(builder.diagnostics);
        return r;
    }
    LoadedModel model;
    model.format = "3D Tiles";
    model.crsLabel = "EPSG:4978 (WGS 84 ECEF)";
    osg::ref_ptr<osg::Group> root = new osg::Group;
    root->setName(file.parent_path().filename().string() + "/" + file.filename().string());
    root->addChild(node);
    model.node = root;
    computeGeographicExtent(model, frame);
    R result(std::move(model));
    result.addDiagnostics(builder.diagnostics);
    return result;
}

}  // namespace citytwin::render
