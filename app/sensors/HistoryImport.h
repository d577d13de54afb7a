#pragma once
// HistoryImport: imports a recorded history file (JSON Lines, long or wide
// CSV, or any CSV through a mapping) into a sensor store off the GUI
// thread, through its own ingest chain on the same store file (the live
// ingest keeps writing beside it: WAL, one writer at a time). Progress is
// polled from the worker's counters; cancel() stops the file at its next
// progress call, and what the writer committed by then is kept and
// counted. run() adds the progress dialog with Cancel and the closing
// message a user sees.

#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

#include "citytwin/sensors/CsvMapping.h"
#include "citytwin/sensors/SensorRegistry.h"

class QMessageBox;
class QProgressDialog;
class QWidget;

namespace citytwin::app {

struct HistoryImportResult {
    bool failed = false;  ///< the file or store could not be read or opened
    bool cancelled = false;
    quint64 lines = 0;         ///< data lines read
    quint64 stored = 0;        ///< new readings committed
    quint64 duplicates = 0;    ///< readings the store already had
    quint64 rejected = 0;      ///< lines refused (in the store's rejected table)
    quint64 skippedCells = 0;  ///< mapped cells that were NA or empty
    QString error;             ///< failed: why, naming the file
};

/// Where an import writes: the store, and the registry whose thresholds
/// raise alerts on the imported readings as on live ones (none: no alerts).
struct HistoryImportTarget {
    QString storePath;
    std::optional<sensors::SensorRegistry> maybeRegistry;
};

class HistoryImport : public QObject {
    Q_OBJECT
public:
    explicit HistoryImport(QObject* parent = nullptr);
    ~HistoryImport() override;  ///< cancels and waits for the worker

    /// Starts importing file into the target's store; false if one runs.
    bool start(const HistoryImportTarget& target, const QString& file,
               std::optional<sensors::CsvMapping> maybeMapping);
    void cancel();
    bool isRunning() const { return _running; }
    /// The last result (after finished()).
    const HistoryImportResult& result() const { return _result; }
    /// What the user is told: counts, and that a cancelled import kept them.
    static QString describe(const HistoryImportResult& r);

    /// The whole flow for a window: a progress dialog with Cancel, the
    /// import, then a message with the counts. Returns the running import
    /// (owned by parent, deleted once its message is closed), or nullptr
    /// after telling the user why it could not start (mapping unreadable).
    static HistoryImport* run(QWidget* parent, const HistoryImportTarget& target,
                              const QString& file, const QString& mappingPath);
    QProgressDialog* progressDialog() const { return _progress; }
    QMessageBox* resultBox() const { return _message; }

signals:
    /// permille of the file read, data lines read and readings committed.
    void progress(int permille, quint64 lines, quint64 stored);
    void finished(const citytwin::app::HistoryImportResult& result);

private:
    struct Shared {
        std::atomic<bool> cancel{false};
        std::atomic<quint64> done{0}, total{0}, lines{0}, stored{0};
    };
    void poll();

    std::shared_ptr<Shared> _shared;
    bool _running = false;
    HistoryImportResult _result;
    QTimer _poll;
    QProgressDialog* _progress = nullptr;
    QMessageBox* _message = nullptr;
};

}  // namespace citytwin::app
