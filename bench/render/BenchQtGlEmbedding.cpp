// What embedding the 3D view in Qt widgets costs per frame, apart from
// anything OSG draws (issue #13 item 5's profile): the same window (a main
// window with three docks around a 1280x800 view) whose view only clears,
// drawn as a QOpenGLWidget (what OsgView is: Qt composes the widget's
// framebuffer into the whole window every frame) and as a QOpenGLWindow in
// a window container (the GL surface swaps on its own).
//
// usage: bench_qt_gl_embedding [FRAMES]   (needs a display: Xvfb is fine)
// prints: qt_gl_embedding widget_ms=… window_ms=… ratio=…

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QOpenGLWidget>
#include <QOpenGLWindow>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

namespace {

constexpr int kViewWidth = 1280;
constexpr int kViewHeight = 800;

void clearFrame(QOpenGLFunctions& gl) {
    gl.glClearColor(0.3f, 0.4f, 0.5f, 1.f);
    gl.glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
}

class ClearingWidget : public QOpenGLWidget, protected QOpenGLFunctions {
public:
    void initializeGL() override { initializeOpenGLFunctions(); }
    void paintGL() override { clearFrame(*this); }
};

class ClearingWindow : public QOpenGLWindow, protected QOpenGLFunctions {
public:
    ClearingWindow() : QOpenGLWindow(QOpenGLWindow::NoPartialUpdate) {}
    void initializeGL() override { initializeOpenGLFunctions(); }
    void paintGL() override { clearFrame(*this); }
    /// One frame drawn and swapped now, as QOpenGLWidget::repaint() does.
    void drawNow() {
        makeCurrent();
        paintGL();
        context()->swapBuffers(this);
    }
};

void addDocks(QMainWindow& window) {
    for (int i = 0; i < 3; ++i) {
        auto* dock = new QDockWidget(QStringLiteral("dock %1").arg(i));
        dock->setWidget(new QTreeWidget);
        window.addDockWidget(i == 0 ? Qt::LeftDockWidgetArea : Qt::RightDockWidgetArea, dock);
    }
}

/// Median of `frames` frames, each drawn and finished on the GPU.
double medianFrameMs(int frames, const std::function<void()>& draw,
                     const std::function<void()>& finish) {
    std::vector<double> ms;
    QElapsedTimer t;
    for (int i = 0; i < frames; ++i) {
        t.start();
        draw();
        finish();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

/// Waits (events handled) until the window is on screen and drew once.
bool waitExposed(QWindow* handle) {
    QElapsedTimer waited;
    waited.start();
    while (!(handle && handle->isExposed()) && waited.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return handle && handle->isExposed();
}

double widgetFrameMs(int frames) {
    QMainWindow window;
    auto* view = new ClearingWidget;
    view->setFixedSize(kViewWidth, kViewHeight);
    window.setCentralWidget(view);
    addDocks(window);
    window.show();
    if (!waitExposed(window.windowHandle()))
        return -1;
    return medianFrameMs(
        frames, [&] { view->repaint(); },
        [&] {
            view->makeCurrent();
            view->context()->functions()->glFinish();
        });
}

double windowFrameMs(int frames) {
    QMainWindow window;
    auto* view = new ClearingWindow;
    QWidget* container = QWidget::createWindowContainer(view);
    container->setFixedSize(kViewWidth, kViewHeight);
    window.setCentralWidget(container);
    addDocks(window);
    window.show();
    if (!waitExposed(view))
        return -1;
    return medianFrameMs(
        frames, [&] { view->drawNow(); }, [&] { view->context()->functions()->glFinish(); });
}

}  // namespace

int main(int argc, char** argv) {
    QSurfaceFormat format;
    format.setDepthBufferSize(24);
    format.setSwapInterval(0);  // as OsgView and osgViewer: never wait for vsync
    QSurfaceFormat::setDefaultFormat(format);
    QApplication app(argc, argv);
    const int frames = argc > 1 ? std::max(10, std::atoi(argv[1])) : 200;
    const double widget = widgetFrameMs(frames);
    const double window = windowFrameMs(frames);
    if (widget < 0 || window < 0) {
        std::fprintf(stderr, "bench_qt_gl_embedding: the window was never exposed\n");
        return 1;
    }
    std::printf("qt_gl_embedding widget_ms=%.2f window_ms=%.2f ratio=%.2f\n", widget, window,
                widget / window);
    return 0;
}
