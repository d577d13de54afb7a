#include "scenario/WhatIfTool.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>

#include "citytwin/assets/scenario/ScenarioFile.h"
#include "scenario/ScenarioTools.h"
#include "scenario/WhatIfPanel.h"
#include "sensors/SensorMonitor.h"
#include "view/OsgView.h"

namespace citytwin::app {
namespace {

constexpr qint64 kScenarioSpanMs = 6 * 3600 * 1000;

std::string attribute(const geo::Feature& f, const char* name) {
    for (const auto& a : f.attributes)
        if (a.name == name)
            return a.value;
    return {};
}

}  // namespace

WhatIfTool::WhatIfTool(InspectionHost& host, ScenarioSession& session, WhatIfPanel& panel,
                       SensorMonitor& sensors, QObject* parent)
    : QObject(parent), _host(host), _session(session), _panel(panel), _sensors(sensors) {
    connect(&_panel, &WhatIfPanel::clearRequested, this, &WhatIfTool::clear);
    connect(&_panel, &WhatIfPanel::saveRequested, this, &WhatIfTool::saveDialog);
}

void WhatIfTool::showContextMenu(const std::optional<render::PickHit>& hit, QPoint globalPos) {
    if (!hit || !_host.frame())
        return;
    // A cable, its protection zone (drawn over it, so picked first: it
    // names the cable), or a site.
    const geo::Feature& f = hit->feature();
    const std::string zoneOf = attribute(f, "cable_id");
    const std::string id = zoneOf.empty() ? attribute(f, "id") : zoneOf;
    const bool line = !zoneOf.empty() || !f.geometry.lines.empty();
    const bool point = zoneOf.empty() && !f.geometry.points.empty();
    if (id.empty() || (!line && !point))
        return;
    const geo::Vec3d l{hit->localPoint.x(), hit->localPoint.y(), hit->localPoint.z()};
    const geo::GeoPoint at = _host.frame()->toGeographic(l);
    if (_menu)
        _menu->deleteLater();
    _menu = new QMenu(_host.dialogParent());
    _menu->setObjectName("whatIfMenu");
    _menu->setAttribute(Qt::WA_DeleteOnClose);
    if (line) {
        _menu->addAction(tr("Simulate a cut here"), this, [this, id, at] { simulateCut(id, at); })
            ->setObjectName("simulateCutAction");
    } else {
        _menu->addAction(tr("Simulate an outage"), this, [this, id] { simulateOutage(id); })
            ->setObjectName("simulateOutageAction");
    }
    _menu->popup(globalPos);
}

void WhatIfTool::simulateCut(const std::string& cableId, const geo::GeoPoint& near) {
    _session.withNetwork([this, cableId, near](const std::shared_ptr<const ScenarioNetwork>& net) {
        const QString cable = QString::fromStdString(cableId);
        if (!net->model->hasCable(cableId)) {
            _host.showStatusMessage(tr("%1 is not a cable of the network").arg(cable), 8000);
            return;
        }
        const auto position = net->model->locate(cableId, near);
        QElapsedTimer timer;
        timer.start();
        const assets::ImpactAnalyzer analyzer(*net->model);
        auto impact =
            analyzer.cableCut(cableId, position ? std::optional(position->arcM) : std::nullopt);
        const double ms = timer.nsecsElapsed() / 1e6;
        if (!impact) {
            _host.showStatusMessage(tr("%1: no impact could be computed").arg(cable), 8000);
            return;
        }
        assets::CableCutEvent cut;
        cut.cable = cableId;
        if (position) {
            cut.maybeArcM = position->arcM;
        }
        cut.cause = "what-if";
        _maybeFailure = cut;
        _failedId = cableId;
        const QString what = position
                                 ? tr("Cut of %1 at %2 m").arg(cable).arg(position->arcM, 0, 'f', 0)
                                 : tr("Cut of %1").arg(cable);
        assets::ImpactSummary summary = std::move(*impact);
        showImpact(what, summary, ms, net);
        if (_overlay) {
            assets::ScenarioState state;
            state.cablesDown = {cableId};
            if (position)
                state.cuts.push_back({cableId, position->point});
            state.sitesWithoutBackhaul = summary.sitesLost;
            state.coverageLost = summary.coverage;
            _overlay->setState(state);
            _host.view()->requestRedraw();
        }
    });
}

void WhatIfTool::simulateOutage(const std::string& siteId) {
    _session.withNetwork([this, siteId](const std::shared_ptr<const ScenarioNetwork>& net) {
        const QString site = QString::fromStdString(siteId);
        QElapsedTimer timer;
        timer.start();
        const assets::ImpactAnalyzer analyzer(*net->model);
        auto impact = analyzer.siteOutage(siteId);
        const double ms = timer.nsecsElapsed() / 1e6;
        if (!impact) {
            _host.showStatusMessage(tr("%1 is not a site of the network").arg(site), 8000);
            return;
        }
        assets::SiteOutageEvent outage;
        outage.site = siteId;
        outage.cause = "what-if";
        _maybeFailure = outage;
        _failedId = siteId;
        assets::ImpactSummary summary = std::move(*impact);
        showImpact(tr("Outage of %1").arg(site), summary, ms, net);
        if (_overlay) {
            assets::ScenarioState state;
            state.sitesDown = {siteId};
            state.sitesWithoutBackhaul = summary.sitesLost;
            state.coverageLost = summary.coverage;
            _overlay->setState(state);
            _host.view()->requestRedraw();
        }
    });
}

void WhatIfTool::showImpact(const QString& what, const assets::ImpactSummary& impact, double ms,
                            const std::shared_ptr<const ScenarioNetwork>& network) {
    _maybeImpact = impact;
    if ((!_overlay || _overlayNetwork != network->model.get()) && _host.frame()) {
        if (_overlay)
            _host.scene().removeLayer(render::kWhatIfLayerId);
        _overlay = new render::ScenarioOverlay(network->model, zonePolygons(network->zones),
                                               *_host.frame());
        _overlayNetwork = network->model.get();
        _host.scene().enqueueLayer(render::kWhatIfLayerId, _overlay->node());
    }
    _panel.showImpact(what, impact, ms);
    _host.logMessage(geo::LogLevel::Info,
                     tr("What-if %1: %2 sites lose backhaul, %3 km² coverage lost (%4 ms)")
                         .arg(what)
                         .arg(impact.sitesLost.size())
                         .arg(impact.coverage.areaKm2, 0, 'f', 3)
                         .arg(ms, 0, 'f', 1));
    emit impactShown();
}

void WhatIfTool::clear() {
    _maybeImpact.reset();
    _maybeFailure.reset();
    _panel.clearImpact();
    if (_overlay) {
        _overlay->clear();
        _host.view()->requestRedraw();
    }
}

std::optional<assets::Scenario> WhatIfTool::asScenario() const {
    if (!_maybeFailure)
        return std::nullopt;
    assets::Scenario s;
    // From the clock's minute, six hours; the failure at the start, no repair.
    const qint64 start = _sensors.clock().now() / 60000 * 60000;
    s.start = start;
    s.end = start + kScenarioSpanMs;
    s.seed = 1;
    assets::ScenarioEvent event = *_maybeFailure;
    std::visit(
        [start](auto& e) {
            if constexpr (requires { e.at; })
                e.at = start;
        },
        event);
    const bool cut = std::holds_alternative<assets::CableCutEvent>(event);
    s.nameEn = (cut ? "What-if: cut of " : "What-if: outage of ") + _failedId;
    s.nameZh = (cut ? "推演：" + _failedId + " 断缆" : "推演：" + _failedId + " 站点停运");
    s.description = "Saved from the map's what-if.";
    s.events.push_back(std::move(event));
    return s;
}

QString WhatIfTool::saveScenario(const QString& path) const {
    const auto scenario = asScenario();
    if (!scenario)
        return tr("Nothing was simulated");
    const std::string text = assets::writeScenario(*scenario);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(text.data(), qint64(text.size())) != qint64(text.size()))
        return tr("%1: cannot write: %2").arg(path, file.errorString());
    return {};
}

void WhatIfTool::saveDialog() {
    const QString path =
        QFileDialog::getSaveFileName(_host.dialogParent(), tr("Save as scenario"),
                                     QStringLiteral("what-if.json"), tr("Scenarios (*.json)"));
    if (path.isEmpty())
        return;
    if (const QString error = saveScenario(path); !error.isEmpty())
        QMessageBox::warning(_host.dialogParent(), tr("Save as scenario"), error);
    else
        _host.showStatusMessage(tr("Saved %1").arg(path), 5000);
}

}  // namespace citytwin::app
