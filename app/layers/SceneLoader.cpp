#include "layers/SceneLoader.h"

#include <QCoreApplication>

#include "citytwin/assets/AssetRepository.h"
#include "citytwin/assets/InspectionContext.h"
#include "citytwin/assets/ProtectionZoneBuilder.h"
#include "citytwin/geo/VectorReader.h"
#include "citytwin/render/LayerNodeBuilder.h"
#include "citytwin/render/ModelFileLoader.h"
#include "citytwin/render/TerrainLayer.h"

namespace citytwin::app {

namespace {
/// The protection zones of an asset project's cables, as a WGS 84 layer.
geo::Result<std::vector<geo::FeatureLayer>> readProtectionZones(const std::string& projectPath) {
    using R = geo::Result<std::vector<geo::FeatureLayer>>;
    auto repository = assets::openAssetRepository(projectPath);
    if (!repository)
        return R::failure("cannot open the asset project", projectPath);
    auto context = assets::InspectionContext::open(*repository);
    if (!context) {
        R r;
        r.addDiagnostics(context.diagnostics());
        return r;
    }
    auto zones = context.value()->buildZones();
    if (!zones) {
        R r;
        r.addDiagnostics(zones.diagnostics());
        return r;
    }
    std::vector<geo::FeatureLayer> layers;
    layers.push_back(assets::zonesToFeatureLayer(zones.value(), context.value()->rules()));
    layers.back().sourcePath = projectPath;
    return layers;
}
}  // namespace

std::vector<SceneLoader::TerrainRead> SceneLoader::openTerrains(
    const std::vector<LayerSpec>& rasters) {
    std::vector<TerrainRead> terrains;
    std::vector<const LayerSpec*> dems, images;
    for (const auto& spec : rasters)
        (render::terrainRasterRole(spec.path.toStdString()) == render::TerrainRasterRole::Imagery
             ? images
             : dems)
            .push_back(&spec);
    // The first orthophoto drapes on the first DEM of this load, else on the
    // DEM loaded before (its layer is built again, with the imagery).
    std::optional<LayerSpec> dem;
    if (!dems.empty())
        dem = *dems.front();
    else if (!images.empty() && _maybeCurrentDem)
        dem = *_maybeCurrentDem;
    std::vector<std::pair<LayerSpec, std::optional<LayerSpec>>> layers;
    if (dem)
        layers.emplace_back(
            *dem, images.empty() ? std::nullopt : std::optional<LayerSpec>(*images.front()));
    for (std::size_t i = dem ? 1 : 0; i < dems.size(); ++i)
        layers.emplace_back(*dems[i], std::nullopt);
    for (std::size_t i = dem ? 1 : 0; i < images.size(); ++i)
        layers.emplace_back(*images[i], std::nullopt);
    for (auto& [spec, maybeImagery] : layers) {
        if (_cancel)
            break;
        const bool isDem = render::terrainRasterRole(spec.path.toStdString()) !=
                           render::TerrainRasterRole::Imagery;
        render::TerrainOptions options;
        (isDem ? options.demPath : options.imageryPath) = spec.path.toStdString();
        if (maybeImagery)
            options.imageryPath = maybeImagery->path.toStdString();
        auto source = render::TerrainSource::open(options);
        if (!source) {
            const QString path = source.messages().find(options.imageryPath) != std::string::npos &&
                                         !options.imageryPath.empty()
                                     ? QString::fromStdString(options.imageryPath)
                                     : spec.path;
            emit layerFailed(path, QString::fromStdString(source.messages()));
            continue;
        }
        if (isDem)
            _maybeCurrentDem = spec;
        terrains.push_back({spec, source.value()});
    }
    return terrains;
}

SceneLoader::SceneLoader(render::CityScene& scene, QObject* parent)
    : QObject(parent), _scene(scene) {
    setObjectName("sceneLoader");
    qRegisterMetaType<citytwin::app::LoadedLayer>();
}

SceneLoader::~SceneLoader() {
    _cancel = true;
    if (_worker.joinable())
        _worker.join();
}

bool SceneLoader::start(std::vector<LayerSpec> specs, std::optional<geo::LocalFrame> maybeFrame) {
    if (_busy.exchange(true))
        return false;
    if (_worker.joinable())
        _worker.join();
    _cancel = false;
    _worker = std::thread([this, specs = std::move(specs), maybeFrame]() mutable {
        run(std::move(specs), maybeFrame);
    });
    return true;
}

void SceneLoader::run(std::vector<LayerSpec> specs, std::optional<geo::LocalFrame> maybeFrame) {
    struct Read {
        LayerSpec spec;
        std::shared_ptr<const geo::FeatureLayer> layer;
        QString id;
    };
    std::vector<Read> reads;
    const int total = static_cast<int>(specs.size()) * 2;
    int done = 0;

    // 3D models (OSGB pyramids, glTF/GLB, 3D Tiles) carry their own
    // georeference and are loaded after the frame is known.
    // Classified once: the check looks at the file system.
    std::vector<LayerSpec> models, vectors, rasters;
    for (auto& spec : specs) {
        if (render::terrainRasterRole(spec.path.toStdString()) != render::TerrainRasterRole::None)
            rasters.push_back(std::move(spec));
        else if (render::modelFileKind(spec.path.toStdString()) != render::ModelFileKind::None)
            models.push_back(std::move(spec));
        else
            vectors.push_back(std::move(spec));
    }
    // DEMs and orthophotos become terrain layers; opened now, their extent
    // counts for the frame.
    std::vector<TerrainRead> terrains = openTerrains(rasters);

    // Read every file first: the frame's origin is the centre of all of them.
    for (const auto& spec : vectors) {
        if (_cancel)
            break;
        emit progress(done, total,
                      QCoreApplication::translate("SceneLoader", "Reading %1").arg(spec.path));
        geo::VectorReadOptions options;
        if (!spec.layerName.isEmpty())
            options.layerNames.push_back(spec.layerName.toStdString());
        if (!spec.sourceCrs.isEmpty()) {
            auto crs = geo::Crs::fromString(spec.sourceCrs.toStdString());
            if (crs)
                options.maybeSourceCrs = crs.value();
        }
        auto result = spec.protectionZones ? readProtectionZones(spec.path.toStdString())
                                           : geo::readVectorFile(spec.path.toStdString(), options);
        ++done;
        if (!result) {
            emit layerFailed(spec.path, QString::fromStdString(result.messages()));
            continue;
        }
        QStringList warnings;
        for (const auto& d : result.diagnostics())
            if (d.severity != geo::Severity::Info)
                warnings << QString::fromStdString(d.toString());
        if (!warnings.isEmpty())
            emit layerWarning(spec.path, warnings.join('\n'));
        const bool several = result->size() > 1;
        for (auto& layer : result.value()) {
            const QString id =
                several ? spec.id + "/" + QString::fromStdString(layer.name) : spec.id;
            reads.push_back({spec, std::make_shared<geo::FeatureLayer>(std::move(layer)), id});
        }
    }

    geo::Extent extent;
    for (const auto& r : reads)
        if (r.spec.framesView)
            extent.add(r.layer->extent());
    for (const auto& t : terrains)
        extent.add(t.source->wgs84Extent());
    if (extent.isEmpty())
        for (const auto& r : reads)
            extent.add(r.layer->extent());
    if (extent.isEmpty() && !maybeFrame && !models.empty() && !_cancel) {
        // Only models: a first load in a provisional frame tells where they
        // land; the frame is then centred there and they load again in it.
        // A tileset's probe is paged: its root alone, not every tile.
        const geo::LocalFrame probeFrame({121.5, 31.24, 0.0});
        render::TilesetLoadOptions tiles;
        tiles.paged = true;
        tiles.cancelled = &_cancel;
        auto probe = render::loadModelFile(models.front().path.toStdString(), probeFrame,
                                           render::ModelAnchor{{121.5, 31.24, 0.0}}, tiles);
        if (probe)
            extent = probe->wgs84Extent;
        else
            emit layerFailed(models.front().path, QString::fromStdString(probe.messages()));
        if (extent.isEmpty())
            models.clear();
    }
    if (!maybeFrame && !extent.isEmpty() && !_cancel) {
        maybeFrame = geo::LocalFrame({extent.centerX(), extent.centerY(), 0.0});
        emit frameChosen(extent.centerX(), extent.centerY(), extent.minX, extent.minY, extent.maxX,
                         extent.maxY);
        // The ground spans the data with a margin; built once with the frame.
        // A terrain is the ground itself (an orthophoto alone lies at z = 0).
        const auto a = maybeFrame->toLocal({extent.minX, extent.minY, 0.0});
        const auto b = maybeFrame->toLocal({extent.maxX, extent.maxY, 0.0});
        if (terrains.empty())
            _scene.enqueueLayer(
                "ground",
                render::buildGroundPlane(a.x, a.y, b.x, b.y, osg::Vec4(0.86f, 0.86f, 0.84f, 1.f)));
    }
    for (const auto& t : terrains) {
        if (_cancel || !maybeFrame)
            break;
        emit progress(done, total,
                      QCoreApplication::translate("SceneLoader", "Building %1").arg(t.spec.id));
        auto node = render::buildTerrainLayer(t.source, *maybeFrame);
        done += 2;
        if (!node) {
            emit layerFailed(t.spec.path, QString::fromStdString(node.messages()));
            continue;
        }
        _scene.enqueueLayer(t.spec.id.toStdString(), node.value());
        LoadedLayer info;
        info.id = t.spec.id;
        info.displayName = t.spec.displayName;
        info.path = t.spec.path;
        info.crsLabel = QString::fromStdString(t.source->sourceCrs().label());
        info.role = QStringLiteral("terrain");
        emit layerLoaded(info);
    }

    if (maybeFrame) {
        render::LayerNodeBuilder builder(*maybeFrame);
        for (const auto& r : reads) {
            if (_cancel)
                break;
            emit progress(done, total,
                          QCoreApplication::translate("SceneLoader", "Building %1").arg(r.id));
            const render::LayerStyle style =
                r.spec.maybeStyle ? *r.spec.maybeStyle : render::defaultStyleFor(*r.layer);
            render::LayerBuildStats stats;
            auto node = builder.build(r.id.toStdString(), r.layer, style, &stats);
            ++done;
            if (!node) {
                emit layerFailed(r.spec.path, QString::fromStdString(node.messages()));
                continue;
            }
            _scene.enqueueLayer(r.id.toStdString(), node.value());
            LoadedLayer info;
            info.id = r.id;
            info.displayName = r.spec.displayName;
            info.path = r.spec.path;
            info.crsLabel = QString::fromStdString(r.layer->sourceCrs.label());
            info.featureCount = r.layer->features.size();
            info.role = QString::fromLatin1(render::toString(style.role));
            info.layer = r.layer;
            emit layerLoaded(info);
        }
    }
    for (const auto& spec : models) {
        if (_cancel || !maybeFrame)
            break;
        emit progress(done, total,
                      QCoreApplication::translate("SceneLoader", "Loading %1").arg(spec.path));
        // glTF has no georeference: where the user placed it, else at the
        // frame's origin.
        const geo::GeoPoint o = maybeFrame->origin();
        const render::ModelAnchor anchor =
            spec.maybeAnchor.value_or(render::ModelAnchor{{o.x, o.y, 0.0}});
        render::TilesetLoadOptions tiles;
        tiles.paged = true;          // children as the camera comes near, under the memory budget
        tiles.cancelled = &_cancel;  // a tileset (over HTTP) stops between tiles
        auto model = render::loadModelFile(spec.path.toStdString(), *maybeFrame, anchor, tiles);
        done += 2;
        if (!model) {
            emit layerFailed(spec.path, QString::fromStdString(model.messages()));
            continue;
        }
        _scene.enqueueLayer(spec.id.toStdString(), model->node);
        LoadedLayer info;
        info.id = spec.id;
        info.displayName = spec.displayName;
        info.path = spec.path;
        info.crsLabel = QString::fromStdString(model->crsLabel);
        info.role = QString::fromStdString(model->format);
        emit layerLoaded(info);
    }
    emit progress(total, total, QString());
    const bool cancelled = _cancel.load();
    _busy = false;
    emit finished(cancelled);
}

}  // namespace citytwin::app
