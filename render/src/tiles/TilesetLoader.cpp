#include "citytwin/render/TilesetLoader.h"

#include <osg/LOD>
#include <osg/MatrixTransform>
#include <osg/PagedLOD>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <limits>
#include <memory>
#include <mutex>
#include <numbers>
#include <optional>
#include <unordered_map>

#include "citytwin/formats/ImplicitTiling.h"
#include "citytwin/formats/TileSource.h"
#include "citytwin/geo/Log.h"
#include "citytwin/render/ModelPlacement.h"
#include "citytwin/render/ModelSurvey.h"
#include "paging/PagedNodeReaderWriter.h"
#include "tiles/TileBoundingVolume.h"
#include "tiles/TileContentBuilder.h"
#include "tiles/ViewerRequestVolumeCallback.h"

namespace citytwin::render {
namespace {

using json = nlohmann::json;

/// What the paged tiles of one tileset share with the pager threads: the
/// source, the parsed documents (tileset.json files and expanded implicit
/// tiles, never moved once stored) and the tiles whose children are still
/// to be read, by number.
class TilesetState {
public:
    TilesetState(formats::TileSource source, const geo::LocalFrame& frame,
                 const TilesetLoadOptions& options, std::string label)
        : source(std::move(source)),
          ecefToCity(ecefPlacement(frame)),
          cityToEcef(osg::Matrixd::inverse(ecefToCity)),
          options(options),
          label(std::move(label)) {
        this->options.cancelled = nullptr;  // the first load's flag, not the pager's
        const double halfFov = options.verticalFovDegrees * std::numbers::pi / 360.0;
        // distance below which a tile's error exceeds the allowed pixels
        distancePerError = options.viewportHeightPixels /
                           (2.0 * std::tan(halfFov) * options.maximumScreenSpaceError);
    }

    /// A tile whose children the pager reads when the camera comes close.
    struct PendingTile {
        const json* tile = nullptr;
        std::string file;
        osg::Matrixd transform;
        std::string refine;
        int depth = 0;
        std::string field;
    };

    /// Keeps `document` under `key` (a location, or an implicit tile's
    /// address): a tile paged in again finds it instead of reading and
    /// storing it again, so flying back and forth does not grow the store.
    const json& store(const std::string& key, json document) {
        std::lock_guard lock(_mutex);
        auto [it, added] = _byKey.try_emplace(key, nullptr);
        if (added)
            it->second = &_documents.emplace_back(std::move(document));
        return *it->second;
    }
    const json* stored(const std::string& key) const {
        std::lock_guard lock(_mutex);
        auto it = _byKey.find(key);
        return it == _byKey.end() ? nullptr : it->second;
    }
    /// A tile's stable id: its document's location and its JSON path there
    /// (a document is read and stored once, so the same tile, reached again,
    /// has the same id; an address could be freed and reused).
    static std::string tileId(const std::string& file, const std::string& field) {
        return file + "#" + field;
    }
    /// The same tile gets the same number each time it is paged in again.
    int addPending(PendingTile tile) {
        std::lock_guard lock(_mutex);
        auto [it, added] =
            _numbers.try_emplace(tileId(tile.file, tile.field), int(_pending.size()));
        if (added)
            _pending.push_back(std::move(tile));
        return it->second;
    }
    std::optional<PendingTile> pending(int number) const {
        std::lock_guard lock(_mutex);
        if (number < 0 || std::size_t(number) >= _pending.size())
            return std::nullopt;
        return _pending[std::size_t(number)];
    }

    const formats::TileSource source;
    const osg::Matrixd ecefToCity;
    const osg::Matrixd cityToEcef;
    TilesetLoadOptions options;
    const std::string label;
    double distancePerError = 1.0;
    int layerNumber = 0;  ///< in the pseudo-loader's registry; 0: not paged

private:
    mutable std::mutex _mutex;
    std::deque<json> _documents;
    std::unordered_map<std::string, const json*> _byKey;
    std::vector<PendingTile> _pending;
    std::unordered_map<std::string, int> _numbers;  ///< by tileId()
};

class TilesetBuilder {
public:
    TilesetBuilder(std::shared_ptr<TilesetState> state, const std::atomic<bool>* cancelled)
        : _state(std::move(state)),
          _source(_state->source),
          _options(_state->options),
          _cancelled(cancelled),
          _content(_source, _state->label, diagnostics) {}

