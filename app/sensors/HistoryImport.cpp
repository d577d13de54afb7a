#include "sensors/HistoryImport.h"

#include <QFileInfo>
#include <QFuture>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

#include "citytwin/sensors/IngestService.h"

namespace citytwin::app {

HistoryImport::HistoryImport(QObject* parent) : QObject(parent) {
    _poll.setInterval(100);
    connect(&_poll, &QTimer::timeout, this, &HistoryImport::poll);
}

HistoryImport::~HistoryImport() {
    if (_shared)
        _shared->cancel = true;
    // The worker holds only the shared counters: nothing of ours to wait for.
}

void HistoryImport::cancel() {
    if (_shared)
        _shared->cancel = true;
}

void HistoryImport::poll() {
    if (!_shared)
        return;
    const quint64 total = _shared->total, done = _shared->done;
    emit progress(total ? int(1000 * done / total) : 0, _shared->lines, _shared->stored);
}

bool HistoryImport::start(const HistoryImportTarget& target, const QString& file,
                          std::optional<sensors::CsvMapping> maybeMapping) {
    if (_running)
        return false;
    _running = true;
    _result = {};
    auto shared = std::make_shared<Shared>();
    _shared = shared;
    const std::string store = target.storePath.toStdString(), path = file.toStdString();
    // The import judges the file's readings; whether a live sensor has gone
    // silent is the live writer's business (this engine never hears them).
    auto maybeRegistry = target.maybeRegistry;
    if (maybeRegistry) {
        sensors::SensorRegistry judged;
        for (sensors::SensorInfo s : maybeRegistry->sensors()) {
            s.thresholds.staleAfterSeconds.reset();
            judged.add(std::move(s));
        }
        maybeRegistry = std::move(judged);
    }
    _poll.start();
    QtConcurrent::run([shared, store, path, maybeMapping, maybeRegistry]() mutable {
        HistoryImportResult r;
        sensors::IngestServiceOptions o;
        o.storePath = store;
        o.maybeRegistry = std::move(maybeRegistry);
        o.saveRegistry = false;                       // the window's writer saved the real one
        o.overflow = sensors::OverflowPolicy::Block;  // a file waits for the writer
        auto service = sensors::IngestService::open(o);
        if (!service) {
            r.failed = true;
            r.error = QString::fromStdString(service.messages());
            return r;
        }
        sensors::IngestService& svc = *service.value();
        sensors::FileSourceOptions fo;
        fo.maybeMapping = std::move(maybeMapping);
        fo.progress = [shared, &svc](std::uint64_t done, std::uint64_t total) {
            shared->done = done;
            shared->total = total;
            shared->lines = svc.pipeline().counters().received.load();
            shared->stored = svc.writer().counters().stored.load();
            return !shared->cancel.load();
        };
        auto fed = svc.feedFile(path, fo);
        svc.stop();  // drains the queue: what was read is committed
        const auto report = svc.report();
        r.stored = report.stored;
        r.duplicates = report.duplicates;
        r.rejected = report.rejected;
        r.lines = report.received;
        shared->stored = report.stored;
        if (!fed) {
            r.failed = true;
            r.error = QString::fromStdString(fed.messages());
        } else {
            r.cancelled = fed.value().cancelled;
            r.skippedCells = fed.value().skippedCells;
        }
        return r;
    }).then(this, [this](HistoryImportResult r) {
        _poll.stop();
        poll();
        _running = false;
        _result = r;
        emit finished(_result);
    });
    return true;
}

QString HistoryImport::describe(const HistoryImportResult& r) {
    if (r.failed && r.stored == 0)
        return tr("The history was not imported:\n%1").arg(r.error);
    QString text =
        r.cancelled
            ? tr("Import cancelled after %1 lines: the %2 readings committed so far are kept "
                 "in the store.")
                  .arg(r.lines)
                  .arg(r.stored)
            : tr("Imported %1 readings from %2 lines.").arg(r.stored).arg(r.lines);
    if (r.duplicates > 0)
        text += QLatin1Char(' ') + tr("%1 readings were already stored.").arg(r.duplicates);
    if (r.rejected > 0)
        text += QLatin1Char(' ') +
                tr("%1 lines were rejected (see citytwin-cli stats).").arg(r.rejected);
    if (r.skippedCells > 0)
        text += QLatin1Char(' ') + tr("%1 missing cells were skipped.").arg(r.skippedCells);
    if (r.failed)
        text += QLatin1Char('\n') + r.error;
    return text;
}

HistoryImport* HistoryImport::run(QWidget* parent, const HistoryImportTarget& target,
                                  const QString& file, const QString& mappingPath) {
    std::optional<sensors::CsvMapping> maybeMapping;
    if (!mappingPath.isEmpty()) {
        auto mapping = sensors::CsvMapping::load(mappingPath.toStdString());
        if (!mapping) {
            QMessageBox::warning(
                parent, tr("Import sensor history"),
                tr("Cannot read the mapping:\n%1").arg(QString::fromStdString(mapping.messages())));
            return nullptr;
        }
        maybeMapping = std::move(mapping).value();
    }
    auto* import = new HistoryImport(parent);
    auto* progress = new QProgressDialog(parent);
    progress->setObjectName("historyImportProgress");
    progress->setWindowTitle(tr("Import sensor history"));
    progress->setLabelText(tr("Importing %1…").arg(QFileInfo(file).fileName()));
    progress->setCancelButtonText(tr("Cancel"));
    progress->setRange(0, 1000);
    progress->setMinimumDuration(0);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setWindowModality(Qt::WindowModal);
    import->_progress = progress;
    connect(progress, &QProgressDialog::canceled, import, &HistoryImport::cancel);
    connect(import, &HistoryImport::progress, progress,
            [progress, file](int permille, quint64 lines, quint64 stored) {
                progress->setValue(permille);
                progress->setLabelText(tr("Importing %1: %2 lines read, %3 readings committed")
                                           .arg(QFileInfo(file).fileName())
                                           .arg(lines)
                                           .arg(stored));
            });
    connect(import, &HistoryImport::finished, import, [import, parent, progress] {
        progress->hide();
        progress->deleteLater();
        import->_progress = nullptr;
        auto* box = new QMessageBox(
            import->result().failed && import->result().stored == 0 ? QMessageBox::Warning
                                                                    : QMessageBox::Information,
            tr("Import sensor history"), describe(import->result()), QMessageBox::Ok, parent);
        box->setObjectName("historyImportResult");
        box->setAttribute(Qt::WA_DeleteOnClose);
        import->_message = box;
        connect(box, &QObject::destroyed, import, &QObject::deleteLater);
        box->open();
    });
    progress->show();
    import->start(target, file, std::move(maybeMapping));
    return import;
}

}  // namespace citytwin::app
