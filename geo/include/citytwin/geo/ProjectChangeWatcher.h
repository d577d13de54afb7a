#pragma once
// Live refresh of a project in PostgreSQL: LISTENs on the channel the
// project's triggers NOTIFY (docs/deployment.md) on a thread of its own and
// reports which layer changed. Plain C++ (libpq); a window connects the
// callbacks to its GUI thread by a queued call.
//
// Channel: citytwin_layer_changed. Payload: the layer (table) name. PostgreSQL
// delivers a notification when the writing transaction commits, once per
// transaction and layer, to every session listening at that moment.
//
// Thread safety: the callbacks run on the watcher's thread, never two at
// once; they must not block for long (hand the work on). The destructor
// stops the thread (within ~100 ms, also while it waits to reconnect) and
// must not be called from a callback.

#include <functional>
#include <memory>
#include <string>

namespace citytwin::geo {

inline constexpr const char* kProjectChangeChannel = "citytwin_layer_changed";

struct ProjectWatchCallbacks {
    /// A layer changed (its name); "" after a reconnect: anything may have
    /// changed while the connection was down.
    std::function<void(const std::string& layer)> changed;
    /// Connected and listening (again, after a reconnect).
    std::function<void()> listening;
    /// The connection failed or was lost: the message names the masked
    /// location and libpq's reason. The watcher retries every retryMs.
    std::function<void(const std::string& message)> problem;
};

class ProjectChangeWatcher {
public:
    /// Starts the thread, which connects (with the location's
    /// connect_timeout, default 10 s) and LISTENs. Returns at once.
    ProjectChangeWatcher(std::string location, ProjectWatchCallbacks callbacks, int retryMs = 1000);
    ~ProjectChangeWatcher();
    ProjectChangeWatcher(const ProjectChangeWatcher&) = delete;
    ProjectChangeWatcher& operator=(const ProjectChangeWatcher&) = delete;

    const std::string& location() const { return _location; }
    /// Whether the thread is connected and listening now (any thread).
    bool isListening() const;

private:
    struct Impl;
    std::string _location;
    std::unique_ptr<Impl> _impl;
};

}  // namespace citytwin::geo
