#include "inspection/InspectionTools.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QtConcurrent/QtConcurrentRun>

#include <osg/Group>

#include <set>

#include "inspection/AuditDialog.h"
#include "inspection/AuditPanel.h"
#include "inspection/FindingPresentation.h"
#include "inspection/FindingsPanel.h"
#include "inspection/InspectionProjectDialog.h"
#include "inspection/InspectionReportWriter.h"
#include "shell/MainWindow.h"
#include "view/MapPointTool.h"
#include "view/OsgView.h"

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

InspectionTools::InspectionTools(MainWindow& window) : QObject(&window), _window(window) {
    _project = new InspectionProject(this);
    _tool = new MapPointTool(*window.view(), this);
    const assets::IsoDate today = assets::IsoDate::today();
    _worksParameters = {assets::WorksKind::Excavation, today, assets::IsoDate{today.days + 30}};
    buildUi();

    connect(_project, &InspectionProject::opened, this, &InspectionTools::onProjectOpened);
    connect(_project, &InspectionProject::failed, this, &InspectionTools::reportFailure);
    connect(_tool, &MapPointTool::hint, this,
            [this](const QString& text) { _window.statusBar()->showMessage(text, 10000); });
    connect(_tool, &MapPointTool::pointPicked, this, [this](const osg::Vec3d& local) {
        _checkSite->setChecked(false);
        if (const auto maybeLonLat = toWgs84(local))
            checkSite(*maybeLonLat);
    });
    connect(_tool, &MapPointTool::polygonChanged, this, &InspectionTools::onPolygonChanged);
    connect(_tool, &MapPointTool::polygonClosed, this, &InspectionTools::onPolygonClosed);
    connect(_tool, &MapPointTool::cancelled, this, [this] {
        _checkSite->setChecked(false);
        _checkWorks->setChecked(false);
        // An outline being drawn goes; a checked one stays.
        if (!_overlay.worksClosed && !_overlay.worksOutline.empty()) {
            _overlay.worksOutline.clear();
            updateOverlay();
        }
        _window.statusBar()->showMessage(tr("Cancelled"), 3000);
    });
    connect(_findings, &FindingsPanel::relatedSelected, this, &InspectionTools::onRelatedSelected);
    connect(_findings, &FindingsPanel::clearRequested, this, &InspectionTools::clearFindings);
    connect(_audit, &AuditPanel::findingSelected, this, &InspectionTools::onAuditRowSelected);
}

InspectionTools::~InspectionTools() = default;

void InspectionTools::buildUi() {
    _findings = new FindingsPanel(&_window);
    _findingsDock = new QDockWidget(&_window);
    _findingsDock->setObjectName("findingsDock");
    _findingsDock->setWidget(_findings);
    _window.addDockWidget(Qt::RightDockWidgetArea, _findingsDock);
    _window.resizeDocks({_findingsDock}, {380}, Qt::Horizontal);

    _audit = new AuditPanel(&_window);
    _auditDock = new QDockWidget(&_window);
    _auditDock->setObjectName("auditDock");
    _auditDock->setWidget(_audit);
    _window.addDockWidget(Qt::BottomDockWidgetArea, _auditDock);
    _auditDock->hide();

    // The two map tools exclude each other: checking one unchecks the other
    // (`other` refers to the member, read when triggered: both exist by then).
    auto toolAction = [this](const char* name, QAction* const& other,
                             void (MapPointTool::*start)()) {
        auto* action = new QAction(this);
        action->setObjectName(name);
        action->setCheckable(true);
        connect(action, &QAction::triggered, this, [this, &other, start](bool on) {
            other->setChecked(false);
            if (on)
                (_tool->*start)();
            else
                _tool->cancel();
        });
        return action;
    };
    _checkSite = toolAction("checkSiteAction", _checkWorks, &MapPointTool::startPickPoint);
    _checkWorks = toolAction("checkWorksAction", _checkSite, &MapPointTool::startDrawPolygon);
    _auditAction = new QAction(this);
    _auditAction->setObjectName("auditAction");
    connect(_auditAction, &QAction::triggered, this, &InspectionTools::auditDialog);
    _export = new QAction(this);
    _export->setObjectName("exportReportAction");
    connect(_export, &QAction::triggered, this, &InspectionTools::exportDialog);
    _chooseProject = new QAction(this);
    _chooseProject->setObjectName("inspectionProjectAction");
    connect(_chooseProject, &QAction::triggered, this, &InspectionTools::chooseProjectDialog);
    _clear = new QAction(this);
    _clear->setObjectName("clearFindingsAction");
    connect(_clear, &QAction::triggered, this, &InspectionTools::clearFindings);

    _menu = new QMenu(&_window);
    _menu->setObjectName("inspectMenu");
    _menu->addAction(_checkSite);
    _menu->addAction(_checkWorks);
    _menu->addAction(_auditAction);
    _menu->addSeparator();
    _menu->addAction(_export);
    _menu->addAction(_clear);
    _menu->addSeparator();
    _menu->addAction(_chooseProject);
    _menu->addSeparator();
    _menu->addAction(_findingsDock->toggleViewAction());
    _menu->addAction(_auditDock->toggleViewAction());
    // Before Help, which stays last.
    const QList<QAction*> menus = _window.menuBar()->actions();
    if (menus.isEmpty())
        _window.menuBar()->addMenu(_menu);
    else
        _window.menuBar()->insertMenu(menus.last(), _menu);

    _toolbar = _window.addToolBar(QString());
    _toolbar->setObjectName("inspectionToolbar");
    _toolbar->addAction(_checkSite);
    _toolbar->addAction(_checkWorks);
    _toolbar->addAction(_auditAction);
    _toolbar->addAction(_export);
}

