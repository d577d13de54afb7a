#include "tools/MeasureTool.h"

#include <QKeyEvent>
#include <QMouseEvent>

#include "view/OsgView.h"

namespace citytwin::app {
namespace {
// A click this close to the previous point (metres) is the second half of a
// double click, not a new point.
constexpr double kSamePointM = 0.5;
}  // namespace

MeasureTool::MeasureTool(OsgView& view, QObject* parent) : QObject(parent), _view(view) {
    connect(&_view, &OsgView::featurePicked, this, [this](std::optional<render::PickHit> hit) {
        _maybeLastHit = std::move(hit);  // emitted just before pointClicked
    });
    connect(&_view, &OsgView::pointClicked, this, &MeasureTool::onClicked);
    connect(&_view, &OsgView::pointDoubleClicked, this, [this](std::optional<osg::Vec3d>) {
        if (_mode == Mode::Distance || _mode == Mode::Area)
            finish();
    });
    _view.installEventFilter(this);
}

void MeasureTool::start(Mode mode) {
    cancel();
    _mode = mode;
    _points.clear();
    // Height reads the building under the click; the others only take points.
    _view.setFeaturePicking(mode == Mode::Height);
    _view.setCursor(Qt::CrossCursor);
    _view.setFocus();
    switch (mode) {
        case Mode::Distance:
            emit hint(
                tr("Click the points to measure between; a right click, double click or "
                   "Enter finishes, Esc cancels."));
            break;
        case Mode::Area:
            emit hint(
                tr("Click the corners of the area; a right click, double click or Enter "
                   "finishes, Esc cancels."));
            break;
        case Mode::Height:
            emit hint(
                tr("Click a building, or a point to measure its height above the ground "
                   "(Esc cancels)."));
            break;
        case Mode::Idle:
            break;
    }
}

void MeasureTool::stop() {
    _mode = Mode::Idle;
    _view.setFeaturePicking(true);
    _view.unsetCursor();
}

void MeasureTool::cancel() {
    if (_mode == Mode::Idle)
        return;
    stop();
    _points.clear();
    emit cancelled();
}

void MeasureTool::finish() {
    if (_mode == Mode::Idle)
        return;
    const Mode mode = _mode;
    if (mode == Mode::Area && _points.size() < 3) {
        emit hint(tr("An area needs at least three corners."));
        return;
    }
    if (mode == Mode::Distance && _points.size() < 2) {
        emit hint(tr("A distance needs at least two points."));
        return;
    }
    stop();
    emit finished(mode, _points);
}

void MeasureTool::onClicked(std::optional<osg::Vec3d> maybePoint) {
    if (_mode == Mode::Idle)
        return;
    auto hit = std::move(_maybeLastHit);
    _maybeLastHit.reset();
    if (!maybePoint) {
        emit hint(tr("That is the sky; click the ground or a building."));
        return;
    }
    if (_mode == Mode::Height) {
        _points = {*maybePoint};
        stop();
        emit heightPicked(*maybePoint, hit);
        emit finished(Mode::Height, _points);
        return;
    }
    if (!_points.empty() && (_points.back() - *maybePoint).length() < kSamePointM)
        return;
    _points.push_back(*maybePoint);
    emit pointsChanged(_mode, _points);
}

bool MeasureTool::eventFilter(QObject* watched, QEvent* event) {
    if (watched == &_view && _swallowRightRelease && event->type() == QEvent::MouseButtonRelease &&
        static_cast<QMouseEvent*>(event)->button() == Qt::RightButton) {
        _swallowRightRelease = false;  // the release of the click that finished
        return true;
    }
    if (watched != &_view || _mode == Mode::Idle)
        return QObject::eventFilter(watched, event);
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Escape) {
            cancel();
            return true;
        }
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            finish();
            return true;
        }
    }
    // A right click finishes; both halves are the tool's, so the view opens
    // no context menu meanwhile (a right drag would zoom: acting on the press).
    if ((event->type() == QEvent::MouseButtonPress ||
         event->type() == QEvent::MouseButtonRelease) &&
        static_cast<QMouseEvent*>(event)->button() == Qt::RightButton) {
        if (event->type() == QEvent::MouseButtonPress) {
            _swallowRightRelease = true;
            if (_mode == Mode::Height)
                cancel();
            else
                finish();
        }
        return true;
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace citytwin::app
