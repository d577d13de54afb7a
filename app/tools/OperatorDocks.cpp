#include "tools/OperatorDocks.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QImage>
#include <QLineEdit>
#include <QMenu>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>

#include <osg/Viewport>

#include <QFileInfo>

#include <algorithm>

#include <cmath>
#include <cstdlib>
#include <numbers>

#include "citytwin/geo/CrsTransform.h"
#include "citytwin/render/CityScene.h"
#include "citytwin/render/ModelFeatureHighlight.h"
#include "kiosk/CameraFlight.h"
#include "layers/LayerSpec.h"
#include "shell/SetupSettings.h"
#include "tools/AttributeTable.h"
#include "tools/BookmarkPanel.h"
#include "tools/ExportImageDialog.h"
#include "tools/OverviewMap.h"
#include "view/OsgView.h"

namespace citytwin::app {

OperatorDocks::OperatorDocks(InspectionHost& host, ToolsShell shell, QObject* parent)
    : QObject(parent), _host(host), _shell(std::move(shell)) {
    QWidget* window = _host.dialogParent();
    _bookmarks = new BookmarkPanel([this] { return captureView(); },
                                   [this](const geo::Bookmark& b) { applyBookmark(b); }, window);
    _bookmarkDock = new QDockWidget(window);
    _bookmarkDock->setObjectName("bookmarkDock");
    _bookmarkDock->setWidget(_bookmarks);
    _host.addFeatureDock(Qt::RightDockWidgetArea, _bookmarkDock, 360);
    _bookmarkDock->hide();
    connect(_bookmarks, &BookmarkPanel::problem, this, [this](const QString& m) {
        _host.showStatusMessage(m, 8000);
        _host.logMessage(geo::LogLevel::Warning, m);
    });
    connect(_bookmarks, &BookmarkPanel::flewTo, this, [this](const QString& name) {
        _host.showStatusMessage(tr("Bookmark %1").arg(name), 5000);
    });
    _bookmarks->setProject(defaultBookmarkProject());

    _table = new AttributeTablePanel(window);
    _tableDock = new QDockWidget(window);
    _tableDock->setObjectName("attributeTableDock");
    _tableDock->setWidget(_table);
    _host.addFeatureDock(Qt::BottomDockWidgetArea, _tableDock);
    _tableDock->hide();
    connect(_table, &AttributeTablePanel::featureSelected, this, &OperatorDocks::onRowSelected);
    _tileRecheck = new QTimer(this);
    _tileRecheck->setSingleShot(true);
    _tileRecheck->setInterval(1000);
    connect(_tileRecheck, &QTimer::timeout, this, &OperatorDocks::refreshModelTable);
    connect(_host.view(), &OsgView::frameRendered, this, [this] {
        if (!_modelTableId.isEmpty() && _tableDock->isVisible() && !_tileRecheck->isActive())
            _tileRecheck->start();
    });

    _overview = new OverviewMap(*_host.view(), window);
    _overviewDock = new QDockWidget(window);
    _overviewDock->setObjectName("overviewDock");
    _overviewDock->setWidget(_overview);
    _host.addFeatureDock(Qt::LeftDockWidgetArea, _overviewDock);

    _exportImage = new QAction(this);
    _exportImage->setObjectName("exportImageAction");
    _exportImage->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(_exportImage, &QAction::triggered, this, &OperatorDocks::exportImageDialog);
    _bookmarkView = new QAction(this);
    _bookmarkView->setObjectName("bookmarkViewAction");
    _bookmarkView->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(_bookmarkView, &QAction::triggered, this, [this] {
        _bookmarkDock->show();
        _bookmarkDock->raise();
        _bookmarks->nameEdit()->setFocus();
    });

    _menu = new QMenu(window);
    _menu->setObjectName("toolsDocksMenu");
    _menu->addAction(_bookmarkView);
    _menu->addAction(_bookmarkDock->toggleViewAction());
    _menu->addAction(_tableDock->toggleViewAction());
    _menu->addAction(_overviewDock->toggleViewAction());
    _menu->addSeparator();
    _menu->addAction(_exportImage);
    _host.addFeatureMenu(_menu);
    retranslate();
}

void OperatorDocks::retranslate() {
    _menu->setTitle(tr("&Views"));
    _bookmarkDock->setWindowTitle(tr("Bookmarks"));
    _tableDock->setWindowTitle(tr("Attribute table"));
    _overviewDock->setWindowTitle(tr("Overview"));
    _exportImage->setText(tr("Export &image…"));
    _exportImage->setStatusTip(
        tr("Render the view at any size, with scale bar, north arrow, legend and attribution"));
    _bookmarkView->setText(tr("&Bookmark this view…"));
    _bookmarkView->setStatusTip(tr("Save the camera, the visible layers and the clock time"));
    _bookmarks->retranslate();
    _table->retranslate();
}

QString OperatorDocks::defaultBookmarkProject() {
    const QString last = SetupSettings().lastProject();
    if (!last.isEmpty() && QFileInfo(last).isWritable())
        return last;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath("bookmarks.gpkg");
}

void OperatorDocks::addLayer(const LoadedLayer& layer) {
    if (layer.layer)
        _layers.emplace_back(layer.id, layer.layer);
    _overview->addLayer(layer);
}

void OperatorDocks::setFrame(const geo::LocalFrame& frame) {
    _overview->setFrame(frame);
}

void OperatorDocks::openAttributeTable(const QString& layerId) {
    for (const auto& [id, layer] : _layers)
        if (id == layerId) {
            _modelTableId.clear();
            _modelTable = {};
            _table->showLayer(id, _shell.layerName(id), layer);
            _tableDock->setWindowTitle(tr("Attribute table: %1").arg(_shell.layerName(id)));
            _tableDock->show();
            _tableDock->raise();
            _table->filterEdit()->setFocus();
            return;
        }
    if (openModelTable(layerId))
        return;
    _host.showStatusMessage(tr("%1 has no attributes to show").arg(_shell.layerName(layerId)),
                            5000);
}

bool OperatorDocks::openModelTable(const QString& layerId) {
    osg::Node* node = _host.scene().layerNode(layerId.toStdString());
    if (!node)
        return false;
    render::ModelFeatureTable table =
        render::collectModelFeatures(*node, _shell.layerName(layerId).toStdString());
    if (table.sources.empty())
        return false;
    _modelTableId = layerId;
    _modelTable = std::move(table);
    _maybeChosenTileFeature.reset();
    _table->showLayer(layerId, _shell.layerName(layerId), _modelTable.layer);
    // Paged content: the rows are those of the tiles loaded now, and follow
    // the pager (refreshModelTable).
    _tableDock->setWindowTitle(
        tr("Attribute table: %1 (features of the loaded tiles)").arg(_shell.layerName(layerId)));
    _tableDock->show();
    _tableDock->raise();
    _table->filterEdit()->setFocus();
    return true;
}

void OperatorDocks::refreshModelTable() {
    if (_modelTableId.isEmpty() || _table->layerId() != _modelTableId)
        return;
    osg::Node* node = _host.scene().layerNode(_modelTableId.toStdString());
    if (!node)
        return;  // removed: the table keeps what it showed
    render::ModelFeatureTable table =
        render::collectModelFeatures(*node, _shell.layerName(_modelTableId).toStdString());
    const auto same = [](const render::ModelFeatureRow& a, const render::ModelFeatureRow& b) {
        return a.layer == b.layer && a.featureIndex == b.featureIndex;
    };
    if (std::equal(table.sources.begin(), table.sources.end(), _modelTable.sources.begin(),
                   _modelTable.sources.end(), same))
        return;
    // The chosen feature, found again among the new rows: by its tile's name
    // and feature id, so that it is selected again when an expired tile is
    // read back.
    std::optional<quint32> maybeSelect;
    if (_maybeChosenTileFeature)
        maybeSelect = table.rowOf(_maybeChosenTileFeature->first, _maybeChosenTileFeature->second);
    _modelTable = std::move(table);
    _table->replaceFeatures(_modelTableId, _modelTable.layer, maybeSelect);
}

void OperatorDocks::onFeaturePicked(const std::optional<render::PickHit>& hit) {
    if (!hit)
        return;
    if (auto row = _modelTable.rowOf(hit->layerId, hit->featureIndex)) {
        _maybeChosenTileFeature = {hit->layerId, hit->featureIndex};
        _table->selectFeature(_modelTableId, *row);
        return;
    }
    _table->selectFeature(QString::fromStdString(hit->layerId), hit->featureIndex);
}

void OperatorDocks::onRowSelected(const QString& id, std::shared_ptr<const geo::FeatureLayer> layer,
                                  quint32 i) {
    if (id == _modelTableId && i < _modelTable.sources.size()) {
        // A model's row: the feature in its tile, highlighted there.
        const render::ModelFeatureRow& row = _modelTable.sources[i];
        _maybeChosenTileFeature = {row.layerId, row.featureIndex};
        render::PickHit hit;
        hit.layerId = row.layerId;
        hit.layer = row.layer;
        hit.featureIndex = row.featureIndex;
        _shell.highlight(hit);
        // Fly to it: the feature's own triangles say where it stands.
        if (osg::Node* model = _host.scene().layerNode(_modelTableId.toStdString())) {
            const osg::BoundingSphere b =
                render::buildModelFeatureHighlight(*model, row.layerId, row.featureIndex)
                    ->getBound();
            if (b.valid())
                _host.view()->flyTo(b.center(), std::max(200.0, 4.0 * double(b.radius())));
        }
        return;
    }
    render::PickHit hit;
    hit.layerId = id.toStdString();
    hit.layer = layer;
    hit.featureIndex = i;
    _shell.highlight(hit);
    // Fly there as Search does (its fly-to and framing).
    if (!_host.frame() || i >= layer->features.size())
        return;
    const geo::Extent e = layer->features[i].geometry.extent();
    if (e.isEmpty())
        return;
    geo::GeoPoint c{e.centerX(), e.centerY(), 0.0};
    if (layer->crs.isValid() && !(layer->crs == geo::Crs::wgs84()))
        if (auto t = geo::CrsTransform::create(layer->crs, geo::Crs::wgs84()))
            if (auto r = t->transform(c))
                c = *r;
    const geo::Vec3d l = _host.frame()->toLocal({c.x, c.y, 0.0});
    // Far enough to see the whole of it: its footprint and its height.
    const geo::Vec3d corner = _host.frame()->toLocal({e.maxX, e.maxY, 0.0});
    double distance = std::max(500.0, 3.0 * std::hypot(corner.x - l.x, corner.y - l.y));
    if (const std::string* h = layer->features[i].find("height"))
        distance = std::max(distance, 2.5 * std::atof(h->c_str()));
    _host.view()->flyTo({l.x, l.y, 0.0}, distance);
}

std::optional<geo::Bookmark> OperatorDocks::captureView() const {
    if (!_host.frame())
        return std::nullopt;
    const render::LookAt la = _host.view()->lookAt();
    const render::CameraPose pose = kiosk::poseFromLookAt(la.eye, la.center, *_host.frame());
    geo::Bookmark b;
    b.lon = pose.lon;
    b.lat = pose.lat;
    b.height = std::clamp(pose.height, 1.0, 100000.0);
    b.heading = std::remainder(pose.heading, 360.0);
    b.pitch = std::clamp(pose.pitch, -90.0, 90.0);
    std::vector<std::string> shown;
    for (const QString& id : _shell.treeLayers())
        if (_shell.isLayerVisible(id))
            shown.push_back(id.toStdString());
    b.maybeLayers = shown;
    b.maybeSensorTimeMs = _shell.clockTime();
    return b;
}

void OperatorDocks::applyBookmark(const geo::Bookmark& b) {
    if (!_host.frame())
        return;
    const render::CameraPose pose{b.lon, b.lat, b.height, b.heading, b.pitch};
    _host.view()->flyToLookAt(render::lookAtFor(pose, *_host.frame()));
    if (b.maybeLayers) {
        for (const QString& id : _shell.treeLayers()) {
            const bool on =
                id == "ground" || std::find(b.maybeLayers->begin(), b.maybeLayers->end(),
                                            id.toStdString()) != b.maybeLayers->end();
            _shell.setLayerVisible(id, on);
        }
    }
    _shell.showSensorTime(b.maybeSensorTimeMs);
}

MapDecorationInfo OperatorDocks::decorationInfo(const QSize& size, const QString& title) const {
    MapDecorationInfo info;
    info.title = title;
    info.attribution = _shell.attribution();
    info.northLabel = tr("N", "north arrow");
    info.legendTitle = tr("Legend");
    const render::LookAt la = _host.view()->lookAt();
    const double d = (la.center - la.eye).length();
    const double halfFov = OsgView::kFovYDegrees / 2.0 * std::numbers::pi / 180.0;
    info.metresPerPixel = 2.0 * d * std::tan(halfFov) / size.height();
    // North: the image direction of a step north from the view's centre.
    osg::Matrixd projection;
    projection.makePerspective(OsgView::kFovYDegrees, double(size.width()) / size.height(), 1.0,
                               1e6);
    const osg::ref_ptr<osg::Viewport> viewport =
        new osg::Viewport(0, 0, size.width(), size.height());
    // The camera as set now, whether a frame has drawn it yet or not.
    const osg::Matrixd vpw = osg::Matrixd::lookAt(la.eye, la.center, la.up) * projection *
                             viewport->computeWindowMatrix();
    const osg::Vec3d a = la.center * vpw;
    const osg::Vec3d b = (la.center + osg::Vec3d(0.0, std::max(10.0, d * 0.05), 0.0)) * vpw;
    const double dx = b.x() - a.x(), dyDown = -(b.y() - a.y());
    info.northDegrees = std::atan2(dx, -dyDown) * 180.0 / std::numbers::pi;
    for (const QString& id : _shell.treeLayers()) {
        if (!_shell.isLayerVisible(id))
            continue;
        const auto style = _shell.layerStyle(id);
        if (!style)
            continue;
        info.legend.push_back({_shell.layerName(id), swatchColour(*style)});
        for (const LegendLine& c : _shell.layerLegend(id))
            info.legend.push_back({c.text, c.colour, true});
    }
    return info;
}

QImage OperatorDocks::renderImage(const QSize& size, bool decorations, const QString& title) {
    QImage image = _host.view()->renderOffscreen(size);
    if (!image.isNull() && decorations)
        paintMapDecorations(image, decorationInfo(size, title));
    return image;
}

bool OperatorDocks::exportImage(const QString& path, const QSize& size, bool decorations,
                                const QString& title) {
    const QImage image = renderImage(size, decorations, title);
    if (image.isNull() || !image.save(path)) {
        const QString m =
            image.isNull()
                ? tr("Cannot render %1×%2 off-screen").arg(size.width()).arg(size.height())
                : tr("Cannot write %1").arg(path);
        _host.showStatusMessage(m, 8000);
        _host.logMessage(geo::LogLevel::Error, m);
        return false;
    }
    _host.showStatusMessage(
        tr("Exported %1 (%2×%3)").arg(path).arg(size.width()).arg(size.height()), 8000);
    return true;
}

void OperatorDocks::exportImageDialog() {
    ExportImageDialog dialog(_host.dialogParent());
    if (dialog.exec() != QDialog::Accepted || dialog.path().isEmpty())
        return;
    exportImage(dialog.path(), dialog.imageSize(), dialog.decorations(), dialog.title());
}

}  // namespace citytwin::app