void InspectionTools::retranslate() {
    _menu->setTitle(tr("&Inspect"));
    _checkSite->setText(tr("Check &site"));
    _checkSite->setStatusTip(
        tr("Click a proposed base-station site to check it against the rules"));
    _checkWorks->setText(tr("Check &works area"));
    _checkWorks->setStatusTip(
        tr("Draw a works area to check it against the cable protection rules"));
    _auditAction->setText(tr("&Audit…"));
    _export->setText(tr("&Export report…"));
    _clear->setText(tr("&Clear findings"));
    _chooseProject->setText(tr("Inspection &project…"));
    _toolbar->setWindowTitle(tr("Inspection"));
    _findingsDock->setWindowTitle(tr("Findings"));
    _auditDock->setWindowTitle(tr("Audit"));
    _findings->retranslate();
    _audit->retranslate();
}

void InspectionTools::setProject(const QString& projectPath, const QString& rulesPath) {
    _project->setPaths(projectPath, rulesPath);
}

void InspectionTools::onProjectOpened(const QString& path, const QString& warnings) {
    const auto& project = _project->context()->project();
    std::set<QString> operators;
    for (const auto& s : project.baseStations)
        if (!s.operatorName.empty())
            operators.insert(QString::fromStdString(s.operatorName));
    for (const auto& c : project.cables)
        if (!c.operatorName.empty())
            operators.insert(QString::fromStdString(c.operatorName));
    _findings->setOperators(QStringList(operators.begin(), operators.end()));
    const int problems = warnings.isEmpty() ? 0 : int(warnings.count('\n')) + 1;
    _window.statusBar()->showMessage(
        problems ? tr("Opened %1 (%n data problem(s); see the log)", "", problems).arg(path)
                 : tr("Opened %1").arg(path),
        8000);
    if (!warnings.isEmpty())
        qWarning("%s", qPrintable(warnings));
}

std::optional<geo::GeoPoint> InspectionTools::toWgs84(const osg::Vec3d& local) const {
    if (!_window.frame())
        return std::nullopt;
    geo::GeoPoint p = _window.frame()->toGeographic({local.x(), local.y(), local.z()});
    p.z = 0.0;
    return p;
}

