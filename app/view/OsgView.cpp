#include "view/OsgView.h"

#include "citytwin/render/MapLabels.h"
#include "kiosk/CameraFlight.h"
#include "shell/ProcessUptime.h"

#include <QGestureEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFramebufferObject>
#include <QOpenGLFunctions>
#include <QPinchGesture>
#include <QSurfaceFormat>
#include <QVBoxLayout>
#include <QWheelEvent>

#include "view/OsgSurface.h"

#include <osg/Math>

#include <algorithm>
#include <cmath>

namespace citytwin::app {
namespace {

int osgButton(Qt::MouseButton b) {
    switch (b) {
        case Qt::LeftButton:
            return 1;
        case Qt::MiddleButton:
            return 2;
        case Qt::RightButton:
            return 3;
        default:
            return 0;
    }
}

int osgKey(QKeyEvent* e) {
    switch (e->key()) {
        case Qt::Key_Left:
            return osgGA::GUIEventAdapter::KEY_Left;
        case Qt::Key_Right:
            return osgGA::GUIEventAdapter::KEY_Right;
        case Qt::Key_Up:
            return osgGA::GUIEventAdapter::KEY_Up;
        case Qt::Key_Down:
            return osgGA::GUIEventAdapter::KEY_Down;
        case Qt::Key_Space:
            return osgGA::GUIEventAdapter::KEY_Space;
        default:
            break;
    }
    const QString t = e->text();
    return t.isEmpty() ? 0 : t.at(0).unicode();
}

}  // namespace

void OsgView::setDefaultSurfaceFormat() {
    QSurfaceFormat f;
    f.setRenderableType(QSurfaceFormat::OpenGL);
    f.setProfile(QSurfaceFormat::CompatibilityProfile);
    f.setDepthBufferSize(24);
    f.setStencilBufferSize(8);
    // No multisampling: under software GL (llvmpipe) it costs more than the
    // whole scene; lines and edges stay readable without it.
    f.setSamples(0);
    QSurfaceFormat::setDefaultFormat(f);
}

OsgView::OsgView(render::CityScene& scene, QWidget* parent) : QWidget(parent), _scene(scene) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(320, 240);
    // Nothing of this widget is painted: the native window covers it.
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_NoSystemBackground);

    _surface = new OsgSurface(this);
    _surface->onExposed = [this] { renderNow(); };
    QWidget* container = QWidget::createWindowContainer(_surface, this);
    container->setFocusPolicy(Qt::NoFocus);  // the view takes the focus, the window its keys
    container->setAttribute(Qt::WA_TransparentForMouseEvents);
    auto* fill = new QVBoxLayout(this);
    fill->setContentsMargins(0, 0, 0, 0);
    fill->addWidget(container);

    _viewer = new osgViewer::Viewer;
    _viewer->setThreadingModel(osgViewer::Viewer::SingleThreaded);
    // Esc must not end the program (a kiosk visitor would press it).
    _viewer->setKeyEventSetsDone(0);
    _viewer->setQuitEventSetsDone(false);
    _window = new osgViewer::GraphicsWindowEmbedded(0, 0, width(), height());
    osg::Camera* cam = _viewer->getCamera();
    cam->setGraphicsContext(_window);
    cam->setViewport(0, 0, width(), height());
    cam->setClearColor(osg::Vec4(0.74f, 0.82f, 0.90f, 1.f));
    cam->setProjectionMatrixAsPerspective(35.0, double(width()) / std::max(1, height()), 1.0, 1e6);
    cam->setNearFarRatio(0.0002);
    _viewer->setSceneData(_scene.root());
    // The scene carries its own light (the sun or the moon), not the eye's.
    _viewer->setLightingMode(osg::View::NO_LIGHT);
    _atmosphere = std::make_unique<render::SceneAtmosphere>(_scene.root());
    _manipulator = new render::CityManipulator;
    _viewer->setCameraManipulator(_manipulator, false);
    _viewer->getEventQueue()->getCurrentEventState()->setMouseYOrientation(
        osgGA::GUIEventAdapter::Y_INCREASING_DOWNWARDS);
    _overlay.camera()->setGraphicsContext(_window);
    _overlay.setViewport(width(), height());
    _viewer->addSlave(_overlay.camera(), false);

    _memoryBudget = new render::PagedMemoryBudget(std::size_t(1024) << 20);
    _memoryBudget->setPager(_viewer->getDatabasePager());
    _memoryBudget->setCamera(cam);
    _scene.root()->addUpdateCallback(_memoryBudget->makeUpdateCallback());

    // Touch screens (the kiosk): one finger orbits through Qt's touch-to-mouse
    // synthesis, two fingers pinch to zoom.
    setAttribute(Qt::WA_AcceptTouchEvents);
    grabGesture(Qt::PinchGesture);

    // What changes the picture without asking: layers merged by the
    // scene's update phase, tiles the pager has read, a camera set on the
    // manipulator from code, a manipulator's animation.
    _scheduler.addDemand(QStringLiteral("layers"), [this] { return _scene.pendingCount() > 0; });
    _scheduler.addDemand(QStringLiteral("scene"),
                         [this] { return _scene.revision() != _drawnRevision; });
    _scheduler.addDemand(QStringLiteral("tiles"), [this] {
        const osgDB::DatabasePager* pager = _viewer->getDatabasePager();
        // Requests still being read need no frame (they stay current while
        // no frame passes); what was read waits for an update phase.
        return pager &&
               (pager->getDataToMergeListSize() > 0 || pager->getDataToCompileListSize() > 0);
    });
    _scheduler.addDemand(QStringLiteral("camera"), [this] {
        return _manipulator->getInverseMatrix() != _viewer->getCamera()->getViewMatrix();
    });
    _scheduler.addDemand(QStringLiteral("sky"), [this] { return _atmosphere->hasPendingLook(); });
    _scheduler.addDemand(QStringLiteral("animation"), [this] {
        return _viewer->getRequestContinousUpdate() || _viewer->getRequestRedraw();
    });

    connect(&_timer, &QTimer::timeout, this, &OsgView::tick);
    _timer.start(16);
}

