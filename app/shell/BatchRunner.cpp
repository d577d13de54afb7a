#include "shell/BatchRunner.h"

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QTextStream>
#include <QTimer>
#include <QWindow>

#include <algorithm>
#include <vector>

#include "shell/AppOptions.h"
#include "shell/LogChannel.h"
#include "view/OsgView.h"

namespace citytwin::app {

bool BatchRunner::isWanted(const AppOptions& options) {
    return !options.snapshotPath.isEmpty() || options.benchmarkFrames > 0;
}

BatchRunner::BatchRunner(const AppOptions& options, BatchTarget& target, QObject* parent)
    : QObject(parent),
      _target(target),
      _snapshotPath(options.snapshotPath),
      _size(options.size),
      _benchmarkFrames(options.benchmarkFrames),
      _decorations(options.decorations),
      _imageSize(options.imageSize),
      _title(options.title) {}

void BatchRunner::prepare() {
    // A snapshot is exactly --size: pin the view, the window grows around it.
    if (_snapshotPath.isEmpty())
        return;
    _target.pinViewSize(_size);
    _target.setUnattended(true);
}

void BatchRunner::onSceneLoaded() {
    if (_benchmarkFrames > 0)
        QTimer::singleShot(0, this, &BatchRunner::runBenchmarkAndExit);
}

void BatchRunner::onLoadedFrame(quint64 framesSinceLoaded) {
    if (!_snapshotPath.isEmpty() && !_snapshotTaken && framesSinceLoaded >= 3) {
        _snapshotTaken = true;
        QTimer::singleShot(0, this, &BatchRunner::takeSnapshotAndExit);
    }
}

void BatchRunner::runBenchmarkAndExit() {
    // Frames back to back, each finished on the GPU, as a plain osgViewer
    // loop would draw them (bench/ compares the two).
    OsgView& view = *_target.view();
    // Nothing is drawn until the window is on screen (a fresh X window may
    // not be yet): wait for it.
    QElapsedTimer waited;
    waited.start();
    while (!view.surface()->isExposed() && waited.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    std::vector<double> ms;
    QElapsedTimer t;
    for (int i = 0; i < _benchmarkFrames; ++i) {
        t.start();
        view.requestRedraw();
        if (!view.renderNow())
            break;
        view.finishGl();
        ms.push_back(t.nsecsElapsed() / 1e6);
        // Input and the scene's own events between frames, outside the timing.
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    }
    if (ms.size() < std::size_t(_benchmarkFrames)) {
        QTextStream(stderr) << "citytwin: --benchmark: the view drew " << ms.size() << " of "
                            << _benchmarkFrames << " frames (the window was not exposed)\n";
        QApplication::exit(1);
        return;
    }
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    double sum = 0;
    for (double v : ms)
        sum += v;
    QTextStream(stdout) << "citytwin first_frame_ms=" << view.firstFrameAtMs()
                        << " loaded_ms=" << _target.loadedAfterMs() << " frames=" << ms.size()
                        << " frame_ms_median=" << sorted[sorted.size() / 2]
                        << " frame_ms_mean=" << sum / ms.size() << "\n";
    QApplication::exit(_target.loadErrors().isEmpty() ? 0 : 1);
}

void BatchRunner::takeSnapshotAndExit() {
    const QImage image = _decorations ? _target.renderDecoratedImage(_imageSize, _title)
                                      : _target.view()->grabFramebuffer();
    int code = 0;
    if (!_target.loadErrors().isEmpty())
        code = 1;
    if (image.isNull() || !image.save(_snapshotPath)) {
        LogChannel::instance().write(geo::LogLevel::Error,
                                     _snapshotPath + QStringLiteral(": cannot write the snapshot"));
        code = 1;
    }
    QApplication::exit(code);
}

}  // namespace citytwin::app
