#include "scenario/ScenarioTools.h"

#include <QAction>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QTimer>

#include "scenario/ScenarioEventPanel.h"
#include "scenario/ScenarioReport.h"
#include "scenario/ScenarioText.h"
#include "scenario/WhatIfPanel.h"
#include "scenario/WhatIfTool.h"
#include "sensors/PlaybackBar.h"
#include "sensors/SensorMonitor.h"
#include "view/OsgView.h"

namespace citytwin::app {

render::ZonePolygons zonePolygons(const std::vector<assets::ProtectionZone>& zones) {
    render::ZonePolygons out;
    for (const auto& z : zones) {
        auto& polygons = out[z.cableId];
        polygons.insert(polygons.end(), z.polygons.begin(), z.polygons.end());
    }
    return out;
}

ScenarioTools::ScenarioTools(InspectionHost& host, SensorMonitor& sensors, PlaybackBar& bar,
                             InspectionProject& project, QObject* parent)
    : QObject(parent), _host(host), _sensors(sensors), _bar(bar) {
    _session = new ScenarioSession(project, this);
    buildUi();
    connect(_session, &ScenarioSession::opened, this, &ScenarioTools::onOpened);
    connect(_session, &ScenarioSession::failed, this, &ScenarioTools::onFailed);
    connect(_session, &ScenarioSession::progress, this,
            [this](const QString& what, int step, int steps) {
                if (_progress) {
                    _progress->setMaximum(steps);
                    _progress->setValue(step);
                    _progress->setLabelText(what);
                }
                _host.showStatusMessage(what);
            });
    connect(&_sensors, &SensorMonitor::clockTicked, this, &ScenarioTools::showTime);
    connect(_events, &ScenarioEventPanel::seekRequested, &_sensors, &SensorMonitor::seek);
    retranslate();
}

ScenarioTools::~ScenarioTools() = default;

void ScenarioTools::buildUi() {
    QWidget* window = _host.dialogParent();
    _events = new ScenarioEventPanel(window);
    _eventDock = new QDockWidget(window);
    _eventDock->setObjectName("scenarioEventDock");
    _eventDock->setWidget(_events);
    _host.addFeatureDock(Qt::RightDockWidgetArea, _eventDock, 420);
    _eventDock->hide();

    _whatIfPanel = new WhatIfPanel(window);
    _whatIfDock = new QDockWidget(window);
    _whatIfDock->setObjectName("whatIfDock");
    _whatIfDock->setWidget(_whatIfPanel);
    _host.addFeatureDock(Qt::RightDockWidgetArea, _whatIfDock, 360);
    _whatIfDock->hide();
    _whatIf = new WhatIfTool(_host, *_session, *_whatIfPanel, _sensors, this);
    connect(_whatIf, &WhatIfTool::impactShown, this, [this] {
        _whatIfDock->show();
        _whatIfDock->raise();
    });
    connect(_host.view(), &OsgView::contextMenuRequested, _whatIf, &WhatIfTool::showContextMenu);

    _menu = new QMenu(window);
    _menu->setObjectName("scenarioMenu");
    _open = _menu->addAction(QString(), this, &ScenarioTools::openDialog);
    _open->setObjectName("scenarioOpenAction");
    _close = _menu->addAction(QString(), this, &ScenarioTools::closeScenario);
    _close->setObjectName("scenarioCloseAction");
    _export = _menu->addAction(QString(), this, &ScenarioTools::exportDialog);
    _export->setObjectName("scenarioExportAction");
    _menu->addSeparator();
    _menu->addAction(_eventDock->toggleViewAction());
    _menu->addAction(_whatIfDock->toggleViewAction());
    _close->setEnabled(false);
    _export->setEnabled(false);
    _host.addFeatureMenu(_menu);
}

void ScenarioTools::retranslate() {
    _menu->setTitle(tr("&Scenario"));
    _open->setText(tr("&Open…"));
    _open->setStatusTip(tr("Open a scenario (JSON) and play it over the project"));
    _close->setText(tr("&Close"));
    _export->setText(tr("&Export report…"));
    _export->setStatusTip(tr("Write the incident report (HTML and PDF) of the open scenario"));
    _eventDock->setWindowTitle(tr("Scenario events"));
    _whatIfDock->setWindowTitle(tr("What-if"));
    _events->retranslate();
    _whatIfPanel->retranslate();
    _whatIf->retranslate();
}

void ScenarioTools::openDialog() {
    const QString path =
        QFileDialog::getOpenFileName(_host.dialogParent(), tr("Open scenario"), QString(),
                                     tr("Scenarios (*.json);;All files (*)"));
    if (!path.isEmpty())
        openScenario(path);
}

void ScenarioTools::openScenario(const QString& path) {
    QWidget* parent = _host.dialogParent();
    const bool unattended = parent && parent->property("unattended").toBool();
    if (!_progress && !unattended) {
        // Not modal: the window stays usable while the engine runs.
        _progress = new QProgressDialog(_host.dialogParent());
        _progress->setObjectName("scenarioProgress");
        _progress->setWindowModality(Qt::NonModal);
        _progress->setMinimumDuration(400);
        _progress->setAutoClose(false);
        _progress->setAutoReset(false);
        connect(_progress, &QProgressDialog::canceled, this, [this] {
            _session->cancel();
            _host.showStatusMessage(tr("Scenario cancelled"), 5000);
        });
    }
    if (_progress) {
        _progress->setWindowTitle(tr("Scenario"));
        _progress->setCancelButtonText(tr("Cancel"));
        _progress->setLabelText(tr("Opening %1…").arg(QFileInfo(path).fileName()));
        _progress->setRange(0, 4);
        _progress->setValue(0);
    }
    _host.logMessage(geo::LogLevel::Info, tr("Opening scenario %1").arg(path));
    _session->setSensorStore(_sensors.isStarted() ? _sensors.storePath() : QString());
    _session->open(path);
}

void ScenarioTools::onFailed(const QString& message) {
    if (_progress)
        _progress->reset();
    _host.logMessage(geo::LogLevel::Error, tr("Scenario: %1").arg(message));
    _host.showStatusMessage(tr("The scenario could not be opened; see the log"), 10000);
    emit failed(message);
    // Non-modal: the operator reads it while the window keeps working.
    if (QWidget* parent = _host.dialogParent();
        parent && parent->isVisible() && !parent->property("unattended").toBool()) {
        auto* box =
            new QMessageBox(QMessageBox::Warning, tr("Scenario"), message, QMessageBox::Ok, parent);
        box->setObjectName("scenarioErrorBox");
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::NonModal);
        box->show();
    }
}