OsgView::~OsgView() {
    // GL objects belong to this view's context: release them while it is current.
    makeCurrent();
    _viewer->setSceneData(nullptr);
    _overlay.camera()->removeChildren(0, _overlay.camera()->getNumChildren());
    _viewer->getCamera()->setGraphicsContext(nullptr);
    _overlay.camera()->setGraphicsContext(nullptr);
    doneCurrent();
    delete _context;
    delete _offscreen;
}

bool OsgView::makeCurrent() {
    if (!_context) {
        _context = new QOpenGLContext;
        _context->setFormat(QSurfaceFormat::defaultFormat());
        if (!_context->create())
            return false;
    }
    if (_surface->handle())
        return _context->makeCurrent(_surface);
    if (!_offscreen) {
        _offscreen = new QOffscreenSurface;
        _offscreen->setFormat(_context->format());
        _offscreen->create();
    }
    return _context->makeCurrent(_offscreen);
}

void OsgView::doneCurrent() {
    if (_context)
        _context->doneCurrent();
}

QWindow* OsgView::surface() const {
    return _surface;
}

QSize OsgView::deviceSize() const {
    return QSize(int(std::lround(width() * scale())), int(std::lround(height() * scale())));
}

osgGA::EventQueue* OsgView::events() const {
    return _window->getEventQueue();
}

unsigned OsgView::pagingRequests() const {
    const osgDB::DatabasePager* pager = _viewer->getDatabasePager();
    if (!pager)
        return 0;
    // A request a pager thread is reading has left the file queue.
    unsigned reading = 0;
    for (unsigned i = 0; i < pager->getNumDatabaseThreads(); ++i)
        reading += pager->getDatabaseThread(i)->getActive() ? 1 : 0;
    return pager->getFileRequestListSize() + reading + pager->getDataToCompileListSize() +
           pager->getDataToMergeListSize();
}

void OsgView::requestRedraw() {
    _scheduler.request();
}

void OsgView::addFrameDemand(const QString& name, FrameScheduler::Demand demand) {
    _scheduler.addDemand(name, std::move(demand));
}

