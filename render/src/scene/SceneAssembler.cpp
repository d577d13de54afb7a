#include "citytwin/render/SceneAssembler.h"

#include <cstdio>
#include <utility>

#include "citytwin/geo/VectorReader.h"
#include "citytwin/render/ModelFileLoader.h"
#include "citytwin/render/TerrainLayer.h"
#include "citytwin/render/TerrainSource.h"

namespace citytwin::render {

SourceKind sourceKind(const std::string& path) {
    if (terrainRasterRole(path) != TerrainRasterRole::None)
        return SourceKind::TerrainRaster;
    if (modelFileKind(path) != ModelFileKind::None)
        return SourceKind::Model;
    return SourceKind::Vector;
}

LayerStyle requestedOrDefaultStyle(const LayerToStyle& layer) {
    return layer.source.maybeStyle ? *layer.source.maybeStyle : defaultStyleFor(layer.layer);
}

namespace {

using LayerList = std::vector<geo::FeatureLayer>;

geo::Result<LayerList> readVectorSource(const SceneSource& source) {
    if (source.reader)
        return source.reader(source);
    geo::VectorReadOptions options;
    if (!source.layerName.empty())
        options.layerNames.push_back(source.layerName);
    options.maybeSourceCrs = source.maybeSourceCrs;
    options.csvXColumn = source.csvXColumn;
    options.csvYColumn = source.csvYColumn;
    // Columns chosen by the user come with the CRS they chose for them.
    options.forceSourceCrs = !source.csvXColumn.empty() && source.maybeSourceCrs.has_value();
    options.allowPartial = source.allowPartial;
    return geo::readVectorFile(source.path, options);
}

/// The warnings (not the notes) of a read, one per line; empty if none.
std::string warningsOf(const std::vector<geo::Diagnostic>& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics) {
        if (d.severity == geo::Severity::Info)
            continue;
        if (!out.empty())
            out += '\n';
        out += d.toString();
    }
    return out;
}

struct Classified {
    std::vector<SceneSource> vectors, models, rasters;
};

/// Classified once: the check looks at the file system.
Classified classify(std::vector<SceneSource> sources) {
    Classified c;
    for (auto& source : sources) {
        switch (source.maybeKind ? *source.maybeKind : sourceKind(source.path)) {
            case SourceKind::TerrainRaster:
                c.rasters.push_back(std::move(source));
                break;
            case SourceKind::Model:
                c.models.push_back(std::move(source));
                break;
            case SourceKind::Vector:
                c.vectors.push_back(std::move(source));
                break;
        }
    }
    return c;
}

struct VectorRead {
    const SceneSource* source;
    std::shared_ptr<const geo::FeatureLayer> layer;
    std::string id;
    bool oneOfSeveral = false;  ///< the source holds several layers: name both
};

struct TerrainRead {
    SceneSource source;
    std::shared_ptr<const TerrainSource> terrain;
};

/// A DEM (or a lone orthophoto) and the orthophoto draped on it, if any.
struct TerrainPair {
    SceneSource raster;
    std::optional<SceneSource> maybeImagery;
};

bool isImagery(const SceneSource& s) {
    return terrainRasterRole(s.path) == TerrainRasterRole::Imagery;
}

/// The first orthophoto drapes on the first DEM of this load, else on the
/// DEM loaded before (its layer is built again, with the imagery).
std::vector<TerrainPair> pairTerrains(const std::vector<SceneSource>& rasters,
                                      const std::optional<SceneSource>& maybePreviousDem) {
    std::vector<const SceneSource*> dems, images;
    for (const auto& s : rasters)
        (isImagery(s) ? images : dems).push_back(&s);
    std::optional<SceneSource> dem;
    if (!dems.empty())
        dem = *dems.front();
    else if (!images.empty() && maybePreviousDem)
        dem = *maybePreviousDem;
    std::vector<TerrainPair> pairs;
    if (dem)
        pairs.push_back(
            {*dem, images.empty() ? std::nullopt : std::optional<SceneSource>(*images.front())});
    for (std::size_t i = dem ? 1 : 0; i < dems.size(); ++i)
        pairs.push_back({*dems[i], std::nullopt});
    for (std::size_t i = dem ? 1 : 0; i < images.size(); ++i)
        pairs.push_back({*images[i], std::nullopt});
    return pairs;
}

/// The layer id of one layer read from `source`.
std::string vectorLayerId(const SceneSource& source, const geo::FeatureLayer& layer, bool several) {
    if (source.id.empty())
        return layer.name;
    return several ? source.id + "/" + layer.name : source.id;
}

/// "121.4737,31.2304" (degrees), for messages.
std::string originText(const geo::LocalFrame& frame) {
    char text[64];
    std::snprintf(text, sizeof text, "%.6f,%.6f", frame.origin().x, frame.origin().y);
    return text;
}

/// One run of SceneAssembler::assemble: its inputs, counters and result.
class Assembly {
public:
    Assembly(const SceneAssemblyOptions& options, std::optional<SceneSource>& currentDem,
             std::size_t sourceCount)
        : _options(options),
          _currentDem(currentDem),
          _total(static_cast<int>(sourceCount) * 2),
          _styleProvider(options.styleProvider ? options.styleProvider
                                               : LayerStyleProvider(requestedOrDefaultStyle)) {
        _result.maybeFrame = options.maybeFrame;
    }

