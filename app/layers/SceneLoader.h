#pragma once
// Loads layers off the GUI/render thread: reads files with GDAL, chooses the
// local frame (centre of the data) if the scene has none yet, builds
// detached OSG nodes and queues them on the CityScene, whose update phase
// merges them. Reports progress and can be cancelled.

#include <QObject>
#include <QString>

#include <atomic>
#include <optional>
#include <thread>
#include <vector>

#include "citytwin/geo/LocalFrame.h"
#include "citytwin/render/CityScene.h"
#include "citytwin/render/TerrainSource.h"
#include "layers/LayerSpec.h"

namespace citytwin::app {

class SceneLoader : public QObject {
    Q_OBJECT
public:
    explicit SceneLoader(render::CityScene& scene, QObject* parent = nullptr);
    ~SceneLoader() override;

    /// Starts loading on a worker thread; false if a load is still running.
    /// With no frame, the frame is centred on the data and frameChosen emitted.
    bool start(std::vector<LayerSpec> specs, std::optional<geo::LocalFrame> maybeFrame);
    bool isBusy() const { return _busy.load(); }
    void cancel() { _cancel = true; }

signals:
    void progress(int done, int total, const QString& what);
    /// The frame was centred on data spanning this WGS 84 extent (degrees).
    void frameChosen(double originLon, double originLat, double minLon, double minLat,
                     double maxLon, double maxLat);
    void layerLoaded(const citytwin::app::LoadedLayer& layer);
    /// A file that could not be read, with the reason (names the file).
    void layerFailed(const QString& path, const QString& message);
    /// Warnings about a file that was read (bad features skipped etc.).
    void layerWarning(const QString& path, const QString& message);
    void finished(bool cancelled);

private:
    struct TerrainRead {
        LayerSpec spec;
        std::shared_ptr<const render::TerrainSource> source;
    };
    /// Pairs DEMs with orthophotos and opens them (worker thread).
    std::vector<TerrainRead> openTerrains(const std::vector<LayerSpec>& rasters);
    void run(std::vector<LayerSpec> specs, std::optional<geo::LocalFrame> maybeFrame);

    render::CityScene& _scene;
    std::thread _worker;
    std::atomic<bool> _busy{false};
    std::atomic<bool> _cancel{false};
    /// The last DEM loaded: an orthophoto opened later drapes on it (worker only).
    std::optional<LayerSpec> _maybeCurrentDem;
};

}  // namespace citytwin::app

Q_DECLARE_METATYPE(citytwin::app::LoadedLayer)