void ScenarioTools::ensureOverlay(const std::shared_ptr<const ScenarioNetwork>& network) {
    if (_overlay && _overlayNetwork == network->model.get())
        return;
    if (!_host.frame())
        return;
    _overlay =
        new render::ScenarioOverlay(network->model, zonePolygons(network->zones), *_host.frame());
    _overlayNetwork = network->model.get();
    _host.scene().enqueueLayer(render::kScenarioLayerId, _overlay->node());
}

void ScenarioTools::onOpened() {
    if (_progress)
        _progress->reset();
    const auto open = _session->current();
    const assets::Scenario& scenario = open->playback->scenario();
    const assets::ScenarioRun& run = open->playback->run();
    ensureOverlay(open->network);
    _events->setLog(run.log, open->network->context->rules());
    std::vector<TimelineEvent> marks;
    for (const auto& e : run.log)
        if (e.kind != assets::LogEventKind::SensorReading &&
            e.kind != assets::LogEventKind::ScenarioStart &&
            e.kind != assets::LogEventKind::ScenarioEnd)
            marks.push_back({e.t, !e.rule.empty()});
    _bar.track()->setEvents(std::move(marks));
    _bar.setVisible(true);
    _sensors.setRangeOverride(std::pair{qint64(scenario.start), qint64(scenario.end)});
    _sensors.clock().pause();
    _sensors.seek(scenario.start);
    _close->setEnabled(true);
    _export->setEnabled(true);
    _eventDock->show();
    _eventDock->raise();
    const QString name = scenarioName(QString::fromStdString(scenario.nameZh),
                                      QString::fromStdString(scenario.nameEn));
    _host.logMessage(geo::LogLevel::Info, tr("Scenario %1: %2 log entries in %3 ms, sha256 %4")
                                              .arg(name)
                                              .arg(run.log.size())
                                              .arg(open->computeMs)
                                              .arg(QString::fromStdString(run.sha256)));
    if (!open->sensorNote.isEmpty())
        _host.logMessage(geo::LogLevel::Info, tr("Scenario: %1").arg(open->sensorNote));
    _host.showStatusMessage(tr("Scenario: %1").arg(name), 8000);
    _shownTime = -1;
    showTime(_sensors.clock().now());
    emit opened();
}