    geo::Result<SceneAssembly> run(std::vector<SceneSource> sources) {
        // 3D models (OSGB pyramids, glTF/GLB, 3D Tiles) carry their own
        // georeference and are loaded after the frame is known.
        Classified c = classify(std::move(sources));
        // DEMs and orthophotos become terrain layers; opened now, their
        // extent counts for the frame.
        const std::vector<TerrainRead> terrains = openTerrains(c.rasters);
        // Every file is read first: the frame's origin is the centre of all of them.
        const std::vector<VectorRead> reads = readVectors(c.vectors);
        geo::Extent extent = dataExtent(reads, terrains);
        if (extent.isEmpty() && !_result.maybeFrame && !c.models.empty() && !cancelled())
            extent = probeModels(c.models);
        if (!_result.maybeFrame && !extent.isEmpty() && !cancelled()) {
            chooseFrame(extent);
            if (terrains.empty() && _options.groundPlane)
                buildGround(extent);
        }
        if (_result.maybeFrame) {
            buildTerrains(terrains);
            buildVectors(reads);
            loadModels(c.models);
        }
        progress(_total, AssemblyStep::Finished, {});
        _result.cancelled = cancelled();
        if (!_result.maybeFrame && !_result.cancelled)
            return noFrame();
        return std::move(_result);
    }

private:
    bool cancelled() const { return _options.cancelled && _options.cancelled->load(); }

    void progress(int done, AssemblyStep step, const std::string& subject) const {
        if (_options.observer.progress)
            _options.observer.progress(done, _total, step, subject);
    }

    void fail(std::string path, std::string message) {
        SourceProblem p{std::move(path), std::move(message)};
        if (_options.observer.failed)
            _options.observer.failed(p);
        _result.failures.push_back(std::move(p));
    }

    void warn(std::string path, std::string message) {
        SourceProblem p{std::move(path), std::move(message)};
        if (_options.observer.warned)
            _options.observer.warned(p);
        _result.warnings.push_back(std::move(p));
    }

    void add(AssembledLayer layer) {
        if (_options.observer.layerBuilt)
            _options.observer.layerBuilt(layer);
        _result.layers.push_back(std::move(layer));
    }

    /// Pairs DEMs with orthophotos and opens them.
    std::vector<TerrainRead> openTerrains(const std::vector<SceneSource>& rasters) {
        std::vector<TerrainRead> terrains;
        for (auto& [raster, maybeImagery] : pairTerrains(rasters, _currentDem)) {
            if (cancelled())
                break;
            const bool isDem = !isImagery(raster);
            TerrainOptions options;
            (isDem ? options.demPath : options.imageryPath) = raster.path;
            if (maybeImagery)
                options.imageryPath = maybeImagery->path;
            auto terrain = TerrainSource::open(options, _options.cancelled);
            if (cancelled())
                break;
            if (!terrain) {
                // The failure belongs to the orthophoto if it names it.
                const bool imageryFailed =
                    !options.imageryPath.empty() &&
                    terrain.messages().find(options.imageryPath) != std::string::npos;
                fail(imageryFailed ? options.imageryPath : raster.path, terrain.messages());
                continue;
            }
            if (isDem)
                _currentDem = raster;
            terrains.push_back({raster, terrain.value()});
        }
        return terrains;
    }

