// MainWindow's layer styles and pick highlight: Layer → Style… (the layer
// tree's context menu calls openStyleDialog), the picked feature tinted in
// 3D and selected in the panels, a clicked pin's history brought forward.

#include <QDockWidget>
#include <QMessageBox>
#include <QStatusBar>

#include "citytwin/render/CityScene.h"
#include "citytwin/render/FeatureHighlight.h"
#include "citytwin/render/ModelFeatureHighlight.h"
#include "citytwin/render/SensorGlyphLayer.h"
#include "layers/LayerStyler.h"
#include "layers/LayerTreePanel.h"
#include "layers/LegendText.h"
#include "shell/LogChannel.h"
#include "shell/MainWindow.h"
#include "view/OsgView.h"

namespace citytwin::app {
namespace {

/// A feature of a model (3D Tiles, glTF) tinted in its tile, or null if no
/// loaded model holds it.
osg::ref_ptr<osg::Node> highlightModelFeature(const render::CityScene& scene,
                                              const LayerStyler& styler,
                                              const render::PickHit& hit) {
    // A tile's layer id starts with its model's ("city/tileset.json/ll.b3dm");
    // a model named otherwise is looked for among the unstyled layers.
    std::vector<std::string> candidates;
    for (const std::string& id : scene.layerIds()) {
        if (id == render::kHighlightLayerId || styler.styleOf(QString::fromStdString(id)))
            continue;
        if (hit.layerId.starts_with(id + "/"))
            candidates.insert(candidates.begin(), id);
        else
            candidates.push_back(id);
    }
    for (const std::string& id : candidates)
        if (osg::Node* model = scene.layerNode(id)) {
            osg::ref_ptr<osg::Node> node =
                render::buildModelFeatureHighlight(*model, hit.layerId, hit.featureIndex);
            if (node->getBound().valid())
                return node;
        }
    return nullptr;
}

}  // namespace

void MainWindow::setupStylesAndPicking() {
    _styler = new LayerStyler(*_scene, this);
    connect(_styler, &LayerStyler::restyled, this, [this](const QString& id) {
        updateLegend(id);
        _view->requestRedraw();
        emit layerRestyled(id);
    });
    connect(_styler, &LayerStyler::failed, this, [this](const QString& id, const QString& msg) {
        LogChannel::instance().write(geo::LogLevel::Error, id + ": " + msg);
        statusBar()->showMessage(tr("Cannot restyle %1: %2").arg(id, msg), 8000);
    });
    connect(_view, &OsgView::featurePicked, this, &MainWindow::highlightPick);
}

void MainWindow::updateLegend(const QString& layerId) {
    if (const auto style = _styler->styleOf(layerId))
        _layerTree->setLegend(layerId, swatchColour(*style),
                              legendLines(*style, _styler->featuresOf(layerId).get()));
}

bool MainWindow::openStyleDialog(const QString& layerId) {
    if (!_maybeFrame || !_styler->canStyle(layerId)) {
        if (!_unattended)
            QMessageBox::information(this, tr("Style"),
                                     tr("Only vector layers can be styled here."));
        return false;
    }
    QString name = layerId;
    if (QTreeWidgetItem* item = _layerTree->itemFor(layerId))
        name = item->text(0);
    return _styler->openDialog(layerId, name, *_maybeFrame, this);
}

void MainWindow::applyLayerStyle(const QString& layerId, const render::LayerStyle& style) {
    if (_maybeFrame)
        _styler->apply(layerId, style, *_maybeFrame);
}

void MainWindow::highlightPick(const std::optional<render::PickHit>& hit) {
    // A new pick replaces the highlight; a click on nothing clears it.
    const std::string id = render::kHighlightLayerId;
    _highlighted.reset();
    osg::ref_ptr<osg::Node> node = new osg::Group;
    if (hit && _maybeFrame) {
        const QString layerId = QString::fromStdString(hit->layerId);
        std::optional<render::LayerStyle> style = _styler->styleOf(layerId);
        if (!style && hit->layerId == render::SensorGlyphLayer::kLayerId) {
            // A pin: an amber column from the ground to its head.
            render::LayerStyle pin;
            pin.role = render::LayerRole::Glyph;
            pin.glyphRadius = 4.f;
            pin.glyphHeight = float(render::SensorGlyphLayer::kPinHeight);
            style = pin;
        }
        if (style) {
            node = render::buildFeatureHighlight(hit->feature(), *style, *_maybeFrame);
            _highlighted = std::make_pair(layerId, hit->featureIndex);
        } else if (osg::ref_ptr<osg::Node> model = highlightModelFeature(*_scene, *_styler, *hit)) {
            node = model;
            _highlighted = std::make_pair(layerId, hit->featureIndex);
        }
        if (QTreeWidgetItem* item = _layerTree->itemFor(layerId))
            _layerTree->setCurrentItem(item);
        if (hit->layerId == render::SensorGlyphLayer::kLayerId && _historyDock && !_chromeHidden) {
            // The pin's history (SensorMonitor has shown it in the chart) comes forward.
            _historyDock->show();
            _historyDock->raise();
        }
    }
    _scene->enqueueLayer(id, node);
    _view->requestRedraw();
}

}  // namespace citytwin::app