QString OsgView::pendingWork() const {
    if (QString why = _scheduler.pending(); !why.isEmpty())
        return QStringLiteral("frame due: ") + why;
    if (_maybeFlight)
        return QStringLiteral("flight");
    if (const unsigned n = pagingRequests(); n > 0)
        return QStringLiteral("paging: %1").arg(n);
    if (_maybePendingCursor)
        return QStringLiteral("cursor read-out");
    return {};
}

void OsgView::finishGl() {
    if (!makeCurrent())
        return;
    _context->functions()->glFinish();
    doneCurrent();
}

void OsgView::tick() {
    updateCursorPoint(false);
    stepFlight();
    // Draw only when something changed (FrameScheduler).
    if (_scheduler.due())
        renderNow();
}

void OsgView::resizeEvent(QResizeEvent* e) {
    QWidget::resizeEvent(e);
    // From the widget, at once: the native window's own resize comes later
    // from the window system, and a click meanwhile must pick with the
    // viewport it was aimed at.
    onResized();
}

void OsgView::onResized() {
    const QSize px = deviceSize();
    _window->resized(0, 0, px.width(), px.height());
    events()->windowResize(0, 0, px.width(), px.height());
    _viewer->getCamera()->setViewport(0, 0, px.width(), px.height());
    _viewer->getCamera()->setProjectionMatrixAsPerspective(
        kFovYDegrees, double(px.width()) / std::max(1, px.height()), 1.0, 1e6);
    _overlay.setViewport(px.width(), px.height());
    _scheduler.request(QStringLiteral("resize"));
}

bool OsgView::renderNow() {
    if (!_surface->isExposed() || !makeCurrent())
        return false;
    drawFrame(_context->defaultFramebufferObject());
    _context->swapBuffers(_surface);
    return true;
}

QImage OsgView::grabFramebuffer() {
    const QSize px = deviceSize();
    if (px.isEmpty() || !makeCurrent())
        return {};
    QImage image;
    if (_surface->isExposed()) {
        drawFrame(_context->defaultFramebufferObject());
        image = readFramebuffer(px);  // the back buffer, before it is shown
        _context->swapBuffers(_surface);
    } else {
        QOpenGLFramebufferObjectFormat format;
        format.setAttachment(QOpenGLFramebufferObject::CombinedDepthStencil);
        QOpenGLFramebufferObject fbo(px, format);
        if (!fbo.isValid())
            return {};
        fbo.bind();
        drawFrame(fbo.handle());
        image = readFramebuffer(px);
        fbo.release();
        doneCurrent();
    }
    image.setDevicePixelRatio(scale());
    return image;
}

QImage OsgView::readFramebuffer(const QSize& size) const {
    QImage image(size, QImage::Format_RGBA8888);
    QOpenGLFunctions* gl = _context->functions();
    gl->glFinish();
    gl->glPixelStorei(GL_PACK_ALIGNMENT, 4);
    gl->glReadPixels(0, 0, size.width(), size.height(), GL_RGBA, GL_UNSIGNED_BYTE, image.bits());
    return image.mirrored().convertToFormat(QImage::Format_RGB32);
}

void OsgView::setOverlayPicture(const QImage& picture) {
    _pendingOverlay = picture.isNull()
                          ? QImage()
                          : picture.convertToFormat(QImage::Format_RGBA8888_Premultiplied);
    _overlayChanged = true;
    requestRedraw();
}

void OsgView::drawFrame(unsigned fbo) {
    emit frameStarting();
    _window->setDefaultFboId(fbo);
    // Also frames drawn outside the scheduler (expose, grabFramebuffer): why, for tests.
    _frameReason = _scheduler.due() ? _scheduler.lastReason() : QStringLiteral("paint");
    _scheduler.frameDrawn();
    _drawnRevision = _scene.revision();
    updateNavigationLimits();
    // The light follows the ground looked at (far data is lit from its own sky).
    if (_maybeFrame)
        _atmosphere->setLocalVertical(render::verticalAt(*_maybeFrame, lookAt().center));
    if (_overlayChanged) {
        _overlayChanged = false;
        _overlay.setPicture(_pendingOverlay.width(), _pendingOverlay.height(),
                            _pendingOverlay.isNull() ? nullptr : _pendingOverlay.constBits());
    }
    _viewer->frame();
    if (_frames++ == 0)
        _firstFrameAtMs = processUptimeMs();
    emit frameRendered();
}

