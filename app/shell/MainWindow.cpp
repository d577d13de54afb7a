#include "shell/MainWindow.h"

#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QProgressBar>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "inspection/InspectionTools.h"
#include "layers/AttributePanel.h"
#include "layers/LayerStyler.h"
#include "layers/LayerTreePanel.h"
#include "layers/ProjectLiveRefresh.h"
#include "layers/SceneLoader.h"
#include "scenario/ScenarioTools.h"
#include "sensors/AlertPanel.h"
#include "sensors/AlertToast.h"
#include "sensors/HistoryImportDialog.h"
#include "sensors/PlaybackBar.h"
#include "sensors/SensorHistoryChart.h"
#include "sensors/SensorMonitor.h"
#include "shell/BatchRunner.h"
#include "shell/LightingMenu.h"
#include "shell/LogChannel.h"
#include "shell/LogPanel.h"
#include "shell/MainWindowUi.h"
#include "shell/ProcessUptime.h"
#include "tools/OperatorDocks.h"
#include "tools/OperatorTools.h"
#include "view/CoordinateStatus.h"
#include "view/OsgView.h"
#include "view/SunLighting.h"

namespace citytwin::app {

MainWindow::MainWindow(AppOptions options, QWidget* parent)
    : QMainWindow(parent),
      _options(std::move(options)),
      _scene(std::make_unique<render::CityScene>()),
      _ui(std::make_unique<Ui>()) {
    setObjectName("mainWindow");
    _view = new OsgView(*_scene, this);
    _view->setObjectName("view3d");
    _sun = std::make_unique<SunLighting>(*_view);
    if (_options.maybeStartTimeMs)
        _sun->setSceneTime(*_options.maybeStartTimeMs);
    else if (BatchRunner::isWanted(_options))
        _sun->setMode(SunLighting::Mode::FixedPleasant);  // the same picture at any hour
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

    // The log: what the libraries and the window report, as it comes in
    // (queued: messages are logged on workers too). Shown from View.
    _logPanel = new LogPanel(this);
    _logDock = new QDockWidget(this);
    _logDock->setObjectName("logDock");
    _logDock->setWidget(_logPanel);
    addDockWidget(Qt::BottomDockWidgetArea, _logDock);
    _logDock->setVisible(false);
    connect(&LogChannel::instance(), &LogChannel::logged, _logPanel, &LogPanel::append,
            Qt::QueuedConnection);

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
    _liveRefresh = new ProjectLiveRefresh(this);
    connect(_liveRefresh, &ProjectLiveRefresh::refreshWanted, this, &MainWindow::loadLiveRefreshes);
    connect(_loader, &SceneLoader::layerFailed, this, &MainWindow::onLayerFailed);
    connect(_loader, &SceneLoader::layerWarning, this,
            [this](const QString& path, const QString& msg) {
                LogChannel::instance().write(geo::LogLevel::Warning, msg, msg);
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
    connectLayerTree();
    connect(_view, &OsgView::cursorMoved, _coords, &CoordinateStatus::showLocalPoint);
    connect(_view, &OsgView::featurePicked, _attributes, &AttributePanel::showFeature);

    _sensors = new SensorMonitor(*_scene, *_view, *_playback, *_alertPanel, *_history, this);
    connect(_view, &OsgView::featurePicked, _sensors, &SensorMonitor::onFeaturePicked);
    setupStylesAndPicking();
    setupLiveStatus();
    // After showFeature (connected above): a pin's state at the scene time.
    connect(_view, &OsgView::featurePicked, this,
            [this](const std::optional<render::PickHit>& hit) {
                if (hit && hit->layerId == render::SensorGlyphLayer::kLayerId)
                    for (const auto& [name, value] : _sensors->liveAttributes(hit->featureIndex))
                        _attributes->appendRow(name, value);
            });
    connect(_sensors, &SensorMonitor::historyProgress, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    connect(_sensors, &SensorMonitor::problem, this, [this](const QString& message) {
        LogChannel::instance().write(geo::LogLevel::Warning, "sensors: " + message);
        statusBar()->showMessage(message, 8000);
    });
    connect(_sensors, &SensorMonitor::ready, this, [this] { _view->requestRedraw(); });
    connect(_sensors, &SensorMonitor::clockTicked, this,
            [this](qint64 t) { _sun->setSceneTime(t); });
    connect(_view, &OsgView::frameRendered, this, &MainWindow::onFrameRendered);
    connect(_view, &OsgView::frameRendered, _liveRefresh, &ProjectLiveRefresh::frameDrawn);

    _view->memoryBudget().setBudgetBytes(std::size_t(_options.memoryBudgetMb) << 20);
    auto* pagingTimer = new QTimer(this);
    connect(pagingTimer, &QTimer::timeout, this, &MainWindow::showPagingStatus);
    pagingTimer->start(500);

    buildMenus();
    _inspection = new InspectionTools(*this, this);
    _scenario = new ScenarioTools(*this, *_sensors, *_playback, _inspection->project(), this);
    HistoryImportDialog::install(
        *_ui->fileMenu, _ui->saveScreenshot, this,
        [this] {
            if (!_sensors->isStarted())
                return HistoryImportTarget{};
            return HistoryImportTarget{_sensors->storePath(), _sensors->glyphs()->registry()};
        },
        [this] { _sensors->storeChanged(); });
    _tools = new OperatorTools(*this, this);
    connect(_loader, &SceneLoader::layerLoaded, _tools, &OperatorTools::addSearchLayer);
    setupOperatorDocks();
    // --scenario alone opens it once the scene has loaded (--record and
    // --report open it themselves: ScenarioBatch).
    if (!_options.scenarioPath.isEmpty() && _options.recordPath.isEmpty() &&
        _options.reportPath.isEmpty())
        connect(
            this, &MainWindow::sceneLoaded, _scenario,
            [this] { _scenario->openScenario(_options.scenarioPath); }, Qt::SingleShotConnection);
    retranslate();
    _remembersSetup = remembersSetupFor(_options);
    rebuildRecentMenu();
    // Batch runs and the kiosk keep their sizes (--size, full screen).
    if (_options.fitToScreen && _remembersSetup)
        fitToScreen();
    else
        resize(_options.size);
    // Qt 6 closes the windows on quit, but a session ending otherwise
    // (the session manager) still saves.
    connect(qApp, &QCoreApplication::aboutToQuit, this, &MainWindow::saveSetup);
}

MainWindow::~MainWindow() {
    _loader->cancel();
    if (_styler)
        _styler->waitForRebuilds();
    // The viewer's pager, torn down with the view, waits for the tile each
    // thread is reading: a long raster read stops at its next block instead.
    _scene->cancelPagedReads();
}

void MainWindow::fitViewTo(const QSize& viewSize) {
    // The docks, menus and status bar take what they need; the 3D view (and
    // so a snapshot) gets exactly viewSize.
    const QSize chrome = size() - _view->size();
    resize(viewSize + chrome);
}

void MainWindow::pinViewSize(const QSize& size) {
    _viewPinned = true;
    _view->setFixedSize(size);
}

void MainWindow::setUnattended(bool unattended) {
    _unattended = unattended;
    // Features read it to keep message boxes out of batch runs.
    setProperty("unattended", unattended);
}

void MainWindow::showStatusMessage(const QString& text, int timeoutMs) {
    statusBar()->showMessage(text, timeoutMs);
}

void MainWindow::logMessage(geo::LogLevel level, const QString& message) {
    LogChannel::instance().write(level, message, message);
}

void MainWindow::addFeatureMenu(QMenu* menu) {
    // Before Help, which stays last.
    const QList<QAction*> menus = menuBar()->actions();
    if (menus.isEmpty())
        menuBar()->addMenu(menu);
    else
        menuBar()->insertMenu(menus.last(), menu);
}

QToolBar* MainWindow::addFeatureToolBar() {
    QToolBar* bar = addToolBar(QString());
    // saveState() keys toolbars by name; the feature may rename it.
    bar->setObjectName(QStringLiteral("featureToolbar%1").arg(findChildren<QToolBar*>().size()));
    return bar;
}

void MainWindow::addFeatureDock(Qt::DockWidgetArea area, QDockWidget* dock, int width) {
    addDockWidget(area, dock);
    if (width > 0)
        resizeDocks({dock}, {width}, Qt::Horizontal);
    if (area == Qt::RightDockWidgetArea)
        _featureDocksRight.push_back(dock);
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

bool MainWindow::isSceneLoaded() const {
    const bool sensorsSettled = !_sensors->isStarted() || _sensors->isReady();
    return _initialLoadDone && !_loader->isBusy() && _scene->pendingCount() == 0 &&
           sensorsSettled && isPagingSettled();
}

void MainWindow::onFrameRendered() {
    // Every frame, so that a burst of tile requests shorter than the
    // status timer still shows.
    showPagingRequests();
    showNewLayers();
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
        if (_remembersSetup)  // an interactive start: say when it is ready
            LogChannel::instance().write(
                geo::LogLevel::Info,
                QStringLiteral("scene loaded after %1 ms").arg(_loadedAfterMs));
        emit sceneLoaded();
    }
    emit loadedFrameRendered(since);
    if (since < 4)
        _view->requestRedraw();
}

}  // namespace citytwin::app
