#pragma once
// The inspector's tools in the main window (issue #4): the Inspect menu and
// toolbar, the findings and audit docks, the map tools (check site, check
// works area) and the overlay of their results in the 3D view, the audit,
// and the report export (HTML + PDF). Checks run on workers (QtConcurrent);
// only the latest request's result is shown. The window is reached through
// InspectionHost only.
//
// InspectionTools.cpp: the menu, docks, map tools, overlay and report
// export; InspectionChecks.cpp: the checks and the audit, and their results.

#include <QDate>
#include <QObject>

#include <functional>
#include <optional>
#include <vector>

#include "citytwin/assets/InspectionReport.h"
#include "citytwin/render/InspectionOverlayBuilder.h"
#include "inspection/InspectionHost.h"
#include "inspection/InspectionProject.h"
#include "inspection/WorksDialog.h"

class QAction;
class QDockWidget;
class QMenu;
class QToolBar;

namespace citytwin::app {

class AuditPanel;
class FindingsPanel;
class MapPointTool;
struct CheckOutcome;

class InspectionTools : public QObject {
    Q_OBJECT
public:
    /// Adds the menu (after the window's last menu but Help), toolbar and docks to `host`.
    InspectionTools(InspectionHost& host, QObject* parent);
    ~InspectionTools() override;

    /// The project to inspect and its rules (empty: shipped rules); opened lazily.
    void setProject(const QString& projectPath, const QString& rulesPath = {});
    InspectionProject& project() { return *_project; }

    /// Runs check-site at a WGS 84 point with the findings panel's operator and host type.
    void checkSite(const geo::GeoPoint& lonLat);
    void checkWorks(const std::vector<geo::GeoPoint>& outlineWgs84, const WorksParameters& p);
    void runAudit(const QDate& date);
    /// Writes the report of the last check or audit: htmlPath, and the PDF and
    /// map snapshot beside it. Returns an error, or empty.
    QString exportReport(const QString& htmlPath);
    /// Removes the findings and the overlay.
    void clearFindings();

    /// The findings dock (on the right, tabbed with the window's own docks).
    QDockWidget* findingsDock() const { return _findingsDock; }
    FindingsPanel* findingsPanel() const { return _findings; }
    AuditPanel* auditPanel() const { return _audit; }
    MapPointTool* mapTool() const { return _tool; }
    QMenu* menu() const { return _menu; }
    QAction* checkSiteAction() const { return _checkSite; }
    QAction* checkWorksAction() const { return _checkWorks; }
    QAction* auditAction() const { return _auditAction; }
    QAction* exportAction() const { return _export; }
    const render::InspectionOverlay& overlay() const { return _overlay; }
    /// The report of the last check or audit (without snapshot), if any.
    const std::optional<assets::InspectionReport>& lastReport() const { return _maybeReport; }
    bool isBusy() const { return _running > 0; }

    void retranslate();

signals:
    /// A check or audit finished and its findings are shown.
    void checkFinished();
    /// A check, audit or project open failed; the message names the cause.
    void failed(const QString& message);

private:
    void buildUi();
    void onProjectOpened(const QString& path, const QString& warnings);
    void onPolygonChanged(const std::vector<osg::Vec3d>& vertices);
    void onPolygonClosed(const std::vector<osg::Vec3d>& vertices);
    void onRelatedSelected(int finding, int related);
    void onAuditRowSelected(int index);
    void focusOn(const assets::RelatedItem& item, const std::string& rule);
    void showResult(assets::InspectionReport report, render::InspectionOverlay overlay);
    void updateOverlay();
    void reportFailure(const QString& message);
    /// Runs `work` on a worker; `done` gets its outcome on the GUI thread,
    /// unless a newer check was asked for meanwhile or this one failed
    /// (reported instead).
    void runCheck(quint64 request, std::function<CheckOutcome()> work,
                  std::function<void(const CheckOutcome&)> done);
    void chooseProjectDialog();
    void auditDialog();
    void exportDialog();
    std::optional<geo::GeoPoint> toWgs84(const osg::Vec3d& local) const;

    InspectionHost& _host;
    InspectionProject* _project = nullptr;
    MapPointTool* _tool = nullptr;
    FindingsPanel* _findings = nullptr;
    AuditPanel* _audit = nullptr;
    QDockWidget* _findingsDock = nullptr;
    QDockWidget* _auditDock = nullptr;
    QMenu* _menu = nullptr;
    QToolBar* _toolbar = nullptr;
    QAction* _checkSite = nullptr;
    QAction* _checkWorks = nullptr;
    QAction* _auditAction = nullptr;
    QAction* _export = nullptr;
    QAction* _chooseProject = nullptr;
    QAction* _clear = nullptr;

    render::InspectionOverlay _overlay;
    std::optional<assets::InspectionReport> _maybeReport;
    WorksParameters _worksParameters;
    quint64 _request = 0;  // the newest request; older results are dropped
    int _running = 0;
};

}  // namespace citytwin::app
