#pragma once
// The layer tree: one checkable row per layer with its CRS, feature count
// and memory use; the check box toggles the layer's visibility.

#include <QTreeWidget>

#include "layers/LayerSpec.h"

namespace citytwin::app {

class LayerTreePanel : public QTreeWidget {
    Q_OBJECT
public:
    explicit LayerTreePanel(QWidget* parent = nullptr);

    void addLayer(const LoadedLayer& layer, bool visible);
    /// The row of a layer, or nullptr.
    QTreeWidgetItem* itemFor(const QString& layerId) const;
    void setLayerChecked(const QString& layerId, bool checked);
    /// Shows a layer's estimated memory use (bytes) in its Memory column.
    void setLayerMemory(const QString& layerId, std::size_t bytes);
    void retranslate();

signals:
    void visibilityChanged(const QString& layerId, bool visible);

private:
    void onItemChanged(QTreeWidgetItem* item, int column);
};

}  // namespace citytwin::app
