#include "scenario/ScenarioRecorder.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>

#include "scenario/ScenarioTools.h"

namespace citytwin::app {
namespace {

/// lupdate files these strings under the namespace: the same context here.
QString tr(const char* s) {
    return QCoreApplication::translate("citytwin::app", s);
}

QString encoder(const QString& ffmpeg) {
    QProcess probe;
    probe.start(ffmpeg, {"-hide_banner", "-encoders"});
    if (probe.waitForFinished(20000) &&
        QString::fromLocal8Bit(probe.readAllStandardOutput()).contains(QStringLiteral("libx264")))
        return QStringLiteral("libx264");
    return QStringLiteral("mpeg4");
}

}  // namespace

std::vector<qint64> recordTimes(qint64 fromMs, qint64 toMs, qint64 stepMs) {
    std::vector<qint64> times;
    if (stepMs <= 0 || toMs < fromMs)
        return times;
    for (qint64 t = fromMs; t <= toMs; t += stepMs)
        times.push_back(t);
    return times;
}

QString findFfmpeg() {
    // CITYTWIN_FFMPEG names another build (or none: a path that is not there).
    const QString chosen = qEnvironmentVariable("CITYTWIN_FFMPEG");
    if (!chosen.isEmpty())
        return QFileInfo(chosen).isExecutable() ? chosen : QString();
    return QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
}

QString recordScenario(ScenarioTools& tools, const RecordRequest& request, int* frames) {
    const QString ffmpeg = findFfmpeg();
    if (ffmpeg.isEmpty())
        return tr(
            "--record needs the ffmpeg program, which is not on PATH or not at "
            "$CITYTWIN_FFMPEG (Debian: apt-get install ffmpeg)");
    const std::vector<qint64> times = recordTimes(request.fromMs, request.toMs, request.stepMs);
    if (times.empty())
        return tr("--record: no frame between --from and --to");

    // The first frame fixes the size (the pinned view, in device pixels).
    QImage first = tools.renderAt(times.front());
    if (first.isNull())
        return tr("--record: the view could not be rendered");
    // yuv420p needs even sizes: an odd row or column is dropped.
    const QSize full = first.size();
    const QSize size(full.width() & ~1, full.height() & ~1);
    const QString codec = encoder(ffmpeg);
    QStringList args{"-hide_banner", "-loglevel",
                     "error",        "-y",
                     "-f",           "rawvideo",
                     "-pix_fmt",     "rgba",
                     "-s",           QStringLiteral("%1x%2").arg(size.width()).arg(size.height()),
                     "-r",           QString::number(request.fps),
                     "-i",           "-",
                     "-c:v",         codec};
    // One encoder thread: the same frames give the same bytes.
    args << "-threads"
         << "1"
         << "-pix_fmt"
         << "yuv420p";
    if (codec == QLatin1String("mpeg4"))
        args << "-q:v"
             << "3";
    args << request.outPath;

    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(ffmpeg, args);
    if (!process.waitForStarted(10000))
        return tr("%1: cannot start: %2").arg(ffmpeg, process.errorString());
    int written = 0;
    QString error;
    for (std::size_t i = 0; i < times.size(); ++i) {
        QImage image = i == 0 ? first : tools.renderAt(times[i]);
        if (image.size() != full) {
            error = tr("--record: frame %1 has another size").arg(i);
            break;
        }
        if (full != size)
            image = image.copy(0, 0, size.width(), size.height());
        image = image.convertToFormat(QImage::Format_RGBA8888);
        for (int y = 0; y < image.height(); ++y)
            process.write(reinterpret_cast<const char*>(image.constScanLine(y)),
                          qint64(image.width()) * 4);
        while (process.bytesToWrite() > 0 && process.state() == QProcess::Running)
            process.waitForBytesWritten(10000);
        if (process.state() != QProcess::Running) {
            error = tr("ffmpeg stopped: %1")
                        .arg(QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
            break;
        }
        ++written;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(300000)) {
        process.kill();
        return tr("ffmpeg did not finish");
    }
    if (frames)
        *frames = written;
    if (!error.isEmpty())
        return error;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return tr("ffmpeg failed (%1): %2")
            .arg(process.exitCode())
            .arg(QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
    return {};
}

}  // namespace citytwin::app
