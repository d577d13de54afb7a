#pragma once
// What-if from the map: a right click on a cable offers "Simulate a cut
// here", on a site "Simulate an outage"; ImpactAnalyzer computes the impact
// against the healthy network (on the GUI thread: it is meant to take well
// under 200 ms; the network is built once, on a worker), the WhatIfPanel
// shows it and a ScenarioOverlay of its own draws it. "Save as scenario…"
// writes the failure as a scenario file (writeScenario).

#include <QObject>
#include <QPoint>

#include <optional>
#include <string>

#include "citytwin/assets/network/ImpactAnalyzer.h"
#include "citytwin/assets/scenario/Scenario.h"
#include "citytwin/render/FeaturePicker.h"
#include "citytwin/render/ScenarioOverlay.h"
#include "inspection/InspectionHost.h"
#include "scenario/ScenarioSession.h"

class QMenu;

namespace citytwin::app {

class SensorMonitor;
class WhatIfPanel;

class WhatIfTool : public QObject {
    Q_OBJECT
public:
    WhatIfTool(InspectionHost& host, ScenarioSession& session, WhatIfPanel& panel,
               SensorMonitor& sensors, QObject* parent);

    /// The 3D view's right click: a menu for the cable or site under it.
    void showContextMenu(const std::optional<render::PickHit>& hit, QPoint globalPos);
    /// The menu shown by the last right click (null if none).
    QMenu* contextMenu() const { return _menu; }

    /// Simulates a cut of `cableId` at the point of it nearest `near` (WGS 84).
    void simulateCut(const std::string& cableId, const geo::GeoPoint& near);
    void simulateOutage(const std::string& siteId);
    void clear();
    /// The failure last simulated, as a one-event scenario starting at the clock's time.
    std::optional<assets::Scenario> asScenario() const;
    /// Writes asScenario() to path; returns an error or empty.
    QString saveScenario(const QString& path) const;

    const std::optional<assets::ImpactSummary>& impact() const { return _maybeImpact; }
    render::ScenarioOverlay* overlay() const { return _overlay.get(); }

    void retranslate() {}

signals:
    /// A what-if result is in the panel and on the map.
    void impactShown();

private:
    void showImpact(const QString& what, const assets::ImpactSummary& impact, double ms,
                    const std::shared_ptr<const ScenarioNetwork>& network);
    void saveDialog();

    InspectionHost& _host;
    ScenarioSession& _session;
    WhatIfPanel& _panel;
    SensorMonitor& _sensors;
    QMenu* _menu = nullptr;
    osg::ref_ptr<render::ScenarioOverlay> _overlay;
    const assets::NetworkModel* _overlayNetwork = nullptr;
    std::optional<assets::ImpactSummary> _maybeImpact;
    std::optional<assets::ScenarioEvent> _maybeFailure;
    std::string _failedId;
};

}  // namespace citytwin::app
