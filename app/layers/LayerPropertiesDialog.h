#pragma once
// Layer → Properties: what a layer is and what it costs: its source, CRS,
// extent (WGS 84), feature count and memory; for a 3D Tiles tileset also
// what its tileset.json says of itself (asset, schema, groups, metadata,
// 1.0 properties). Read-only.

#include <QDialog>

#include <cstddef>
#include <vector>

#include "citytwin/formats/TilesetMetadata.h"

class QFormLayout;

#include "layers/LayerSpec.h"

namespace citytwin::app {

class LayerPropertiesDialog : public QDialog {
    Q_OBJECT
public:
    LayerPropertiesDialog(const QString& name, const LoadedLayer& layer, std::size_t memoryBytes,
                          QWidget* parent = nullptr);

signals:
    /// A tileset's metadata, read on a worker, is shown (or its error, or
    /// its row removed when it has none).
    void metadataShown();

private:
    void addTilesetMetadata(QFormLayout& form, const QString& location);
    QWidget* metadataTable(const std::vector<formats::TilesetMetadataRow>& rows);
};

/// "121.4800–121.5210 °E, 31.2260–31.2510 °N" (S and W for negative
/// values); "unknown" if empty.
QString extentText(const geo::Extent& extent);

}  // namespace citytwin::app
