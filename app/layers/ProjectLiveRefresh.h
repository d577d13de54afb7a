#pragma once
// Live refresh of layers read from a PostGIS project: one
// geo::ProjectChangeWatcher (libpq LISTEN on its own thread) per database the
// window shows layers of; a change of a layer, queued to the GUI thread,
// becomes a reload of the loaded layers it concerns (the scene replaces a
// layer queued again under the same id). docs/deployment.md.
//
// The log says when a reloaded layer is on screen: "live refresh: <id>
// redrawn N ms after the notification" (bench/assets/run_live_refresh_bench.sh
// reads it).

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QString>

#include <map>
#include <memory>
#include <vector>

#include "layers/LayerSpec.h"

namespace citytwin::geo {
class ProjectChangeWatcher;
}

namespace citytwin::app {

class ProjectLiveRefresh : public QObject {
    Q_OBJECT
public:
    explicit ProjectLiveRefresh(QObject* parent = nullptr);
    ~ProjectLiveRefresh() override;

    /// GUI thread: a layer was loaded; one read from a PostgreSQL location is
    /// watched from now on. Returns true if it was a reload of ours.
    bool layerLoaded(const LoadedLayer& layer);
    /// The reloads due (taken: asked for once), as specs for the scene loader.
    std::vector<LayerSpec> takePending();
    bool hasPending() const { return !_pending.isEmpty(); }
    /// GUI thread: the view drew a frame; reloads loaded since are on screen.
    void frameDrawn();

signals:
    /// Layers changed in the database: takePending() has specs to load.
    void refreshWanted();
    /// A watcher's connection failed or was lost (password masked).
    void problem(const QString& message);

private:
    void onChanged(const QString& location, const QString& layer, qint64 heardAtMs);

    struct Watched {
        LayerSpec spec;       ///< how to read it again
        QString sourceLayer;  ///< its table in the database
    };
    std::map<QString, Watched> _layers;                                       ///< by scene layer id
    std::map<QString, std::unique_ptr<geo::ProjectChangeWatcher>> _watchers;  ///< by location
    QSet<QString> _pending;                                                   ///< ids to reload
    QSet<QString> _reloading;                   ///< ids handed out by takePending, not loaded yet
    QSet<QString> _loadedNotDrawn;              ///< reloaded, the next frame shows them
    std::map<QString, qint64> _heardAt;         ///< by pending id: when its oldest change was heard
    std::map<QString, qint64> _loadingHeardAt;  ///< the same for the reloads handed out
    QElapsedTimer _clock;                       ///< shared with the watcher threads (monotonic)
};

}  // namespace citytwin::app
