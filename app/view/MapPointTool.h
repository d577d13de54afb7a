#pragma once
// The map tools' input on the 3D view: picking one point (check site) or
// clicking the vertices of a polygon (check works: double click or Enter
// closes it, Esc or a right click cancels). Points are local-frame metres,
// as OsgView reports them. Navigation (drag, wheel) keeps working.

#include <QObject>

#include <osg/Vec3d>

#include <optional>
#include <vector>

namespace citytwin::app {

class OsgView;

class MapPointTool : public QObject {
    Q_OBJECT
public:
    enum class Mode { Idle, PickPoint, DrawPolygon };

    explicit MapPointTool(OsgView& view, QObject* parent = nullptr);

    void startPickPoint();
    void startDrawPolygon();
    /// Ends the current tool without a result (emits cancelled() if one was active).
    void cancel();

    Mode mode() const { return _mode; }
    const std::vector<osg::Vec3d>& vertices() const { return _vertices; }

signals:
    void pointPicked(const osg::Vec3d& localPoint);
    /// A vertex was added while drawing (the outline so far).
    void polygonChanged(const std::vector<osg::Vec3d>& vertices);
    void polygonClosed(const std::vector<osg::Vec3d>& vertices);
    void cancelled();
    /// Something for the status bar ("click at least three points").
    void hint(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onClicked(std::optional<osg::Vec3d> maybePoint);
    void closePolygon();
    void finish();

    OsgView& _view;
    Mode _mode = Mode::Idle;
    std::vector<osg::Vec3d> _vertices;
};

}  // namespace citytwin::app
