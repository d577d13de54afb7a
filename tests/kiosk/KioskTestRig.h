#pragma once
// What the kiosk window tests need around the real program: a private X
// server with a real window manager (openbox: Alt+F4 there is a
// WM_DELETE_WINDOW request, full screen is negotiated), xdotool, screen
// shots, a NOTIFY_SOCKET datagram socket standing in for systemd, and the
// kiosk process with its log file.

#include <QByteArray>
#include <QElapsedTimer>
#include <QImage>
#include <QProcess>
#include <QRect>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace citytwin::test::kiosk {

/// Polls `condition` every `pollMs` until it holds or `timeoutMs` pass.
bool waitFor(const std::function<bool()>& condition, int timeoutMs, int pollMs = 100);

/// A window's place and size on the screen (x, y = -1 if unknown).
struct WindowGeometry {
    int x = -1, y = -1, w = 0, h = 0;
    QRect rect() const { return QRect(x, y, w, h); }
};

/// Xvfb on a free display plus openbox managing it; both stopped on destruction.
class XSession {
public:
    XSession() = default;
    ~XSession();
    /// Starts both; false with `error` set if either does not come up.
    bool start(const QSize& screen, QString& error);
    QString display() const { return _display; }
    QSize screen() const { return _screen; }

    /// Runs a command on this display; returns its stdout (empty on failure).
    QString run(const QString& program, const QStringList& args, int timeoutMs = 10000) const;
    /// The whole screen as an image (scrot).
    QImage grab(const QString& savePath) const;
    /// Where a window is, as the window manager placed it (xdotool).
    WindowGeometry windowGeometry(const QString& window) const;
    /// The X window id of a process's visible top-level window ("" until mapped).
    QString visibleWindowOf(qint64 pid) const;
    /// A process's visible windows that the window manager manages (they
    /// carry WM_STATE): its top-levels, not the native child windows inside
    /// them (the 3D view's GL window, native overlays), which share its pid.
    QStringList visibleTopLevelsOf(qint64 pid) const;

private:
    std::unique_ptr<QProcess> _xvfb;
    std::unique_ptr<QProcess> _wm;
    QString _display;
    QSize _screen;
};

/// An AF_UNIX SOCK_DGRAM socket at a fresh path: what sd_notify writes to.
class NotifySocket {
public:
    NotifySocket();
    ~NotifySocket();
    bool isOpen() const { return _fd >= 0; }
    QString path() const { return _path; }
    /// Reads whatever datagrams arrived; each is kept with its arrival time.
    void drain();
    struct Message {
        qint64 atMs;
        QByteArray text;
    };
    const std::vector<Message>& messages() {
        drain();
        return _messages;
    }
    /// Datagrams containing `line` (e.g. "WATCHDOG=1") received after `sinceMs`.
    int count(const QByteArray& line, qint64 sinceMs = -1);
    qint64 nowMs() const { return _clock.elapsed(); }

private:
    int _fd = -1;
    QString _path;
    QString _dir;
    QElapsedTimer _clock;
    std::vector<Message> _messages;
};

/// The real `citytwin` with `args` on the session's display, its log in `logPath`
/// (--log-file and --lang en are added); `extraEnv` entries are NAME=VALUE.
class CitytwinProcess {
public:
    CitytwinProcess(const XSession& x, const QStringList& args, const QString& logPath,
                    const QStringList& extraEnv = {});
    virtual ~CitytwinProcess();

    bool isRunning() const { return _p.state() != QProcess::NotRunning; }
    qint64 pid() const { return _p.processId(); }
    /// The log file so far.
    QString log() const;
    bool waitForLog(const QString& text, int timeoutMs) const;
    /// The X window id of its visible top-level window ("" until mapped).
    QString window() const;
    /// Waits until it ends; the exit code, or -1 on a crash or time-out.
    int waitForExit(int timeoutMs);
    void signal(int number);
    QString stderrText();

private:
    const XSession& _x;
    QString _logPath;
    QProcess _p;
};

/// `citytwin --kiosk TOUR` on the session's display.
class KioskProcess : public CitytwinProcess {
public:
    KioskProcess(const XSession& x, const QString& tour, const QString& logPath,
                 const QStringList& extraEnv = {}, const QStringList& extraArgs = {});
};

}  // namespace citytwin::test::kiosk
