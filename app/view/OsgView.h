#pragma once
// The 3D view: OpenSceneGraph drawing into a native OpenGL window
// (OsgSurface, in a window container that fills this widget) through
// osgViewer::GraphicsWindowEmbedded, with a GL context of its own that lives
// as long as the view. The viewer runs single-threaded on the GUI thread,
// the only thread that touches the live scene. Sizes and mouse positions
// are scaled by devicePixelRatio (HiDPI).
//
// Widgets cannot be drawn over a native window: what must lie over the
// picture is either a native window itself (the alert toast, measure labels)
// or a picture handed to setOverlayPicture (the kiosk's captions).

#include <QElapsedTimer>
#include <QImage>
#include <QTimer>
#include <QWidget>

#include <osg/ref_ptr>
#include <osgViewer/GraphicsWindow>
#include <osgViewer/Viewer>

#include <memory>
#include <optional>

#include "citytwin/geo/LocalFrame.h"
#include "citytwin/render/CameraPose.h"
#include "citytwin/render/CityManipulator.h"
#include "citytwin/render/CityScene.h"
#include "citytwin/render/FeaturePicker.h"
#include "citytwin/render/PagedMemoryBudget.h"
#include "citytwin/render/SceneAtmosphere.h"
#include "citytwin/render/ScreenOverlay.h"
#include "view/FrameScheduler.h"

class QOffscreenSurface;
class QOpenGLContext;

namespace citytwin::app {

class OsgSurface;

class OsgView : public QWidget {
    Q_OBJECT
public:
    OsgView(render::CityScene& scene, QWidget* parent = nullptr);
    ~OsgView() override;

    /// Call once before QApplication: depth/stencil buffers, multisampling
    /// and the compatibility profile that Debian's OSG is built for.
    static void setDefaultSurfaceFormat();
    /// Whether a left click emits featurePicked (the attribute panel's
    /// selection); the map tools turn it off while they take clicks.
    void setFeaturePicking(bool on) { _featurePicking = on; }
    bool featurePicking() const { return _featurePicking; }

    /// Places the camera; also becomes the home view if `asHome`.
    void setLookAt(const osg::Vec3d& eye, const osg::Vec3d& center, const osg::Vec3d& up,
                   bool asHome);
    /// Flies back to the home view (View → Home, the Home and H keys).
    void goHome();
    /// The camera now (local frame).
    render::LookAt lookAt() const { return _manipulator->lookAt(); }
    /// The home view set by setLookAt(..., asHome).
    render::LookAt homeLookAt() const;
    /// The frame poses are interpolated in (flights need it; set once the
    /// data chose it).
    void setFrame(const geo::LocalFrame& frame) {
        _maybeFrame = frame;
        _limitsBound = osg::BoundingSphere();  // the limits take the frame's vertical
    }
    /// Flies smoothly to a look-at (kiosk::CameraFlight's easing and climb);
    /// without a frame, or with durationMs <= 0, jumps there. A mouse press
    /// or another flight ends it.
    void flyToLookAt(const render::LookAt& target, int durationMs = 1200);
    bool isFlying() const { return _maybeFlight.has_value(); }
    /// The limits the user's navigation keeps to (from the data's bounds;
    /// updated as layers arrive).
    const render::NavigationLimits& navigationLimits() const { return _manipulator->limits(); }
    /// Turns the view to face north, keeping the target, distance and tilt.
    void northUp();
    /// Frames the bounding sphere (local metres), looking from the south, tilted.
    void frameBound(const osg::BoundingSphere& bs);
    /// Looks at a local point from the south, tilted, from `distance` metres.
    void flyTo(const osg::Vec3d& localPoint, double distance);

    /// Where a local-frame point is drawn, in widget coordinates (nullopt if
    /// behind the camera). Tests click there; overlays anchor there.
    std::optional<QPointF> widgetPointOf(const osg::Vec3d& localPoint) const;
    /// The local-frame point on the scene or ground under the view's centre.
    std::optional<osg::Vec3d> localPointAtCentre() const;
    /// The viewer's camera (e.g. to project a local point to the window).
    osg::Camera* camera() const { return _viewer->getCamera(); }

    /// Whether the map's labels (render::kMapLabelMask) are drawn.
    void setMapLabelsShown(bool shown);
    bool mapLabelsShown() const;

    /// Frames drawn since the widget was created.
    quint64 frameCount() const { return _frames; }
    /// Draws a frame now and shows it, if the window is on screen (the
    /// benchmark's loop); false if it is not.
    bool renderNow();
    /// Draws a frame now and returns it as the window shows it (device
    /// pixels). Off screen, the same frame is drawn into an image.
    QImage grabFramebuffer();
    /// A picture laid over every frame, the size of the view in device
    /// pixels with transparency (a null image removes it).
    void setOverlayPicture(const QImage& picture);
    /// The native window drawn into (tests: where real input arrives).
    QWindow* surface() const;
    /// Asks for a redraw on the next timer tick. The view draws on demand
    /// (FrameScheduler): whatever changes the scene outside the camera,
    /// CityScene and the pager asks for a frame, or adds a demand.
    void requestRedraw();
    /// A source of change polled on every tick: frames are drawn while it
    /// returns true (e.g. labels waiting to be refreshed).
    void addFrameDemand(const QString& name, FrameScheduler::Demand demand);
    /// Why the last frame was drawn ("camera", "tiles", "request"...).
    const QString& lastFrameReason() const { return _frameReason; }
    /// What the view still has to do without new input, empty when it is
    /// settled: a frame due (FrameScheduler::pending), a flight, tiles
    /// being read, a cursor read-out not yet picked. Tests wait for it.
    QString pendingWork() const;
    /// Zooms like a pinch: factor > 1 brings the eye closer to the orbit centre.
    void zoomBy(double factor);
    /// The eye's distance from the orbit centre (m).
    double orbitDistance() const { return _manipulator->getDistance(); }
    /// Waits until the GPU has finished the frames drawn so far.
    void finishGl();
    /// Renders the scene as the camera sees it now into an off-screen
    /// framebuffer of `size` pixels (it may exceed the window and the screen,
    /// e.g. 3840x2160; the same vertical field of view, the aspect of
    /// `size`): File > Export image and --snapshot --decorations. Null if
    /// the GL driver refuses a framebuffer that large. (OsgViewOffscreen.cpp)
    QImage renderOffscreen(const QSize& size);
    /// The vertical field of view of every frame, degrees.
    static constexpr double kFovYDegrees = 35.0;
    /// When the first frame was drawn, in ms since process start (0: not yet).
    qint64 firstFrameAtMs() const { return _firstFrameAtMs; }

