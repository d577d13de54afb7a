#include "view/MapPointTool.h"

#include <QKeyEvent>
#include <QMouseEvent>

#include "view/OsgView.h"

namespace citytwin::app {
namespace {
// Clicks closer than this to the previous vertex (metres) are the second
// half of a double click, not a new vertex.
constexpr double kSameVertexM = 0.5;
}  // namespace

MapPointTool::MapPointTool(OsgView& view, QObject* parent) : QObject(parent), _view(view) {
    connect(&_view, &OsgView::pointClicked, this, &MapPointTool::onClicked);
    connect(&_view, &OsgView::pointDoubleClicked, this, [this](std::optional<osg::Vec3d>) {
        if (_mode == Mode::DrawPolygon)
            closePolygon();
    });
    _view.installEventFilter(this);
}

void MapPointTool::startPickPoint() {
    cancel();
    _mode = Mode::PickPoint;
    // A click places the site; it does not select the feature under it.
    _view.setFeaturePicking(false);
    _view.setCursor(Qt::CrossCursor);
    _view.setFocus();
    emit hint(tr("Click the proposed site in the view (Esc cancels)."));
}

void MapPointTool::startDrawPolygon() {
    cancel();
    _mode = Mode::DrawPolygon;
    _view.setFeaturePicking(false);
    _vertices.clear();
    _view.setCursor(Qt::CrossCursor);
    _view.setFocus();
    emit hint(
        tr("Click the corners of the works area; double click or Enter closes it, Esc or "
           "a right click cancels."));
}

void MapPointTool::cancel() {
    if (_mode == Mode::Idle)
        return;
    finish();
    emit cancelled();
}

void MapPointTool::finish() {
    _mode = Mode::Idle;
    _vertices.clear();
    _view.setFeaturePicking(true);
    _view.unsetCursor();
}

void MapPointTool::onClicked(std::optional<osg::Vec3d> maybePoint) {
    if (_mode == Mode::Idle)
        return;
    if (!maybePoint) {
        emit hint(tr("That is the sky; click the ground or a building."));
        return;
    }
    if (_mode == Mode::PickPoint) {
        finish();
        emit pointPicked(*maybePoint);
        return;
    }
    if (!_vertices.empty() && (_vertices.back() - *maybePoint).length() < kSameVertexM)
        return;
    _vertices.push_back(*maybePoint);
    emit polygonChanged(_vertices);
}

void MapPointTool::closePolygon() {
    if (_vertices.size() < 3) {
        emit hint(tr("A works area needs at least three corners."));
        return;
    }
    const std::vector<osg::Vec3d> polygon = _vertices;
    finish();
    emit polygonClosed(polygon);
}

bool MapPointTool::eventFilter(QObject* watched, QEvent* event) {
    if (watched != &_view || _mode == Mode::Idle)
        return QObject::eventFilter(watched, event);
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Escape) {
            cancel();
            return true;
        }
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && _mode == Mode::DrawPolygon) {
            closePolygon();
            return true;
        }
    }
    // A right click cancels; a right drag (zoom) is the view's, so act on the press.
    if (event->type() == QEvent::MouseButtonPress &&
        static_cast<QMouseEvent*>(event)->button() == Qt::RightButton) {
        cancel();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace citytwin::app
