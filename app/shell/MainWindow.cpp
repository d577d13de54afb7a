#include "shell/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QImage>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "citytwin/geo/ProjectStore.h"
#include "citytwin/render/CameraPose.h"
#include "citytwin/render/ModelFileLoader.h"
#include "inspection/InspectionTools.h"
#include "layers/AttributePanel.h"
#include "layers/ImportDialog.h"
#include "layers/LayerTreePanel.h"
#include "layers/ModelPlacementDialog.h"
#include "layers/SceneLoader.h"
#include "sensors/AlertPanel.h"
#include "sensors/PlaybackBar.h"
#include "sensors/SensorHistoryChart.h"
#include "sensors/SensorMonitor.h"
#include "view/CoordinateStatus.h"
#include "view/OsgView.h"

#include <algorithm>

namespace citytwin::app {

struct MainWindow::Ui {
    QMenu* fileMenu = nullptr;
    QAction* import = nullptr;
    QMenu* viewMenu = nullptr;
    QMenu* namedViewsMenu = nullptr;
    QMenu* helpMenu = nullptr;
    QToolBar* toolbar = nullptr;
    QAction* open = nullptr;
    QAction* openUrl = nullptr;
    QAction* saveScreenshot = nullptr;
    QAction* quit = nullptr;
    QAction* home = nullptr;
    QAction* northUp = nullptr;
    QAction* about = nullptr;
    std::vector<std::pair<QAction*, QString>> namedViews;
};

MainWindow::MainWindow(AppOptions options, QWidget* parent)
    : QMainWindow(parent),
      _options(std::move(options)),
      _scene(std::make_unique<render::CityScene>()),
      _ui(std::make_unique<Ui>()) {
    setObjectName("mainWindow");
    _view = new OsgView(*_scene, this);
    _view->setObjectName("view3d");
    // The timeline sits under the 3D view, part of the central area.
    auto* centre = new QWidget(this);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    centreLayout->addWidget(_view, 1);
    _playback = new PlaybackBar(centre);
    _playback->setVisible(false);  // shown when sensors start
    centreLayout->addWidget(_playback);
    setCentralWidget(centre);

    _layerTree = new LayerTreePanel(this);
    _layerDock = new QDockWidget(this);
    _layerDock->setObjectName("layerDock");
    _layerDock->setWidget(_layerTree);
    addDockWidget(Qt::LeftDockWidgetArea, _layerDock);

    _attributes = new AttributePanel(this);
    _attributeDock = new QDockWidget(this);
    _attributeDock->setObjectName("attributeDock");
    _attributeDock->setWidget(_attributes);
    addDockWidget(Qt::LeftDockWidgetArea, _attributeDock);
    resizeDocks({_layerDock}, {300}, Qt::Horizontal);

    _alertPanel = new AlertPanel(this);
    _alertDock = new QDockWidget(this);
    _alertDock->setObjectName("alertDock");
    _alertDock->setWidget(_alertPanel);
    addDockWidget(Qt::RightDockWidgetArea, _alertDock);
    _history = new SensorHistoryChart(this);
    _historyDock = new QDockWidget(this);
    _historyDock->setObjectName("historyDock");
    _historyDock->setWidget(_history);
    addDockWidget(Qt::RightDockWidgetArea, _historyDock);
    _alertDock->setVisible(false);
    _historyDock->setVisible(false);

    _coords = new CoordinateStatus(this);
    statusBar()->addWidget(_coords, 1);
    _loadingLabel = new QLabel(this);
    _progress = new QProgressBar(this);
    _progress->setMaximumWidth(180);
    _progress->setVisible(false);
    _cancel = new QToolButton(this);
    _cancel->setVisible(false);
    _pagingLabel = new QLabel(this);
    _pagingLabel->setObjectName("pagingLabel");
    _pagingLabel->setVisible(false);
    statusBar()->addPermanentWidget(_pagingLabel);
    statusBar()->addPermanentWidget(_loadingLabel);
    statusBar()->addPermanentWidget(_progress);
    statusBar()->addPermanentWidget(_cancel);

    _loader = new SceneLoader(*_scene, this);
    connect(_loader, &SceneLoader::frameChosen, this, &MainWindow::onFrameChosen);
    connect(_loader, &SceneLoader::layerLoaded, this, &MainWindow::onLayerLoaded);
    connect(_loader, &SceneLoader::layerFailed, this, &MainWindow::onLayerFailed);
    connect(_loader, &SceneLoader::layerWarning, this,
            [this](const QString& path, const QString& msg) {
                QTextStream(stderr) << msg << "\n";
                statusBar()->showMessage(
                    tr("Some features of %1 were skipped; see the log").arg(path), 8000);
            });
    connect(_loader, &SceneLoader::finished, this, &MainWindow::onLoadFinished);
    connect(_loader, &SceneLoader::progress, this,
            [this](int done, int total, const QString& what) {
                _progress->setRange(0, total);
                _progress->setValue(done);
                _loadingLabel->setText(what);
            });
    connect(_cancel, &QToolButton::clicked, _loader, &SceneLoader::cancel);

    connect(_layerTree, &LayerTreePanel::visibilityChanged, this,
            [this](const QString& id, bool on) {
                _scene->setLayerVisible(id.toStdString(), on);
                _view->requestRedraw();
            });
    connect(_view, &OsgView::cursorMoved, _coords, &CoordinateStatus::showLocalPoint);
    connect(_view, &OsgView::featurePicked, _attributes, &AttributePanel::showFeature);

    _sensors = new SensorMonitor(*_scene, *_view, *_playback, *_alertPanel, *_history, this);
    connect(_view, &OsgView::featurePicked, _sensors, &SensorMonitor::onFeaturePicked);
    connect(_sensors, &SensorMonitor::problem, this, [this](const QString& message) {
        QTextStream(stderr) << "citytwin: sensors: " << message << "\n";
        statusBar()->showMessage(message, 8000);
    });
    connect(_sensors, &SensorMonitor::ready, this, [this] { _view->requestRedraw(); });
    connect(_view, &OsgView::frameRendered, this, &MainWindow::onFrameRendered);

    _view->memoryBudget().setBudgetBytes(std::size_t(_options.memoryBudgetMb) << 20);
    auto* pagingTimer = new QTimer(this);
    connect(pagingTimer, &QTimer::timeout, this, &MainWindow::showPagingStatus);
    pagingTimer->start(500);

    buildMenus();
    _inspection = new InspectionTools(*this);
    retranslate();
    resize(_options.size);
}

MainWindow::~MainWindow() {
    _loader->cancel();
}

void MainWindow::buildMenus() {
    Ui& ui = *_ui;
    ui.fileMenu = menuBar()->addMenu(QString());
    ui.open = ui.fileMenu->addAction(QString(), this, &MainWindow::openDialog);
    ui.open->setShortcut(QKeySequence::Open);
    ui.openUrl = ui.fileMenu->addAction(QString(), this, &MainWindow::openUrlDialog);
    ui.openUrl->setObjectName("openUrlAction");
    ui.import = ui.fileMenu->addAction(QString(), this, &MainWindow::importDialog);
    ui.import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    ui.saveScreenshot = ui.fileMenu->addAction(QString(), this, &MainWindow::saveScreenshotDialog);
    ui.saveScreenshot->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    ui.fileMenu->addSeparator();
    ui.quit = ui.fileMenu->addAction(QString(), qApp, &QApplication::quit);
    ui.quit->setShortcut(QKeySequence::Quit);

    ui.viewMenu = menuBar()->addMenu(QString());
    ui.home = ui.viewMenu->addAction(QString(), _view, &OsgView::goHome);
    ui.home->setShortcut(QKeySequence(Qt::Key_Home));
    ui.northUp = ui.viewMenu->addAction(QString(), _view, &OsgView::northUp);
    ui.northUp->setShortcut(QKeySequence(Qt::Key_N));
    ui.namedViewsMenu = ui.viewMenu->addMenu(QString());
    for (const auto& n : render::namedViewNames()) {
        const QString name = QString::fromStdString(n);
        if (name == "home")
            continue;
        QAction* a =
            ui.namedViewsMenu->addAction(QString(), this, [this, name] { showNamedView(name); });
        ui.namedViews.emplace_back(a, name);
    }
    ui.viewMenu->addSeparator();
    ui.viewMenu->addAction(_layerDock->toggleViewAction());
    ui.viewMenu->addAction(_attributeDock->toggleViewAction());

    ui.helpMenu = menuBar()->addMenu(QString());
    ui.about = ui.helpMenu->addAction(QString(), this, &MainWindow::showAbout);

    ui.toolbar = addToolBar(QString());
    ui.toolbar->setObjectName("navigationToolbar");
    ui.toolbar->addAction(ui.home);
    ui.toolbar->addAction(ui.northUp);
}

void MainWindow::retranslate() {
    Ui& ui = *_ui;
    setWindowTitle(tr("citytwin — Shanghai information infrastructure"));
    ui.fileMenu->setTitle(tr("&File"));
    ui.open->setText(tr("&Open…"));
    ui.open->setStatusTip(
        tr("Open a GeoPackage, Shapefile, GeoJSON or other GDAL vector file, a DEM or an "
           "orthophoto"));
    ui.openUrl->setText(tr("Open &URL…"));
    ui.openUrl->setStatusTip(tr("Open a 3D Tiles tileset.json from an http:// or https:// server"));
    ui.import->setText(tr("&Import into project…"));
    ui.import->setStatusTip(
        tr("Import a vector file into a project GeoPackage, converting its CRS"));
    ui.saveScreenshot->setText(tr("Save &screenshot…"));
    ui.quit->setText(tr("&Quit"));
    ui.viewMenu->setTitle(tr("&View"));
    ui.home->setText(tr("&Home view"));
    ui.northUp->setText(tr("&North up"));
    ui.namedViewsMenu->setTitle(tr("Go to"));
    for (auto& [action, name] : ui.namedViews) {
        if (name == "lujiazui")
            action->setText(tr("Lujiazui"));
        else if (name == "bund")
            action->setText(tr("The Bund"));
        else if (name == "top")
            action->setText(tr("Top-down"));
        else
            action->setText(name);
    }
    ui.helpMenu->setTitle(tr("&Help"));
    ui.about->setText(tr("&About citytwin"));
    ui.toolbar->setWindowTitle(tr("Navigation"));
    _layerDock->setWindowTitle(tr("Layers"));
    _attributeDock->setWindowTitle(tr("Attributes"));
    _alertDock->setWindowTitle(tr("Alerts"));
    _historyDock->setWindowTitle(tr("Sensor history"));
    _cancel->setText(tr("Cancel"));
    _layerTree->retranslate();
    _attributes->retranslate();
    if (_inspection)
        _inspection->retranslate();
}

void MainWindow::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(e);
}

