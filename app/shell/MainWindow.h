#pragma once
// The main window: the 3D view in the centre, the layer tree and the
// attribute panel docked beside it, the cursor's coordinates and the
// loading progress in the status bar.

#include <QMainWindow>

#include <memory>
#include <optional>

#include "citytwin/geo/GeoTypes.h"
#include "citytwin/geo/LocalFrame.h"
#include "citytwin/render/CityScene.h"
#include "layers/LayerSpec.h"
#include "shell/AppOptions.h"

class QLabel;
class QProgressBar;
class QToolButton;
class QDockWidget;
class QTemporaryDir;

namespace citytwin::app {

/// Milliseconds since the process started (for launch timings).
qint64 processUptimeMs();

class AlertPanel;
class AttributePanel;
class CoordinateStatus;
class PlaybackBar;
class SensorHistoryChart;
class SensorMonitor;
class InspectionTools;
class LayerTreePanel;
class OsgView;
class SceneLoader;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(AppOptions options, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Starts loading the demo or the command line's files.
    void start();

    OsgView* view() const { return _view; }
    LayerTreePanel* layerTree() const { return _layerTree; }
    AttributePanel* attributePanel() const { return _attributes; }
    SensorMonitor* sensorMonitor() const { return _sensors; }
    PlaybackBar* playbackBar() const { return _playback; }
    AlertPanel* alertPanel() const { return _alertPanel; }
    SensorHistoryChart* historyChart() const { return _history; }
    /// The Inspect menu's tools: siting and works checks, audit, reports.
    InspectionTools* inspection() const { return _inspection; }
    render::CityScene& scene() { return *_scene; }
    const std::optional<geo::LocalFrame>& frame() const { return _maybeFrame; }
    /// True once the initial load finished and every layer is merged.
    bool isSceneLoaded() const;
    /// Files that could not be read, with reasons, in the order met.
    const QStringList& loadErrors() const { return _loadErrors; }

    /// Resizes the window so that the 3D view is viewSize (device-independent pixels).
    void fitViewTo(const QSize& viewSize);

    /// Shows the import dialog for `source`, imports into the chosen project
    /// on a worker (progress, cancel) and adds the imported layer to the scene.
    void importFile(const QString& source);

    /// Opens files as extra layers (File → Open does this after its dialog).
    void openFiles(const QStringList& files);

signals:
    /// The initial load finished and its layers are in the scene graph.
    void sceneLoaded();

protected:
    void changeEvent(QEvent* e) override;

private:
    void buildMenus();
    /// Starts the loader and shows its progress; false if a load is running.
    bool startLoading(std::vector<LayerSpec> specs, std::optional<geo::LocalFrame> maybeFrame);
    void retranslate();
    /// Starts the sensors (demo default or --sensors/--mqtt) in the frame.
    void startSensors();
    void onFrameChosen(double lon, double lat, double minLon, double minLat, double maxLon,
                       double maxLat);
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
    void takeSnapshotAndExit();
    void runBenchmarkAndExit();

    AppOptions _options;
    std::unique_ptr<render::CityScene> _scene;
    OsgView* _view = nullptr;
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
    PlaybackBar* _playback = nullptr;
    AlertPanel* _alertPanel = nullptr;
    SensorHistoryChart* _history = nullptr;
    QDockWidget* _alertDock = nullptr;
    QDockWidget* _historyDock = nullptr;
    SensorMonitor* _sensors = nullptr;
    std::unique_ptr<QTemporaryDir> _simulatedStoreDir;  ///< the demo's throwaway store
    InspectionTools* _inspection = nullptr;
    std::optional<geo::LocalFrame> _maybeFrame;
    geo::Extent _dataExtent;
    QStringList _loadErrors;
    bool _initialLoadDone = false;
    bool _startViewApplied = false;
    quint64 _loadedAtFrame = 0;
    bool _snapshotTaken = false;
    qint64 _loadedAfterMs = 0;
    qint64 _loadFinishedAtMs = 0;
    std::size_t _lastPagedBytes = 0;
    qint64 _pagedBytesChangedAtMs = 0;

    // Menus and actions, kept for retranslation.
    struct Ui;
    std::unique_ptr<Ui> _ui;
};

}  // namespace citytwin::app
