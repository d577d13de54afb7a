#pragma once
// Loads layers off the GUI/render thread: runs render::SceneAssembler (which
// reads the files, chooses the local frame if the scene has none yet and
// builds detached OSG nodes, in the app's asset styles) on a worker, queues
// the nodes on the CityScene, whose update phase merges them, and tells the
// GUI thread through signals. Reports progress and can be cancelled.

#include <QObject>
#include <QString>

#include <atomic>
#include <optional>
#include <thread>
#include <vector>

#include "citytwin/geo/LocalFrame.h"
#include "citytwin/render/CityScene.h"
#include "citytwin/render/SceneAssembler.h"
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
    /// The ground plane of the next start() also reaches under this WGS 84
    /// extent (the sensors' pins beside the data).
    void setGroundAlsoCovers(const geo::Extent& extent) { _groundAlsoCovers = extent; }
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
    void run(std::vector<LayerSpec> specs, std::optional<geo::LocalFrame> maybeFrame);
    /// Signals and the scene's queue for what the assembler reports (worker thread).
    render::SceneAssemblyObserver observer();

    render::CityScene& _scene;
    std::thread _worker;
    std::atomic<bool> _busy{false};
    std::atomic<bool> _cancel{false};
    /// Used on the worker only; keeps the last DEM between loads.
    render::SceneAssembler _assembler;
    geo::Extent _groundAlsoCovers;  ///< set before start(), read by its worker
};

}  // namespace citytwin::app

Q_DECLARE_METATYPE(citytwin::app::LoadedLayer)