    /// The budget for paged content, enforced in each frame's update phase.
    render::PagedMemoryBudget& memoryBudget() { return *_memoryBudget; }
    /// Paging requests outstanding: files queued or being read, data to compile or merge.
    unsigned pagingRequests() const;
    /// The sun, sky and haze; a new look draws a frame (SunLighting sets it).
    render::SceneAtmosphere& atmosphere() { return *_atmosphere; }
    /// The night style's lit windows (0: off, up to 1 at full night).
    void setNightWindows(float strength);

signals:
    /// Just before a frame is drawn, and just after.
    void frameStarting();
    void frameRendered();
    /// Local-frame point under the cursor (nullopt over the sky).
    void cursorMoved(std::optional<osg::Vec3d> localPoint);
    /// A click (press and release without drag) on a feature, or on nothing.
    void featurePicked(std::optional<render::PickHit> hit);
    /// The same click as a local-frame point on the scene or the ground
    /// (nullopt over the sky); what map tools (siting, drawing) listen to.
    void pointClicked(std::optional<osg::Vec3d> localPoint);
    /// A right click (press and release without drag) on a feature, or on
    /// nothing, with the global position for a context menu.
    void contextMenuRequested(std::optional<render::PickHit> hit, QPoint globalPos);
    /// A left double click, as a local-frame point (ends a drawing).
    void pointDoubleClicked(std::optional<osg::Vec3d> localPoint);

protected:
    void resizeEvent(QResizeEvent* e) override;
    void mousePressEvent(QMouseEvent* e) override;
    void mouseReleaseEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void mouseDoubleClickEvent(QMouseEvent* e) override;
    void wheelEvent(QWheelEvent* e) override;
    bool event(QEvent* e) override;
    void keyPressEvent(QKeyEvent* e) override;
    void keyReleaseEvent(QKeyEvent* e) override;

private:
    bool _featurePicking = true;
    /// The view's context current on its window, or (before the window
    /// exists) on an off-screen surface; false if GL is unavailable.
    bool makeCurrent();
    void doneCurrent();
    /// The window's size in device pixels.
    QSize deviceSize() const;
    /// The viewport and projection follow the view's size.
    void onResized();
    /// One frame into framebuffer `fbo` (0: the window's back buffer).
    void drawFrame(unsigned fbo);
    /// The current framebuffer's pixels (`size` device pixels), top row first.
    QImage readFramebuffer(const QSize& size) const;
    osgGA::EventQueue* events() const;
    double scale() const { return devicePixelRatioF(); }
    void tick();
    /// Follows the data's bound: the limits grow as layers arrive.
    void updateNavigationLimits();
    void stepFlight();
    /// The cursor read-out intersects the scene: at most every 50 ms, the
    /// last position wins (a city of 200,000 buildings makes each one costly).
    void updateCursorPoint(bool force);
    /// The local point under a window pixel (origin bottom-left, device
    /// pixels): the scene, else the ground at the vertical under the orbit
    /// centre (a far layer's own ground, not the frame's z = 0 plane).
    std::optional<osg::Vec3d> pointUnder(double x, double y) const;

    render::CityScene& _scene;
    OsgSurface* _surface = nullptr;  ///< owned by its container, a child of this widget
    QOpenGLContext* _context = nullptr;
    QOffscreenSurface* _offscreen = nullptr;
    render::ScreenOverlay _overlay;
    QImage _pendingOverlay;
    bool _overlayChanged = false;
    osg::ref_ptr<osgViewer::Viewer> _viewer;
    osg::ref_ptr<osgViewer::GraphicsWindowEmbedded> _window;
    osg::ref_ptr<render::CityManipulator> _manipulator;
    std::optional<geo::LocalFrame> _maybeFrame;
    struct Flight {
        render::CameraPose from, to;
        QElapsedTimer clock;
        int durationMs = 0;
    };
    std::optional<Flight> _maybeFlight;
    osg::BoundingSphere _limitsBound;
    osg::ref_ptr<render::PagedMemoryBudget> _memoryBudget;
    std::unique_ptr<render::SceneAtmosphere> _atmosphere;
    QTimer _timer;
    QPointF _pressPos;
    std::optional<QPointF> _maybePendingCursor;
    QElapsedTimer _sinceCursorPick;
    quint64 _frames = 0;
    qint64 _firstFrameAtMs = 0;
    FrameScheduler _scheduler;
    QString _frameReason;
    std::uint64_t _drawnRevision = 0;  ///< the scene's revision at the last frame
};

}  // namespace citytwin::app