void MainWindow::fitViewTo(const QSize& viewSize) {
    // The docks, menus and status bar take what they need; the 3D view (and
    // so a snapshot) gets exactly viewSize.
    const QSize chrome = size() - _view->size();
    resize(viewSize + chrome);
}

void MainWindow::start() {
    // A snapshot is exactly --size: pin the view, the window grows around it.
    if (!_options.snapshotPath.isEmpty())
        _view->setFixedSize(_options.size);
    else if (isVisible() && !isFullScreen())
        fitViewTo(_options.size);
    std::vector<LayerSpec> specs;
    if (_options.dataFiles.isEmpty()) {
        const QString dir = findDemoDirectory();
        if (dir.isEmpty()) {
            onLayerFailed(QStringLiteral("data/demo"),
                          tr("the demo data was not found (set CITYTWIN_DATA_DIR)"));
            onLoadFinished(false);
            return;
        }
        specs = demoLayerSpecs(dir);
        // The demo's asset project is what the Inspect tools check.
        if (QFileInfo::exists(dir + "/demo.gpkg"))
            _inspection->setProject(dir + "/demo.gpkg");
    } else {
        specs = userLayerSpecs(_options.dataFiles);
    }
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
    std::vector<LayerSpec> specs = userLayerSpecs(files);
    // glTF carries no georeference: ask where each model stands, starting
    // from the point at the view's centre.
    if (_maybeFrame) {
        for (LayerSpec& spec : specs) {
            if (render::modelFileKind(spec.path.toStdString()) != render::ModelFileKind::Gltf)
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

void MainWindow::openDialog() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open data"), QString(),
        tr("Vector data (*.gpkg *.shp *.geojson *.json *.kml *.csv *.gml);;"
           "DEMs and orthophotos (*.tif *.tiff *.vrt *.img *.jp2);;All files (*)"));
    openFiles(files);
}

void MainWindow::openUrlDialog() {
    bool ok = false;
    const QString url = QInputDialog::getText(this, tr("Open URL"),
                                              tr("3D Tiles tileset URL (http:// or https://):"),
                                              QLineEdit::Normal, QString(), &ok)
                            .trimmed();
    if (!ok || url.isEmpty())
        return;
    if (!url.startsWith("http://", Qt::CaseInsensitive) &&
        !url.startsWith("https://", Qt::CaseInsensitive)) {
        QMessageBox::warning(this, tr("Open URL"),
                             tr("Only http:// and https:// URLs can be opened: %1").arg(url));
        return;
    }
    // Loaded off the GUI thread like any file; its tiles come from that host only.
    openFiles({url});
}

void MainWindow::importDialog() {
    const QString source = QFileDialog::getOpenFileName(
        this, tr("Import vector data"), QString(),
        tr("Vector data (*.gpkg *.shp *.geojson *.json *.kml *.csv *.gml);;All files (*)"));
    importFile(source);
}

void MainWindow::importFile(const QString& source) {
    if (source.isEmpty())
        return;
    ImportDialog dialog(source, QDir::home().filePath("citytwin-project.gpkg"), this);
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
    _playback->setVisible(true);
    _alertDock->setVisible(true);
    _historyDock->setVisible(true);
    // One column of tabs on the right (findings, alerts, history): the 3D
    // view keeps its width; a check or a click raises its own tab.
    if (auto* findings = findChild<QDockWidget*>("findingsDock"))
        tabifyDockWidget(findings, _alertDock);
    tabifyDockWidget(_alertDock, _historyDock);
    _alertDock->raise();
    // Both sides at once: resizing the right alone took its width from the
    // layer list, whose names were then cut to a letter.
    resizeDocks({_layerDock, _alertDock}, {300, 360}, Qt::Horizontal);
}

void MainWindow::onLayerLoaded(const LoadedLayer& layer) {
    const bool visible = !_options.hiddenLayers.contains(layer.id);
    _layerTree->addLayer(layer, visible);
    _view->requestRedraw();
}

void MainWindow::onLayerFailed(const QString& path, const QString& message) {
    const QString text = message.contains(path) ? message : path + ": " + message;
    _loadErrors << text;
    QTextStream(stderr) << "citytwin: " << text << "\n";
    if (_options.snapshotPath.isEmpty() && isVisible())
        QMessageBox::warning(this, tr("Cannot read file"), text);
}

unsigned MainWindow::showPagingRequests() {
    const unsigned requests = _view->pagingRequests();
    if (requests > 0)
        _pagingLabel->setText(tr("Loading tiles: %1").arg(requests));
    _pagingLabel->setVisible(requests > 0);
    return requests;
}

void MainWindow::showPagingStatus() {
    // Keep frames coming: the pager merges in the update phase only.
    if (showPagingRequests() > 0)
        _view->requestRedraw();
    for (const auto& layer : _view->memoryBudget().layers())
        _layerTree->setLayerMemory(QString::fromStdString(layer.layerId), layer.bytes);
    if (_view->memoryBudget().pagedBytes() != _lastPagedBytes) {
        _lastPagedBytes = _view->memoryBudget().pagedBytes();
        _pagedBytesChangedAtMs = processUptimeMs();
    }
}

bool MainWindow::isPagingSettled() const {
    if (_view->pagingRequests() == 0)
        return true;
    // Tiles that fail to load (a pyramid naming files it lacks) are asked
    // for again and again: settled once nothing new has arrived for a while.
    constexpr qint64 kQuietMs = 5000, kMaxWaitMs = 20000;
    const qint64 now = processUptimeMs();
    return (now - _pagedBytesChangedAtMs > kQuietMs && now - _loadFinishedAtMs > kQuietMs) ||
           now - _loadFinishedAtMs > kMaxWaitMs;
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
    }
}

