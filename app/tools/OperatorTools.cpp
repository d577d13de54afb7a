#include "tools/OperatorTools.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolBar>

#include <osg/Group>

#include <cmath>

#include "citytwin/assets/GroundMeasure.h"
#include "citytwin/assets/ReportCrs.h"
#include "citytwin/geo/CrsTransform.h"
#include "citytwin/render/BuildingHeight.h"
#include "layers/LayerSpec.h"
#include "tools/GoToDialog.h"
#include "tools/MeasurePanel.h"
#include "tools/SearchPanel.h"
#include "view/OsgView.h"

namespace citytwin::app {
namespace {

QString metres(double m) {
    return QStringLiteral("%1 m").arg(m, 0, 'f', 2);
}

QString squareMetres(double m2) {
    QString s = QStringLiteral("%1 m²").arg(m2, 0, 'f', 1);
    if (m2 >= 1e6)
        s += QStringLiteral(" (%1 km²)").arg(m2 / 1e6, 0, 'f', 4);
    else if (m2 >= 1e4)
        s += QStringLiteral(" (%1 ha)").arg(m2 / 1e4, 0, 'f', 3);
    return s;
}

QString nameOf(const geo::Feature& f) {
    for (const char* key : {"name:zh", "name", "name:en", "id"})
        if (const std::string* v = f.find(key); v && !v->empty())
            return QString::fromStdString(*v);
    return QStringLiteral("#%1").arg(f.id);
}

}  // namespace

OperatorTools::OperatorTools(InspectionHost& host, QObject* parent) : QObject(parent), _host(host) {
    _tool = new MeasureTool(*host.view(), this);
    buildUi();
    connect(_tool, &MeasureTool::hint, this,
            [this](const QString& text) { _host.showStatusMessage(text, 10000); });
    connect(_tool, &MeasureTool::pointsChanged, this, &OperatorTools::onPoints);
    connect(_tool, &MeasureTool::finished, this,
            [this](MeasureTool::Mode mode, const std::vector<osg::Vec3d>& points) {
                uncheckModes();
                if (mode != MeasureTool::Mode::Height)
                    onPoints(mode, points);
                _host.showStatusMessage(tr("Measured; the result is in the Measurement panel"),
                                        5000);
                emit resultShown();
            });
    connect(_tool, &MeasureTool::heightPicked, this, &OperatorTools::onHeight);
    connect(_tool, &MeasureTool::cancelled, this, [this] {
        uncheckModes();
        clear();
        _host.showStatusMessage(tr("Measurement cancelled"), 3000);
    });
    connect(_panel, &MeasurePanel::clearRequested, this, &OperatorTools::clear);
    connect(_host.view(), &OsgView::frameRendered, this, &OperatorTools::placeLabels);
}

OperatorTools::~OperatorTools() = default;

void OperatorTools::buildUi() {
    QWidget* window = _host.dialogParent();
    _panel = new MeasurePanel(window);
    _dock = new QDockWidget(window);
    _dock->setObjectName("measureDock");
    _dock->setWidget(_panel);
    _host.addFeatureDock(Qt::RightDockWidgetArea, _dock, 360);
    _dock->hide();

    _search = new SearchPanel(window);
    _searchDock = new QDockWidget(window);
    _searchDock->setObjectName("searchDock");
    _searchDock->setWidget(_search);
    _host.addFeatureDock(Qt::RightDockWidgetArea, _searchDock, 360);
    _searchDock->hide();
    connect(_search, &SearchPanel::featureChosen, this,
            [this](const QString& id, std::shared_ptr<const geo::FeatureLayer> layer, quint32 f) {
                showFeature(id, *layer, f);
            });
    _find = new QAction(this);
    _find->setObjectName("findAction");
    _find->setShortcut(QKeySequence::Find);
    connect(_find, &QAction::triggered, this, &OperatorTools::showSearch);

    _goTo = new QAction(this);
    _goTo->setObjectName("goToCoordinateAction");
    _goTo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    connect(_goTo, &QAction::triggered, this, &OperatorTools::goToDialog);

    auto modeAction = [this](const char* name, MeasureTool::Mode mode, QKeySequence key) {
        auto* a = new QAction(this);
        a->setObjectName(name);
        a->setCheckable(true);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, [this, mode](bool on) {
            if (on)
                startMeasure(mode);
            else
                _tool->cancel();
        });
        return a;
    };
    _distance = modeAction("measureDistanceAction", MeasureTool::Mode::Distance,
                           QKeySequence(Qt::CTRL | Qt::Key_M));
    _area = modeAction("measureAreaAction", MeasureTool::Mode::Area,
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    _height = modeAction("measureHeightAction", MeasureTool::Mode::Height,
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    _clear = new QAction(this);
    _clear->setObjectName("clearMeasureAction");
    connect(_clear, &QAction::triggered, this, [this] {
        _tool->cancel();
        clear();
    });

    _menu = new QMenu(window);
    _menu->setObjectName("toolsMenu");
    _menu->addAction(_find);
    _menu->addAction(_goTo);
    _menu->addSeparator();
    _menu->addAction(_distance);
    _menu->addAction(_area);
    _menu->addAction(_height);
    _menu->addAction(_clear);
    _menu->addSeparator();
    _menu->addAction(_dock->toggleViewAction());
    _menu->addAction(_searchDock->toggleViewAction());
    _host.addFeatureMenu(_menu);

    _toolbar = _host.addFeatureToolBar();
    _toolbar->setObjectName("toolsToolbar");
    _toolbar->addAction(_find);
    _toolbar->addAction(_goTo);
    _toolbar->addAction(_distance);
    _toolbar->addAction(_area);
    _toolbar->addAction(_height);
}

void OperatorTools::retranslate() {
    _menu->setTitle(tr("&Tools"));
    _goTo->setText(tr("&Go to coordinate…"));
    _goTo->setStatusTip(
        tr("Fly to a coordinate typed in WGS 84, CGCS2000, Gauss-Krüger, "
           "GCJ-02 or BD-09, and mark it"));
    _distance->setText(tr("Measure &distance"));
    _distance->setStatusTip(tr("Click points: distance along the ground and straight in 3D"));
    _area->setText(tr("Measure &area"));
    _area->setStatusTip(tr("Click the corners of a polygon: area and perimeter on the ground"));
    _height->setText(tr("Measure &height"));
    _height->setStatusTip(
        tr("Click a building for its height, or a point for its height above the ground"));
    _clear->setText(tr("&Clear measurement"));
    _toolbar->setWindowTitle(tr("Tools"));
    _dock->setWindowTitle(tr("Measurement"));
    _find->setText(tr("&Find…"));
    _find->setStatusTip(tr("Find a feature of any loaded layer by id or name"));
    _searchDock->setWindowTitle(tr("Search"));
    _search->retranslate();
    _panel->retranslate();
}

void OperatorTools::uncheckModes() {
    for (QAction* a : {_distance, _area, _height})
        a->setChecked(false);
}

void OperatorTools::startMeasure(MeasureTool::Mode mode) {
    uncheckModes();
    if (mode == MeasureTool::Mode::Distance)
        _distance->setChecked(true);
    else if (mode == MeasureTool::Mode::Area)
        _area->setChecked(true);
    else if (mode == MeasureTool::Mode::Height)
        _height->setChecked(true);
    clear();
    _dock->show();
    _dock->raise();
    _tool->start(mode);
}

std::optional<geo::GeoPoint> OperatorTools::toWgs84(const osg::Vec3d& local) const {
    if (!_host.frame())
        return std::nullopt;
    return _host.frame()->toGeographic({local.x(), local.y(), local.z()});
}

void OperatorTools::onPoints(MeasureTool::Mode mode, const std::vector<osg::Vec3d>& points) {
    _marks = {};
    _marks.path = points;
    _marks.closed = mode == MeasureTool::Mode::Area && points.size() >= 3;
    updateMarks();
    std::vector<geo::GeoPoint> wgs84;
    for (const auto& p : points)
        if (auto g = toWgs84(p))
            wgs84.push_back(*g);
    if (wgs84.empty())
        return;
    auto measure = assets::GroundMeasure::create("", wgs84.front());
    if (!measure) {
        _panel->showText(tr("Cannot measure here"), QString::fromStdString(measure.messages()));
        return;
    }
    const QString crs =
        tr("Computed in %1, on the ellipsoid").arg(QString::fromStdString(measure->crsLabel()));
    std::vector<std::pair<osg::Vec3d, QString>> labels;
    QStringList lines;
    if (mode == MeasureTool::Mode::Distance) {
        const auto path = measure->measurePath(wgs84);
        for (std::size_t i = 0; i < path.segments.size(); ++i) {
            const auto& s = path.segments[i];
            lines << tr("Segment %1: ground %2, straight %3, rise %4")
                         .arg(i + 1)
                         .arg(metres(s.groundM), metres(s.straightM), metres(s.riseM));
            labels.emplace_back((points[i] + points[i + 1]) * 0.5, metres(s.groundM));
        }
        lines << tr("Total: ground %1, straight %2")
                     .arg(metres(path.groundTotalM), metres(path.straightTotalM));
        if (!path.segments.empty())
            labels.emplace_back(points.back(), tr("Total %1").arg(metres(path.groundTotalM)));
        lines << crs;
        _panel->showText(tr("Distance"), lines.join('\n'));
    } else if (mode == MeasureTool::Mode::Area) {
        if (wgs84.size() >= 3) {
            const auto a = measure->measureArea(wgs84);
            lines << tr("Area: %1").arg(squareMetres(a.areaM2))
                  << tr("Perimeter: %1").arg(metres(a.perimeterM))
                  << tr("Corners: %1").arg(wgs84.size()) << crs;
            osg::Vec3d centre;
            for (const auto& p : points)
                centre += p;
            centre /= double(points.size());
            centre.z() = 0.0;
            labels.emplace_back(centre, squareMetres(a.areaM2));
        } else {
            lines << tr("Corners: %1 (click at least three)").arg(wgs84.size());
        }
        _panel->showText(tr("Area"), lines.join('\n'));
    }
    setLabels(std::move(labels));
}

void OperatorTools::onHeight(const osg::Vec3d& point, const std::optional<render::PickHit>& hit) {
    _marks = {};
    QStringList lines;
    QString label;
    const auto maybeWgs = toWgs84(point);
    if (hit && hit->layer && !hit->feature().geometry.polygons.empty()) {
        const render::BuildingExtent e = render::buildingExtentOf(hit->feature());
        const double h = e.top - e.base;
        lines << tr("Building: %1 (layer %2)")
                     .arg(nameOf(hit->feature()), QString::fromStdString(hit->layerId))
              << tr("Height: %1 (top %2, base %3 above the ground)")
                     .arg(metres(h), metres(e.top), metres(e.base));
        if (e.estimated)
            lines << tr("Estimated: the building has no height or levels attribute");
        _marks.maybeHeight = std::make_pair(osg::Vec3d(point.x(), point.y(), e.top),
                                            osg::Vec3d(point.x(), point.y(), e.base));
        label = metres(h);
    } else {
        // The ground is the frame's surface (z = 0) under the point.
        lines << tr("Point height above the ground: %1").arg(metres(point.z()));
        _marks.maybeHeight = std::make_pair(point, osg::Vec3d(point.x(), point.y(), 0.0));
        label = metres(point.z());
    }
    if (maybeWgs)
        lines << tr("At %1° E, %2° N").arg(maybeWgs->x, 0, 'f', 7).arg(maybeWgs->y, 0, 'f', 7);
    _panel->showText(tr("Height"), lines.join('\n'));
    updateMarks();
    setLabels({{_marks.maybeHeight->first, label}});
}

void OperatorTools::goToDialog() {
    int zoneHint = 40;
    if (_host.frame())
        zoneHint = assets::gaussKrugerZone(_host.frame()->origin().x);
    GoToDialog dialog(zoneHint, _host.dialogParent());
    dialog.setSystem(_lastRequest.system);
    dialog.setZone(_lastRequest.zone, _lastRequest.zoneWidth);
    dialog.setText(_lastText);
    dialog.textEdit()->selectAll();
    if (dialog.exec() != QDialog::Accepted || !dialog.target())
        return;
    _lastRequest = dialog.request();
    _lastText = dialog.textEdit()->text();
    goTo(*dialog.target());
}

void OperatorTools::goTo(const geo::CoordinateTarget& target) {
    if (!_host.frame()) {
        _host.showStatusMessage(tr("Nothing is loaded yet: no place to go to"), 5000);
        return;
    }
    _tool->cancel();
    const geo::Vec3d l = _host.frame()->toLocal({target.wgs84.x, target.wgs84.y, 0.0});
    const osg::Vec3d local(l.x, l.y, 0.0);
    _host.view()->flyTo(local, 600.0);
    _marks = {};
    _marks.maybeTarget = local;
    updateMarks();
    const QString where = QStringLiteral("%1° E, %2° N")
                              .arg(target.wgs84.x, 0, 'f', 7)
                              .arg(target.wgs84.y, 0, 'f', 7);
    _panel->showText(tr("Go to"), tr("WGS 84: %1\nTyped in %2: %3, %4")
                                      .arg(where, QString::fromStdString(target.systemLabel))
                                      .arg(target.typed.x, 0, 'f', 7)
                                      .arg(target.typed.y, 0, 'f', 7));
    _dock->show();
    setLabels({{local + osg::Vec3d(0, 0, 80.0), where}});
    _host.showStatusMessage(tr("Went to %1").arg(where), 8000);
    emit resultShown();
}

void OperatorTools::addSearchLayer(const LoadedLayer& layer) {
    _search->addLayer(layer.id, layer.displayName, layer.layer);
}

void OperatorTools::showSearch() {
    _searchDock->show();
    _searchDock->raise();
    _search->box()->setFocus();
    _search->box()->selectAll();
}

void OperatorTools::showFeature(const QString& layerId, const geo::FeatureLayer& layer,
                                quint32 featureIndex) {
    if (!_host.frame() || featureIndex >= layer.features.size())
        return;
    const geo::Feature& feature = layer.features[featureIndex];
    // The layer's coordinates to WGS 84 (the demo's are already), then local.
    std::optional<geo::CrsTransform> maybeTransform;
    if (layer.crs.isValid() && !(layer.crs == geo::Crs::wgs84())) {
        auto t = geo::CrsTransform::create(layer.crs, geo::Crs::wgs84());
        if (t)
            maybeTransform = std::move(t).value();
    }
    auto toLocal = [&](const geo::GeoPoint& p) {
        geo::GeoPoint g = p;
        if (maybeTransform)
            if (auto r = maybeTransform->transform(p))
                g = *r;
        const geo::Vec3d l = _host.frame()->toLocal({g.x, g.y, 0.0});
        return osg::Vec3d(l.x, l.y, 0.0);
    };
    _tool->cancel();
    _marks = {};
    const geo::Geometry& geometry = feature.geometry;
    if (!geometry.polygons.empty() && !geometry.polygons.front().rings.empty()) {
        for (const auto& p : geometry.polygons.front().rings.front())
            _marks.path.push_back(toLocal(p));
        _marks.closed = true;
    } else if (!geometry.lines.empty()) {
        for (const auto& p : geometry.lines.front())
            _marks.path.push_back(toLocal(p));
    }
    const geo::Extent e = geometry.extent();
    if (e.isEmpty())
        return;
    const osg::Vec3d centre = toLocal({e.centerX(), e.centerY(), 0.0});
    if (_marks.path.empty())
        _marks.maybeTarget = centre;
    double radius = 0.0;
    for (const auto& p : _marks.path)
        radius = std::max(radius, (p - centre).length());
    _host.view()->flyTo(centre, std::max(400.0, radius * 3.0));
    updateMarks();
    const QString name = nameOf(feature);
    setLabels({{centre + osg::Vec3d(0, 0, _marks.maybeTarget ? 80.0 : 0.0), name}});
    _host.showStatusMessage(tr("%1 in %2").arg(name, layerId), 8000);
    emit resultShown();
}

void OperatorTools::clear() {
    _marks = {};
    updateMarks();
    setLabels({});
    _panel->clear();
}

void OperatorTools::updateMarks() {
    if (!_host.frame())
        return;
    // An empty group rather than removeLayer: it replaces any marks still queued.
    osg::ref_ptr<osg::Node> node =
        _marks.isEmpty() ? osg::ref_ptr<osg::Node>(new osg::Group) : buildToolMarks(_marks);
    _host.scene().enqueueLayer(kToolMarksLayerId, node);
    _host.view()->requestRedraw();
}

void OperatorTools::setLabels(std::vector<std::pair<osg::Vec3d, QString>> labels) {
    for (auto& [p, label] : _labels)
        delete label;
    _labels.clear();
    for (auto& [p, text] : labels) {
        auto* label = new QLabel(text, _host.view());
        label->setObjectName("measureLabel");
        // A window of its own: a widget would be hidden under the view's native window.
        label->setAttribute(Qt::WA_NativeWindow);
        label->setAttribute(Qt::WA_DontCreateNativeAncestors);
        label->setAttribute(Qt::WA_TransparentForMouseEvents);
        label->setStyleSheet(
            "QLabel { background: rgba(20, 20, 20, 200); color: #ffd800; padding: 2px 5px; "
            "border-radius: 3px; font-weight: bold; }");
        label->adjustSize();
        _labels.emplace_back(p, label);
    }
    placeLabels();
}

void OperatorTools::placeLabels() {
    for (auto& [p, label] : _labels) {
        const auto maybeAt = _host.view()->widgetPointOf(p);
        if (!maybeAt) {
            label->hide();
            continue;
        }
        label->move(int(maybeAt->x() - label->width() / 2.0),
                    int(maybeAt->y() - label->height() - 6));
        label->show();
        label->raise();
    }
}

QStringList OperatorTools::labelTexts() const {
    QStringList out;
    for (const auto& [p, label] : _labels)
        out << label->text();
    return out;
}

}  // namespace citytwin::app
