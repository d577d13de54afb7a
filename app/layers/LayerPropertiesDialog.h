#pragma once
// Layer → Properties: what a layer is and what it costs: its source, CRS,
// extent (WGS 84), feature count and memory; for a 3D Tiles tileset also
// what its tileset.json says of itself (asset, schema, groups, metadata,
// 1.0 properties). Read-only.

#include <QDialog>

#include <cstddef>

class QFormLayout;

#include "layers/LayerSpec.h"

namespace citytwin::app {

class LayerPropertiesDialog : public QDialog {
    Q_OBJECT
public:
    LayerPropertiesDialog(const QString& name, const LoadedLayer& layer, std::size_t memoryBytes,
                          QWidget* parent = nullptr);

private:
    void addTilesetMetadata(QFormLayout& form, const QString& path);
};

/// "121.4800–121.5210 °E, 31.2260–31.2510 °N" (S and W for negative
/// values); "unknown" if empty.
QString extentText(const geo::Extent& extent);

}  // namespace citytwin::app
