// MainWindow and the operator's docks (tools/OperatorDocks): what they need
// of the window as ToolsShell callbacks, the layer tree's "Show attribute
// table", map picks selecting table rows, File > Export image…, and the
// decorated off-screen snapshot of --snapshot --decorations.

#include <QFileInfo>
#include <QImage>
#include <QMenu>

#include "layers/LayerStyler.h"
#include "layers/LayerTreePanel.h"
#include "layers/SceneLoader.h"
#include "sensors/SensorMonitor.h"
#include "shell/MainWindow.h"
#include "shell/MainWindowUi.h"
#include "tools/OperatorDocks.h"
#include "view/OsgView.h"

namespace citytwin::app {

void MainWindow::setupOperatorDocks() {
    ToolsShell shell;
    shell.clockTime = [this]() -> std::optional<qint64> {
        if (!_sensors->isStarted() ||
            _sensors->clock().mode() == sensors::PlaybackClock::Mode::Live)
            return std::nullopt;
        return _sensors->clock().now();
    };
    shell.showSensorTime = [this](std::optional<qint64> t) { showSensorTime(t); };
    shell.treeLayers = [this] {
        std::vector<QString> ids;
        for (const std::string& id : _scene->layerIds())
            if (_layerTree->itemFor(QString::fromStdString(id)))
                ids.push_back(QString::fromStdString(id));
        return ids;
    };
    shell.isLayerVisible = [this](const QString& id) {
        return _scene->isLayerVisible(id.toStdString());
    };
    // Through the tree's check box: the tree and the scene stay in step.
    shell.setLayerVisible = [this](const QString& id, bool on) {
        _layerTree->setLayerChecked(id, on);
    };
    shell.layerName = [this](const QString& id) { return _layerTree->layerName(id); };
    shell.layerStyle = [this](const QString& id) { return _styler->styleOf(id); };
    shell.layerLegend = [this](const QString& id) { return _layerTree->legendOf(id); };
    shell.highlight = [this](const render::PickHit& hit) { highlightPick(hit); };
    shell.attribution = [this] {
        if (_options.dataFiles.isEmpty())
            return tr(
                "Map data © OpenStreetMap contributors (ODbL); sites, cables and sensors "
                "are synthetic · citytwin");
        QStringList names;
        for (const QString& f : _options.dataFiles)
            names << QFileInfo(f).fileName();
        return tr("Data: %1 · citytwin").arg(names.join(QStringLiteral(", ")));
    };
    _docks = new OperatorDocks(*this, std::move(shell), this);
    connect(_loader, &SceneLoader::frameChosen, _docks, [this] {
        if (_maybeFrame)
            _docks->setFrame(*_maybeFrame);
    });
    connect(_loader, &SceneLoader::layerLoaded, _docks, &OperatorDocks::addLayer);
    connect(_layerTree, &LayerTreePanel::attributeTableRequested, _docks,
            &OperatorDocks::openAttributeTable);
    connect(_view, &OsgView::featurePicked, _docks, &OperatorDocks::onFeaturePicked);
    // File > Export image…, after Save screenshot.
    const QList<QAction*> actions = _ui->fileMenu->actions();
    const qsizetype at = actions.indexOf(_ui->saveScreenshot);
    _ui->fileMenu->insertAction(at >= 0 && at + 1 < actions.size() ? actions[at + 1] : nullptr,
                                _docks->exportImageAction());
}

QImage MainWindow::renderDecoratedImage(const QSize& size, const QString& title) {
    return _docks->renderImage(size, true, title);
}

}  // namespace citytwin::app