    std::vector<VectorRead> readVectors(const std::vector<SceneSource>& vectors) {
        std::vector<VectorRead> reads;
        for (const auto& source : vectors) {
            if (cancelled())
                break;
            progress(_done, AssemblyStep::Reading, source.path);
            auto result = readVectorSource(source);
            ++_done;
            if (!result) {
                fail(source.path, result.messages());
                continue;
            }
            if (const std::string warnings = warningsOf(result.diagnostics()); !warnings.empty())
                warn(source.path, warnings);
            const bool several = result->size() > 1;
            for (auto& layer : result.value()) {
                // A multi-layer source (OSM's points, lines, multilinestrings,
                // multipolygons, other relations) lists only what it holds.
                if (several && layer.features.empty())
                    continue;
                std::string id = vectorLayerId(source, layer, several);
                reads.push_back({&source, std::make_shared<geo::FeatureLayer>(std::move(layer)),
                                 std::move(id), several});
            }
        }
        return reads;
    }

    /// The extent to centre the frame on: the layers that frame the view and
    /// the terrains, else every layer.
    static geo::Extent dataExtent(const std::vector<VectorRead>& reads,
                                  const std::vector<TerrainRead>& terrains) {
        geo::Extent extent;
        for (const auto& r : reads)
            if (r.source->framesView)
                extent.add(r.layer->extent());
        for (const auto& t : terrains)
            extent.add(t.terrain->wgs84Extent());
        if (extent.isEmpty())
            for (const auto& r : reads)
                extent.add(r.layer->extent());
        return extent;
    }

    /// Only models: a first load in a provisional frame tells where they
    /// land; the frame is then centred there and they load again in it. A
    /// tileset's probe is paged: its root alone, not every tile. If it
    /// lands nowhere, no model is loaded.
    geo::Extent probeModels(std::vector<SceneSource>& models) {
        const geo::GeoPoint somewhere{121.5, 31.24, 0.0};
        const geo::LocalFrame probeFrame(somewhere);
        TilesetLoadOptions tiles;
        tiles.paged = true;
        tiles.cancelled = _options.cancelled;
        auto probe = loadModelFile(models.front().path, probeFrame, ModelAnchor{somewhere}, tiles);
        geo::Extent extent;
        if (probe)
            extent = probe->wgs84Extent;
        else
            fail(models.front().path, probe.messages());
        if (extent.isEmpty())
            models.clear();
        return extent;
    }

    void chooseFrame(const geo::Extent& extent) {
        _result.maybeFrame = geo::LocalFrame({extent.centerX(), extent.centerY(), 0.0});
        _result.maybeChosenExtent = extent;
        if (_options.observer.frameChosen)
            _options.observer.frameChosen(*_result.maybeFrame, extent);
    }

    /// The ground spans the data (and what the caller adds) with a margin
    /// (a terrain is the ground itself; an orthophoto alone lies at z = 0).
    void buildGround(const geo::Extent& dataExtent) {
        geo::Extent extent = dataExtent;
        extent.add(_options.groundAlsoCovers);
        const auto a = _result.maybeFrame->toLocal({extent.minX, extent.minY, 0.0});
        const auto b = _result.maybeFrame->toLocal({extent.maxX, extent.maxY, 0.0});
        AssembledLayer ground;
        ground.kind = AssembledKind::Ground;
        ground.id = "ground";
        ground.role = "ground";
        ground.node = buildGroundPlane(a.x, a.y, b.x, b.y, osg::Vec4(0.86f, 0.86f, 0.84f, 1.f));
        add(std::move(ground));
    }

