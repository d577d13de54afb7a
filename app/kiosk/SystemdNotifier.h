#pragma once
// The systemd service protocol (sd_notify, libsystemd): READY=1 once the
// first frame is drawn, then WATCHDOG=1 every half WatchdogSec from a timer
// on the GUI thread, and only while frames are still being drawn, so a GUI
// thread that hangs, or a frame loop that stops, stops the pings and
// systemd restarts the kiosk. Without NOTIFY_SOCKET (not run by systemd)
// every call is a no-op.

#include <QObject>
#include <QTimer>

#include <functional>

namespace citytwin::app::kiosk {

class SystemdNotifier : public QObject {
    Q_OBJECT
public:
    /// `frameCount` reads the view's frames drawn so far.
    explicit SystemdNotifier(std::function<quint64()> frameCount, QObject* parent = nullptr);

    /// READY=1 (once) and starts the watchdog pings if WATCHDOG_USEC asks for them.
    void notifyReady();
    /// STOPPING=1, before a clean exit.
    void notifyStopping();
    /// STATUS=text, shown by systemctl status.
    void notifyStatus(const QString& text);

    /// The ping interval (0: no watchdog).
    int watchdogIntervalMs() const { return _intervalMs; }

private:
    void ping();

    std::function<quint64()> _frameCount;
    QTimer _timer;
    int _intervalMs = 0;
    quint64 _framesAtLastPing = 0;
    bool _ready = false;
};

}  // namespace citytwin::app::kiosk
