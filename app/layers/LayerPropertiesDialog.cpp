#include "layers/LayerPropertiesDialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>

#include "citytwin/formats/TilesetMetadata.h"

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
    if (layer.role == QLatin1String("3D Tiles") && QFileInfo(layer.path).isFile())
        addTilesetMetadata(*form, layer.path);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    setMinimumWidth(420);
}

void LayerPropertiesDialog::addTilesetMetadata(QFormLayout& form, const QString& path) {
    // tileset.json is read again here: the loader keeps only what it draws.
    const auto rows = formats::readTilesetMetadata(path.toStdString());
    if (!rows) {
        auto* problem = new QLabel(QString::fromStdString(rows.messages()), this);
        problem->setObjectName("propertyTilesetMetadataError");
        form.addRow(tr("Tileset metadata:"), problem);
        return;
    }
    if (rows->empty())
        return;
    auto* table = new QTableWidget(int(rows->size()), 2, this);
    table->setObjectName("propertyTilesetMetadata");
    table->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    for (int r = 0; r < int(rows->size()); ++r) {
        table->setItem(r, 0, new QTableWidgetItem(QString::fromStdString((*rows)[r].name)));
        table->setItem(r, 1, new QTableWidgetItem(QString::fromStdString((*rows)[r].value)));
    }
    table->resizeColumnToContents(0);
    table->setMinimumHeight(160);
    form.addRow(tr("Tileset metadata:"), table);
}

}  // namespace citytwin::app