void MainWindow::showNamedView(const QString& name) {
    if (!_maybeFrame)
        return;
    auto pose = render::namedView(name.toStdString());
    if (!pose)
        return;
    const render::LookAt la = render::lookAtFor(*pose, *_maybeFrame);
    _view->setLookAt(la.eye, la.center, la.up, false);
}

bool MainWindow::isSceneLoaded() const {
    const bool sensorsSettled = !_sensors->isStarted() || _sensors->isReady();
    return _initialLoadDone && !_loader->isBusy() && _scene->pendingCount() == 0 &&
           sensorsSettled && isPagingSettled();
}

void MainWindow::onFrameRendered() {
    // Every frame, so that a burst of tile requests shorter than the
    // status timer still shows.
    showPagingRequests();
    if (!isSceneLoaded()) {
        _loadedAtFrame = 0;
        return;
    }
    if (_loadedAtFrame == 0)
        _loadedAtFrame = _view->frameCount();
    // A few frames after the last merge: the scene is drawn, not half-merged.
    const quint64 since = _view->frameCount() - _loadedAtFrame;
    if (since == 3) {
        _loadedAfterMs = processUptimeMs();
        emit sceneLoaded();
        if (_options.benchmarkFrames > 0)
            QTimer::singleShot(0, this, &MainWindow::runBenchmarkAndExit);
    }
    if (!_options.snapshotPath.isEmpty() && !_snapshotTaken && since >= 3) {
        _snapshotTaken = true;
        QTimer::singleShot(0, this, &MainWindow::takeSnapshotAndExit);
    }
    if (since < 4)
        _view->requestRedraw();
}

