#include "layers/ProjectLiveRefresh.h"

#include <QPointer>

#include "citytwin/geo/PostgresLocation.h"
#include "citytwin/geo/ProjectChangeWatcher.h"
#include "shell/LogChannel.h"

namespace citytwin::app {

ProjectLiveRefresh::ProjectLiveRefresh(QObject* parent) : QObject(parent) {}

ProjectLiveRefresh::~ProjectLiveRefresh() = default;  // each watcher stops its thread

bool ProjectLiveRefresh::layerLoaded(const LoadedLayer& layer) {
    const bool ours = _reloading.remove(layer.id);
    const std::string location = layer.path.toStdString();
    if (!geo::isPostgresLocation(location) || !layer.layer)
        return ours;
    Watched w;
    w.spec.id = layer.id;
    w.spec.displayName = layer.displayName;
    w.spec.path = layer.path;
    w.spec.maybeStyle = layer.maybeStyle;
    w.spec.layerName = QString::fromStdString(layer.layer->name);
    w.spec.framesView = false;  // a reload never moves the view
    w.sourceLayer = w.spec.layerName;
    _layers[layer.id] = w;
    if (_watchers.count(layer.path))
        return ours;
    geo::ProjectWatchCallbacks callbacks;
    // Called on the watcher's thread: queued to ours, dropped if we are gone.
    QPointer<ProjectLiveRefresh> self(this);
    const QString path = layer.path;
    callbacks.changed = [self, path](const std::string& table) {
        QMetaObject::invokeMethod(
            self,
            [self, path, t = QString::fromStdString(table)] {
                if (self)
                    self->onChanged(path, t);
            },
            Qt::QueuedConnection);
    };
    callbacks.problem = [self](const std::string& message) {
        QMetaObject::invokeMethod(
            self,
            [self, m = QString::fromStdString(message)] {
                if (self) {
                    LogChannel::instance().write(geo::LogLevel::Warning, m);
                    emit self->problem(m);
                }
            },
            Qt::QueuedConnection);
    };
    _watchers[path] = std::make_unique<geo::ProjectChangeWatcher>(location, std::move(callbacks));
    LogChannel::instance().write(geo::LogLevel::Info,
                                 QStringLiteral("live refresh: listening to %1")
                                     .arg(QString::fromStdString(geo::maskedLocation(location))));
    return ours;
}

void ProjectLiveRefresh::onChanged(const QString& location, const QString& layer) {
    bool any = false;
    for (const auto& [id, w] : _layers) {
        // "" after a reconnect: anything may have changed meanwhile.
        if (w.spec.path == location && (layer.isEmpty() || w.sourceLayer == layer)) {
            _pending.insert(id);
            any = true;
        }
    }
    if (any)
        emit refreshWanted();
}

std::vector<LayerSpec> ProjectLiveRefresh::takePending() {
    std::vector<LayerSpec> specs;
    for (const QString& id : std::exchange(_pending, {})) {
        auto it = _layers.find(id);
        if (it == _layers.end())
            continue;
        specs.push_back(it->second.spec);
        _reloading.insert(id);
        LogChannel::instance().write(
            geo::LogLevel::Info,
            QStringLiteral("live refresh: reloading %1 (changed in the database)").arg(id));
    }
    return specs;
}

}  // namespace citytwin::app
