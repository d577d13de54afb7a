#include "citytwin/render/TilesetLoader.h"

#include <osg/LOD>
#include <osg/MatrixTransform>
#include <osg/PagedLOD>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <limits>
#include <memory>
#include <mutex>
#include <numbers>
#include <optional>
#include <unordered_map>
#include <variant>

#include "citytwin/formats/ImplicitTiling.h"
#include "citytwin/formats/TileSource.h"
#include "citytwin/formats/TilesetJson.h"
#include "citytwin/geo/Log.h"
#include "citytwin/render/DeclaredHull.h"
#include "citytwin/render/ModelPlacement.h"
#include "citytwin/render/ModelSurvey.h"
#include "paging/PagedNodeReaderWriter.h"
#include "tiles/TileBoundingVolume.h"
#include "tiles/TileContentBuilder.h"
#include "tiles/ViewerRequestVolumeCallback.h"

namespace citytwin::render {
namespace {

/// What the paged tiles of one tileset share with the pager threads: the
/// source, the parsed documents (tileset.json files and expanded implicit
/// tiles, never moved once stored) and the tiles whose children are still
/// to be read, by number.
class TilesetState {
public:
    /// `tilesetToCity`: ECEF to the city frame, or, for a tileset without
    /// georeference, its local metres to where its anchor stands.
    TilesetState(formats::TileSource source, const osg::Matrixd& tilesetToCity,
                 const TilesetLoadOptions& options, std::string label)
        : source(std::move(source)),
          ecefToCity(tilesetToCity),
          cityToEcef(osg::Matrixd::inverse(ecefToCity)),
          options(options),
          label(std::move(label)) {
        this->options.cancelled = nullptr;  // the first load's flag, not the pager's
        const double halfFov = options.verticalFovDegrees * std::numbers::pi / 360.0;
        // distance below which a tile's error exceeds the allowed pixels
        distancePerError = options.viewportHeightPixels /
                           (2.0 * std::tan(halfFov) * options.maximumScreenSpaceError);
    }

    using ParsedTileset = geo::Result<formats::Tileset>;

    /// A tile whose children the pager reads when the camera comes close.
    struct PendingTile {
        const formats::TilesetTile* tile = nullptr;
        std::string file;
        osg::Matrixd transform;
        formats::Refine refine = formats::Refine::Add;
        int depth = 0;
    };

    /// Keeps a parsed tileset.json under its location (and an implicit
    /// tile's expansion under its address): a tile paged in again finds it
    /// instead of reading and storing it again, so flying back and forth
    /// does not grow the store.
    const ParsedTileset& storeTileset(const std::string& key, ParsedTileset document) {
        return store(_tilesets, key, std::move(document));
    }
    const ParsedTileset* storedTileset(const std::string& key) const {
        return stored(_tilesets, key);
    }
    const formats::TilesetTile& storeExpanded(const std::string& key, formats::TilesetTile tile) {
        return store(_expanded, key, std::move(tile));
    }
    const formats::TilesetTile* storedExpanded(const std::string& key) const {
        return stored(_expanded, key);
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
            _numbers.try_emplace(tileId(tile.file, tile.tile->path), int(_pending.size()));
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
    template <class T>
    using Store = std::unordered_map<std::string, std::unique_ptr<const T>>;

    template <class T>
    const T& store(Store<T>& into, const std::string& key, T value) {
        std::lock_guard lock(_mutex);
        auto [it, added] = into.try_emplace(key, nullptr);
        if (added)
            it->second = std::make_unique<const T>(std::move(value));
        return *it->second;
    }
    template <class T>
    const T* stored(const Store<T>& in, const std::string& key) const {
        std::lock_guard lock(_mutex);
        auto it = in.find(key);
        return it == in.end() ? nullptr : it->second.get();
    }

    mutable std::mutex _mutex;
    Store<ParsedTileset> _tilesets;
    Store<formats::TilesetTile> _expanded;
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
        const TilesetState::ParsedTileset* cached = _state->storedTileset(file);
        if (!cached) {
            auto bytes = _source.read(file);
            if (!bytes)
                return fail("cannot read the tileset: " + bytes.diagnostics().front().message, file,
                            "");
            cached = &_state->storeTileset(file, formats::parseTilesetJson(*bytes, file));
        }
        // The document's messages (file, JSON path, reason) each time it is
        // loaded, as its tiles are built from it each time.
        const TilesetState::ParsedTileset& doc = *cached;
        diagnostics.insert(diagnostics.end(), doc.diagnostics().begin(), doc.diagnostics().end());
        if (!doc)
            return nullptr;
        return loadTile(doc->root, file, parent, formats::Refine::Add, depth);
    }

