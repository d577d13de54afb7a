#include "inspection/InspectionTools.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QMenu>
#include <QMessageBox>
#include <QTimer>
#include <QToolBar>
#include <QtConcurrent/QtConcurrentRun>

#include <osg/Group>

#include <set>

#include "citytwin/assets/ReportModelBuilder.h"
#include "citytwin/render/ObliqueCaseRenderer.h"
#include "inspection/AuditDialog.h"
#include "inspection/AuditPanel.h"
#include "inspection/FindingPresentation.h"
#include "inspection/FindingsPanel.h"
#include "inspection/InspectionProjectDialog.h"
#include "inspection/InspectionReportWriter.h"
#include "inspection/ReportHeaderDialog.h"
#include "inspection/ReportSettings.h"
#include "view/MapPointTool.h"
#include "view/OsgView.h"

namespace citytwin::app {

InspectionTools::InspectionTools(InspectionHost& host, QObject* parent)
    : QObject(parent), _host(host) {
    _project = new InspectionProject(this);
    _tool = new MapPointTool(*host.view(), this);
    const assets::IsoDate today = assets::IsoDate::today();
    _worksParameters = {assets::WorksKind::Excavation, today, assets::IsoDate{today.days + 30}};
    buildUi();

    connect(_project, &InspectionProject::opened, this, &InspectionTools::onProjectOpened);
    connect(_project, &InspectionProject::failed, this, &InspectionTools::reportFailure);
    connect(_tool, &MapPointTool::hint, this,
            [this](const QString& text) { _host.showStatusMessage(text, 10000); });
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
        _host.showStatusMessage(tr("Cancelled"), 3000);
    });
    connect(_findings, &FindingsPanel::relatedSelected, this, &InspectionTools::onRelatedSelected);
    connect(_findings, &FindingsPanel::clearRequested, this, &InspectionTools::clearFindings);
    connect(_audit, &AuditPanel::findingSelected, this, &InspectionTools::onAuditRowSelected);
}

InspectionTools::~InspectionTools() = default;

void InspectionTools::buildUi() {
    QWidget* window = _host.dialogParent();
    _findings = new FindingsPanel(window);
    _findingsDock = new QDockWidget(window);
    _findingsDock->setObjectName("findingsDock");
    _findingsDock->setWidget(_findings);
    _host.addFeatureDock(Qt::RightDockWidgetArea, _findingsDock, 380);

    _audit = new AuditPanel(window);
    _auditDock = new QDockWidget(window);
    _auditDock->setObjectName("auditDock");
    _auditDock->setWidget(_audit);
    _host.addFeatureDock(Qt::BottomDockWidgetArea, _auditDock);
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

    _menu = new QMenu(window);
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
    _host.addFeatureMenu(_menu);

    _toolbar = _host.addFeatureToolBar();
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
    _host.showStatusMessage(
        problems ? tr("Opened %1 (%n data problem(s); see the log)", "", problems).arg(path)
                 : tr("Opened %1").arg(path),
        8000);
    if (!warnings.isEmpty())
        _host.logMessage(geo::LogLevel::Warning, warnings);
}

std::optional<geo::GeoPoint> InspectionTools::toWgs84(const osg::Vec3d& local) const {
    if (!_host.frame())
        return std::nullopt;
    geo::GeoPoint p = _host.frame()->toGeographic({local.x(), local.y(), local.z()});
    p.z = 0.0;
    return p;
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
        WorksDialog dialog(_worksParameters, _host.dialogParent());
        if (dialog.exec() != QDialog::Accepted) {
            _overlay = {};
            updateOverlay();
            return;
        }
        _worksParameters = dialog.parameters();
        checkWorks(outline, _worksParameters);
    });
}

void InspectionTools::auditDialog() {
    AuditDialog dialog(QDate::currentDate(), _host.dialogParent());
    if (dialog.exec() == QDialog::Accepted)
        runAudit(dialog.date());
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
    if (!_host.frame())
        return;
    const geo::Vec3d local = _host.frame()->toLocal({item.position.x, item.position.y, 0.0});
    _host.view()->flyTo({local.x, local.y, 0.0}, 450.0);
    _overlay.maybeFocus = render::OverlayMarker{item.position, render::colourForRule(rule)};
    updateOverlay();
}

void InspectionTools::updateOverlay() {
    if (!_host.frame())
        return;
    // An empty group rather than removeLayer: it replaces any overlay still queued.
    osg::ref_ptr<osg::Node> node =
        _overlay.isEmpty() ? osg::ref_ptr<osg::Node>(new osg::Group)
                           : render::InspectionOverlayBuilder(*_host.frame()).build(_overlay);
    _host.scene().enqueueLayer(render::kInspectionLayerId, node);
    _host.view()->requestRedraw();
}

void InspectionTools::reportFailure(const QString& message) {
    _findings->showError(message);
    _findingsDock->show();
    _host.showStatusMessage(message, 10000);
    emit failed(message);
}

void InspectionTools::chooseProjectDialog() {
    InspectionProjectDialog dialog(_project->projectPath(), _project->rulesPath(),
                                   _host.dialogParent());
    if (dialog.exec() != QDialog::Accepted)
        return;
    clearFindings();
    setProject(dialog.projectPath(), dialog.rulesPath());
    // Open now, so that data problems show before the first check.
    _project->withContext([](const InspectionProject::Context&) {});
}

void InspectionTools::exportDialog() {
    if (!_maybeReport) {
        QMessageBox::information(_host.dialogParent(), tr("Export report"),
                                 tr("Run a check or an audit first."));
        return;
    }
    ReportHeaderDialog header(ReportSettings::load(), _host.dialogParent());
    if (header.exec() != QDialog::Accepted)
        return;
    header.settings().save();
    const QString name =
        QStringLiteral("citytwin-%1-%2.html")
            .arg(QString::fromLatin1(assets::checkKindName(_maybeReport->checkKind)),
                 QDate::currentDate().toString(Qt::ISODate));
    const QString path = QFileDialog::getSaveFileName(
        _host.dialogParent(), tr("Export report"), QDir::home().filePath(name),
        tr("HTML report, with PDF and JSON beside it (*.html)"));
    if (path.isEmpty())
        return;
    const QString error = exportReport(path);
    if (!error.isEmpty())
        QMessageBox::warning(_host.dialogParent(), tr("Export report"), error);
}

QString InspectionTools::exportReport(const QString& htmlPath) {
    if (!_maybeReport)
        return tr("There is no check or audit to report.");
    const auto& ctx = _project->context();
    if (!ctx)
        return tr("The inspection project is not open.");
    // The map is drawn from the check itself, framed on the case: what the
    // view shows now (a focused finding, another place) does not change it.
    const ReportSettings settings = ReportSettings::load();
    auto model =
        assets::buildReportModel(*_maybeReport, *ctx, settings.header, settings.crs.toStdString());
    if (!model)
        return tr("Report coordinate system: %1").arg(QString::fromStdString(model.messages()));
    // The oblique view: the case drawn off-screen from the model, like the CLI's.
    model.value().mapView = settings.view;
    if (const auto views = render::addObliqueViews(model.value()); !views)
        return tr("Oblique view: %1").arg(QString::fromStdString(views.messages()));
    const QString error =
        writeReportFiles(model.value(), _maybeReport->findings, htmlPath, settings.paper);
    if (error.isEmpty()) {
        const ReportFiles files = reportFilesFor(htmlPath);
        _host.showStatusMessage(tr("Wrote %1, %2 and %3").arg(files.html, files.pdf, files.json),
                                8000);
    }
    return error;
}

}  // namespace citytwin::app
