#include "scenario/ScenarioSession.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

#include "citytwin/assets/scenario/ScenarioEngine.h"
#include "citytwin/assets/scenario/ScenarioFile.h"
#include "scenario/ScenarioSensorBinding.h"

namespace citytwin::app {
namespace {

constexpr int kSteps = 4;

struct RunOutcome {
    std::shared_ptr<const ScenarioNetwork> network;  ///< built here when none was given
    std::shared_ptr<const assets::ScenarioPlayback> playback;
    QString error;
    qint64 computeMs = 0;
    QString sensorNote;  ///< what became of the synthetic readings (the sensor store)
};

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

/// Empty when the file cannot be read (the worker then says why).
QByteArray fileSha256(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return hash.result();
}

}  // namespace

geo::Result<ScenarioNetwork> buildScenarioNetwork(const InspectionProject::Context& context) {
    ScenarioNetwork out;
    out.context = context;
    auto model = assets::NetworkBuilder(context->rules()).build(context->project(), out.report);
    CITYTWIN_RETURN_IF_FAILED(model);
    out.model = std::make_shared<const assets::NetworkModel>(std::move(model.value()));
    auto zones = context->buildZones();
    CITYTWIN_RETURN_IF_FAILED(zones);
    out.zones = std::move(zones.value());
    return out;
}

ScenarioSession::ScenarioSession(InspectionProject& project, QObject* parent)
    : QObject(parent), _project(project) {
    // The project failed to open: the run waiting for it fails with it.
    connect(&_project, &InspectionProject::failed, this, [this](const QString& message) {
        if (!_busy)
            return;
        _busy = false;
        emit failed(message);
    });
}

void ScenarioSession::close() {
    cancel();
    if (!_current)
        return;
    _lastClosed = std::move(_current);
    _current.reset();
    emit closed();
}

void ScenarioSession::cancel() {
    ++_generation;
    _busy = false;
}

void ScenarioSession::open(const QString& path) {
    const quint64 generation = ++_generation;
    _busy = true;
    emit progress(tr("Opening the project…"), 0, kSteps);
    // Hashed here, before the worker reads it: a file edited in between is
    // run again next time rather than mistaken for the one that was run.
    const QByteArray sha = fileSha256(path);
    _project.withContext([this, path, generation, sha](const InspectionProject::Context& context) {
        if (generation != _generation)
            return;
        // A network built from another project (or an earlier open of it) is stale.
        if (_network && _network->context != context)
            _network.reset();
        if (reuseLastClosed(path, sha))
            return;
        runOnWorker(path, _network, sha);
    });
}

bool ScenarioSession::reuseLastClosed(const QString& path, const QByteArray& sha) {
    const std::shared_ptr<const OpenScenario> last = std::exchange(_lastClosed, nullptr);
    if (!last || sha.isEmpty() || !_network || last->network != _network || last->path != path ||
        last->fileSha256 != sha || last->sensorStorePath != _sensorStorePath)
        return false;
    // Asynchronous like a run, so callers see the same order of signals.
    const quint64 generation = _generation;
    QMetaObject::invokeMethod(
        this,
        [this, last, generation] {
            if (generation != _generation)
                return;
            _busy = false;
            _current = last;
            emit opened();
        },
        Qt::QueuedConnection);
    return true;
}

void ScenarioSession::runOnWorker(const QString& path,
                                  const std::shared_ptr<const ScenarioNetwork>& known,
                                  const QByteArray& sha) {
    const quint64 generation = _generation;
    const InspectionProject::Context context = _project.context();
    if (!context) {
        _busy = false;
        emit failed(tr("%1: the project is not open").arg(path));
        return;
    }
    QPointer<ScenarioSession> self(this);
    auto report = [self, generation](const QString& what, int step) {
        QMetaObject::invokeMethod(qApp, [self, generation, what, step] {
            if (self && generation == self->_generation)
                emit self->progress(what, step, kSteps);
        });
    };
    auto* watcher = new QFutureWatcher<RunOutcome>(this);
    connect(watcher, &QFutureWatcher<RunOutcome>::finished, this,
            [this, watcher, generation, path, sha, storePath = _sensorStorePath] {
                RunOutcome outcome = watcher->result();
                watcher->deleteLater();
                if (generation != _generation)
                    return;  // cancelled or superseded
                _busy = false;
                if (outcome.network) {
                    _network = outcome.network;
                }
                if (!outcome.error.isEmpty()) {
                    emit failed(outcome.error);
                    return;
                }
                auto open = std::make_shared<OpenScenario>();
                open->path = path;
                open->network = _network;
                open->playback = outcome.playback;
                open->computeMs = outcome.computeMs;
                open->sensorNote = outcome.sensorNote;
                open->fileSha256 = sha;
                open->sensorStorePath = storePath;
                _current = std::move(open);
                emit opened();
            });
    const std::string file = path.toStdString();
    const std::string storePath = _sensorStorePath.toStdString();
    watcher->setFuture(QtConcurrent::run([file, storePath, context, known, report]() -> RunOutcome {
        RunOutcome out;
        report(tr("Reading the scenario…"), 1);
        auto scenario = assets::loadScenario(file);
        if (!scenario) {
            out.error = text(scenario.messages());
            return out;
        }
        std::shared_ptr<const ScenarioNetwork> network = known;
        if (!network) {
            report(tr("Building the network…"), 2);
            auto built = buildScenarioNetwork(context);
            if (!built) {
                out.error = text(built.messages());
                return out;
            }
            network = std::make_shared<const ScenarioNetwork>(std::move(built.value()));
            out.network = network;
        }
        if (auto checked = assets::checkScenarioAgainst(scenario.value(), *network->model);
            !checked) {
            out.error = text(checked.messages());
            return out;
        }
        report(tr("Running the scenario…"), 3);
        QElapsedTimer timer;
        timer.start();
        const assets::ScenarioEngine engine(context->project(), context->rules(), *network->model);
        auto run = engine.run(scenario.value());
        if (!run) {
            out.error = text(run.messages());
            return out;
        }
        out.computeMs = timer.elapsed();
        if (!storePath.empty()) {
            // The drill's readings join the sensors' history (charts, alerts).
            auto written = writeScenarioReadings(storePath, run.value(), *network->model);
            out.sensorNote = written ? tr("%1 synthetic readings written to the sensor store as "
                                          "scenario:<asset>:<metric>")
                                           .arg(written.value())
                                     : tr("the synthetic readings could not be stored: %1")
                                           .arg(text(written.messages()));
        }
        out.playback = std::make_shared<const assets::ScenarioPlayback>(std::move(scenario.value()),
                                                                        std::move(run.value()));
        return out;
    }));
}

void ScenarioSession::withNetwork(
    std::function<void(const std::shared_ptr<const ScenarioNetwork>&)> then) {
    _project.withContext([this, then](const InspectionProject::Context& context) {
        if (_network && _network->context == context) {
            then(_network);
            return;
        }
        auto* watcher = new QFutureWatcher<geo::Result<ScenarioNetwork>>(this);
        connect(watcher, &QFutureWatcher<geo::Result<ScenarioNetwork>>::finished, this,
                [this, watcher, then] {
                    auto built = watcher->result();
                    watcher->deleteLater();
                    if (!built) {
                        emit failed(text(built.messages()));
                        return;
                    }
                    _network = std::make_shared<const ScenarioNetwork>(std::move(built.value()));
                    then(_network);
                });
        watcher->setFuture(QtConcurrent::run(buildScenarioNetwork, context));
    });
}

}  // namespace citytwin::app
