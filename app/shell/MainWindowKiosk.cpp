// MainWindow as the kiosk's host (kiosk/KioskHost.h): its chrome dropped,
// layer visibility, the sensors' time, and where scenario playback plugs in.

#include <QDockWidget>
#include <QFileInfo>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>

#include "scenario/ScenarioTools.h"
#include "sensors/PlaybackBar.h"
#include "sensors/SensorMonitor.h"
#include "shell/LightingMenu.h"
#include "shell/MainWindow.h"
#include "view/OsgView.h"

namespace citytwin::app {

void MainWindow::setLighting(const std::string& name) {
    for (const auto mode : {SunLighting::Mode::SceneClock, SunLighting::Mode::FixedPleasant,
                            SunLighting::Mode::Night})
        if (_lightingMenu && name == LightingMenu::nameOf(mode))
            _lightingMenu->choose(mode);
}

void MainWindow::hideChrome() {
    _chromeHidden = true;
    // No dialog of any feature may open on a kiosk (progress, error boxes).
    setProperty("unattended", true);
    menuBar()->hide();
    statusBar()->hide();
    for (QDockWidget* dock : findChildren<QDockWidget*>()) {
        dock->setFeatures(QDockWidget::NoDockWidgetFeatures);
        dock->hide();
    }
    for (QToolBar* bar : findChildren<QToolBar*>()) {
        bar->setMovable(false);
        bar->hide();
    }
    _playback->hide();
    setContextMenuPolicy(Qt::NoContextMenu);
    setAcceptDrops(false);
}

std::vector<std::string> MainWindow::layerIds() const {
    return _scene->layerIds();
}

void MainWindow::setLayerVisible(const std::string& layerId, bool visible) {
    _scene->setLayerVisible(layerId, visible);
    _view->requestRedraw();
}

bool MainWindow::showSensorTime(std::optional<qint64> maybeTimeMs) {
    if (!_sensors->isStarted())
        return false;
    // What the timeline's own controls do.
    if (maybeTimeMs)
        emit _playback->seekRequested(*maybeTimeMs);
    else
        emit _playback->liveRequested();
    return true;
}

bool MainWindow::playScenario(const QString& file, double speed, QString& error) {
    if (!QFileInfo::exists(file)) {
        error = tr("the scenario file %1 does not exist").arg(file);
        return false;
    }
    // The engine runs on a worker; once the scenario is open it plays from
    // its start at the stop's speed, looping, with the chrome kept hidden
    // (opening shows the event dock and the timeline for an operator).
    QObject::disconnect(_kioskScenarioOpened);
    _kioskScenarioOpened = connect(
        _scenario, &ScenarioTools::opened, this,
        [this, speed] {
            if (_chromeHidden)
                hideChrome();
            emit _playback->loopToggled(true);
            emit _playback->playRequested(speed);
        },
        Qt::SingleShotConnection);
    _scenario->openScenario(file);
    return true;
}

void MainWindow::stopScenario() {
    QObject::disconnect(_kioskScenarioOpened);
    _scenario->session().cancel();
    _scenario->closeScenario();
    if (_chromeHidden)
        hideChrome();
    emit _playback->loopToggled(false);
    if (_sensors->isStarted())
        emit _playback->liveRequested();
}

}  // namespace citytwin::app
