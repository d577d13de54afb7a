#include "layers/SceneLoader.h"

#include <QCoreApplication>

#include "AssetLayerStyles.h"
#include "ProtectionZoneLayer.h"

namespace citytwin::app {

namespace {

render::SceneSource sceneSourceOf(const LayerSpec& spec) {
    render::SceneSource source;
    source.id = spec.id.toStdString();
    source.displayName = spec.displayName.toStdString();
    source.path = spec.path.toStdString();
    source.maybeStyle = spec.maybeStyle;
    if (!spec.sourceCrs.isEmpty())
        if (auto crs = geo::Crs::fromString(spec.sourceCrs.toStdString()))
            source.maybeSourceCrs = crs.value();
    source.framesView = spec.framesView;
    if (spec.protectionZones)
        source.reader = readProtectionZones;
    source.layerName = spec.layerName.toStdString();
    source.maybeAnchor = spec.maybeAnchor;
    source.csvXColumn = spec.csvXColumn.toStdString();
    source.csvYColumn = spec.csvYColumn.toStdString();
    source.allowPartial = spec.allowPartial;
    return source;
}

LoadedLayer loadedLayerOf(const render::AssembledLayer& built) {
    LoadedLayer info;
    info.id = QString::fromStdString(built.id);
    info.displayName = QString::fromStdString(built.displayName);
    info.path = QString::fromStdString(built.path);
    info.crsLabel = QString::fromStdString(built.crsLabel);
    info.featureCount = built.featureCount;
    info.wgs84Extent = built.wgs84Extent;
    info.role = QString::fromStdString(built.role);
    info.layer = built.layer;
    info.maybeStyle = built.maybeStyle;
    return info;
}

QString progressText(render::AssemblyStep step, const std::string& subject) {
    const QString what = QString::fromStdString(subject);
    switch (step) {
        case render::AssemblyStep::Reading:
            return QCoreApplication::translate("SceneLoader", "Reading %1").arg(what);
        case render::AssemblyStep::Building:
            return QCoreApplication::translate("SceneLoader", "Building %1").arg(what);
        case render::AssemblyStep::Loading:
            return QCoreApplication::translate("SceneLoader", "Loading %1").arg(what);
        case render::AssemblyStep::Finished:
            break;
    }
    return QString();
}

}  // namespace

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

render::SceneAssemblyObserver SceneLoader::observer() {
    render::SceneAssemblyObserver o;
    o.progress = [this](int done, int total, render::AssemblyStep step,
                        const std::string& subject) {
        emit progress(done, total, progressText(step, subject));
    };
    o.frameChosen = [this](const geo::LocalFrame& frame, const geo::Extent& e) {
        emit frameChosen(frame.origin().x, frame.origin().y, e.minX, e.minY, e.maxX, e.maxY);
    };
    o.layerBuilt = [this](const render::AssembledLayer& layer) {
        _scene.enqueueLayer(layer.id, layer.node);
        if (layer.kind != render::AssembledKind::Ground)  // the ground is not listed
            emit layerLoaded(loadedLayerOf(layer));
    };
    o.failed = [this](const render::SourceProblem& p) {
        emit layerFailed(QString::fromStdString(p.path), QString::fromStdString(p.message));
    };
    o.warned = [this](const render::SourceProblem& p) {
        emit layerWarning(QString::fromStdString(p.path), QString::fromStdString(p.message));
    };
    return o;
}

void SceneLoader::run(std::vector<LayerSpec> specs, std::optional<geo::LocalFrame> maybeFrame) {
    std::vector<render::SceneSource> sources;
    for (const auto& spec : specs)
        sources.push_back(sceneSourceOf(spec));
    render::SceneAssemblyOptions options;
    options.maybeFrame = maybeFrame;
    options.groundAlsoCovers = _groundAlsoCovers;
    options.styleProvider = assetLayerStyle;
    options.cancelled = &_cancel;
    options.observer = observer();
    // Everything was reported as it happened: the layers, and the files that
    // failed (even when no frame could be chosen).
    (void)_assembler.assemble(std::move(sources), options);
    const bool cancelled = _cancel.load();
    _busy = false;
    emit finished(cancelled);
}

}  // namespace citytwin::app
