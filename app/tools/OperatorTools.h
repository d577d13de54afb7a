#pragma once
// The operator's everyday tools (issue 17): the Tools menu and toolbar,
// "Go to coordinate" (fly there and mark the point) and Measure (distance
// along the ground and straight in 3D, area and perimeter, height), their
// marks and labels in the 3D view and the Measurement dock. Lengths and
// areas are computed in the CGCS2000 Gauss-Kruger zone of the first point
// (assets::GroundMeasure), never in degrees. The window is reached through
// InspectionHost (view, scene, frame, status, menu, toolbar, docks) only.

#include <QObject>
#include <QString>

#include <optional>
#include <vector>

#include "citytwin/geo/CoordinateInput.h"
#include "inspection/InspectionHost.h"
#include "tools/MeasureTool.h"
#include "tools/ToolMarks.h"

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QToolBar;

namespace citytwin::app {

class MeasurePanel;
class SearchPanel;
struct LoadedLayer;

class OperatorTools : public QObject {
    Q_OBJECT
public:
    OperatorTools(InspectionHost& host, QObject* parent);
    ~OperatorTools() override;

    /// Flies to a parsed coordinate and marks it; shows it in the panel.
    void goTo(const geo::CoordinateTarget& target);
    /// Shows the Go to dialog (modal) and goes where it says.
    void goToDialog();
    /// Starts a measurement; the mode's action is checked meanwhile.
    void startMeasure(MeasureTool::Mode mode);
    /// Removes the marks, labels and the panel's text.
    void clear();
    /// Search (Ctrl+F): a loaded layer's ids and names join the index.
    void addSearchLayer(const LoadedLayer& layer);
    /// Shows the search dock with the box focused.
    void showSearch();
    /// Flies to a feature and highlights it (outline, line or pin).
    void showFeature(const QString& layerId, const geo::FeatureLayer& layer, quint32 featureIndex);
    SearchPanel* searchPanel() const { return _search; }
    QDockWidget* searchDock() const { return _searchDock; }
    QAction* findAction() const { return _find; }

    MeasureTool* measureTool() const { return _tool; }
    MeasurePanel* measurePanel() const { return _panel; }
    QDockWidget* measureDock() const { return _dock; }
    QMenu* menu() const { return _menu; }
    QAction* goToAction() const { return _goTo; }
    QAction* distanceAction() const { return _distance; }
    QAction* areaAction() const { return _area; }
    QAction* heightAction() const { return _height; }
    const ToolMarks& marks() const { return _marks; }
    /// The on-map labels' texts, in the order drawn (tests read them).
    QStringList labelTexts() const;

    void retranslate();

signals:
    /// A measurement finished or a Go to arrived; the panel shows it.
    void resultShown();

private:
    void buildUi();
    void onPoints(MeasureTool::Mode mode, const std::vector<osg::Vec3d>& points);
    void onHeight(const osg::Vec3d& point, const std::optional<render::PickHit>& hit);
    void updateMarks();
    /// Labels at local points, kept where they are drawn as the camera moves.
    void setLabels(std::vector<std::pair<osg::Vec3d, QString>> labels);
    void placeLabels();
    void uncheckModes();
    std::optional<geo::GeoPoint> toWgs84(const osg::Vec3d& local) const;

    InspectionHost& _host;
    MeasureTool* _tool = nullptr;
    MeasurePanel* _panel = nullptr;
    QDockWidget* _dock = nullptr;
    QMenu* _menu = nullptr;
    QToolBar* _toolbar = nullptr;
    QAction* _goTo = nullptr;
    QAction* _distance = nullptr;
    QAction* _area = nullptr;
    QAction* _height = nullptr;
    QAction* _clear = nullptr;
    QAction* _find = nullptr;
    SearchPanel* _search = nullptr;
    QDockWidget* _searchDock = nullptr;
    ToolMarks _marks;
    std::vector<std::pair<osg::Vec3d, QLabel*>> _labels;
    geo::CoordinateRequest _lastRequest;
    QString _lastText;
};

}  // namespace citytwin::app
