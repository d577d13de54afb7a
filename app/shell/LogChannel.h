#pragma once
// The app's one log channel. Library code logs through geo::log; install()
// makes this channel geo::log's sink. Every message, the library's and the
// app's own, goes to stderr (worded there as it always was), to the
// --log-file if one was given, and out through `logged`, which the log
// panel receives through a queued connection: messages logged on worker
// threads never touch a widget off the GUI thread.

#include <QObject>
#include <QString>

#include <cstdio>
#include <mutex>

#include "citytwin/geo/Log.h"

namespace citytwin::app {

class LogChannel : public QObject {
    Q_OBJECT
public:
    /// The process's channel (geo::log has one sink per process).
    static LogChannel& instance();
    ~LogChannel() override;

    /// Becomes geo::log's sink; appends to `logFile` too unless it is empty.
    /// Returns an error naming the file if it cannot be opened for writing.
    QString install(const QString& logFile);
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

    std::mutex _fileMutex;
    std::FILE* _file = nullptr;
};

}  // namespace citytwin::app