void InspectionTools::checkSite(const geo::GeoPoint& lonLat) {
    const quint64 request = ++_request;
    assets::SiteProposal proposal{lonLat, _findings->operatorName().toStdString(),
                                  _findings->maybeHostType()};
    _window.statusBar()->showMessage(tr("Checking the site…"));
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

void InspectionTools::onPolygonChanged(const std::vector<osg::Vec3d>& vertices) {
    render::InspectionOverlay overlay;
    for (const auto& v : vertices)
        if (const auto p = toWgs84(v))
            overlay.worksOutline.push_back(*p);
    _overlay = std::move(overlay);
    updateOverlay();
}

void InspectionTools::onPolygonClosed(const std::vector<osg::Vec3d>& vertices) {
    _checkWorks->setChecked(false);
    std::vector<geo::GeoPoint> outline;
    for (const auto& v : vertices)
        if (const auto p = toWgs84(v))
            outline.push_back(*p);
    _overlay.worksOutline = outline;
    _overlay.worksClosed = true;
    updateOverlay();
    // Out of the mouse handler first: the dialog runs its own event loop.
    QTimer::singleShot(0, this, [this, outline] {
        WorksDialog dialog(_worksParameters, &_window);
        if (dialog.exec() != QDialog::Accepted) {
            _overlay = {};
            updateOverlay();
            return;
        }
        _worksParameters = dialog.parameters();
        checkWorks(outline, _worksParameters);
    });
}

void InspectionTools::checkWorks(const std::vector<geo::GeoPoint>& outline,
                                 const WorksParameters& p) {
    const quint64 request = ++_request;
    geo::Ring ring = outline;
    if (!ring.empty())
        ring.push_back(ring.front());  // closed, as OGR/GEOS expect
    assets::WorksProposal works{{geo::Polygon{{ring}}}, p.kind, p.start, p.end};
    _window.statusBar()->showMessage(tr("Checking the works area…"));
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

void InspectionTools::auditDialog() {
    AuditDialog dialog(QDate::currentDate(), &_window);
    if (dialog.exec() == QDialog::Accepted)
        runAudit(dialog.date());
}

void InspectionTools::runAudit(const QDate& date) {
    const quint64 request = ++_request;
    const assets::IsoDate day = toIsoDate(date);
    _window.statusBar()->showMessage(tr("Auditing…"));
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
                _audit->showAudit(day, outcome.findings, ctx->rules());
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
        _findings->showFindings(what, where, report.findings);
        _findingsDock->show();
        _findingsDock->raise();
    }
    _maybeReport = std::move(report);
    _overlay = std::move(overlay);
    updateOverlay();
    _window.statusBar()->showMessage(tr("%n finding(s)", "", int(_maybeReport->findings.size())),
                                     8000);
    emit checkFinished();
}

void InspectionTools::clearFindings() {
    _tool->cancel();
    _findings->clear();
    _audit->clear();
    _maybeReport.reset();
    _overlay = {};
    updateOverlay();
}

void InspectionTools::onRelatedSelected(int finding, int related) {
    const auto& findings = _findings->findings();
    if (finding < 0 || finding >= int(findings.size()))
        return;
    const auto& f = findings[std::size_t(finding)];
    if (related < 0 || related >= int(f.related.size()))
        return;
    focusOn(f.related[std::size_t(related)], f.rule);
}

void InspectionTools::onAuditRowSelected(int index) {
    const auto& findings = _audit->findings();
    if (index < 0 || index >= int(findings.size()) || findings[std::size_t(index)].related.empty())
        return;
    const auto& f = findings[std::size_t(index)];
    focusOn(f.related.front(), f.rule);
}

void InspectionTools::focusOn(const assets::RelatedItem& item, const std::string& rule) {
    if (!_window.frame())
        return;
    const geo::Vec3d local = _window.frame()->toLocal({item.position.x, item.position.y, 0.0});
    _window.view()->flyTo({local.x, local.y, 0.0}, 450.0);
    _overlay.maybeFocus = render::OverlayMarker{item.position, render::colourForRule(rule)};
    updateOverlay();
}

void InspectionTools::updateOverlay() {
    if (!_window.frame())
        return;
    // An empty group rather than removeLayer: it replaces any overlay still queued.
    osg::ref_ptr<osg::Node> node =
        _overlay.isEmpty() ? osg::ref_ptr<osg::Node>(new osg::Group)
                           : render::InspectionOverlayBuilder(*_window.frame()).build(_overlay);
    _window.scene().enqueueLayer(render::kInspectionLayerId, node);
    _window.view()->requestRedraw();
}

void InspectionTools::reportFailure(const QString& message) {
    _findings->showError(message);
    _findingsDock->show();
    _window.statusBar()->showMessage(message, 10000);
    emit failed(message);
}

void InspectionTools::chooseProjectDialog() {
    InspectionProjectDialog dialog(_project->projectPath(), _project->rulesPath(), &_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    clearFindings();
    setProject(dialog.projectPath(), dialog.rulesPath());
    // Open now, so that data problems show before the first check.
    _project->withContext([](const InspectionProject::Context&) {});
}

void InspectionTools::exportDialog() {
    if (!_maybeReport) {
        QMessageBox::information(&_window, tr("Export report"),
                                 tr("Run a check or an audit first."));
        return;
    }
    const QString name =
        QStringLiteral("citytwin-%1-%2.html")
            .arg(QString::fromLatin1(assets::checkKindName(_maybeReport->checkKind)),
                 QDate::currentDate().toString(Qt::ISODate));
    const QString path =
        QFileDialog::getSaveFileName(&_window, tr("Export report"), QDir::home().filePath(name),
                                     tr("HTML report, with PDF beside it (*.html)"));
    if (path.isEmpty())
        return;
    const QString error = exportReport(path);
    if (!error.isEmpty())
        QMessageBox::warning(&_window, tr("Export report"), error);
}

QString InspectionTools::exportReport(const QString& htmlPath) {
    if (!_maybeReport)
        return tr("There is no check or audit to report.");
    // The view as it is now: the overlay of this check on the city.
    const QImage snapshot = _window.view()->grabFramebuffer();
    const QString error = writeReportFiles(*_maybeReport, snapshot, htmlPath);
    if (error.isEmpty()) {
        const ReportFiles files = reportFilesFor(htmlPath);
        _window.statusBar()->showMessage(tr("Wrote %1 and %2").arg(files.html, files.pdf), 8000);
    }
    return error;
}

}  // namespace citytwin::app