void OsgView::setNightWindows(float strength) {
    if (strength == _scene.nightWindows())
        return;
    _scene.setNightWindows(strength);
    requestRedraw();
}

void OsgView::setMapLabelsShown(bool shown) {
    camera()->setCullMask(shown ? ~0u : ~render::kMapLabelMask);
    requestRedraw();
}

bool OsgView::mapLabelsShown() const {
    return (camera()->getCullMask() & render::kMapLabelMask) != 0u;
}

void OsgView::setLookAt(const osg::Vec3d& eye, const osg::Vec3d& center, const osg::Vec3d& up,
                        bool asHome) {
    if (asHome) {
        _manipulator->setHomePosition(eye, center, up);
        _limitsBound = osg::BoundingSphere();  // the ceiling follows the home view
    }
    _manipulator->setTransformation(eye, center, up);
    requestRedraw();
}

render::LookAt OsgView::homeLookAt() const {
    render::LookAt la;
    _manipulator->getHomePosition(la.eye, la.center, la.up);
    return la;
}

void OsgView::goHome() {
    flyToLookAt(homeLookAt());
}

void OsgView::flyToLookAt(const render::LookAt& target, int durationMs) {
    _maybeFlight.reset();
    // Poses are lon/lat over the frame's tangent plane: data far round the
    // globe (hundreds of km) is jumped to, not flown to.
    constexpr double kFlightRange = 300e3;
    auto nearFrame = [](const render::LookAt& la) {
        return std::hypot(la.center.x(), la.center.y()) < kFlightRange &&
               std::abs(la.center.z()) < 10e3 && std::abs(la.eye.z()) < 100e3;
    };
    if (!_maybeFrame || durationMs <= 0 || !nearFrame(target) || !nearFrame(lookAt())) {
        setLookAt(target.eye, target.center, target.up, false);
        return;
    }
    const render::LookAt now = lookAt();
    Flight f;
    f.from = kiosk::poseFromLookAt(now.eye, now.center, *_maybeFrame);
    f.to = kiosk::poseFromLookAt(target.eye, target.center, *_maybeFrame);
    f.durationMs = durationMs;
    f.clock.start();
    _maybeFlight = f;
    requestRedraw();
}

void OsgView::stepFlight() {
    if (!_maybeFlight || !_maybeFrame)
        return;
    const double t = double(_maybeFlight->clock.elapsed()) / _maybeFlight->durationMs;
    const render::CameraPose pose = kiosk::interpolatePose(_maybeFlight->from, _maybeFlight->to, t);
    _manipulator->setLookAt(render::lookAtFor(pose, *_maybeFrame));
    if (t >= 1.0)
        _maybeFlight.reset();
    requestRedraw();
}

void OsgView::updateNavigationLimits() {
    const osg::BoundingSphere bound = _scene.dataBound();
    if (bound.center() == _limitsBound.center() && bound.radius() == _limitsBound.radius())
        return;
    _limitsBound = bound;
    render::NavigationLimits limits = render::limitsForData(bound);
    // The ceiling is three home views away: the data's own bound counts
    // cables running 100 km out to sea, from where the city is a speck.
    const render::LookAt home = homeLookAt();
    if (const double homeDistance = (home.center - home.eye).length(); homeDistance > 1.0)
        limits.maxDistance = std::clamp(3.0 * homeDistance, 5000.0, 1.0e6);
    // Pitch, heading and the floor follow the ground under the camera's
    // target: a layer far round the globe keeps its own up.
    if (_maybeFrame)
        limits.verticalAt = [frame = *_maybeFrame](const osg::Vec3d& p) {
            return render::verticalAt(frame, p);
        };
    _manipulator->setLimits(limits);
}

