#pragma once
// The layer tree: one checkable row per layer with its CRS, feature count
// and memory use; the check box toggles the layer's visibility. Its context
// menu, as QGIS's: Zoom to layer, Rename, Opacity, Style…, Show attribute
// table, Properties, Remove. What needs the scene or another feature is
// emitted as a request (the shell, the Style dialog, the attribute table
// act on it); Rename, Opacity's slider and Properties are its own.

#include <QTreeWidget>

#include <map>

#include "layers/LayerSpec.h"
#include "layers/LegendText.h"

class QMenu;

namespace citytwin::app {

class LayerTreePanel : public QTreeWidget {
    Q_OBJECT
public:
    explicit LayerTreePanel(QWidget* parent = nullptr);

    void addLayer(const LoadedLayer& layer, bool visible);
    void removeLayer(const QString& layerId);
    /// The layers, top to bottom.
    QStringList layerIds() const;
    /// The row of a layer, or nullptr.
    QTreeWidgetItem* itemFor(const QString& layerId) const;
    void setLayerChecked(const QString& layerId, bool checked);
    /// Shows a layer's estimated memory use (bytes) in its Memory column.
    void setLayerMemory(const QString& layerId, std::size_t bytes);
    /// A line added to the layer's tooltip (e.g. where a far layer lies).
    void setLayerNote(const QString& layerId, const QString& note);
    /// The layer's legend: a swatch on its row and, when its style has
    /// classes (bands, categories, rules), one child row per class.
    void setLegend(const QString& layerId, const QColor& swatch,
                   const std::vector<LegendLine>& classes);
    /// The legend rows under a layer's row, as shown.
    std::vector<LegendLine> legendOf(const QString& layerId) const;
    /// What the layer was loaded as (nullptr if unknown).
    const LoadedLayer* layerInfo(const QString& layerId) const;
    /// The name shown (after any rename).
    QString layerName(const QString& layerId) const;
    /// The context menu of a layer's row (the caller owns it); tests trigger
    /// its actions by object name.
    QMenu* contextMenuFor(const QString& layerId);
    /// Layer → Properties: source, CRS, extent, feature count, memory.
    void showProperties(const QString& layerId);
    void retranslate();

signals:
    void visibilityChanged(const QString& layerId, bool visible);
    void zoomToLayerRequested(const QString& layerId);
    void removeRequested(const QString& layerId);
    void renamed(const QString& layerId, const QString& name);
    /// 0 .. 1, as the Opacity slider moves.
    void opacityChanged(const QString& layerId, double opacity);
    /// Style…: the layer style dialog opens on it (the action is disabled
    /// while nothing is connected).
    void styleRequested(const QString& layerId);
    /// Show attribute table (disabled while nothing is connected).
    void attributeTableRequested(const QString& layerId);

private:
    void onItemChanged(QTreeWidgetItem* item, int column);
    void showTooltip(QTreeWidgetItem* item);

    struct Row {
        LoadedLayer info;
        std::size_t memoryBytes = 0;
        double opacity = 1.0;
        QString note;
        QString shownName;  ///< the text of its row: a change of it is a rename
        bool renamed = false;
    };
    std::map<QString, Row> _rows;
};

}  // namespace citytwin::app
