#include "layers/ProjectLiveRefresh.h"

#include <QPointer>

#include "citytwin/geo/PostgresLocation.h"
#include "citytwin/geo/ProjectChangeWatcher.h"
#include "shell/LogChannel.h"

namespace citytwin::app {

ProjectLiveRefresh::ProjectLiveRefresh(QObject* parent) : QObject(parent) {
    _clock.start();
}

ProjectLiveRefresh::~ProjectLiveRefresh() = default;  // each watcher stops its thread

bool ProjectLiveRefresh::layerLoaded(const LoadedLayer& layer) {
    const bool ours = _reloading.remove(layer.id);
    if (ours)
        _loadedNotDrawn.insert(layer.id);
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
    // The time it was heard is taken here, before the queue to the GUI thread.
    const QElapsedTimer clock = _clock;
    callbacks.changed = [self, path, clock](const std::string& table) {
        QMetaObject::invokeMethod(
            self,
            [self, path, t = QString::fromStdString(table), heard = clock.elapsed()] {
                if (self)
                    self->onChanged(path, t, heard);
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
    // Logged once the LISTEN is in place: a change committed before it is not heard.
    const QString masked = QString::fromStdString(geo::maskedLocation(location));
    callbacks.listening = [self, masked] {
        QMetaObject::invokeMethod(
            self,
            [self, masked] {
                if (self)
                    LogChannel::instance().write(
                        geo::LogLevel::Info,
                        QStringLiteral("live refresh: listening to %1").arg(masked));
            },
            Qt::QueuedConnection);
    };
    _watchers[path] = std::make_unique<geo::ProjectChangeWatcher>(location, std::move(callbacks));
    return ours;
}

void ProjectLiveRefresh::onChanged(const QString& location, const QString& layer,
                                   qint64 heardAtMs) {
    bool any = false;
    for (const auto& [id, w] : _layers) {
        // "" after a reconnect: anything may have changed meanwhile.
        if (w.spec.path == location && (layer.isEmpty() || w.sourceLayer == layer)) {
            _pending.insert(id);
            _heardAt.try_emplace(id, heardAtMs);  // the oldest change waiting counts
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
        if (auto heard = _heardAt.extract(id); !heard.empty())
            _loadingHeardAt.try_emplace(id, heard.mapped());
        LogChannel::instance().write(
            geo::LogLevel::Info,
            QStringLiteral("live refresh: reloading %1 (changed in the database)").arg(id));
    }
    return specs;
}

void ProjectLiveRefresh::frameDrawn() {
    for (const QString& id : std::exchange(_loadedNotDrawn, {})) {
        const auto heard = _loadingHeardAt.extract(id);
        if (heard.empty())
            continue;
        LogChannel::instance().write(
            geo::LogLevel::Info,
            QStringLiteral("live refresh: %1 redrawn %2 ms after the notification")
                .arg(id)
                .arg(_clock.elapsed() - heard.mapped()));
    }
}

}  // namespace citytwin::app