void OsgView::northUp() {
    osg::Vec3d eye, center, up;
    _manipulator->getTransformation(eye, center, up);
    const osg::Vec3d d = center - eye;
    const double dist = d.length();
    if (dist <= 0)
        return;
    const double horizontal = std::hypot(d.x(), d.y());
    const double pitch = std::atan2(d.z(), horizontal);  // negative looking down
    const osg::Vec3d dir(0.0, std::cos(pitch), std::sin(pitch));
    const osg::Vec3d newEye = center - dir * dist;
    osg::Vec3d newUp = osg::Vec3d(1, 0, 0) ^ dir;
    newUp.normalize();
    _manipulator->setTransformation(newEye, center, newUp);
    requestRedraw();
}

void OsgView::frameBound(const osg::BoundingSphere& bs) {
    if (!bs.valid())
        return;
    const double pitch = osg::DegreesToRadians(-40.0);
    const double dist = std::max(200.0, bs.radius() * 2.2);
    const osg::Vec3d dir(0.0, std::cos(pitch), std::sin(pitch));
    osg::Vec3d center = bs.center();
    center.z() = 0.0;
    const osg::Vec3d eye = center - dir * dist;
    osg::Vec3d up = osg::Vec3d(1, 0, 0) ^ dir;
    up.normalize();
    setLookAt(eye, center, up, true);
}

std::optional<QPointF> OsgView::widgetPointOf(const osg::Vec3d& localPoint) const {
    const osg::Camera* cam = _viewer->getCamera();
    if (!cam->getViewport())
        return std::nullopt;
    const osg::Vec3d eyeSpace = localPoint * cam->getViewMatrix();
    if (eyeSpace.z() >= 0.0)
        return std::nullopt;  // behind the eye
    const osg::Matrixd vpw = cam->getViewMatrix() * cam->getProjectionMatrix() *
                             cam->getViewport()->computeWindowMatrix();
    const osg::Vec3d w = localPoint * vpw;
    return QPointF(w.x() / scale(), height() - w.y() / scale());
}

std::optional<osg::Vec3d> OsgView::localPointAtCentre() const {
    return pointUnder(0.5 * width() * scale(), 0.5 * height() * scale());
}

std::optional<osg::Vec3d> OsgView::pointUnder(double x, double y) const {
    const render::LookAt now = lookAt();
    return render::pickLocalPoint(*_viewer->getCamera(), x, y,
                                  _manipulator->limits().vertical(now.center));
}

void OsgView::flyTo(const osg::Vec3d& localPoint, double distance) {
    const double pitch = osg::DegreesToRadians(-45.0);
    const osg::Vec3d dir(0.0, std::cos(pitch), std::sin(pitch));
    const osg::Vec3d eye = localPoint - dir * std::max(20.0, distance);
    osg::Vec3d up = osg::Vec3d(1, 0, 0) ^ dir;
    up.normalize();
    setLookAt(eye, localPoint, up, false);
}

void OsgView::mousePressEvent(QMouseEvent* e) {
    _maybeFlight.reset();  // the user takes the camera
    _pressPos = e->position();
    events()->mouseButtonPress(float(e->position().x() * scale()),
                               float(e->position().y() * scale()), osgButton(e->button()));
    requestRedraw();
}

void OsgView::mouseReleaseEvent(QMouseEvent* e) {
    events()->mouseButtonRelease(float(e->position().x() * scale()),
                                 float(e->position().y() * scale()), osgButton(e->button()));
    requestRedraw();
    if (e->button() == Qt::LeftButton && (e->position() - _pressPos).manhattanLength() < 4) {
        makeCurrent();
        const double x = e->position().x() * scale();
        const double y = height() * scale() - e->position().y() * scale();
        if (_featurePicking)
            emit featurePicked(render::pickFeature(*_viewer->getCamera(), x, y));
        emit pointClicked(pointUnder(x, y));
        doneCurrent();
    } else if (e->button() == Qt::RightButton &&
               (e->position() - _pressPos).manhattanLength() < 4) {
        makeCurrent();
        const double x = e->position().x() * scale();
        const double y = height() * scale() - e->position().y() * scale();
        auto hit = render::pickFeature(*_viewer->getCamera(), x, y);
        doneCurrent();
        emit contextMenuRequested(std::move(hit), e->globalPosition().toPoint());
    }
}

