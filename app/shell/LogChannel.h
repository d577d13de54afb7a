#pragma once
// The app's one log channel. Library code logs through geo::log; install()
// makes this channel geo::log's sink. Every message, the library's and the
// app's own, goes to stderr (worded there as it always was), to the
// --log-file if one was given, and out through `logged`, which the log
// panel receives through a queued connection: messages logged on worker
// threads never touch a widget off the GUI thread.

#include <QObject>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <mutex>

#include "citytwin/geo/Log.h"

namespace citytwin::app {

/// The log file's cap: past maxBytes it becomes FILE.1 (FILE.1 becomes
/// FILE.2 ... up to FILE.<keep>, the oldest dropped) and a fresh FILE starts,
/// so a kiosk running for weeks never fills the disk.
struct LogRotation {
    std::int64_t maxBytes = std::int64_t(10) << 20;
    int keep = 3;
};

class LogChannel : public QObject {
    Q_OBJECT
public:
    /// The process's channel (geo::log has one sink per process).
    static LogChannel& instance();
    ~LogChannel() override;

    /// Becomes geo::log's sink; appends to `logFile` too unless it is empty.
    /// Returns an error naming the file if it cannot be opened for writing.
    QString install(const QString& logFile, LogRotation rotation = {});
    /// Restores geo::log's own stderr sink and closes the log file.
    void uninstall();

    /// A message of the app's own: stderr gets `stderrLine` (the wording the
    /// app has always printed); the file and the panel get `message`.
    void write(geo::LogLevel level, const QString& message, const QString& stderrLine);
    /// The same with stderr getting "citytwin: message".
    void write(geo::LogLevel level, const QString& message);

    /// "debug", "info", "warning" or "error" (as geo::log's stderr lines name them).
    static QString levelName(geo::LogLevel level);

signals:
    /// Emitted on the thread that logged; connect with Qt::QueuedConnection.
    void logged(qint64 msecsSinceEpoch, int level, const QString& message);

private:
    LogChannel();
    void record(geo::LogLevel level, const QString& message);
    /// With _fileMutex held: shifts the files and reopens FILE.
    void rotate();

    std::mutex _fileMutex;
    std::FILE* _file = nullptr;
    QString _path;
    LogRotation _rotation;
    std::int64_t _fileBytes = 0;
};

}  // namespace citytwin::app
