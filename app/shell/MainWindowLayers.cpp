// MainWindow and the layer tree's requests: zoom to a layer, remove it,
// its opacity; every layer opened or imported after the first load is
// brought into view (View → Zoom to new layers), and one lying far from
// the others says where it is.

#include <QAction>
#include <QStatusBar>

#include <cmath>
#include <numbers>
#include <utility>

#include "citytwin/render/CameraLimits.h"
#include "layers/LayerPropertiesDialog.h"
#include "layers/LayerTreePanel.h"
#include "layers/SceneLoader.h"
#include "shell/LogChannel.h"
#include "shell/MainWindow.h"
#include "shell/MainWindowUi.h"
#include "shell/SetupSettings.h"
#include "view/OsgView.h"

namespace citytwin::app {
namespace {

/// Great-circle distance (km) between two lon/lat points in degrees.
double kmBetween(double lon1, double lat1, double lon2, double lat2) {
    constexpr double kRad = std::numbers::pi / 180.0, kEarthKm = 6371.0;
    const double dLat = (lat2 - lat1) * kRad, dLon = (lon2 - lon1) * kRad;
    const double a =
        std::sin(dLat / 2) * std::sin(dLat / 2) +
        std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2.0 * kEarthKm * std::asin(std::min(1.0, std::sqrt(a)));
}

QString lonLatText(double lon, double lat) {
    return QStringLiteral("%1°%2, %3°%4")
        .arg(std::abs(lon), 0, 'f', 4)
        .arg(lon >= 0 ? 'E' : 'W')
        .arg(std::abs(lat), 0, 'f', 4)
        .arg(lat >= 0 ? 'N' : 'S');
}

/// The side view of layers, whole in a view of `aspect`, from the south of
/// their own vertical: data far round the globe from the frame's origin (its
/// "up" is not the frame's z) stands upright in the view, fitted by its box
/// taken in east-north-up there (in the city frame, tilted, that box is
/// several times its size). `cityBox` is their box in the city frame.
render::LookAt sideViewIn(const render::CityScene& scene, const QStringList& ids,
                          const osg::BoundingBox& cityBox, const geo::LocalFrame& frame,
                          double aspect) {
    const render::LocalVertical v = render::verticalAt(frame, osg::Vec3d(cityBox.center()));
    const osg::Matrixd localToCity = v.toFrameAt(osg::Vec3d(cityBox.center()));
    const osg::Matrixd cityToLocal = osg::Matrixd::inverse(localToCity);
    osg::BoundingBoxd local;
    for (const QString& id : ids)
        local.expandBy(scene.layerBoxIn(id.toStdString(), cityToLocal));
    if (!local.valid())
        return render::sideViewOf(cityBox, v, aspect);
    std::vector<osg::Vec3d> corners;
    for (unsigned i = 0; i < 8; ++i)
        corners.push_back(local.corner(i) * localToCity);
    return render::sideViewOf(corners, v, aspect);
}

}  // namespace

void MainWindow::connectLayerTree() {
    connect(_layerTree, &LayerTreePanel::zoomToLayerRequested, this, &MainWindow::zoomToLayer);
    connect(_layerTree, &LayerTreePanel::removeRequested, this, [this](const QString& id) {
        _scene->removeLayer(id.toStdString());
        const QString name = _layerTree->layerName(id);
        _layerTree->removeLayer(id);
        _view->requestRedraw();
        statusBar()->showMessage(tr("Removed layer %1").arg(name), 5000);
    });
    connect(_layerTree, &LayerTreePanel::opacityChanged, this,
            [this](const QString& id, double opacity) {
                _scene->setLayerOpacity(id.toStdString(), float(opacity));
                _view->requestRedraw();
            });
    connect(_layerTree, &LayerTreePanel::styleRequested, this, [this](const QString& id) {
        if (!openStyleDialog(id))
            statusBar()->showMessage(
                tr("%1 has no style to edit (3D models and sensors keep theirs)")
                    .arg(_layerTree->layerName(id)),
                5000);
    });
}

void MainWindow::zoomToLayer(const QString& layerId) {
    const osg::BoundingBox box = _scene->layerBox(layerId.toStdString());
    if (!box.valid()) {
        statusBar()->showMessage(
            tr("%1 has nothing to zoom to yet").arg(_layerTree->layerName(layerId)), 5000);
        return;
    }
    _view->flyToLookAt(_maybeFrame ? sideViewIn(*_scene, {layerId}, box, *_maybeFrame, viewAspect())
                                   : render::sideViewOf(osg::BoundingSphere(box)));
}

osg::BoundingBox MainWindow::boxOfLayers(const QStringList& ids) const {
    osg::BoundingBox all;
    for (const QString& id : ids)
        all.expandBy(_scene->layerBox(id.toStdString()));
    return all;
}

QString MainWindow::uniqueLayerId(const QString& id) const {
    auto taken = [this](const QString& candidate) {
        return _scene->hasLayer(candidate.toStdString()) || _layerTree->itemFor(candidate);
    };
    if (!taken(id))
        return id;
    for (int n = 2;; ++n)
        if (const QString c = QStringLiteral("%1 (%2)").arg(id).arg(n); !taken(c))
            return c;
}

QString MainWindow::farLayerNote(const QString& layerId) const {
    const osg::BoundingSphere mine = _scene->layerBound(layerId.toStdString());
    const osg::BoundingSphere others = _scene->boundWithout(layerId.toStdString());
    if (!mine.valid() || !others.valid() || !_maybeFrame)
        return {};
    const double apart =
        (mine.center() - others.center()).length() - mine.radius() - others.radius();
    // Far: beyond the other data's own size, and at least 20 km off.
    if (apart < std::max(20e3, 2.0 * double(others.radius())))
        return {};
    const LoadedLayer* info = _layerTree->layerInfo(layerId);
    const geo::GeoPoint home =
        _maybeFrame->toGeographic({others.center().x(), others.center().y(), 0.0});
    double lon = 0, lat = 0;
    if (info && !info->wgs84Extent.isEmpty()) {
        lon = info->wgs84Extent.centerX();
        lat = info->wgs84Extent.centerY();
    } else {
        const geo::GeoPoint p =
            _maybeFrame->toGeographic({mine.center().x(), mine.center().y(), 0.0});
        lon = p.x;
        lat = p.y;
    }
    const double km = kmBetween(home.x, home.y, lon, lat);
    return tr("%1 lies %2 km from the other layers, at %3")
        .arg(_layerTree->layerName(layerId))
        .arg(km, 0, 'f', 0)
        .arg(lonLatText(lon, lat));
}

double MainWindow::viewAspect() const {
    return double(_view->width()) / std::max(1, _view->height());
}

void MainWindow::showNewLayers() {
    // Once the load is done and its layers are merged: their bounds are known.
    if (_newLayerIds.isEmpty() || _loader->isBusy() || _scene->pendingCount() > 0)
        return;
    const QStringList ids = std::exchange(_newLayerIds, {});
    const osg::BoundingBox all = boxOfLayers(ids);
    QString lastNote;
    for (const QString& id : ids) {
        const QString note = farLayerNote(id);
        _layerTree->setLayerNote(id, note);
        if (!note.isEmpty()) {
            LogChannel::instance().write(geo::LogLevel::Info, note, note);
            lastNote = note;
        }
    }
    if (!lastNote.isEmpty())
        statusBar()->showMessage(lastNote, 15000);
    if (all.valid() && _maybeFrame && _ui->zoomToNewLayers && _ui->zoomToNewLayers->isChecked())
        _view->flyToLookAt(sideViewIn(*_scene, ids, all, *_maybeFrame, viewAspect()));
}

}  // namespace citytwin::app
