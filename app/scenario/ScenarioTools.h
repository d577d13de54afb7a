#pragma once
// The scenario feature in the main window (issue #11): the Scenario menu
// (Open…, Close, Export report…), the event panel and the what-if dock, and
// the playback: the open scenario's state at the sensors' PlaybackClock time
// drawn by a ScenarioOverlay, its time range and events on the timeline.
// Seeking and playing both show ScenarioPlayback::stateAt(clock time), so
// seeking to t shows exactly what playing to t shows. The window is reached
// through InspectionHost (view, scene, frame, status, log, docks) and the
// SensorMonitor (clock, timeline).

#include <QImage>
#include <QObject>

#include <memory>

#include "citytwin/render/ScenarioOverlay.h"
#include "inspection/InspectionHost.h"
#include "inspection/InspectionProject.h"
#include "scenario/ScenarioSession.h"

class QAction;
class QDockWidget;
class QMenu;
class QProgressDialog;

namespace citytwin::app {

class PlaybackBar;
class ScenarioEventPanel;
class SensorMonitor;
class WhatIfPanel;
class WhatIfTool;

class ScenarioTools : public QObject {
    Q_OBJECT
public:
    ScenarioTools(InspectionHost& host, SensorMonitor& sensors, PlaybackBar& bar,
                  InspectionProject& project, QObject* parent);
    ~ScenarioTools() override;

    /// Opens a scenario (off the GUI thread; opened() or failed() follows).
    void openScenario(const QString& path);
    void closeScenario();
    /// Writes the incident report of the open scenario (HTML, or PDF by the
    /// extension; an HTML gets its PDF and map images beside it). Renders the
    /// map at key times (the view shows them meanwhile). Returns an error or empty.
    QString exportReport(const QString& path);

    /// Renders the 3D view at scenario time t (the marks applied, paged
    /// content loaded) and returns the image; the view is left showing t.
    QImage renderAt(qint64 t);

    ScenarioSession& session() { return *_session; }
    ScenarioEventPanel* eventPanel() const { return _events; }
    QDockWidget* eventDock() const { return _eventDock; }
    WhatIfTool* whatIf() const { return _whatIf; }
    WhatIfPanel* whatIfPanel() const { return _whatIfPanel; }
    QMenu* menu() const { return _menu; }
    QAction* openAction() const { return _open; }
    QAction* closeAction() const { return _close; }
    QAction* exportAction() const { return _export; }
    /// The playback overlay (null until a scenario is open).
    render::ScenarioOverlay* overlay() const { return _overlay.get(); }
    /// The state shown now (valid while a scenario is open).
    const assets::ScenarioState& shownState() const { return _shown; }

    void retranslate();

signals:
    void opened();
    void closed();
    void failed(const QString& message);
    /// The scene shows the scenario's state at t.
    void stateShown(qint64 t);

private:
    void buildUi();
    void onOpened();
    void onFailed(const QString& message);
    void showTime(qint64 t);
    void openDialog();
    void exportDialog();
    void ensureOverlay(const std::shared_ptr<const ScenarioNetwork>& network);
    /// Waits (events processed) until the overlay shows what was set and the
    /// pager is idle, or timeoutMs passed.
    void waitForScene(int timeoutMs);

    InspectionHost& _host;
    SensorMonitor& _sensors;
    PlaybackBar& _bar;
    ScenarioSession* _session = nullptr;
    ScenarioEventPanel* _events = nullptr;
    QDockWidget* _eventDock = nullptr;
    WhatIfPanel* _whatIfPanel = nullptr;
    QDockWidget* _whatIfDock = nullptr;
    WhatIfTool* _whatIf = nullptr;
    QMenu* _menu = nullptr;
    QAction* _open = nullptr;
    QAction* _close = nullptr;
    QAction* _export = nullptr;
    QProgressDialog* _progress = nullptr;
    bool _rendering = false;  ///< renderAt holds the overlay: the clock does not move it

    osg::ref_ptr<render::ScenarioOverlay> _overlay;
    const assets::NetworkModel* _overlayNetwork = nullptr;
    assets::ScenarioState _shown;
    qint64 _shownTime = -1;
};

/// The protection zones as the overlay draws them, by cable id.
render::ZonePolygons zonePolygons(const std::vector<assets::ProtectionZone>& zones);

}  // namespace citytwin::app
