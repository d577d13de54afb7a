#pragma once
// citytwin --record: frames of the open scenario at fixed scenario time
// steps, each rendered once the marks are applied and the paged content
// has loaded (ScenarioTools::renderAt), piped as raw RGBA into Debian's
// ffmpeg (libx264, else mpeg4). No wall clock is involved: the same
// scenario and view give the same frames.

#include <QSize>
#include <QString>

#include <vector>

namespace citytwin::app {

class ScenarioTools;

struct RecordRequest {
    QString outPath;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 stepMs = 60'000;
    int fps = 10;
};

/// The frames' scenario times: from, from + step, ... up to and including to.
std::vector<qint64> recordTimes(qint64 fromMs, qint64 toMs, qint64 stepMs);

/// The ffmpeg program on PATH, or empty.
QString findFfmpeg();

/// Renders and encodes; returns an error (ffmpeg missing or failing, with
/// its message) or empty. `frames` gets the number written.
QString recordScenario(ScenarioTools& tools, const RecordRequest& request, int* frames = nullptr);

}  // namespace citytwin::app