    /// Reads one tileset.json; its root tile under `parent` transform.
    osg::ref_ptr<osg::Node> loadTilesetFile(const std::string& file, const osg::Matrixd& parent,
                                            int depth) {
        if (isCancelled())
            return nullptr;
        const json* cached = _state->stored(file);
        if (!cached) {
            auto bytes = _source.read(file);
            if (!bytes)
                return fail("cannot read the tileset: " + bytes.diagnostics().front().message, file,
                            "");
            cached =
                &_state->store(file, json::parse(bytes->begin(), bytes->end(), nullptr, false));
        }
        const json& doc = *cached;
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

    /// The children of a paged tile, each with its content and, if it has
    /// children of its own, a PagedLOD to read them later.
    osg::ref_ptr<osg::Group> loadChildren(const TilesetState::PendingTile& parent) {
        osg::ref_ptr<osg::Group> children = new osg::Group;
        if (auto ch = parent.tile->find("children"); ch != parent.tile->end() && ch->is_array())
            for (std::size_t i = 0; i < ch->size(); ++i)
                if (auto node = loadTile((*ch)[i], parent.file, parent.transform, parent.refine,
                                         parent.depth + 1,
                                         parent.field + ".children[" + std::to_string(i) + "]"))
                    children->addChild(node);
        return children;
    }

    std::string contentSummary() const { return _content.summary(); }
    /// The first tile's bounding volume (the root's), if it has a usable one.
    const std::optional<detail::TileBoundingVolume>& rootVolume() const { return _rootVolume; }

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
        if (!_cancelled || !_cancelled->load())
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
            const std::string key = "implicit@" + TilesetState::tileId(file, field);
            if (const json* done = _state->stored(key))
                return loadTile(*done, file, parent, parentRefine, depth, field);
            auto expanded = formats::expandImplicitTiling(tile, file, _source, field);
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
            // Stored: paged tiles point into it.
            return loadTile(_state->store(key, std::move(explicitTile)), file, parent, parentRefine,
                            depth, field);
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
        return withRequestVolume(tile, buildTile(tile, file, transform, refine, depth, field),
                                 transform, file, field);
    }