void OsgView::mouseMoveEvent(QMouseEvent* e) {
    // Hovering moves nothing: its events would only pile up until the next
    // frame (the manipulator takes the position from the press).
    if (e->buttons() != Qt::NoButton) {
        events()->mouseMotion(float(e->position().x() * scale()),
                              float(e->position().y() * scale()));
        requestRedraw();
    }
    _maybePendingCursor = e->position();
    updateCursorPoint(false);
}

void OsgView::updateCursorPoint(bool force) {
    if (!_maybePendingCursor)
        return;
    if (!force && _sinceCursorPick.isValid() && _sinceCursorPick.elapsed() < 50)
        return;  // tick() picks it up
    const QPointF pos = *_maybePendingCursor;
    _maybePendingCursor.reset();
    _sinceCursorPick.start();
    const double x = pos.x() * scale();
    const double y = height() * scale() - pos.y() * scale();
    emit cursorMoved(pointUnder(x, y));
}

void OsgView::mouseDoubleClickEvent(QMouseEvent* e) {
    events()->mouseDoubleButtonPress(float(e->position().x() * scale()),
                                     float(e->position().y() * scale()), osgButton(e->button()));
    requestRedraw();
    if (e->button() == Qt::LeftButton) {
        const double x = e->position().x() * scale();
        const double y = height() * scale() - e->position().y() * scale();
        emit pointDoubleClicked(pointUnder(x, y));
    }
}

void OsgView::wheelEvent(QWheelEvent* e) {
    const int dy = e->angleDelta().y();
    if (dy == 0)
        return;
    e->accept();
    _maybeFlight.reset();
    updateNavigationLimits();
    // Forward (away from the user) zooms in, toward the point under the
    // cursor, as in CesiumJS, QGIS and Google Earth: 20 % per notch.
    const double factor = std::pow(0.8, dy / 120.0);
    const double x = e->position().x() * scale();
    const double y = height() * scale() - e->position().y() * scale();
    // The scene under the cursor, else the ground at the orbit centre's own
    // vertical: at a far tileset the ray through a gap between its
    // buildings met the frame's z = 0 plane (Shanghai's, tilted there by
    // the globe's curve) thousands of km away, and the zoom flew toward it.
    makeCurrent();
    const std::optional<osg::Vec3d> point = pointUnder(x, y);
    doneCurrent();
    const render::LookAt now = lookAt();
    // Over the sky: about the orbit centre.
    const render::LookAt next =
        render::zoomTowardPoint(now, point.value_or(now.center), factor, _manipulator->limits());
    _manipulator->setLookAt(next);
    // The next notch may come before the next frame: it picks with this camera.
    _viewer->getCamera()->setViewMatrix(_manipulator->getInverseMatrix());
    requestRedraw();
}

void OsgView::zoomBy(double factor) {
    if (!(factor > 0.0) || !std::isfinite(factor))
        return;
    updateNavigationLimits();
    const render::LookAt now = lookAt();
    _manipulator->setLookAt(
        render::zoomTowardPoint(now, now.center, 1.0 / factor, _manipulator->limits()));
    requestRedraw();
}

bool OsgView::event(QEvent* e) {
    // The pointer is over the native window: it shows the view's cursor (a map tool's cross).
    if (e->type() == QEvent::CursorChange)
        _surface->setCursor(cursor());
    if (e->type() == QEvent::Gesture) {
        auto* gestures = static_cast<QGestureEvent*>(e);
        if (auto* pinch = static_cast<QPinchGesture*>(gestures->gesture(Qt::PinchGesture))) {
            if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged)
                zoomBy(pinch->scaleFactor());
            gestures->accept(pinch);
            return true;
        }
    }
    return QWidget::event(e);
}

void OsgView::keyPressEvent(QKeyEvent* e) {
    if (e->isAutoRepeat())
        return;
    if (const int k = osgKey(e))
        events()->keyPress(k);
    requestRedraw();
}

void OsgView::keyReleaseEvent(QKeyEvent* e) {
    if (e->isAutoRepeat())
        return;
    if (const int k = osgKey(e))
        events()->keyRelease(k);
    requestRedraw();
}

}  // namespace citytwin::app
