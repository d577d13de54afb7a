#pragma once
// The batch modes of the GUI: --snapshot (render until the scene has
// loaded, save the 3D view as a PNG, exit) and --benchmark (render N frames
// back to back, print timings, exit). The runner drives the window through
// BatchTarget only; main() connects the window's sceneLoaded and
// loadedFrameRendered signals to it.
//
// Exit codes: 0 success; 1 a file could not be read or the snapshot not
// written (a bad command line, 2, never gets this far).

#include <QObject>
#include <QSize>
#include <QString>
#include <QStringList>

class QImage;

namespace citytwin::app {

struct AppOptions;
class OsgView;

/// What a batch run needs of the window.
class BatchTarget {
public:
    virtual ~BatchTarget() = default;

    /// The 3D view: rendered, finished and grabbed by the runner.
    virtual OsgView* view() const = 0;
    /// Files that could not be read, with reasons (any: exit code 1).
    virtual const QStringList& loadErrors() const = 0;
    /// When the loaded scene was first drawn, in ms since the process started.
    virtual qint64 loadedAfterMs() const = 0;
    /// Makes the 3D view exactly `size` pixels; the window grows around it.
    virtual void pinViewSize(const QSize& size) = 0;
    /// Failures are reported on stderr and in the exit code, not in message boxes.
    virtual void setUnattended(bool unattended) = 0;
    /// --snapshot --decorations: the view rendered off-screen at `size` with
    /// scale bar, north arrow, legend and attribution (null on failure).
    virtual QImage renderDecoratedImage(const QSize& size, const QString& title) = 0;
};

class BatchRunner : public QObject {
    Q_OBJECT
public:
    /// True if `options` ask for a batch run (--snapshot or --benchmark).
    static bool isWanted(const AppOptions& options);

    BatchRunner(const AppOptions& options, BatchTarget& target, QObject* parent = nullptr);

    /// Before the window starts loading: pins the view for a snapshot.
    void prepare();

public slots:
    /// The scene has loaded and been drawn: starts the benchmark.
    void onSceneLoaded();
    /// A frame drawn while the scene is loaded, `framesSinceLoaded` after the
    /// first: from the third on the scene is drawn, not half-merged; the
    /// snapshot is taken then.
    void onLoadedFrame(quint64 framesSinceLoaded);

private:
    void takeSnapshotAndExit();
    void runBenchmarkAndExit();

    BatchTarget& _target;
    QString _snapshotPath;
    QSize _size;
    int _benchmarkFrames = 0;
    bool _decorations = false;
    QSize _imageSize;
    QString _title;
    bool _snapshotTaken = false;
};

}  // namespace citytwin::app
