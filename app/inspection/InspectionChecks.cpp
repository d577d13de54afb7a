// InspectionTools' checks and audit: each runs on a worker; its outcome
// becomes the findings, the overlay and the report to export.

#include <QDockWidget>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include "citytwin/assets/AssetDisplayNames.h"
#include "inspection/AuditPanel.h"
#include "inspection/FindingPresentation.h"
#include "inspection/FindingsPanel.h"
#include "inspection/InspectionTools.h"

namespace citytwin::app {

/// What a worker hands back: findings, or why there are none.
struct CheckOutcome {
    bool ok = false;
    std::vector<assets::Finding> findings;
    QString messages;
};

namespace {

CheckOutcome outcomeOf(const geo::Result<std::vector<assets::Finding>>& r) {
    CheckOutcome out;
    out.ok = r.ok();
    out.messages = QString::fromStdString(r.messages());
    if (r)
        out.findings = r.value();
    return out;
}

/// Runs `work` on a worker and `done` on the GUI thread with its outcome.
template <typename Work, typename Done>
void runChecked(QObject* owner, Work work, Done done) {
    auto* watcher = new QFutureWatcher<CheckOutcome>(owner);
    QObject::connect(watcher, &QFutureWatcher<CheckOutcome>::finished, owner, [watcher, done] {
        const CheckOutcome outcome = watcher->result();
        watcher->deleteLater();
        done(outcome);
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

std::string str(std::string_view s) {
    return std::string(s);
}

QStringList coordinateLines(const geo::GeoPoint& p) {
    QStringList lines;
    for (const auto& line : assets::describeCoordinates(p))
        lines << QString::fromStdString(line);
    return lines;
}

/// Markers for every related feature, coloured per rule.
std::vector<render::OverlayMarker> markersOf(const std::vector<assets::Finding>& findings) {
    std::vector<render::OverlayMarker> markers;
    for (const auto& f : findings)
        for (const auto& r : f.related)
            markers.push_back({r.position, render::colourForRule(f.rule)});
    return markers;
}

}  // namespace

void InspectionTools::checkSite(const geo::GeoPoint& lonLat) {
    const quint64 request = ++_request;
    assets::SiteProposal proposal{lonLat, _findings->operatorName().toStdString(),
                                  _findings->maybeHostType()};
    _host.showStatusMessage(tr("Checking the site…"));
    _project->withContext([this, request, proposal](const InspectionProject::Context& ctx) {
        runCheck(
            request, [ctx, proposal] { return outcomeOf(ctx->siteChecker().check(proposal)); },
            [this, proposal, ctx](const CheckOutcome& outcome) {
                assets::InspectionReport report;
                report.title = "Siting check";
                report.checkKind = assets::CheckKind::Site;
                report.maybeLocation = proposal.position;
                report.parameters.push_back("operator: " + (proposal.operatorName.empty()
                                                                ? std::string("(none)")
                                                                : proposal.operatorName));
                report.parameters.push_back("host type: " +
                                            (proposal.maybeHostType
                                                 ? str(assets::toString(*proposal.maybeHostType))
                                                 : std::string("unknown (stand-alone)")));
                report.findings = outcome.findings;

                render::InspectionOverlay overlay;
                overlay.maybeSite = proposal.position;
                const auto& rules = ctx->rules();
                const std::pair<const char*, double> radii[] = {
                    {assets::rulecodes::kPublicFacilityFirst, rules.facilitySearchRadiusM},
                    {assets::rulecodes::kShareFirst, rules.shareRadiusM},
                    {assets::rulecodes::kPublicPlaces, rules.publicPlaceRadiusM},
                    {assets::rulecodes::kInterference, rules.interferenceDistanceM}};
                for (const auto& [code, radius] : radii)
                    if (rules.find(code) && radius > 0)
                        overlay.radii.push_back({radius, render::colourForRule(code)});
                overlay.related = markersOf(outcome.findings);
                showResult(std::move(report), std::move(overlay));
            });
    });
}

void InspectionTools::checkWorks(const std::vector<geo::GeoPoint>& outline,
                                 const WorksParameters& p) {
    const quint64 request = ++_request;
    geo::Ring ring = outline;
    if (!ring.empty())
        ring.push_back(ring.front());  // closed, as OGR/GEOS expect
    assets::WorksProposal works{{geo::Polygon{{ring}}}, p.kind, p.start, p.end};
    _host.showStatusMessage(tr("Checking the works area…"));
    _project->withContext([this, request, works, outline](const InspectionProject::Context& ctx) {
        runCheck(
            request, [ctx, works] { return outcomeOf(ctx->worksChecker().check(works)); },
            [this, works, outline](const CheckOutcome& outcome) {
                assets::InspectionReport report;
                report.title = "Works check";
                report.checkKind = assets::CheckKind::Works;
                geo::GeoPoint centre;
                for (const auto& q : outline) {
                    centre.x += q.x / double(outline.size());
                    centre.y += q.y / double(outline.size());
                }
                report.maybeLocation = centre;
                report.worksArea = works.polygons;
                report.parameters.push_back("kind: " + str(assets::toString(works.kind)));
                report.parameters.push_back("start: " + works.maybeStart->toString());
                report.parameters.push_back("end: " + works.maybeEnd->toString());
                report.findings = outcome.findings;

                render::InspectionOverlay overlay;
                overlay.worksOutline = outline;
                overlay.worksClosed = true;
                overlay.related = markersOf(outcome.findings);
                showResult(std::move(report), std::move(overlay));
            });
    });
}

void InspectionTools::runAudit(const QDate& date) {
    const quint64 request = ++_request;
    const assets::IsoDate day = toIsoDate(date);
    _host.showStatusMessage(tr("Auditing…"));
    _project->withContext([this, request, day](const InspectionProject::Context& ctx) {
        runCheck(
            request,
            [ctx, day] {
                CheckOutcome out;
                out.ok = true;
                out.findings = ctx->auditor().audit(day);
                return out;
            },
            [this, day, ctx](const CheckOutcome& outcome) {
                assets::InspectionReport report;
                report.title = "Audit";
                report.checkKind = assets::CheckKind::Audit;
                report.date = day;
                report.findings = outcome.findings;
                _audit->showAudit(day, outcome.findings, ctx->rules(),
                                  [ctx](const std::string& layer, const std::string& id) {
                                      return assets::describeFeature(ctx->project(), layer, id);
                                  });
                _auditDock->show();
                _auditDock->raise();
                showResult(std::move(report), {});
            });
    });
}

void InspectionTools::runCheck(quint64 request, std::function<CheckOutcome()> work,
                               std::function<void(const CheckOutcome&)> done) {
    ++_running;
    runChecked(this, std::move(work),
               [this, request, done = std::move(done)](const CheckOutcome& outcome) {
                   --_running;
                   if (request != _request)
                       return;
                   if (!outcome.ok) {
                       reportFailure(outcome.messages);
                       return;
                   }
                   done(outcome);
               });
}

void InspectionTools::showResult(assets::InspectionReport report,
                                 render::InspectionOverlay overlay) {
    const auto& ctx = _project->context();
    report.projectPath = _project->projectPath().toStdString();
    if (report.checkKind != assets::CheckKind::Audit)
        report.date = assets::IsoDate::today();
    if (ctx)
        assets::setRules(report, ctx->rules());
    if (report.checkKind != assets::CheckKind::Audit) {
        QString what =
            report.checkKind == assets::CheckKind::Site ? tr("Site check") : tr("Works check");
        for (const auto& p : report.parameters)
            what += QStringLiteral("; ") + QString::fromStdString(p);
        QStringList where;
        if (report.maybeLocation)
            where = coordinateLines(*report.maybeLocation);
        if (report.checkKind == assets::CheckKind::Works)
            where.prepend(tr("Centre of the works area:"));
        if (ctx)
            _findings->setFeatureNamer([ctx](const std::string& layer, const std::string& id) {
                return assets::describeFeature(ctx->project(), layer, id);
            });
        _findings->showFindings(what, where, report.findings);
        _findingsDock->show();
        _findingsDock->raise();
    }
    _maybeReport = std::move(report);
    _overlay = std::move(overlay);
    updateOverlay();
    _host.showStatusMessage(tr("%n finding(s)", "", int(_maybeReport->findings.size())), 8000);
    emit checkFinished();
}

}  // namespace citytwin::app
