#include "tools/OverviewMap.h"

#include <QFutureWatcher>
#include <QMouseEvent>
#include <QPainter>
#include <QtConcurrent>

#include <osg/Viewport>

#include <cmath>

#include "citytwin/geo/CrsTransform.h"
#include "layers/LayerSpec.h"
#include "view/OsgView.h"

namespace citytwin::app {
namespace {

bool isBaseLayer(const LoadedLayer& l) {
    if (!l.layer || !l.maybeStyle)
        return false;
    // Cables run far out to sea; zones and works are the tools' business.
    if (l.id == "cables" || l.id == "protection_zones" || l.id == "works")
        return false;
    const auto role = l.maybeStyle->role;
    return role == render::LayerRole::Line || role == render::LayerRole::Area;
}

QColor colourOf(const render::LayerStyle& s) {
    return QColor::fromRgbF(s.color.r(), s.color.g(), s.color.b(), 1.0);
}

/// Where the ray through window pixel (x, y) meets the ground z = 0; a ray
/// above the horizon is cut 20 km out.
QPointF groundAt(const osg::Camera& cam, double x, double y) {
    const osg::Matrixd vpw =
        cam.getViewMatrix() * cam.getProjectionMatrix() * cam.getViewport()->computeWindowMatrix();
    const osg::Matrixd inv = osg::Matrixd::inverse(vpw);
    const osg::Vec3d nearP = osg::Vec3d(x, y, 0.0) * inv;
    const osg::Vec3d farP = osg::Vec3d(x, y, 1.0) * inv;
    osg::Vec3d dir = farP - nearP;
    dir.normalize();
    constexpr double kMax = 20000.0;
    if (dir.z() < -1e-6) {
        const double t = -nearP.z() / dir.z();
        if (t > 0 && t < kMax / std::max(1e-3, std::hypot(dir.x(), dir.y())))
            return QPointF(nearP.x() + dir.x() * t, nearP.y() + dir.y() * t);
    }
    osg::Vec2d h(dir.x(), dir.y());
    if (h.length() < 1e-9)
        h = {0, 1};
    h.normalize();
    return QPointF(nearP.x() + h.x() * kMax, nearP.y() + h.y() * kMax);
}

}  // namespace

OverviewMap::OverviewMap(OsgView& view, QWidget* parent) : QWidget(parent), _view(view) {
    setObjectName("overviewMap");
    setMinimumSize(160, 120);
    setCursor(Qt::CrossCursor);
    setFocusPolicy(Qt::StrongFocus);
    connect(&_view, &OsgView::frameRendered, this, &OverviewMap::updateFootprint);
}

void OverviewMap::setFrame(const geo::LocalFrame& frame) {
    _maybeFrame = frame;
}

void OverviewMap::addLayer(const LoadedLayer& loaded) {
    if (!_maybeFrame || !isBaseLayer(loaded))
        return;
    auto* watcher = new QFutureWatcher<Shapes>(this);
    connect(watcher, &QFutureWatcher<Shapes>::finished, this, [this, watcher] {
        Shapes s = watcher->result();
        watcher->deleteLater();
        if (s.bounds.isEmpty() && s.lines.isEmpty() && s.areas.isEmpty())
            return;
        _bounds = _bounds.isNull() ? s.bounds : _bounds.united(s.bounds);
        _layers.push_back(std::move(s));
        rebuildBackground();
        emit layerReady();
    });
    const geo::LocalFrame frame = *_maybeFrame;
    const std::shared_ptr<const geo::FeatureLayer> layer = loaded.layer;
    const QColor colour = colourOf(*loaded.maybeStyle);
    watcher->setFuture(QtConcurrent::run([frame, layer, colour] {
        Shapes s;
        s.colour = colour;
        std::optional<geo::CrsTransform> maybeTransform;  // this thread's own
        if (layer->crs.isValid() && !(layer->crs == geo::Crs::wgs84()))
            if (auto t = geo::CrsTransform::create(layer->crs, geo::Crs::wgs84()))
                maybeTransform = std::move(t).value();
        auto local = [&](const geo::GeoPoint& p) {
            geo::GeoPoint g = p;
            if (maybeTransform)
                if (auto r = maybeTransform->transform(p))
                    g = *r;
            const geo::Vec3d l = frame.toLocal({g.x, g.y, 0.0});
            return QPointF(l.x, l.y);
        };
        auto addRing = [&](QPainterPath& path, const std::vector<geo::GeoPoint>& pts, bool close) {
            if (pts.size() < 2)
                return;
            path.moveTo(local(pts.front()));
            for (std::size_t i = 1; i < pts.size(); ++i)
                path.lineTo(local(pts[i]));
            if (close)
                path.closeSubpath();
        };
        for (const auto& f : layer->features) {
            for (const auto& poly : f.geometry.polygons)
                for (const auto& ring : poly.rings)
                    addRing(s.areas, ring, true);
            for (const auto& line : f.geometry.lines)
                addRing(s.lines, line, false);
        }
        s.bounds = s.areas.boundingRect().united(s.lines.boundingRect());
        return s;
    }));
}

QPointF OverviewMap::widgetPointOf(const QPointF& local) const {
    if (_bounds.isEmpty())
        return {};
    const double scale = std::min(width() / _bounds.width(), height() / _bounds.height());
    const QPointF centre = _bounds.center();
    return QPointF(width() / 2.0 + (local.x() - centre.x()) * scale,
                   height() / 2.0 - (local.y() - centre.y()) * scale);
}

QPointF OverviewMap::localPointOf(const QPointF& widget) const {
    if (_bounds.isEmpty())
        return {};
    const double scale = std::min(width() / _bounds.width(), height() / _bounds.height());
    const QPointF centre = _bounds.center();
    return QPointF(centre.x() + (widget.x() - width() / 2.0) / scale,
                   centre.y() - (widget.y() - height() / 2.0) / scale);
}

void OverviewMap::rebuildBackground() {
    _background = QImage(size() * devicePixelRatioF(), QImage::Format_RGB32);
    _background.setDevicePixelRatio(devicePixelRatioF());
    _background.fill(QColor(242, 239, 233));
    if (_bounds.isEmpty()) {
        update();
        return;
    }
    QPainter p(&_background);
    p.setRenderHint(QPainter::Antialiasing);
    const double scale = std::min(width() / _bounds.width(), height() / _bounds.height());
    p.translate(width() / 2.0, height() / 2.0);
    p.scale(scale, -scale);
    p.translate(-_bounds.center());
    for (const Shapes& s : _layers) {
        QColor fill = s.colour;
        fill.setAlphaF(0.55);
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        p.drawPath(s.areas);
        QPen pen(s.colour.darker(130), 0);  // cosmetic: one pixel at any scale
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawPath(s.lines);
    }
    update();
}

void OverviewMap::updateFootprint() {
    const osg::Camera* cam = _view.camera();
    if (!cam || !cam->getViewport() || !isVisible())
        return;
    const double w = cam->getViewport()->width(), h = cam->getViewport()->height();
    QPolygonF f;
    for (auto [x, y] : {std::pair{0.0, 0.0}, {w, 0.0}, {w, h}, {0.0, h}})
        f << groundAt(*cam, x, y);
    if (f != _footprint) {
        _footprint = f;
        update();
    }
}

void OverviewMap::paintEvent(QPaintEvent*) {
    QPainter p(this);
    if (_background.size() != size() * devicePixelRatioF())
        rebuildBackground();
    p.drawImage(0, 0, _background);
    if (_footprint.size() == 4 && !_bounds.isEmpty()) {
        QPolygonF shown;
        for (const QPointF& q : _footprint)
            shown << widgetPointOf(q);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(220, 30, 30), 2));
        p.setBrush(QColor(220, 30, 30, 50));
        p.drawPolygon(shown);
        const auto centre = _view.lookAt().center;
        const QPointF c = widgetPointOf(QPointF(centre.x(), centre.y()));
        p.drawEllipse(c, 3, 3);
    }
    p.setPen(QColor(90, 90, 90));
    p.drawRect(rect().adjusted(0, 0, -1, -1));
}

void OverviewMap::resizeEvent(QResizeEvent*) {
    rebuildBackground();
}

void OverviewMap::centreViewOn(const QPointF& local) {
    render::LookAt la = _view.lookAt();
    // The orbit centre may sit on a roof: move where the view ray meets the ground.
    osg::Vec3d ground = la.center;
    const osg::Vec3d d = la.center - la.eye;
    if (d.z() < -1e-6)
        ground = la.eye + d * (-la.eye.z() / d.z());
    const osg::Vec3d offset(local.x() - ground.x(), local.y() - ground.y(), 0.0);
    _view.setLookAt(la.eye + offset, la.center + offset, la.up, false);
}

void OverviewMap::mousePressEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton && !_bounds.isEmpty())
        centreViewOn(localPointOf(e->position()));
}

void OverviewMap::mouseMoveEvent(QMouseEvent* e) {
    if ((e->buttons() & Qt::LeftButton) && !_bounds.isEmpty())
        centreViewOn(localPointOf(e->position()));
}

}  // namespace citytwin::app
