// MainWindow as the kiosk's host (kiosk/KioskHost.h): its chrome dropped,
// layer visibility, the sensors' time, and where scenario playback plugs in.

#include <QDockWidget>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>

#include "sensors/PlaybackBar.h"
#include "sensors/SensorMonitor.h"
#include "shell/MainWindow.h"
#include "view/OsgView.h"

namespace citytwin::app {

void MainWindow::hideChrome() {
    _chromeHidden = true;
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
    // Scenario playback (the scenario issue) plugs in here when it lands.
    Q_UNUSED(file);
    Q_UNUSED(speed);
    error = tr("scenario playback is not available in this build");
    return false;
}

void MainWindow::stopScenario() {}

}  // namespace citytwin::app
