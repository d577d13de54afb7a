// MainWindow's live status: the feed's state in the status bar and its
// details dialog, a toast for each new alert (a click goes to it), and the
// pins regrouped into count badges as the camera moves (SensorGlyphLayer).

#include <QDateTime>
#include <QStatusBar>

#include "citytwin/sensors/IngestService.h"
#include "sensors/AlertPanel.h"
#include "sensors/AlertToast.h"
#include "sensors/LiveStatus.h"
#include "sensors/LiveStatusDialog.h"
#include "sensors/SensorMonitor.h"
#include "shell/MainWindow.h"
#include "view/OsgView.h"

namespace citytwin::app {

void MainWindow::setupLiveStatus() {
    _liveStatus = new LiveStatus(this);
    statusBar()->addPermanentWidget(_liveStatus);
    connect(_liveStatus, &LiveStatus::detailsRequested, this, &MainWindow::showLiveStatusDetails);

    _alertToast = new AlertToast(_view, this);
    _alertNotifier = std::make_unique<AlertNotifier>();
    connect(_sensors, &SensorMonitor::alertsRefreshed, this, [this] {
        const auto fresh =
            _alertNotifier->newAlerts(_alertPanel->alerts(), QDateTime::currentMSecsSinceEpoch());
        if (fresh.empty() || _chromeHidden || _unattended)
            return;
        // The newest one; the panel lists the rest.
        const sensors::AlertRecord& a = fresh.front();
        QString name = QString::fromStdString(a.sensorId);
        if (_sensors->glyphs())
            if (const auto* s = _sensors->glyphs()->registry().find(a.sensorId);
                s && !s->name.empty())
                name = QString::fromStdString(s->name);
        _alertToast->showAlert(a, name);
    });
    // Same as a click on the alert's row: its time, its history, fly there.
    connect(_alertToast, &AlertToast::activated, _alertPanel, &AlertPanel::alertActivated);

    // Pins at city scale: regrouped after a frame only when the camera moved
    // enough; a change asks for the frame that shows it.
    connect(_view, &OsgView::frameRendered, this, [this] {
        if (render::SensorGlyphLayer* glyphs = _sensors->glyphs())
            if (glyphs->updateClusters(*_view->camera()))
                _view->requestRedraw();
    });
}

void MainWindow::attachLiveStatus() {
    if (_chromeHidden)
        return;
    _liveStatus->attach(_sensors->ingest(), _options.mqttBroker,
                        _options.sensorRegistry.isEmpty() ? QString() : _options.sensorRegistry);
}

void MainWindow::showLiveStatusDetails() {
    geo::GeoPoint at{121.4990, 31.2397, 0.0};  // Lujiazui, if the view has no centre
    if (_maybeFrame)
        if (auto c = _view->localPointAtCentre())
            at = _maybeFrame->toGeographic({c->x(), c->y(), 0.0});
    LiveStatusDialog dialog(*_liveStatus, at, this);
    dialog.exec();
}

}  // namespace citytwin::app
