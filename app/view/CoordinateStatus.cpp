#include "view/CoordinateStatus.h"

#include <cmath>

namespace citytwin::app {

CoordinateStatus::CoordinateStatus(QWidget* parent) : QLabel(parent) {
    setObjectName("coordinateStatus");
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Created on the GUI thread and used only there (PROJ context per thread).
    auto cgcs = geo::CrsTransform::create(geo::Crs::wgs84(), geo::Crs::cgcs2000());
    if (cgcs)
        _maybeToCgcs2000 = std::move(cgcs.value());
    auto gcj = geo::CrsTransform::create(geo::Crs::wgs84(), geo::Crs::fromString("GCJ02").value());
    if (gcj)
        _maybeToGcj02 = std::move(gcj.value());
}

QString CoordinateStatus::formatLonLat(double lon, double lat) {
    return QStringLiteral("%1°%2 %3°%4")
        .arg(std::abs(lon), 0, 'f', 7)
        .arg(lon >= 0 ? 'E' : 'W')
        .arg(std::abs(lat), 0, 'f', 7)
        .arg(lat >= 0 ? 'N' : 'S');
}

void CoordinateStatus::showLocalPoint(std::optional<osg::Vec3d> local) {
    if (!local || !_maybeFrame) {
        setText(QString());
        return;
    }
    const geo::GeoPoint wgs = _maybeFrame->toGeographic({local->x(), local->y(), 0.0});
    QString text = tr("WGS 84: %1").arg(formatLonLat(wgs.x, wgs.y));
    if (_maybeToCgcs2000) {
        auto p = _maybeToCgcs2000->transform({wgs.x, wgs.y, 0.0});
        if (p)
            text += QStringLiteral("   ") + tr("CGCS2000: %1").arg(formatLonLat(p->x, p->y));
    }
    if (_maybeToGcj02) {
        auto p = _maybeToGcj02->transform({wgs.x, wgs.y, 0.0});
        if (p)
            text += QStringLiteral("   ") + tr("GCJ-02: %1").arg(formatLonLat(p->x, p->y));
    }
    text += QStringLiteral("   ") + tr("height: %1 m").arg(local->z(), 0, 'f', 1);
    setText(text);
}

}  // namespace citytwin::app
