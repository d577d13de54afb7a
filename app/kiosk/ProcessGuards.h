#pragma once
// What ends a kiosk on purpose so that systemd starts a fresh one: resident
// memory above the ceiling (checked every minute), a lost GL context or an
// out-of-memory GL error. Both log why and exit with kExitRestart. Also the
// clean exit on SIGTERM/SIGINT (a self-pipe read on the GUI thread) and the
// tests' hook that hangs the GUI thread.

#include <QObject>
#include <QTimer>

#include <cstdint>

class QSocketNotifier;

namespace citytwin::app::kiosk {

/// The exit code the kiosk unit restarts on (documented in docs/kiosk.md).
constexpr int kExitRestart = 3;

/// The process's resident set size in bytes (/proc/self/statm), 0 if unknown.
std::uint64_t residentBytes();

class MemoryCeiling : public QObject {
    Q_OBJECT
public:
    /// `ceilingBytes` > 0; checks every `intervalMs`.
    MemoryCeiling(std::uint64_t ceilingBytes, int intervalMs, QObject* parent = nullptr);
    std::uint64_t ceilingBytes() const { return _ceiling; }

private:
    void check();
    std::uint64_t _ceiling;
    QTimer _timer;
};

/// SIGTERM and SIGINT quit the event loop with 0 (after `beforeQuit`).
class TerminationSignals : public QObject {
    Q_OBJECT
public:
    explicit TerminationSignals(QObject* parent = nullptr);
    ~TerminationSignals() override;

signals:
    void terminationRequested(int signalNumber);

private:
    void onReadable();
    QSocketNotifier* _notifier = nullptr;
};

/// CITYTWIN_KIOSK_TEST_FREEZE_AFTER_S=N (tests only): N seconds after the
/// kiosk is ready the GUI thread blocks for good, as a hung driver would.
void armFreezeTestHook(QObject* context);

}  // namespace citytwin::app::kiosk