    /// The children of a paged tile, each with its content and, if it has
    /// children of its own, a PagedLOD to read them later.
    osg::ref_ptr<osg::Group> loadChildren(const TilesetState::PendingTile& parent) {
        osg::ref_ptr<osg::Group> children = new osg::Group;
        for (const auto& child : parent.tile->children)
            if (auto node =
                    loadTile(child, parent.file, parent.transform, parent.refine, parent.depth + 1))
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

    /// `tile.path` names the tile in messages and, with `file`, keys it.
    osg::ref_ptr<osg::Node> loadTile(const formats::TilesetTile& tile, const std::string& file,
                                     const osg::Matrixd& parent, formats::Refine parentRefine,
                                     int depth) {
        // The parser reported why; like a broken tile, it is left out.
        if (tile.implicitTilingBroken)
            return nullptr;
        if (tile.implicitTiling) {
            const std::string key = "implicit@" + TilesetState::tileId(file, tile.path);
            if (const formats::TilesetTile* done = _state->storedExpanded(key))
                return loadTile(*done, file, parent, parentRefine, depth);
            auto expanded = formats::expandImplicitTiling(tile, file, _source);
            diagnostics.insert(diagnostics.end(), expanded.diagnostics().begin(),
                               expanded.diagnostics().end());
            if (!expanded)
                return nullptr;
            formats::TilesetTile explicitTile = std::move(expanded.value());
            explicitTile.transform = tile.transform;
            // Stored: paged tiles point into it.
            return loadTile(_state->storeExpanded(key, std::move(explicitTile)), file, parent,
                            parentRefine, depth);
        }
        // Deeper across external tilesets than the parser sees in one file.
        if (depth > 64)
            return fail("tile tree deeper than 64 levels", file, tile.path);
        osg::Matrixd transform = parent;
        // Column-major with column vectors = OSG's row-vector layout.
        if (tile.transform)
            transform = osg::Matrixd(tile.transform->data()) * parent;
        const formats::Refine refine = tile.refine.value_or(parentRefine);
        return withRequestVolume(tile, buildTile(tile, file, transform, refine, depth), transform,
                                 file);
    }

    /// The tile's content and its children (now, or paged), in the city frame.
    osg::ref_ptr<osg::Node> buildTile(const formats::TilesetTile& tile, const std::string& file,
                                      const osg::Matrixd& transform, formats::Refine refine,
                                      int depth) {
        // As in Cesium, a tile's error is in its own units: scaled by its transform.
        const osg::Vec3d scale = transform.getScale();
        const double error =
            tile.geometricError * std::max({scale.x(), scale.y(), scale.z(), 1e-12});

        osg::ref_ptr<osg::Group> content = new osg::Group;
        for (std::size_t i = 0; i < tile.contentUris.size(); ++i)
            if (auto node = loadContent(
                    tile.contentUris[i], file, transform, depth,
                    i < tile.contentPaths.size() ? tile.contentPaths[i] : tile.path + ".content"))
                content->addChild(node);

        std::optional<detail::TileBoundingVolume> volume;
        if (tile.boundingVolume)
            volume = detail::TileBoundingVolume::from(*tile.boundingVolume, transform);
        if (!_rootVolume && !_sawRoot)
            _rootVolume = volume;
        _sawRoot = true;

        const bool hasChildren = !tile.children.empty();
        if (hasChildren && _state->layerNumber != 0) {
            if (volume)
                return pagedTile(tile, *volume, content, file, transform, refine, error, depth);
            warn("tile has no usable boundingVolume: its children are read now, not paged", file,
                 tile.path + ".boundingVolume");
        }
        osg::ref_ptr<osg::Group> children = new osg::Group;
        for (const auto& child : tile.children)
            if (auto node = loadTile(child, file, transform, refine, depth + 1))
                children->addChild(node);

        if (children->getNumChildren() == 0)
            return content->getNumChildren() ? content : nullptr;
        // Children show once the tile's own error would cover too many pixels.
        const float switchDistance = float(std::max(error, 0.0) * _state->distancePerError);
        osg::ref_ptr<osg::LOD> lod = new osg::LOD;
        lod->setRangeMode(osg::LOD::DISTANCE_FROM_EYE_POINT);
        if (refine == formats::Refine::Replace) {
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
    osg::ref_ptr<osg::Node> withRequestVolume(const formats::TilesetTile& tile,
                                              osg::ref_ptr<osg::Node> node,
                                              const osg::Matrixd& transform,
                                              const std::string& file) {
        if (!node || !tile.viewerRequestVolume)
            return node;
        auto volume = detail::TileBoundingVolume::from(*tile.viewerRequestVolume, transform);
        if (!volume) {
            warn("viewerRequestVolume is not a box, sphere or region: ignored", file,
                 tile.path + ".viewerRequestVolume");
            return node;
        }
        osg::ref_ptr<osg::Group> gated = new osg::Group;
        gated->setName(tile.path + " (viewerRequestVolume)");
        gated->addCullCallback(
            new detail::ViewerRequestVolumeCallback(std::move(*volume), _state->cityToEcef));
        gated->addChild(node);
        return gated;
    }

    /// A tile whose children are read by the pager once the camera is near
    /// enough for their error to matter: the distance is measured to the
    /// tile's bounding sphere (as Cesium measures it to the volume). Until
    /// they arrive the tile's own content stays drawn.
    osg::ref_ptr<osg::Node> pagedTile(const formats::TilesetTile& tile,
                                      const detail::TileBoundingVolume& volume,
                                      osg::ref_ptr<osg::Group> content, const std::string& file,
                                      const osg::Matrixd& transform, formats::Refine refine,
                                      double error, int depth) {
        const osg::BoundingSphered sphere = volume.sphereIn(_state->ecefToCity);
        const int number = _state->addPending({&tile, file, transform, refine, depth});
        const float switchDistance =
            float(std::max(error, 0.0) * _state->distancePerError + sphere.radius());
        osg::ref_ptr<osg::PagedLOD> plod = new osg::PagedLOD;
        plod->setName(tile.path);
        plod->setCenterMode(osg::LOD::USER_DEFINED_CENTER);
        plod->setCenter(sphere.center());
        plod->setRadius(float(sphere.radius()));
        plod->setRangeMode(osg::LOD::DISTANCE_FROM_EYE_POINT);
        if (refine == formats::Refine::Replace)
            plod->addChild(content, switchDistance, FLT_MAX);
        else
            plod->addChild(content, 0.f, FLT_MAX);  // ADD: the tile's own content stays
        plod->setFileName(1, detail::pagedFileName(detail::PagedNodeKind::Tileset,
                                                   _state->layerNumber, std::to_string(number)));
        plod->setRange(1, 0.f, switchDistance);
        return plod;
    }

    /// `field`: the content's JSON path ("root.contents[1]").
    osg::ref_ptr<osg::Node> loadContent(const std::string& uri, const std::string& file,
                                        const osg::Matrixd& transform, int depth,
                                        const std::string& field) {
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

/// Why a parsed tileset has no georeference ("" if it has one).
std::string georeferenceProblem(const formats::Tileset& tileset) {
    const formats::TilesetTile& root = tileset.root;
    if (root.transform || !root.boundingVolume ||
        std::holds_alternative<formats::BoundingRegion>(*root.boundingVolume))
        return {};
    const auto volume =
        detail::TileBoundingVolume::from(*root.boundingVolume, osg::Matrixd::identity());
    if (!volume)
        return {};
    const osg::BoundingSphered sphere = volume->sphereIn(osg::Matrixd::identity());
    // Georeferenced content lies 6,357 to 6,378 km from the centre; a model
    // in local metres within a few hundred kilometres of it.
    constexpr double kNearTheCentre = 1.0e6;
    const double distance = sphere.center().length();
    if (distance + sphere.radius() > kNearTheCentre)
        return {};
    char text[64];
    std::snprintf(text, sizeof text, "%.0f", distance);
    return std::string(
               "no georeference: the root tile has no transform and its bounding volume "
               "lies ") +
           text + " m from the Earth's centre (local coordinates, not ECEF)";
}

/// Reads and parses the tileset's own tileset.json.
TilesetState::ParsedTileset readRootTileset(const formats::TileSource& source) {
    const std::string& file = source.tilesetLocation();
    auto bytes = source.read(file);
    if (!bytes)
        return TilesetState::ParsedTileset::failure(
            "cannot read the tileset: " + bytes.diagnostics().front().message, file);
    return formats::parseTilesetJson(*bytes, file);
}

/// The local model's extent: its root volume placed at its anchor.
void addLocalExtent(const detail::TileBoundingVolume& volume, const osg::Matrixd& toCity,
                    const geo::LocalFrame& frame, LoadedModel& model) {
    model.minHeight = std::numeric_limits<double>::infinity();
    model.maxHeight = -std::numeric_limits<double>::infinity();
    for (const osg::Vec3d& corner : volume.ecefCorners) {
        const osg::Vec3d c = corner * toCity;
        const geo::GeoPoint g = frame.toGeographic({c.x(), c.y(), c.z()});
        model.wgs84Extent.add(g.x, g.y);
        model.minHeight = std::min(model.minHeight, g.z);
        model.maxHeight = std::max(model.maxHeight, g.z);
    }
}

}  // namespace

std::string tilesetGeoreferenceProblem(const std::string& path) {
    if (formats::TileSource::isUrl(path))
        return {};  // not read on the caller's thread; the loader still detects it
    auto source = formats::TileSource::open(path, {});
    if (!source)
        return {};
    auto doc = readRootTileset(*source);
    return doc ? georeferenceProblem(*doc) : std::string();
}

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
    const std::string file = source->tilesetLocation();  // a copy: the source moves
    const std::string name = formats::TileSource::fileNameOf(
        file.substr(0, file.size() - formats::TileSource::fileNameOf(file).size() - 1));
    const std::string label = name + "/" + formats::TileSource::fileNameOf(file);
    // The root document decides how the tileset is placed: in ECEF, or, in
    // local metres, at the anchor like a glTF model.
    TilesetState::ParsedTileset rootDoc = readRootTileset(*source);
    const std::string missingGeoreference = rootDoc ? georeferenceProblem(*rootDoc) : "";
    const ModelAnchor& anchor = options.localAnchor;
    const bool atAnchor = !missingGeoreference.empty() && options.placeLocalTilesetsAtAnchor;
    const osg::Matrixd toCity =
        !atAnchor ? ecefPlacement(frame)
                  : osg::Matrixd::scale(osg::Vec3d(anchor.scale, anchor.scale, anchor.scale)) *
                        enuPlacement(anchor.lonLatH, anchor.headingDegrees, frame);
    auto state = std::make_shared<TilesetState>(std::move(*source), toCity, options, label);
    state->storeTileset(file, std::move(rootDoc));
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
        // Never a failure without a reason: a tileset of metadata alone
        // (no tile names a content) builds no node and no message.
        const bool explained = std::any_of(
            builder.diagnostics.begin(), builder.diagnostics.end(),
            [](const geo::Diagnostic& d) { return d.severity == geo::Severity::Error; });
        R r = (node && builder.contents == 0) || !explained
                  ? R::failure(
                        "the tileset has no content citytwin can draw (no tile has a "
                        "content it can read)",
                        path)
                  : R();
        r.addDiagnostics(builder.diagnostics);
        return r;
    }
    LoadedModel model;
    model.format = "3D Tiles";
    model.crsLabel = "EPSG:4978 (WGS 84 ECEF)";
    if (!missingGeoreference.empty()) {
        if (atAnchor)
            model.crsLabel = "none (local metres, placed at an anchor)";
        model.missingGeoreference =
            label + ": " + missingGeoreference + (atAnchor ? "; placed as a local model" : "");
    }
    osg::ref_ptr<osg::Group> root = new osg::Group;
    root->setName(label);
    root->setUserData(registration);
    root->addChild(node);
    model.node = root;
    model.contentSummary = builder.contentSummary();
    if (paged) {
        // Most of a paged tileset is not read yet: its extent is the root's
        // volume, and so is what framing fits.
        std::vector<osg::Vec3d> hull;
        for (const osg::Vec3d& corner : builder.rootVolume()->ecefCorners)
            hull.push_back(corner * toCity);
        declareHull(*root, hull);
        if (atAnchor) {
            addLocalExtent(*builder.rootVolume(), toCity, frame, model);
        } else {
            model.minHeight = std::numeric_limits<double>::infinity();
            model.maxHeight = -std::numeric_limits<double>::infinity();
            builder.rootVolume()->addTo(model.wgs84Extent, model.minHeight, model.maxHeight);
        }
    } else {
        computeGeographicExtent(model, frame);
    }
    R result(std::move(model));
    result.addDiagnostics(builder.diagnostics);
    return result;
}

}  // namespace citytwin::render
