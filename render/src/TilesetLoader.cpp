#include "citytwin/render/TilesetLoader.h"

#include <osg/LOD>
#include <osg/MatrixTransform>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <numbers>

#include "ImplicitTiling.h"
#include "TileContentBuilder.h"
#include "citytwin/render/ModelPlacement.h"
#include "citytwin/render/ModelSurvey.h"
#include "citytwin/render/TileSource.h"

namespace citytwin::render {
namespace {

using json = nlohmann::json;

class TilesetBuilder {
public:
    TilesetBuilder(const TileSource& source, const geo::LocalFrame& frame,
                   const TilesetLoadOptions& options, const std::string& layerPrefix)
        : _source(source),
          _ecefToCity(ecefPlacement(frame)),
          _options(options),
          _content(source, layerPrefix, diagnostics) {
        const double halfFov = options.verticalFovDegrees * std::numbers::pi / 360.0;
        // distance below which a tile's error exceeds the allowed pixels
        _distancePerError = options.viewportHeightPixels /
                            (2.0 * std::tan(halfFov) * options.maximumScreenSpaceError);
    }

    /// Reads one tileset.json; its root tile under `parent` transform.
    osg::ref_ptr<osg::Node> loadTilesetFile(const std::string& file, const osg::Matrixd& parent,
                                            int depth) {
        if (isCancelled())
            return nullptr;
        auto bytes = _source.read(file);
        if (!bytes)
            return fail("cannot read the tileset: " + bytes.diagnostics().front().message, file,
                        "");
        const json doc = json::parse(bytes->begin(), bytes->end(), nullptr, false);
        if (doc.is_discarded())
            return fail("tileset is not valid JSON", file, "");
        if (!doc.is_object() || !doc.contains("root") || !doc["root"].is_object())
            return fail("tileset has no root tile object", file, "root");
        if (auto a = doc.find("asset");
            a == doc.end() || !a->is_object() || !a->contains("version"))
            warn("tileset has no asset.version", file, "asset");
        if (doc.contains("extensionsRequired"))
            warn("required extensions are ignored", file, "extensionsRequired");
        return loadTile(doc["root"], file, parent, "ADD", depth, "root");
    }

    std::string contentSummary() const { return _content.summary(); }

    std::vector<geo::Diagnostic> diagnostics;
    std::size_t contents = 0;

private:
    osg::ref_ptr<osg::Node> fail(const std::string& message, const std::string& file,
                                 const std::string& field) {
        diagnostics.push_back(geo::makeError(message, file, 0, field));
        return nullptr;
    }
    void warn(const std::string& message, const std::string& file, const std::string& field) {
        diagnostics.push_back(geo::makeWarning(message, file, 0, field));
    }
    bool isCancelled() {
        if (!_options.cancelled || !_options.cancelled->load())
            return false;
        if (!_cancelReported)
            diagnostics.push_back(
                geo::makeError("loading was cancelled", _source.tilesetLocation()));
        _cancelReported = true;
        return true;
    }

