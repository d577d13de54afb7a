#pragma once
// Layer → Properties: what a layer is and what it costs: its source, CRS,
// extent (WGS 84), feature count and memory. Read-only.

#include <QDialog>

#include <cstddef>

#include "layers/LayerSpec.h"

namespace citytwin::app {

class LayerPropertiesDialog : public QDialog {
    Q_OBJECT
public:
    LayerPropertiesDialog(const QString& name, const LoadedLayer& layer, std::size_t memoryBytes,
                          QWidget* parent = nullptr);
};

/// "121.4800–121.5210 °E, 31.2260–31.2510 °N" (S and W for negative
/// values); "unknown" if empty.
QString extentText(const geo::Extent& extent);

}  // namespace citytwin::app
