#pragma once
// The native window the 3D view draws into, embedded in the widget tree by
// QWidget::createWindowContainer. A QOpenGLWidget draws into a framebuffer
// object that Qt then composes with the whole main window every frame; under
// software GL that composition cost more than the scene
// (bench/render/BenchQtGlEmbedding.cpp: 21.7 ms against 1.8 ms a frame for
// a clear). This window is swapped directly. It draws nothing itself: it
// tells its view when it is exposed and hands it every input
// event, so event filters on the view (map tools) and tests that send
// events to the view widget see the same events as real input.

#include <QWindow>

#include <functional>

namespace citytwin::app {

class OsgSurface : public QWindow {
    Q_OBJECT
public:
    /// `inputTarget` receives the window's mouse, wheel, key and touch events.
    explicit OsgSurface(QObject* inputTarget);

    /// Called when the window becomes visible on screen (it must be drawn).
    std::function<void()> onExposed;

protected:
    void exposeEvent(QExposeEvent* e) override;
    bool event(QEvent* e) override;

private:
    QObject* _inputTarget;
};

}  // namespace citytwin::app
