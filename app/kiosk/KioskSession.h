#pragma once
// `citytwin --kiosk`: the tour played in a locked-down full-screen window.
// Reads the tour (a bad one falls back to the built-in tour, logged), drops
// the window's chrome, covers the view with the overlay, plays the tour on
// a scaled monotonic clock, hands the view to a visitor who touches it and
// takes it back after the tour's idle time, answers the operator's secret
// exit and SIGTERM with exit 0, and keeps systemd informed (READY=1,
// WATCHDOG=1). See docs/kiosk.md.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

#include "citytwin/render/FeaturePicker.h"
#include "kiosk/Tour.h"

class QKeyEvent;

namespace citytwin::app {

class KioskHost;

namespace kiosk {

class ExitSecret;
class FrameStats;
class KioskLockdown;
class KioskOverlay;
class SystemdNotifier;
class TourPlayer;

struct KioskSettings {
    QString tourPath;  ///< empty: the built-in tour
    bool chinese = false;
    /// Tour seconds per real second (CITYTWIN_KIOSK_TIME_SCALE; tests and bench).
    double timeScale = 1.0;
};

/// Reads the tour at `path`; on any error logs why and returns the built-in tour.
Tour loadTourOrFallback(const QString& path);

class KioskSession : public QObject {
    Q_OBJECT
public:
    KioskSession(KioskHost& host, KioskSettings settings, QObject* parent = nullptr);
    ~KioskSession() override;

    /// Starts the tour (call once the scene has loaded).
    void startTour();
    const Tour& tour() const { return _tour; }

private:
    double now() const;
    void tick();
    void beginStop(std::size_t index);
    void arriveAt(std::size_t index);
    void leave(std::size_t index);
    void onKey(const QKeyEvent& e);
    void onActivity();
    void onPicked(const std::optional<render::PickHit>& hit);
    void onFrame();
    void quit(int code, const QString& why);
    std::optional<render::CameraPose> currentPose() const;

    KioskHost& _host;
    KioskSettings _settings;
    Tour _tour;
    QString _tourDir;
    std::unique_ptr<TourPlayer> _player;
    std::unique_ptr<ExitSecret> _secret;
    KioskLockdown* _lockdown = nullptr;
    KioskOverlay* _overlay = nullptr;
    SystemdNotifier* _notifier = nullptr;
    FrameStats* _frameStats = nullptr;
    QElapsedTimer _clock;
    QTimer _ticker;
    double _lastActivity = -1e9;
    quint64 _ticks = 0;
    bool _quitting = false;
    bool _glWatched = false;
    bool _tourStarted = false;
};

}  // namespace kiosk
}  // namespace citytwin::app