    void buildTerrains(const std::vector<TerrainRead>& terrains) {
        for (const auto& t : terrains) {
            if (cancelled())
                break;
            progress(_done, AssemblyStep::Building, t.source.id);
            auto node = buildTerrainLayer(t.terrain, *_result.maybeFrame);
            _done += 2;
            if (!node) {
                fail(t.source.path, node.messages());
                continue;
            }
            AssembledLayer layer = describe(t.source, AssembledKind::Terrain);
            layer.crsLabel = t.terrain->sourceCrs().label();
            layer.wgs84Extent = t.terrain->wgs84Extent();
            layer.role = "terrain";
            layer.node = node.value();
            add(std::move(layer));
        }
    }

    void buildVectors(const std::vector<VectorRead>& reads) {
        const LayerNodeBuilder builder(*_result.maybeFrame);
        for (const auto& r : reads) {
            if (cancelled())
                break;
            progress(_done, AssemblyStep::Building, r.id);
            const LayerStyle style = _styleProvider(LayerToStyle{*r.source, r.id, *r.layer});
            LayerBuildStats stats;
            auto node = builder.build(r.id, r.layer, style, &stats);
            ++_done;
            if (!node) {
                fail(r.source->path, node.messages());
                continue;
            }
            AssembledLayer layer = describe(*r.source, AssembledKind::Vector);
            layer.id = r.id;
            // "<file>:<layer>": the sublayers of one file must not read alike.
            if (r.oneOfSeveral)
                layer.displayName += ":" + r.layer->name;
            layer.wgs84Extent = r.layer->extent();
            layer.crsLabel = r.layer->sourceCrs.label();
            layer.featureCount = r.layer->features.size();
            layer.role = toString(style.role);
            layer.layer = r.layer;
            layer.stats = stats;
            layer.maybeStyle = style;
            layer.node = node.value();
            add(std::move(layer));
        }
    }

    void loadModels(const std::vector<SceneSource>& models) {
        for (const auto& source : models) {
            if (cancelled())
                break;
            progress(_done, AssemblyStep::Loading, source.path);
            // glTF (and a tileset in local metres) has no georeference: where
            // the user placed it, else at the frame's origin.
            const geo::GeoPoint o = _result.maybeFrame->origin();
            const ModelAnchor anchor = source.maybeAnchor.value_or(ModelAnchor{{o.x, o.y, 0.0}});
            TilesetLoadOptions tiles;
            tiles.paged = true;  // children as the camera comes near, under the memory budget
            tiles.cancelled = _options.cancelled;  // a tileset (over HTTP) stops between tiles
            auto model = loadModelFile(source.path, *_result.maybeFrame, anchor, tiles);
            _done += 2;
            if (!model) {
                fail(source.path, model.messages());
                continue;
            }
            if (!model->missingGeoreference.empty() && !source.maybeAnchor)
                warn(source.path, model->missingGeoreference + " at the frame's origin " +
                                      originText(*_result.maybeFrame));
            AssembledLayer layer = describe(source, AssembledKind::Model);
            layer.crsLabel = model->crsLabel;
            layer.wgs84Extent = model->wgs84Extent;
            layer.role = model->format;
            layer.node = model->node;
            add(std::move(layer));
        }
    }

    static AssembledLayer describe(const SceneSource& source, AssembledKind kind) {
        AssembledLayer layer;
        layer.kind = kind;
        layer.id = source.id;
        layer.displayName = source.displayName;
        layer.path = source.path;
        return layer;
    }

    /// Nothing could be placed: no frame was given and no source holds
    /// geometry. The files that failed come first, each its source.
    geo::Result<SceneAssembly> noFrame() const {
        geo::Failure failure;
        for (const auto& f : _result.failures)
            failure.diagnostics.push_back(geo::makeError(f.message, f.path));
        failure.diagnostics.push_back(
            geo::makeError("the input holds no geometry to centre the frame on"));
        return failure;
    }

    const SceneAssemblyOptions& _options;
    std::optional<SceneSource>& _currentDem;
    const int _total;
    int _done = 0;
    LayerStyleProvider _styleProvider;
    SceneAssembly _result;
};

}  // namespace

geo::Result<SceneAssembly> SceneAssembler::assemble(std::vector<SceneSource> sources,
                                                    const SceneAssemblyOptions& options) {
    const std::size_t count = sources.size();
    return Assembly(options, _maybeCurrentDem, count).run(std::move(sources));
}

}  // namespace citytwin::render
