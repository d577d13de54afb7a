#include "kiosk/ProcessGuards.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QSocketNotifier>

#include <chrono>
#include <cstdio>
#include <thread>

#include "shell/LogChannel.h"

namespace citytwin::app::kiosk {

namespace {
int gSignalPipe[2] = {-1, -1};

void onSignal(int number) {
    const unsigned char byte = static_cast<unsigned char>(number);
    // Async-signal-safe: one write to the pipe; the GUI thread does the rest.
    [[maybe_unused]] const ssize_t n = ::write(gSignalPipe[1], &byte, 1);
}
}  // namespace

std::uint64_t residentBytes() {
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    if (!f)
        return 0;
    unsigned long long size = 0, resident = 0;
    const int n = std::fscanf(f, "%llu %llu", &size, &resident);
    std::fclose(f);
    if (n != 2)
        return 0;
    return resident * std::uint64_t(::sysconf(_SC_PAGESIZE));
}

MemoryCeiling::MemoryCeiling(std::uint64_t ceilingBytes, int intervalMs, QObject* parent)
    : QObject(parent), _ceiling(ceilingBytes) {
    connect(&_timer, &QTimer::timeout, this, &MemoryCeiling::check);
    _timer.start(intervalMs);
}

void MemoryCeiling::check() {
    const std::uint64_t rss = residentBytes();
    if (rss <= _ceiling)
        return;
    LogChannel::instance().write(
        geo::LogLevel::Error,
        QStringLiteral("kiosk: resident memory %1 MiB is above the ceiling of %2 MiB; exiting "
                       "with %3 to be restarted")
            .arg(rss >> 20)
            .arg(_ceiling >> 20)
            .arg(kExitRestart));
    QCoreApplication::exit(kExitRestart);
}

TerminationSignals::TerminationSignals(QObject* parent) : QObject(parent) {
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, gSignalPipe) != 0) {
        LogChannel::instance().write(geo::LogLevel::Error,
                                     QStringLiteral("kiosk: cannot watch for SIGTERM"));
        return;
    }
    ::fcntl(gSignalPipe[1], F_SETFL, O_NONBLOCK);
    _notifier = new QSocketNotifier(gSignalPipe[0], QSocketNotifier::Read, this);
    connect(_notifier, &QSocketNotifier::activated, this, &TerminationSignals::onReadable);
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &sa, nullptr);
    ::sigaction(SIGINT, &sa, nullptr);
}

TerminationSignals::~TerminationSignals() {
    struct sigaction sa {};
    sa.sa_handler = SIG_DFL;
    ::sigaction(SIGTERM, &sa, nullptr);
    ::sigaction(SIGINT, &sa, nullptr);
}

void TerminationSignals::onReadable() {
    unsigned char byte = 0;
    if (::read(gSignalPipe[0], &byte, 1) == 1)
        emit terminationRequested(int(byte));
}

void armFreezeTestHook(QObject* context) {
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("CITYTWIN_KIOSK_TEST_FREEZE_AFTER_S", &ok);
    if (!ok || seconds < 0)
        return;
    LogChannel::instance().write(
        geo::LogLevel::Warning,
        QStringLiteral("kiosk: test hook: the GUI thread will hang in %1 s").arg(seconds));
    QTimer::singleShot(seconds * 1000, context, [] {
        LogChannel::instance().write(geo::LogLevel::Warning,
                                     QStringLiteral("kiosk: test hook: GUI thread hanging now"));
        for (;;)
            std::this_thread::sleep_for(std::chrono::hours(1));
    });
}

}  // namespace citytwin::app::kiosk
