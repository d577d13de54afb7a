#pragma once
// The main window: the 3D view in the centre, the layer tree and the
// attribute panel docked beside it, the cursor's coordinates and the
// loading progress in the status bar, the log in a dock below.
//
// Its work is in three files: MainWindow.cpp (the window, its docks and
// status bar, when the scene counts as loaded), MainWindowMenus.cpp (menus,
// actions and their dialogs, retranslation) and MainWindowLoading.cpp
// (loading and importing layers, starting the sensors). The batch modes
// (BatchRunner) and the inspection tools (InspectionTools) reach it through
// the narrow interfaces it implements.

#include <QMainWindow>

#include <memory>
#include <optional>
#include <vector>

#include "citytwin/geo/GeoTypes.h"
#include "citytwin/geo/LocalFrame.h"
#include "citytwin/render/CityScene.h"
#include "citytwin/render/FeaturePicker.h"
#include "inspection/InspectionHost.h"
#include "kiosk/KioskHost.h"
#include "layers/LayerSpec.h"
#include "shell/AppOptions.h"
#include "shell/BatchRunner.h"

class QLabel;
class QProgressBar;
class QToolButton;
class QDockWidget;
class QTemporaryDir;

namespace citytwin::app {

class AlertPanel;
class AttributePanel;
class CoordinateStatus;
class PlaybackBar;
class SensorHistoryChart;
class SensorMonitor;
class InspectionTools;
class LayerTreePanel;
class LayerStyler;
class LiveStatus;
class AlertToast;
class AlertNotifier;
class LogPanel;
class OsgView;
class SunLighting;
class LightingMenu;
class SceneLoader;
class ScenarioTools;
class OperatorTools;
class ProjectLiveRefresh;
class OperatorDocks;

class MainWindow : public QMainWindow, public InspectionHost, public BatchTarget, public KioskHost {
    Q_OBJECT
public:
    explicit MainWindow(AppOptions options, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Starts loading the demo or the command line's files.
    void start();

    OsgView* view() const override { return _view; }
    LayerTreePanel* layerTree() const { return _layerTree; }
    AttributePanel* attributePanel() const { return _attributes; }
    SensorMonitor* sensorMonitor() const { return _sensors; }
    PlaybackBar* playbackBar() const { return _playback; }
    AlertPanel* alertPanel() const { return _alertPanel; }
    SensorHistoryChart* historyChart() const { return _history; }
    LogPanel* logPanel() const { return _logPanel; }
    /// The Inspect menu's tools: siting and works checks, audit, reports.
    InspectionTools* inspection() const { return _inspection; }
    /// The Scenario menu's tools: playback, event panel, what-if, reports.
    ScenarioTools* scenario() const { return _scenario; }
    /// The Tools menu: go to a coordinate, measure (issue 17).
    OperatorTools* tools() const { return _tools; }
    /// Bookmarks, attribute table, overview map, image export (issue 17).
    OperatorDocks* docks() const { return _docks; }
    render::CityScene& scene() override { return *_scene; }
    const std::optional<geo::LocalFrame>& frame() const override { return _maybeFrame; }
    /// True once the initial load finished and every layer is merged.
    bool isSceneLoaded() const;
    /// Files that could not be read, with reasons, in the order met.
    const QStringList& loadErrors() const override { return _loadErrors; }
    /// When the loaded scene was first drawn, in ms since the process started.
    qint64 loadedAfterMs() const override { return _loadedAfterMs; }

    /// Resizes the window so that the 3D view is viewSize (device-independent pixels).
    void fitViewTo(const QSize& viewSize);

    /// Shows the import dialog for `source`, imports into the chosen project
    /// on a worker (progress, cancel) and adds the imported layer to the scene.
    void importFile(const QString& source);

    /// Opens files as extra layers (File → Open does this after its dialog).
    void openFiles(const QStringList& files);

    /// Layer → Style… for a vector layer (the layer tree's context menu calls
    /// it): the modal Style dialog; false if the layer cannot be styled.
    bool openStyleDialog(const QString& layerId);
    /// Restyles a vector layer without the dialog (rebuilt on a worker).
    void applyLayerStyle(const QString& layerId, const render::LayerStyle& style);
    LayerStyler* layerStyler() const { return _styler; }
    /// The live feed's status bar button (connection, rates, unknown sensors).
    LiveStatus* liveStatus() const { return _liveStatus; }
    AlertToast* alertToast() const { return _alertToast; }
    /// The feature highlighted in 3D (layer id, feature index), if any.
    const std::optional<std::pair<QString, std::uint32_t>>& highlighted() const {
        return _highlighted;
    }

    // InspectionHost
    void showStatusMessage(const QString& text, int timeoutMs = 0) override;
    void logMessage(geo::LogLevel level, const QString& message) override;
    QWidget* dialogParent() override { return this; }
    void addFeatureMenu(QMenu* menu) override;
    QToolBar* addFeatureToolBar() override;
    void addFeatureDock(Qt::DockWidgetArea area, QDockWidget* dock, int width = 0) override;

    // KioskHost (MainWindowKiosk.cpp)
    QWidget* kioskWindow() override { return this; }
    void hideChrome() override;
    void setLighting(const std::string& name) override;
    std::vector<std::string> layerIds() const override;
    void setLayerVisible(const std::string& layerId, bool visible) override;
    bool showSensorTime(std::optional<qint64> maybeTimeMs) override;
    bool playScenario(const QString& file, double speed, QString& error) override;
    void stopScenario() override;

    // BatchTarget
    void pinViewSize(const QSize& size) override;
    void setUnattended(bool unattended) override;
    QImage renderDecoratedImage(const QSize& size, const QString& title) override;

    /// Flies to a layer's extent, from the side (the layer tree's Zoom to layer).
    void zoomToLayer(const QString& layerId);

    /// View → Reset layout: the default window size for this screen and
    /// the default docks; the remembered layout is forgotten.
    void resetLayout();
    /// Whether this run reads and writes the remembered setup (not batch
    /// runs, not the kiosk).
    bool remembersSetup() const { return _remembersSetup; }

signals:
    /// The initial load finished and its layers are in the scene graph.
    void sceneLoaded();
    /// A frame drawn while the scene counts as loaded, `framesSinceLoaded`
    /// after the first such frame (sceneLoaded comes with the third).
    void loadedFrameRendered(quint64 framesSinceLoaded);
    /// A restyled layer's new node is queued (drawn from the next frame).
    void layerRestyled(const QString& layerId);

protected:
    void changeEvent(QEvent* e) override;
    void closeEvent(QCloseEvent* e) override;

private:
    void buildMenus();
    /// MainWindowPicking.cpp: the layer styler and the pick highlight.
    void setupStylesAndPicking();
    /// MainWindowLiveStatus.cpp: feed status, alert toasts, pin clusters.
    void setupLiveStatus();
    void attachLiveStatus();
    void showLiveStatusDetails();
    /// The layer's legend in the tree, from its style now.
    void updateLegend(const QString& layerId);
    void highlightPick(const std::optional<render::PickHit>& hit);
    /// Starts the loader and shows its progress; false if a load is running.
    bool startLoading(std::vector<LayerSpec> specs, std::optional<geo::LocalFrame> maybeFrame);
    void retranslate();
    /// Starts the sensors (demo default or --sensors/--mqtt) in the frame.
    void startSensors();
    void onFrameChosen(double lon, double lat, double minLon, double minLat, double maxLon,
                       double maxLat);
    /// Loads the layers the database changed, unless a load is running.
    void loadLiveRefreshes();
    void onLayerLoaded(const LoadedLayer& layer);
    void onLayerFailed(const QString& path, const QString& message);
    void onLoadFinished(bool cancelled);
    void onFrameRendered();
    /// Status bar: outstanding paging requests; layer tree: memory per layer.
    void showPagingStatus();
    unsigned showPagingRequests();  ///< returns the outstanding requests
    /// No paging requests outstanding, or waited long enough for them.
    bool isPagingSettled() const;
    void applyStartView();
    void showNamedView(const QString& name);
    void saveScreenshotDialog();
    void openDialog();
    void openUrlDialog();
    void importDialog();
    void showAbout();

    // The remembered setup (MainWindowSetup.cpp).
    /// The first window's size: the last one if it fits a screen, else one
    /// that fits the screen it opens on.
    void fitToScreen();
    /// Docks and toolbars as they were (start(): every feature has added its own).
    void restoreLayout();
    void saveSetup();
    /// Alerts and history tabbed on the right, sized for the window.
    void arrangeSensorDocks();
    void rebuildRecentMenu();
    void openRecentFile(const QString& path);
    void chooseLanguage(const QString& language);
    /// What the window opened ("demo" or its files), so a remembered view is
    /// only restored over the same data.
    QString dataKey() const;

    // The layer tree's requests and new layers (MainWindowLayers.cpp).
    void connectLayerTree();
    /// MainWindowOperatorDocks.cpp: the docks of OperatorDocks and their shell.
    void setupOperatorDocks();
    /// `id`, or `id (2)`, `id (3)`... if a layer has it already.
    QString uniqueLayerId(const QString& id) const;
    /// "X lies N km from the other layers, at lon, lat", or empty if it is near.
    QString farLayerNote(const QString& layerId) const;
    /// Layers opened after the first load, once merged: notes, and the fly to them.
    void showNewLayers();
    /// The box round the layers (local frame; invalid if none is merged).
    osg::BoundingBox boxOfLayers(const QStringList& ids) const;
    /// The 3D view's width / height.
    double viewAspect() const;

    AppOptions _options;
    std::unique_ptr<render::CityScene> _scene;
    OsgView* _view = nullptr;
    std::unique_ptr<SunLighting> _sun;  ///< the sky from the scene clock
    LightingMenu* _lightingMenu = nullptr;
    LayerTreePanel* _layerTree = nullptr;
    AttributePanel* _attributes = nullptr;
    CoordinateStatus* _coords = nullptr;
    QProgressBar* _progress = nullptr;
    QToolButton* _cancel = nullptr;
    QLabel* _loadingLabel = nullptr;
    QLabel* _pagingLabel = nullptr;
    QDockWidget* _layerDock = nullptr;
    QDockWidget* _attributeDock = nullptr;
    SceneLoader* _loader = nullptr;
    /// Reloads layers of a PostGIS project when the database says they changed.
    ProjectLiveRefresh* _liveRefresh = nullptr;
    PlaybackBar* _playback = nullptr;
    AlertPanel* _alertPanel = nullptr;
    SensorHistoryChart* _history = nullptr;
    QDockWidget* _alertDock = nullptr;
    QDockWidget* _historyDock = nullptr;
    LogPanel* _logPanel = nullptr;
    QDockWidget* _logDock = nullptr;
    /// Docks the features added on the right: tabbed with the alerts.
    std::vector<QDockWidget*> _featureDocksRight;
    SensorMonitor* _sensors = nullptr;
    std::unique_ptr<QTemporaryDir> _simulatedStoreDir;  ///< the demo's throwaway store
    InspectionTools* _inspection = nullptr;
    ScenarioTools* _scenario = nullptr;
    OperatorTools* _tools = nullptr;
    OperatorDocks* _docks = nullptr;
    std::optional<geo::LocalFrame> _maybeFrame;
    geo::Extent _dataExtent;
    QStringList _loadErrors;
    bool _initialLoadDone = false;
    bool _startViewApplied = false;
    quint64 _loadedAtFrame = 0;
    bool _viewPinned = false;
    bool _unattended = false;
    QMetaObject::Connection _kioskScenarioOpened;  ///< a kiosk stop's scenario, until it opens
    bool _chromeHidden = false;                    ///< the kiosk: no menus, docks, bars, ever
    qint64 _loadedAfterMs = 0;
    qint64 _loadFinishedAtMs = 0;
    std::size_t _lastPagedBytes = 0;
    qint64 _pagedBytesChangedAtMs = 0;
    bool _remembersSetup = false;
    QStringList _newLayerIds;  ///< opened or imported, not yet shown
    bool _layoutRestored = false;
    QByteArray _defaultState;  ///< the docks before any restore (Reset layout)

    LayerStyler* _styler = nullptr;
    LiveStatus* _liveStatus = nullptr;
    AlertToast* _alertToast = nullptr;
    std::unique_ptr<AlertNotifier> _alertNotifier;
    std::optional<std::pair<QString, std::uint32_t>> _highlighted;

    // Menus and actions, kept for retranslation.
    struct Ui;
    std::unique_ptr<Ui> _ui;
};

/// Whether a run with these options reads and writes the remembered setup:
/// not batch runs (--snapshot, --benchmark, --record, --report), not the kiosk.
bool remembersSetupFor(const AppOptions& options);

}  // namespace citytwin::app