    /// The tile's content and its children (now, or paged), in the city frame.
    osg::ref_ptr<osg::Node> buildTile(const json& tile, const std::string& file,
                                      const osg::Matrixd& transform, const std::string& refine,
                                      int depth, const std::string& field) {
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

        std::optional<detail::TileBoundingVolume> volume;
        if (auto v = tile.find("boundingVolume"); v != tile.end())
            volume = detail::TileBoundingVolume::parse(*v, transform);
        if (!_rootVolume && !_sawRoot)
            _rootVolume = volume;
        _sawRoot = true;

        const auto ch = tile.find("children");
        const bool hasChildren = ch != tile.end() && ch->is_array() && !ch->empty();
        if (hasChildren && _state->layerNumber != 0) {
            if (volume)
                return pagedTile(tile, *volume, content, file, transform, refine, error, depth,
                                 field);
            warn("tile has no usable boundingVolume: its children are read now, not paged", file,
                 field + ".boundingVolume");
        }
        osg::ref_ptr<osg::Group> children = new osg::Group;
        if (hasChildren)
            for (std::size_t i = 0; i < ch->size(); ++i)
                if (auto node = loadTile((*ch)[i], file, transform, refine, depth + 1,
                                         field + ".children[" + std::to_string(i) + "]"))
                    children->addChild(node);

        if (children->getNumChildren() == 0)
            return content->getNumChildren() ? content : nullptr;
        // Children show once the tile's own error would cover too many pixels.
        const float switchDistance = float(std::max(error, 0.0) * _state->distancePerError);
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

    /// With a viewerRequestVolume the tile counts only while the eye is inside it.
    osg::ref_ptr<osg::Node> withRequestVolume(const json& tile, osg::ref_ptr<osg::Node> node,
                                              const osg::Matrixd& transform,
                                              const std::string& file, const std::string& field) {
        const auto v = tile.find("viewerRequestVolume");
        if (!node || v == tile.end())
            return node;
        auto volume = detail::TileBoundingVolume::parse(*v, transform);
        if (!volume) {
            warn("viewerRequestVolume is not a box, sphere or region: ignored", file,
                 field + ".viewerRequestVolume");
            return node;
        }
        osg::ref_ptr<osg::Group> gated = new osg::Group;
        gated->setName(field + " (viewerRequestVolume)");
        gated->addCullCallback(
            new detail::ViewerRequestVolumeCallback(std::move(*volume), _state->cityToEcef));
        gated->addChild(node);
        return gated;
    }

    /// A tile whose children are read by the pager once the camera is near
    /// enough for their error to matter: the distance is measured to the
    /// tile's bounding sphere (as Cesium measures it to the volume). Until
    /// they arrive the tile's own content stays drawn.
    osg::ref_ptr<osg::Node> pagedTile(const json& tile, const detail::TileBoundingVolume& volume,
                                      osg::ref_ptr<osg::Group> content, const std::string& file,
                                      const osg::Matrixd& transform, const std::string& refine,
                                      double error, int depth, const std::string& field) {
        const osg::BoundingSphered sphere = volume.sphereIn(_state->ecefToCity);
        const int number = _state->addPending({&tile, file, transform, refine, depth, field});
        const float switchDistance =
            float(std::max(error, 0.0) * _state->distancePerError + sphere.radius());
        osg::ref_ptr<osg::PagedLOD> plod = new osg::PagedLOD;
        plod->setName(field);
        plod->setCenterMode(osg::LOD::USER_DEFINED_CENTER);
        plod->setCenter(sphere.center());
        plod->setRadius(float(sphere.radius()));
        plod->setRangeMode(osg::LOD::DISTANCE_FROM_EYE_POINT);
        if (refine == "REPLACE")
            plod->addChild(content, switchDistance, FLT_MAX);
        else
            plod->addChild(content, 0.f, FLT_MAX);  // ADD: the tile's own content stays
        plod->setFileName(1, detail::pagedFileName(detail::PagedNodeKind::Tileset,
                                                   _state->layerNumber, std::to_string(number)));
        plod->setRange(1, 0.f, switchDistance);
        return plod;
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
        std::string name = formats::TileSource::fileNameOf(*location);
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
            new osg::MatrixTransform(transform * _state->ecefToCity);
        placed->setName(formats::TileSource::fileNameOf(*location));
        placed->addChild(node);
        ++contents;
        return placed;
    }

    std::shared_ptr<TilesetState> _state;
    const formats::TileSource& _source;
    const TilesetLoadOptions& _options;
    const std::atomic<bool>* _cancelled;
    detail::TileContentBuilder _content;
    std::optional<detail::TileBoundingVolume> _rootVolume;
    bool _sawRoot = false;
    bool _cancelReported = false;
};

}  // namespace

geo::Result<LoadedModel> loadTileset(const std::string& path, const geo::LocalFrame& frame,
                                     const TilesetLoadOptions& options) {
    using R = geo::Result<LoadedModel>;
    if (!(options.maximumScreenSpaceError > 0.0) || !(options.viewportHeightPixels > 0.0) ||
        !(options.verticalFovDegrees > 0.0 && options.verticalFovDegrees < 180.0))
        return R::failure("invalid screen-space-error settings", path, 0, "options");
    auto source = formats::TileSource::open(path, options.allowedOrigins);
    if (!source)
        return R(source.diagnostics().front());
    if (!source->isRemote()) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(source->tilesetLocation(), ec))
            return R::failure("no such tileset file", path);
    }
    const std::string& file = source->tilesetLocation();
    const std::string name = formats::TileSource::fileNameOf(
        file.substr(0, file.size() - formats::TileSource::fileNameOf(file).size() - 1));
    const std::string label = name + "/" + formats::TileSource::fileNameOf(file);
    auto state = std::make_shared<TilesetState>(std::move(*source), frame, options, label);
    osg::ref_ptr<detail::PagedNodeRegistration> registration;
    if (options.paged) {
        // The pager's threads read the children of paged tiles through the
        // pseudo-loader; the registry holds the state until the layer's node
        // (which holds the registration) is deleted.
        state->layerNumber = detail::registerPagedLayer(
            detail::PagedNodeKind::Tileset,
            [state](const std::string& key, std::string& error) -> osg::ref_ptr<osg::Node> {
                const int number = std::atoi(key.c_str());
                auto parent = state->pending(number);
                if (!parent || key != std::to_string(number)) {
                    error = "no such paged tile: " + key;
                    return nullptr;
                }
                TilesetBuilder builder(state, nullptr);
                osg::ref_ptr<osg::Group> children = builder.loadChildren(*parent);
                for (const auto& d : builder.diagnostics)
                    geo::logWarning("citytwin 3D Tiles: " + d.toString());
                // An empty group, not a failure: the pager would ask again
                // in every frame for children that cannot be read.
                return children;
            });
        registration = new detail::PagedNodeRegistration(state->layerNumber);
    }
    TilesetBuilder builder(state, options.cancelled);
    osg::ref_ptr<osg::Node> node =
        builder.loadTilesetFile(state->source.tilesetLocation(), osg::Matrixd::identity(), 0);
    const bool paged = node && options.paged && builder.rootVolume();
    if (!node || (builder.contents == 0 && !paged) ||
        (options.cancelled && options.cancelled->load())) {
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
    root->setUserData(registration);
    root->addChild(node);
    model.node = root;
    model.contentSummary = builder.contentSummary();
    if (paged) {
        // Most of a paged tileset is not read yet: its extent is the root's volume.
        model.minHeight = std::numeric_limits<double>::infinity();
        model.maxHeight = -std::numeric_limits<double>::infinity();
        builder.rootVolume()->addTo(model.wgs84Extent, model.minHeight, model.maxHeight);
    } else {
        computeGeographicExtent(model, frame);
    }
    R result(std::move(model));
    result.addDiagnostics(builder.diagnostics);
    return result;
}

}  // namespace citytwin::render
