#pragma once
// The status bar's cursor position: longitude/latitude in WGS 84, CGCS2000
// (EPSG:4490, through PROJ) and GCJ-02, the web-map offset system.

#include <QLabel>

#include <optional>

#include <osg/Vec3d>

#include "citytwin/geo/CrsTransform.h"
#include "citytwin/geo/LocalFrame.h"

namespace citytwin::app {

class CoordinateStatus : public QLabel {
    Q_OBJECT
public:
    explicit CoordinateStatus(QWidget* parent = nullptr);
    void setFrame(const geo::LocalFrame& frame) { _maybeFrame = frame; }
    void showLocalPoint(std::optional<osg::Vec3d> local);

    /// "121.5012345°E 31.2345678°N"
    static QString formatLonLat(double lon, double lat);

private:
    std::optional<geo::LocalFrame> _maybeFrame;
    std::optional<geo::CrsTransform> _maybeToCgcs2000;
    std::optional<geo::CrsTransform> _maybeToGcj02;
};

}  // namespace citytwin::app
