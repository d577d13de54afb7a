#pragma once
// The scenario batch modes of the GUI: --record OUT.mp4 and --report
// OUT.html|OUT.pdf with --scenario FILE. Once the scene has loaded the
// scenario is opened (the engine runs), then the video or the report is
// written and the program exits: 0 on success, 1 when the scenario, the
// video (ffmpeg missing or failing) or the report failed, with the reason on
// stderr. The window is reached through BatchTarget and ScenarioTools.

#include <QObject>

#include "shell/AppOptions.h"

namespace citytwin::app {

class BatchTarget;
class ScenarioTools;

class ScenarioBatch : public QObject {
    Q_OBJECT
public:
    /// True if `options` ask for --record or --report.
    static bool isWanted(const AppOptions& options);

    ScenarioBatch(const AppOptions& options, BatchTarget& target, ScenarioTools& tools,
                  QObject* parent = nullptr);

    /// Before the window starts loading: pins the view; fails early when
    /// ffmpeg is missing.
    void prepare();

public slots:
    void onSceneLoaded();

private:
    void onOpened();
    void finish(const QString& error);

    AppOptions _options;
    BatchTarget& _target;
    ScenarioTools& _tools;
    bool _started = false;
};

}  // namespace citytwin::app
