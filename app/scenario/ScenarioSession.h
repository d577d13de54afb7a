#pragma once
// An open scenario: the scenario file read, the project's network built and
// the engine run, all on a worker (QtConcurrent), then held as a
// ScenarioPlayback whose stateAt(t) the window shows at the clock's time.
// The project is the one the Inspect tools use (the demo's demo.gpkg when
// the demo is open). The network is kept for the map's what-if too.
//
// Errors (a bad file, ids the project lacks) come back as failed(message);
// a cancelled or superseded run's result is dropped.

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

#include "citytwin/assets/ProtectionZoneBuilder.h"
#include "citytwin/assets/network/NetworkBuilder.h"
#include "citytwin/assets/network/NetworkModel.h"
#include "citytwin/assets/scenario/ScenarioPlayback.h"
#include "inspection/InspectionProject.h"

namespace citytwin::app {

/// A project's network and protection zones, built once per project.
struct ScenarioNetwork {
    InspectionProject::Context context;  ///< keeps the project and rules alive
    std::shared_ptr<const assets::NetworkModel> model;
    assets::NetworkBuildReport report;
    std::vector<assets::ProtectionZone> zones;
};

/// What an open scenario holds; immutable, shared with workers.
struct OpenScenario {
    QString path;
    std::shared_ptr<const ScenarioNetwork> network;
    std::shared_ptr<const assets::ScenarioPlayback> playback;
    qint64 computeMs = 0;     ///< engine run time
    QString sensorNote;       ///< where the synthetic readings went (empty: no sensor store)
    QByteArray fileSha256;    ///< of the scenario file's bytes as run
    QString sensorStorePath;  ///< the store its readings went to (empty: none)
};

class ScenarioSession : public QObject {
    Q_OBJECT
public:
    explicit ScenarioSession(InspectionProject& project, QObject* parent = nullptr);

    /// Reads, checks and runs the scenario at `path` (on a worker); opened()
    /// or failed() follows. A run in progress is superseded. Re-opening the
    /// scenario closed last, unchanged (same bytes, project and sensor
    /// store), reuses its run: a kiosk looping one drill neither runs the
    /// engine nor writes its readings again on every pass.
    void open(const QString& path);
    /// The sensor store the next runs write their synthetic readings to
    /// (ScenarioSensorBinding); empty: they stay in the run only.
    void setSensorStore(const QString& storePath) { _sensorStorePath = storePath; }
    /// Drops the open scenario (closed() follows if one was open).
    void close();
    /// Drops the run in progress (its result is ignored when it comes).
    void cancel();

    bool isBusy() const { return _busy; }
    /// The open scenario, or null.
    std::shared_ptr<const OpenScenario> current() const { return _current; }

    /// Calls `then` with the project's network, building it first if needed
    /// (on a worker); on failure `then` is not called and failed() is emitted.
    void withNetwork(std::function<void(const std::shared_ptr<const ScenarioNetwork>&)> then);

signals:
    /// step of steps: what the worker is doing now.
    void progress(const QString& what, int step, int steps);
    void opened();
    void closed();
    void failed(const QString& message);

private:
    void runOnWorker(const QString& path, const std::shared_ptr<const ScenarioNetwork>& network,
                     const QByteArray& fileSha256);
    bool reuseLastClosed(const QString& path, const QByteArray& fileSha256);

    InspectionProject& _project;
    std::shared_ptr<const OpenScenario> _current;
    std::shared_ptr<const OpenScenario> _lastClosed;  ///< reused by open() when unchanged
    std::shared_ptr<const ScenarioNetwork> _network;
    quint64 _generation = 0;
    bool _busy = false;
    QString _sensorStorePath;
};

/// Builds the network and zones of an open project (worker or GUI thread).
geo::Result<ScenarioNetwork> buildScenarioNetwork(const InspectionProject::Context& context);

}  // namespace citytwin::app