void MainWindow::runBenchmarkAndExit() {
    // Frames back to back, each finished on the GPU, as a plain osgViewer
    // loop would draw them (bench/ compares the two).
    std::vector<double> ms;
    QElapsedTimer t;
    for (int i = 0; i < _options.benchmarkFrames; ++i) {
        t.start();
        _view->requestRedraw();
        _view->repaint();
        _view->finishGl();
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    double sum = 0;
    for (double v : ms)
        sum += v;
    QTextStream(stdout) << "citytwin first_frame_ms=" << _view->firstFrameAtMs()
                        << " loaded_ms=" << _loadedAfterMs << " frames=" << ms.size()
                        << " frame_ms_median=" << sorted[sorted.size() / 2]
                        << " frame_ms_mean=" << sum / ms.size() << "\n";
    QApplication::exit(_loadErrors.isEmpty() ? 0 : 1);
}

void MainWindow::takeSnapshotAndExit() {
    const QImage image = _view->grabFramebuffer();
    int code = 0;
    if (!_loadErrors.isEmpty())
        code = 1;
    if (image.isNull() || !image.save(_options.snapshotPath)) {
        QTextStream(stderr) << "citytwin: " << _options.snapshotPath
                            << ": cannot write the snapshot\n";
        code = 1;
    }
    QApplication::exit(code);
}

void MainWindow::saveScreenshotDialog() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save screenshot"), "citytwin.png",
                                                      tr("PNG image (*.png);;JPEG image (*.jpg)"));
    if (path.isEmpty())
        return;
    if (!_view->grabFramebuffer().save(path))
        QMessageBox::warning(this, tr("Save screenshot"), tr("Cannot write %1").arg(path));
    else
        statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About citytwin"),
        tr("<h3>citytwin %1</h3>"
           "<p>A 3D digital twin of Shanghai's information infrastructure.</p>"
           "<p>Map data © OpenStreetMap contributors, available under the Open Database "
           "Licence (ODbL 1.0): buildings, roads, water, land use and candidate public "
           "facility sites of central Shanghai.</p>"
           "<p>The demo's base stations and communication cables are <b>synthetic</b> "
           "stand-ins, not real infrastructure.</p>")
            .arg(QStringLiteral(CITYTWIN_VERSION)));
}

}  // namespace citytwin::app

namespace citytwin::app {
qint64 processUptimeMs() {
    // Started by the first call, which main() makes before anything else.
    static QElapsedTimer sinceStart = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return sinceStart.elapsed();
}
}  // namespace citytwin::app
