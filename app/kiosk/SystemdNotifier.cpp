#include "kiosk/SystemdNotifier.h"

#include <systemd/sd-daemon.h>

#include <algorithm>
#include <cstdint>

#include "shell/LogChannel.h"

namespace citytwin::app::kiosk {

SystemdNotifier::SystemdNotifier(std::function<quint64()> frameCount, QObject* parent)
    : QObject(parent), _frameCount(std::move(frameCount)) {
    std::uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0)
        _intervalMs = int(std::max<std::uint64_t>(usec / 2000, 50));
    connect(&_timer, &QTimer::timeout, this, &SystemdNotifier::ping);
}

void SystemdNotifier::notifyReady() {
    if (_ready)
        return;
    _ready = true;
    sd_notify(0, "READY=1\nSTATUS=touring");
    LogChannel::instance().write(geo::LogLevel::Info, QStringLiteral("kiosk: ready"));
    if (_intervalMs > 0) {
        _framesAtLastPing = _frameCount();
        sd_notify(0, "WATCHDOG=1");
        _timer.start(_intervalMs);
    }
}

void SystemdNotifier::ping() {
    // A timer on the GUI thread: it stops when that thread hangs. And no
    // frame drawn since the last ping is a hung render loop: no ping either.
    const quint64 frames = _frameCount();
    if (frames == _framesAtLastPing)
        return;
    _framesAtLastPing = frames;
    sd_notify(0, "WATCHDOG=1");
}

void SystemdNotifier::notifyStopping() {
    _timer.stop();
    sd_notify(0, "STOPPING=1");
}

void SystemdNotifier::notifyStatus(const QString& text) {
    sd_notify(0, ("STATUS=" + text.toUtf8()).constData());
}

}  // namespace citytwin::app::kiosk
