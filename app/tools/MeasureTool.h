#pragma once
// The measure tool's input on the 3D view: clicks add points (local-frame
// metres, on the building or ground surface under the cursor); a right
// click, a double click or Enter finishes; Esc cancels. Height takes one
// click: a picked building, or the point's height above the ground.
// Navigation (drag, wheel) keeps working meanwhile.

#include <QObject>

#include <osg/Vec3d>

#include <optional>
#include <vector>

#include "citytwin/render/FeaturePicker.h"

namespace citytwin::app {

class OsgView;

class MeasureTool : public QObject {
    Q_OBJECT
public:
    enum class Mode { Idle, Distance, Area, Height };

    explicit MeasureTool(OsgView& view, QObject* parent = nullptr);

    void start(Mode mode);
    /// Ends without a result (emits cancelled() if a measurement was active).
    void cancel();
    /// Ends taking points; the result stays (emits finished()).
    void finish();

    Mode mode() const { return _mode; }
    const std::vector<osg::Vec3d>& points() const { return _points; }

signals:
    /// A point was added (the points so far, local frame).
    void pointsChanged(MeasureTool::Mode mode, const std::vector<osg::Vec3d>& points);
    /// Height mode: the clicked point and what was under it (a feature or none).
    void heightPicked(const osg::Vec3d& point, const std::optional<render::PickHit>& hit);
    void finished(MeasureTool::Mode mode, const std::vector<osg::Vec3d>& points);
    void cancelled();
    void hint(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onClicked(std::optional<osg::Vec3d> maybePoint);
    void stop();

    OsgView& _view;
    Mode _mode = Mode::Idle;
    std::vector<osg::Vec3d> _points;
    std::optional<render::PickHit> _maybeLastHit;
    bool _swallowRightRelease = false;
};

}  // namespace citytwin::app
