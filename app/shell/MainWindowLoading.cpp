// MainWindow's layer loading glue: the demo or the command line's files,
// File → Open and Import, the frame the first data sets, the sensors that
// start in it, and how loaded and failed layers are shown.

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>
#include <osg/Math>

#include <algorithm>
#include <cmath>

#include "citytwin/geo/PostgresLocation.h"
#include "citytwin/geo/ProjectStore.h"
#include "citytwin/render/CameraPose.h"
#include "citytwin/render/CityGmlModelLoader.h"
#include "citytwin/render/ModelFileLoader.h"
#include "citytwin/sensors/SensorRegistry.h"
#include "inspection/InspectionTools.h"
#include "layers/CsvPointsDialog.h"
#include "layers/ImportDialog.h"
#include "layers/LayerStyler.h"
#include "layers/LayerTreePanel.h"
#include "layers/ModelPlacementDialog.h"
#include "layers/OpenFileFilters.h"
#include "layers/ProjectLiveRefresh.h"
#include "layers/SceneLoader.h"
#include "sensors/PlaybackBar.h"
#include "sensors/SensorMonitor.h"
#include "shell/LogChannel.h"
#include "shell/MainWindow.h"
#include "shell/ProcessUptime.h"
#include "shell/SetupSettings.h"
#include "view/CoordinateStatus.h"
#include "view/OsgView.h"
#include "view/SunLighting.h"

