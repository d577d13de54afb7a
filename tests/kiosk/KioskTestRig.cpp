#include "KioskTestRig.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QThread>

#include <cstring>

#include "citytwin/test/TestPaths.h"

namespace citytwin::test::kiosk {

bool waitFor(const std::function<bool()>& condition, int timeoutMs, int pollMs) {
    QElapsedTimer t;
    t.start();
    while (!condition()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QThread::msleep(pollMs);
    }
    return true;
}

XSession::~XSession() {
    for (auto* p : {_wm.get(), _xvfb.get()}) {
        if (p && p->state() != QProcess::NotRunning) {
            p->terminate();
            if (!p->waitForFinished(5000))
                p->kill();
            p->waitForFinished(2000);
        }
    }
}

bool XSession::start(const QSize& screen, QString& error) {
    _screen = screen;
    _xvfb = std::make_unique<QProcess>();
    _xvfb->setProgram("Xvfb");
    _xvfb->setArguments({"-displayfd", "1", "-screen", "0",
                         QString("%1x%2x24").arg(screen.width()).arg(screen.height()), "-nolisten",
                         "tcp"});
    _xvfb->start();
    if (!_xvfb->waitForStarted(10000)) {
        error = "cannot start Xvfb";
        return false;
    }
    QByteArray number;
    waitFor(
        [&] {
            _xvfb->waitForReadyRead(100);
            number += _xvfb->readAllStandardOutput();
            return number.contains('\n');
        },
        10000, 1);
    if (!number.contains('\n')) {
        error = "Xvfb did not report its display number";
        return false;
    }
    _display = ":" + QString::fromLatin1(number.trimmed());
    _wm = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("DISPLAY", _display);
    _wm->setProcessEnvironment(env);
    _wm->setProgram("openbox");
    _wm->setArguments({"--sm-disable"});
    _wm->start();
    if (!_wm->waitForStarted(10000)) {
        error = "cannot start openbox";
        return false;
    }
    // The window manager is up once it announces itself on the root window.
    if (!waitFor(
            [&] {
                return run("xprop", {"-root", "_NET_SUPPORTING_WM_CHECK"}).contains("window id");
            },
            15000)) {
        error = "openbox did not take the display";
        return false;
    }
    return true;
}

QString XSession::run(const QString& program, const QStringList& args, int timeoutMs) const {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("DISPLAY", _display);
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(1000);
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput());
}

QImage XSession::grab(const QString& savePath) const {
    QFile::remove(savePath);
    run("scrot", {"--overwrite", savePath}, 15000);
    return QImage(savePath);
}

WindowGeometry XSession::windowGeometry(const QString& window) const {
    WindowGeometry g;
    const QString shell = run("xdotool", {"getwindowgeometry", "--shell", window});
    for (const QString& line : shell.split('\n')) {
        const QString key = line.section('=', 0, 0), value = line.section('=', 1);
        if (key == "X")
            g.x = value.toInt();
        else if (key == "Y")
            g.y = value.toInt();
        else if (key == "WIDTH")
            g.w = value.toInt();
        else if (key == "HEIGHT")
            g.h = value.toInt();
    }
    return g;
}

QString XSession::visibleWindowOf(qint64 pid) const {
    const QStringList ids = visibleTopLevelsOf(pid);
    return ids.isEmpty() ? QString() : ids.last();
}

QStringList XSession::visibleTopLevelsOf(qint64 pid) const {
    QStringList managed;
    for (const QString& id :
         run("xdotool", {"search", "--onlyvisible", "--pid", QString::number(pid)})
             .split('\n', Qt::SkipEmptyParts)) {
        // xprop prints "WM_STATE:  not found." for a window without it.
        const QString state = run("xprop", {"-id", id.trimmed(), "WM_STATE"});
        if (state.contains("window state:"))
            managed << id.trimmed();
    }
    return managed;
}

NotifySocket::NotifySocket() {
    _clock.start();
    _dir = QDir::tempPath() + QString("/citytwin-notify-%1-%2").arg(::getpid()).arg(quintptr(this));
    QDir().mkpath(_dir);
    _path = _dir + "/notify.sock";
    QFile::remove(_path);
    _fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const QByteArray p = QFile::encodeName(_path);
    std::strncpy(addr.sun_path, p.constData(), sizeof(addr.sun_path) - 1);
    if (_fd >= 0 && ::bind(_fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
        ::close(_fd);
        _fd = -1;
    }
}

NotifySocket::~NotifySocket() {
    if (_fd >= 0)
        ::close(_fd);
    QFile::remove(_path);
    QDir().rmdir(_dir);
}

void NotifySocket::drain() {
    if (_fd < 0)
        return;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::recv(_fd, buffer, sizeof(buffer), 0);
        if (n <= 0)
            break;
        _messages.push_back({_clock.elapsed(), QByteArray(buffer, int(n))});
    }
}

int NotifySocket::count(const QByteArray& line, qint64 sinceMs) {
    drain();
    int n = 0;
    for (const Message& m : _messages)
        if (m.atMs > sinceMs && m.text.split('\n').contains(line))
            ++n;
    return n;
}

CitytwinProcess::CitytwinProcess(const XSession& x, const QStringList& args, const QString& logPath,
                                 const QStringList& extraEnv)
    : _x(x), _logPath(logPath) {
    QFile::remove(logPath);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("DISPLAY", x.display());
    env.remove("NOTIFY_SOCKET");
    env.remove("WATCHDOG_USEC");
    for (const QString& e : extraEnv)
        env.insert(e.section('=', 0, 0), e.section('=', 1));
    _p.setProcessEnvironment(env);
    // Files, not pipes: nobody reads a pipe while the test waits, and a full
    // one would block the program's GUI thread.
    _p.setStandardOutputFile(logPath + ".stdout");
    _p.setStandardErrorFile(logPath + ".stderr");
    _p.setProgram(QString(kBinDir) + "/citytwin");
    _p.setArguments(args + QStringList{"--log-file", logPath, "--lang", "en"});
    _p.start();
    _p.waitForStarted(10000);
}

namespace {
QStringList kioskArgs(const QString& tour, const QStringList& extraArgs) {
    QStringList args{"--kiosk"};
    if (!tour.isEmpty())
        args << tour;
    return args + extraArgs;
}
}  // namespace

KioskProcess::KioskProcess(const XSession& x, const QString& tour, const QString& logPath,
                           const QStringList& extraEnv, const QStringList& extraArgs)
    : CitytwinProcess(x, kioskArgs(tour, extraArgs), logPath, extraEnv) {}

CitytwinProcess::~CitytwinProcess() {
    if (isRunning()) {
        _p.kill();
        _p.waitForFinished(5000);
    }
}

QString CitytwinProcess::log() const {
    QFile f(_logPath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

bool CitytwinProcess::waitForLog(const QString& text, int timeoutMs) const {
    return waitFor([&] { return log().contains(text); }, timeoutMs, 200);
}

QString CitytwinProcess::window() const {
    return _x.visibleWindowOf(pid());
}

int CitytwinProcess::waitForExit(int timeoutMs) {
    if (!_p.waitForFinished(timeoutMs) && isRunning())
        return -1;
    return _p.exitStatus() == QProcess::CrashExit ? -1 : _p.exitCode();
}

void CitytwinProcess::signal(int number) {
    ::kill(pid_t(pid()), number);
}

QString CitytwinProcess::stderrText() {
    QFile f(_logPath + ".stderr");
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

}  // namespace citytwin::test::kiosk
