#include "layers/LayerPropertiesDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>

namespace citytwin::app {
namespace {
QString degrees(double a, double b, const char* positive, const char* negative) {
    const char* hemisphere = (a + b) >= 0.0 ? positive : negative;
    return QStringLiteral("%1–%2 °%3")
        .arg(std::abs(a), 0, 'f', 4)
        .arg(std::abs(b), 0, 'f', 4)
        .arg(QLatin1String(hemisphere));
}
}  // namespace

QString extentText(const geo::Extent& e) {
    if (e.isEmpty())
        return QObject::tr("unknown");
    return degrees(e.minX, e.maxX, "E", "W") + ", " + degrees(e.minY, e.maxY, "N", "S");
}

LayerPropertiesDialog::LayerPropertiesDialog(const QString& name, const LoadedLayer& layer,
                                             std::size_t memoryBytes, QWidget* parent)
    : QDialog(parent) {
    setObjectName("layerPropertiesDialog");
    setWindowTitle(tr("Layer properties: %1").arg(name));
    auto* form = new QFormLayout(this);
    auto row = [this, form](const QString& label, const QString& value, const char* object) {
        auto* text = new QLabel(value, this);
        text->setObjectName(QLatin1String(object));
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        text->setWordWrap(true);
        form->addRow(label, text);
    };
    row(tr("Name:"), name, "propertyName");
    row(tr("Source:"), layer.path, "propertySource");
    row(tr("CRS:"), layer.crsLabel.isEmpty() ? tr("unknown") : layer.crsLabel, "propertyCrs");
    row(tr("Extent (WGS 84):"), extentText(layer.wgs84Extent), "propertyExtent");
    row(tr("Features:"),
        layer.layer || layer.featureCount ? QString::number(layer.featureCount) : tr("—"),
        "propertyFeatures");
    row(tr("Memory:"), tr("%1 MB").arg(double(memoryBytes) / (1024.0 * 1024.0), 0, 'f', 1),
        "propertyMemory");
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    setMinimumWidth(420);
}

}  // namespace citytwin::app