    osg::ref_ptr<osg::Node> loadTile(const json& tile, const std::string& file,
                                     const osg::Matrixd& parent, const std::string& parentRefine,
                                     int depth, const std::string& field) {
        if (!tile.is_object())
            return fail("tile is not an object", file, field);
        if (tile.contains("implicitTiling")) {
            auto expanded = detail::expandImplicitTiling(tile, file, _source, field);
            if (!expanded) {
                diagnostics.insert(diagnostics.end(), expanded.diagnostics().begin(),
                                   expanded.diagnostics().end());
                return nullptr;
            }
            for (const auto& d : expanded.diagnostics())
                diagnostics.push_back(d);
            json explicitTile = std::move(expanded.value());
            if (tile.contains("transform"))
                explicitTile["transform"] = tile["transform"];
            return loadTile(explicitTile, file, parent, parentRefine, depth, field);
        }
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
        // As in Cesium, a tile's error is in its own units: scaled by its transform.
        const osg::Vec3d scale = transform.getScale();
        const double error =
            tile.value("geometricError", 0.0) * std::max({scale.x(), scale.y(), scale.z(), 1e-12});

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

    osg::ref_ptr<osg::Node> loadContent(const json& content, const std::string& file,
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
        auto location = _source.resolve(file, uri, field);
        if (!location) {
            for (const auto& d : location.diagnostics())
                diagnostics.push_back(geo::makeWarning(d.message, d.source, 0, d.field));
            return nullptr;
        }
        std::string name = TileSource::fileNameOf(*location);
        for (char& c : name)
            c = char(std::tolower(static_cast<unsigned char>(c)));
        if (name.size() >= 5 && name.compare(name.size() - 5, 5, ".json") == 0) {
            if (depth >= _options.maxExternalDepth) {
                warn("external tileset nesting deeper than " +
                         std::to_string(_options.maxExternalDepth) + ": skipped",
                     file, field);
                return nullptr;
            }
            return loadTilesetFile(*location, transform, depth + 1);
        }
        if (isCancelled())
            return nullptr;
        auto bytes = _source.read(*location);
        if (!bytes) {
            for (const auto& d : bytes.diagnostics())
                diagnostics.push_back(geo::makeWarning(
                    "cannot read tile content (" + d.message + "); skipped", d.source, 0, field));
            return nullptr;
        }
        auto node = _content.build(*bytes, *location, transform);
        if (!node)
            return nullptr;
        osg::ref_ptr<osg::MatrixTransform> placed =
            new osg::MatrixTransform(transform * _ecefToCity);
        placed->setName(TileSource::fileNameOf(*location));
        placed->addChild(node);
        ++contents;
        return placed;
    }

    const TileSource& _source;
    osg::Matrixd _ecefToCity;
    TilesetLoadOptions _options;
    detail::TileContentBuilder _content;
    double _distancePerError = 1.0;
    bool _cancelReported = false;
};

}  // namespace

geo::Result<LoadedModel> loadTileset(const std::string& path, const geo::LocalFrame& frame,
                                     const TilesetLoadOptions& options) {
    using R = geo::Result<LoadedModel>;
    if (!(options.maximumScreenSpaceError > 0.0) || !(options.viewportHeightPixels > 0.0) ||
        !(options.verticalFovDegrees > 0.0 && options.verticalFovDegrees < 180.0))
        return R::failure("invalid screen-space-error settings", path, 0, "options");
    auto source = TileSource::open(path, options.allowedOrigins);
    if (!source)
        return R(source.diagnostics().front());
    if (!source->isRemote()) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(source->tilesetLocation(), ec))
            return R::failure("no such tileset file", path);
    }
    const std::string file = source->tilesetLocation();
    const std::string name = TileSource::fileNameOf(
        file.substr(0, file.size() - TileSource::fileNameOf(file).size() - 1));
    const std::string label = name + "/" + TileSource::fileNameOf(file);
    TilesetBuilder builder(*source, frame, options, label);
    osg::ref_ptr<osg::Node> node = builder.loadTilesetFile(file, osg::Matrixd::identity(), 0);
    if (!node || builder.contents == 0 || (options.cancelled && options.cancelled->load())) {
        R r = node && builder.contents == 0
                  ? R::failure("the tileset has no content citytwin can draw", path)
                  : R();
        r.addDiagnostics(builder.diagnostics);
        return r;
    }
    LoadedModel model;
    model.format = "3D Tiles";
    model.crsLabel = "EPSG:4978 (WGS 84 ECEF)";
    osg::ref_ptr<osg::Group> root = new osg::Group;
    root->setName(label);
    root->addChild(node);
    model.node = root;
    model.contentSummary = builder.contentSummary();
    computeGeographicExtent(model, frame);
    R result(std::move(model));
    result.addDiagnostics(builder.diagnostics);
    return result;
}

}  // namespace citytwin::render