namespace citytwin::app {

namespace {
/// Where the sensors of these registries stand (WGS 84 degrees). A file
/// that cannot be read adds nothing: the sensor view names it on start.
geo::Extent sensorsExtent(const QStringList& registryFiles) {
    geo::Extent extent;
    for (const QString& file : registryFiles) {
        if (!QFileInfo::exists(file))
            continue;
        auto registry = sensors::SensorRegistry::importCsv(file.toStdString());
        if (registry)
            for (const auto& s : registry->sensors())
                extent.add(s.position.x, s.position.y);
    }
    return extent;
}
}  // namespace

void MainWindow::start() {
    // A pinned view (a snapshot: BatchRunner) keeps its size; the window grows around it.
    if (!_viewPinned && isVisible() && !isFullScreen() &&
        !(_options.fitToScreen && _remembersSetup))
        fitViewTo(_options.size);
    restoreLayout();
    std::vector<LayerSpec> specs;
    if (_options.dataFiles.isEmpty()) {
        const QString dir = findDemoDirectory();
        if (dir.isEmpty()) {
            onLayerFailed(QStringLiteral("data/demo"),
                          tr("the demo data was not found (set CITYTWIN_DATA_DIR)"));
            onLoadFinished(false);
            return;
        }
        // Says which copy runs: the installed one, an override or the source tree's.
        LogChannel::instance().write(geo::LogLevel::Info, QStringLiteral("demo data: ") + dir);
        specs = demoLayerSpecs(dir);
        // The real monitors stand west of the city area: land under them too.
        if (!_options.noSensors)
            _loader->setGroundAlsoCovers(
                sensorsExtent(_options.sensorRegistry.isEmpty()
                                  ? QStringList{dir + "/sensors.csv", dir + "/history/monitors.csv"}
                                  : QStringList{_options.sensorRegistry}));
        // The demo's asset project is what the Inspect tools check.
        if (QFileInfo::exists(dir + "/demo.gpkg"))
            _inspection->setProject(dir + "/demo.gpkg");
    } else {
        specs = userLayerSpecs(_options.dataFiles);
    }
    for (LayerSpec& spec : specs)
        spec.allowPartial = _options.allowsPartial();
    for (const auto& id : _options.hiddenLayers)
        _scene->setLayerVisible(id.toStdString(), false);
    startLoading(std::move(specs), std::nullopt);
}

bool MainWindow::startLoading(std::vector<LayerSpec> specs,
                              std::optional<geo::LocalFrame> maybeFrame) {
    if (!_loader->start(std::move(specs), maybeFrame))
        return false;
    _progress->setVisible(true);
    _cancel->setVisible(true);
    return true;
}

void MainWindow::openFiles(const QStringList& files) {
    if (files.isEmpty())
        return;
    if (_loader->isBusy()) {
        QMessageBox::information(this, tr("Still loading"),
                                 tr("Wait for the current load to finish."));
        return;
    }
    if (_remembersSetup) {
        SetupSettings settings;
        for (auto it = files.rbegin(); it != files.rend(); ++it)
            if (!geo::isPostgresLocation(it->toStdString()))  // it may hold a password
                settings.addRecentFile(it->contains("://") ? *it
                                                           : QFileInfo(*it).absoluteFilePath());
        rebuildRecentMenu();
    }
    std::vector<LayerSpec> specs = userLayerSpecs(files);
    for (LayerSpec& spec : specs) {
        const QString id = uniqueLayerId(spec.id);
        if (id != spec.id)  // the same name again: the list must tell them apart
            spec.displayName = spec.displayName + id.mid(spec.id.size());
        spec.id = id;
    }
    // A CSV declares no CRS and its columns are the user's word: asked for
    // each, as the import dialog asks.
    for (LayerSpec& spec : specs) {
        if (!isCsvPath(spec.path))
            continue;
        CsvPointsDialog dialog(spec.path, this);
        if (!dialog.isUsable()) {
            onLayerFailed(spec.path, dialog.error());
            return;
        }
        std::optional<CsvPointsChoice> choice;
        while (!choice && dialog.exec() == QDialog::Accepted)
            choice = dialog.choice();
        if (!choice)
            return;
        spec.csvXColumn = choice->xColumn;
        spec.csvYColumn = choice->yColumn;
        spec.sourceCrs = choice->crs;
    }
    for (LayerSpec& spec : specs)
        spec.allowPartial = _options.allowsPartial();
    // glTF carries no georeference, nor does a tileset in local metres or a
    // CityGML file without srsName: ask
    // where each model stands, starting from the point at the view's centre.
    if (_maybeFrame) {
        for (LayerSpec& spec : specs) {
            const std::string path = spec.path.toStdString();
            const render::ModelFileKind kind = render::modelFileKind(path);
            if (kind != render::ModelFileKind::Gltf &&
                !(kind == render::ModelFileKind::Tileset &&
                  !render::tilesetGeoreferenceProblem(path).empty()) &&
                !(kind == render::ModelFileKind::CityGml &&
                  !render::cityGmlGeoreferenceProblem(path).empty()))
                continue;
            render::ModelAnchor initial{_maybeFrame->origin(), 0.0, 1.0};
            initial.lonLatH.z = 0.0;
            if (auto centre = _view->localPointAtCentre()) {
                const geo::GeoPoint g =
                    _maybeFrame->toGeographic({centre->x(), centre->y(), centre->z()});
                initial.lonLatH = {g.x, g.y, 0.0};
            }
            ModelPlacementDialog dialog(spec.path, initial, this);
            if (dialog.exec() != QDialog::Accepted)
                return;
            spec.maybeAnchor = dialog.anchor();
        }
    }
    startLoading(std::move(specs), _maybeFrame);
}

void MainWindow::importFile(const QString& source) {
    if (source.isEmpty())
        return;
    const QString lastProject = _remembersSetup ? SetupSettings().lastProject() : QString();
    ImportDialog dialog(
        source,
        lastProject.isEmpty() ? QDir::home().filePath("citytwin-project.gpkg") : lastProject, this);
    std::optional<ImportRequest> request;
    while (dialog.exec() == QDialog::Accepted) {
        request = dialog.request();
        if (request)
            break;
    }
    if (!request)
        return;

    // The import runs on a worker; the progress dialog's Cancel sets the flag
    // and the store rolls the transaction back.
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    auto* progress = new QProgressDialog(tr("Importing %1…").arg(QFileInfo(source).fileName()),
                                         tr("Cancel"), 0, 0, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    connect(progress, &QProgressDialog::canceled, this, [cancel] { *cancel = true; });
    QPointer<QProgressDialog> guard(progress);
    request->options.maybeCancel = cancel.get();
    request->options.onProgress = [guard](const geo::ImportProgress& p) {
        QMetaObject::invokeMethod(qApp, [guard, p] {
            if (!guard)
                return;
            if (p.featuresTotal > 0)
                guard->setMaximum(int(p.featuresTotal));
            guard->setValue(int(p.featuresDone));
        });
    };
    auto* watcher = new QFutureWatcher<QString>(this);
    const ImportRequest req = *request;
    connect(watcher, &QFutureWatcher<QString>::finished, this,
            [this, watcher, progress, req, cancel] {
                progress->deleteLater();
                const QString error = watcher->result();
                watcher->deleteLater();
                if (!error.isEmpty()) {
                    QMessageBox::warning(this, tr("Import"), error);
                    return;
                }
                if (_remembersSetup && !geo::isPostgresLocation(req.projectPath.toStdString()))
                    SetupSettings().setLastProject(req.projectPath);  // (a password stays out)
                LayerSpec spec{QString::fromStdString(req.options.layerName),
                               QString::fromStdString(req.options.layerName), req.projectPath};
                spec.layerName = spec.id;
                startLoading({spec}, _maybeFrame);
            });
    watcher->setFuture(QtConcurrent::run([req, cancel]() -> QString {
        auto store = geo::ProjectStore::openOrCreate(req.projectPath.toStdString());
        if (!store)
            return QString::fromStdString(store.messages());
        auto report = store->importVector(req.sourcePath.toStdString(), req.options);
        if (*cancel)
            return tr("Import cancelled; the project is unchanged.");
        if (!report)
            return QString::fromStdString(report.messages());
        return QString();
    }));
}

void MainWindow::onFrameChosen(double lon, double lat, double minLon, double minLat, double maxLon,
                               double maxLat) {
    _maybeFrame = geo::LocalFrame({lon, lat, 0.0});
    _dataExtent = geo::Extent{minLon, minLat, maxLon, maxLat};
    _coords->setFrame(*_maybeFrame);
    _view->setFrame(*_maybeFrame);
    _scene->setFrame(*_maybeFrame);
    _sun->setPlace(_maybeFrame->origin().x, _maybeFrame->origin().y);
    // The home view frames the data; placed now so the first frames show it.
    const render::LookAt home = render::lookAtFor(render::framingPose(_dataExtent), *_maybeFrame);
    _view->setLookAt(home.eye, home.center, home.up, true);
    startSensors();
}

void MainWindow::startSensors() {
    if (_options.noSensors || _sensors->isStarted() || !_maybeFrame)
        return;
    SensorFeedOptions feed;
    feed.registryCsv = _options.sensorRegistry;
    const bool demo = _options.dataFiles.isEmpty();
    if (feed.registryCsv.isEmpty()) {
        if (!demo)
            return;  // the user's own data: sensors only when asked for
        feed.registryCsv = findDemoDirectory() + "/sensors.csv";
        // The demo's real monitors and their 2013-2015 record (data/demo/history).
        const QString history = findDemoDirectory() + "/history/";
        if (_options.mqttBroker.isEmpty() && QFileInfo::exists(history + "monitors.csv")) {
            feed.historyRegistryCsv = history + "monitors.csv";
            feed.historyCsv = history + "shanghai_pm25_2013-2015.csv";
            feed.historyMapping = history + "shanghai_pm25_2013-2015.mapping.json";
        }
    }
    feed.mqttBroker = _options.mqttBroker;
    feed.mqttTopic = _options.mqttTopic;
    feed.maybeStartTimeMs = _options.maybeStartTimeMs;
    feed.storePath = _options.sensorStore;
    if (feed.storePath.isEmpty()) {
        if (feed.mqttBroker.isEmpty()) {
            // Simulated readings are not worth keeping: a fresh day in a
            // private directory each run (two windows never share it).
            _simulatedStoreDir =
                std::make_unique<QTemporaryDir>(QDir::tempPath() + "/citytwin-demo-XXXXXX");
            feed.storePath = _simulatedStoreDir->filePath("demo-sensors.db");
            feed.freshStore = true;
        } else {
            feed.storePath =
                QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
                "/sensors.db";
        }
    }
    if (auto error = _sensors->start(feed, *_maybeFrame)) {
        onLayerFailed(feed.registryCsv, *error);
        return;
    }
    LoadedLayer layer;
    layer.id = render::SensorGlyphLayer::kLayerId;
    layer.displayName = tr("Sensors");
    layer.path = feed.registryCsv;
    layer.crsLabel = QStringLiteral("EPSG:4326 WGS 84");
    layer.featureCount = _sensors->glyphs()->registry().size();
    layer.role = QStringLiteral("sensors");
    layer.layer = _sensors->glyphs()->features();
    onLayerLoaded(layer);
    attachLiveStatus();
    if (_chromeHidden)  // the kiosk shows no timeline and no docks
        return;
    _playback->setVisible(true);
    if (_layoutRestored)
        return;  // the user's own arrangement of the docks
    _alertDock->setVisible(true);
    _historyDock->setVisible(true);
    arrangeSensorDocks();
}

void MainWindow::onLayerLoaded(const LoadedLayer& layer) {
    const bool reloaded = _liveRefresh->layerLoaded(layer);
    const bool visible = reloaded ? _scene->isLayerVisible(layer.id.toStdString())
                                  : !_options.hiddenLayers.contains(layer.id);
    _layerTree->addLayer(layer, visible);
    _styler->remember(layer);
    updateLegend(layer.id);
    if (_initialLoadDone && !reloaded)  // a live refresh does not fly to the layer
        _newLayerIds << layer.id;
    _view->requestRedraw();
}

void MainWindow::loadLiveRefreshes() {
    if (!_liveRefresh->hasPending() || _loader->isBusy() || !_maybeFrame)
        return;  // retried when the running load finishes
    startLoading(_liveRefresh->takePending(), _maybeFrame);
}

void MainWindow::onLayerFailed(const QString& path, const QString& message) {
    const QString text = message.contains(path) ? message : path + ": " + message;
    _loadErrors << text;
    LogChannel::instance().write(geo::LogLevel::Error, text);
    if (!_unattended && isVisible())
        QMessageBox::warning(this, tr("Cannot read file"), text);
}

void MainWindow::onLoadFinished(bool cancelled) {
    _loadFinishedAtMs = processUptimeMs();
    _progress->setVisible(false);
    _cancel->setVisible(false);
    _loadingLabel->setText(cancelled ? tr("Loading cancelled") : QString());
    if (!_initialLoadDone) {
        _initialLoadDone = true;
        applyStartView();
    }
    _view->requestRedraw();
    loadLiveRefreshes();
}

void MainWindow::applyStartView() {
    if (_startViewApplied || !_maybeFrame)
        return;
    _startViewApplied = true;
    if (_options.maybeCamera) {
        const render::LookAt la = render::lookAtFor(*_options.maybeCamera, *_maybeFrame);
        _view->setLookAt(la.eye, la.center, la.up, false);
    } else if (!_options.viewName.isEmpty() && _options.viewName != "home") {
        showNamedView(_options.viewName);
    } else if (_options.maybeStartTimeMs) {
        // A replay (--time): the demo's real monitors stand west of its city
        // area; show them and the city together.
        const render::LookAt home =
            render::lookAtFor(render::framingPose(_dataExtent), *_maybeFrame);
        // Straight down (the monitors lie 6 km apart north-south; an
        // oblique view would lose the near ones), far enough that the
        // sphere fits the 35 degree field of view with a margin.
        if (auto bs = _sensors->recordedSensorsBound(home.center)) {
            const double aspect = double(_view->width()) / std::max(1, _view->height());
            const double h = 1.2 * bs->radius() /
                             (std::tan(osg::DegreesToRadians(17.5)) * std::min(1.0, aspect));
            osg::Vec3d center = bs->center();
            center.z() = 0.0;
            _view->setLookAt(center + osg::Vec3d(0, 0, h), center, osg::Vec3d(0, 1, 0), true);
        }
    } else if (auto last = _remembersSetup ? SetupSettings().lastView(dataKey())
                                           : std::optional<render::CameraPose>()) {
        // Where the user left the camera over the same data last time.
        const render::LookAt la = render::lookAtFor(*last, *_maybeFrame);
        _view->setLookAt(la.eye, la.center, la.up, false);
        LogChannel::instance().write(geo::LogLevel::Info,
                                     QStringLiteral("restored the last view: %1,%2,%3,%4,%5")
                                         .arg(last->lon, 0, 'f', 5)
                                         .arg(last->lat, 0, 'f', 5)
                                         .arg(last->height, 0, 'f', 0)
                                         .arg(last->heading, 0, 'f', 1)
                                         .arg(last->pitch, 0, 'f', 1));
    }
    // The user's own files keep the extent's framing (onFrameChosen): a box
    // taken once merged depends on which tiles of a paged tileset happen to
    // be resident, so the same command line framed differently run to run.
}

}  // namespace citytwin::app
