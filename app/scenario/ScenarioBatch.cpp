#include "scenario/ScenarioBatch.h"

#include <QApplication>
#include <QTextStream>
#include <QTimer>

#include "scenario/ScenarioRecorder.h"
#include "scenario/ScenarioTools.h"
#include "shell/BatchRunner.h"
#include "shell/LogChannel.h"

namespace citytwin::app {

bool ScenarioBatch::isWanted(const AppOptions& options) {
    return !options.scenarioPath.isEmpty() &&
           (!options.recordPath.isEmpty() || !options.reportPath.isEmpty());
}

ScenarioBatch::ScenarioBatch(const AppOptions& options, BatchTarget& target, ScenarioTools& tools,
                             QObject* parent)
    : QObject(parent), _options(options), _target(target), _tools(tools) {
    connect(&_tools, &ScenarioTools::opened, this, &ScenarioBatch::onOpened);
    connect(&_tools, &ScenarioTools::failed, this, [this](const QString& m) { finish(m); });
}

void ScenarioBatch::prepare() {
    _target.pinViewSize(_options.size);
    _target.setUnattended(true);
    if (!_options.recordPath.isEmpty() && findFfmpeg().isEmpty())
        QTimer::singleShot(0, this, [this] {
            finish(
                QStringLiteral("--record needs the ffmpeg program, which is not on PATH "
                               "(Debian: apt-get install ffmpeg)"));
        });
}

void ScenarioBatch::onSceneLoaded() {
    if (_started)
        return;
    _started = true;
    _tools.openScenario(_options.scenarioPath);
}

void ScenarioBatch::onOpened() {
    QString error;
    if (!_options.recordPath.isEmpty()) {
        const auto& scenario = _tools.session().current()->playback->scenario();
        RecordRequest r;
        r.outPath = _options.recordPath;
        r.fromMs = _options.maybeFromMs.value_or(scenario.start);
        r.toMs = _options.maybeToMs.value_or(scenario.end);
        r.stepMs = _options.recordStepMs;
        r.fps = _options.recordFps;
        int frames = 0;
        error = recordScenario(_tools, r, &frames);
        if (error.isEmpty())
            QTextStream(stdout) << "citytwin recorded frames=" << frames << " "
                                << _options.recordPath << "\n";
    } else {
        error = _tools.exportReport(_options.reportPath);
        if (error.isEmpty())
            QTextStream(stdout) << "citytwin report " << _options.reportPath << "\n";
    }
    finish(error);
}

void ScenarioBatch::finish(const QString& error) {
    int code = _target.loadErrors().isEmpty() ? 0 : 1;
    if (!error.isEmpty()) {
        LogChannel::instance().write(geo::LogLevel::Error, QStringLiteral("scenario: ") + error);
        code = 1;
    }
    QApplication::exit(code);
}

}  // namespace citytwin::app