void ScenarioTools::closeScenario() {
    const bool wasOpen = _session->current() != nullptr;
    _session->close();
    if (_overlay)
        _overlay->clear();
    _events->clearLog();
    _bar.track()->setEvents({});
    _sensors.setRangeOverride(std::nullopt);
    _close->setEnabled(false);
    _export->setEnabled(false);
    _shownTime = -1;
    _shown = {};
    _host.view()->requestRedraw();
    if (wasOpen)
        emit closed();
}

void ScenarioTools::showTime(qint64 t) {
    const auto open = _session->current();
    if (!open || !_overlay || _rendering || t == _shownTime)
        return;
    _shownTime = t;
    _shown = open->playback->stateAt(t);
    if (_overlay->setState(_shown))
        _host.view()->requestRedraw();
    _events->setCurrentTime(t);
    emit stateShown(t);
}

void ScenarioTools::waitForScene(int timeoutMs) {
    OsgView& view = *_host.view();
    QElapsedTimer elapsed, pagedQuiet;
    elapsed.start();
    pagedQuiet.start();
    std::size_t pagedBytes = view.memoryBudget().pagedBytes();
    int quietFrames = 0;
    // A few frames in a row with the marks applied, nothing to merge and the
    // pager idle: the image is what the scene holds for that time. Tiles
    // that never arrive (a pyramid naming files it lacks) are asked for
    // again and again: the pager counts as idle once nothing new has come
    // for a while (as MainWindow::isPagingSettled).
    constexpr qint64 kPagingQuietMs = 1500;
    while (quietFrames < 3 && elapsed.elapsed() < timeoutMs) {
        view.requestRedraw();
        QEventLoop loop;
        QTimer::singleShot(15, &loop, &QEventLoop::quit);
        loop.exec();
        view.grabFramebuffer();  // draws a frame: the update phase applies the marks
        if (view.memoryBudget().pagedBytes() != pagedBytes) {
            pagedBytes = view.memoryBudget().pagedBytes();
            pagedQuiet.restart();
        }
        const bool pagerIdle = view.pagingRequests() == 0 || pagedQuiet.elapsed() > kPagingQuietMs;
        const bool settled = _overlay->appliedVersion() == _overlay->setVersion() && pagerIdle &&
                             _host.scene().pendingCount() == 0;
        quietFrames = settled ? quietFrames + 1 : 0;
    }
}

QImage ScenarioTools::renderAt(qint64 t) {
    const auto open = _session->current();
    if (!open || !_overlay)
        return {};
    _rendering = true;
    _shown = open->playback->stateAt(t);
    _overlay->setState(_shown);
    waitForScene(30000);
    QImage image = _host.view()->grabFramebuffer();
    _rendering = false;
    _shownTime = -1;  // the next tick shows the clock's time again
    return image;
}

void ScenarioTools::exportDialog() {
    if (!_session->current())
        return;
    const QString path = QFileDialog::getSaveFileName(
        _host.dialogParent(), tr("Export incident report"), QStringLiteral("incident-report.html"),
        tr("HTML and PDF (*.html);;PDF only (*.pdf)"));
    if (path.isEmpty())
        return;
    if (const QString error = exportReport(path); !error.isEmpty())
        QMessageBox::warning(_host.dialogParent(), tr("Export incident report"), error);
    else
        _host.showStatusMessage(tr("Wrote %1").arg(path), 8000);
}

QString ScenarioTools::exportReport(const QString& path) {
    const auto open = _session->current();
    if (!open)
        return tr("No scenario is open");
    std::vector<ReportSnapshot> snapshots;
    for (qint64 t : reportKeyTimes(*open->playback))
        snapshots.push_back({t, renderAt(t)});
    const QString error = writeScenarioReport(*open, snapshots, path);
    if (error.isEmpty())
        _host.logMessage(geo::LogLevel::Info, tr("Wrote the incident report %1").arg(path));
    else
        _host.logMessage(geo::LogLevel::Error, error);
    return error;
}

}  // namespace citytwin::app
