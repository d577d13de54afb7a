#include "layers/LayerPropertiesDialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QtConcurrent>

#include "citytwin/formats/TileSource.h"
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
    if (layer.role == QLatin1String("3D Tiles") &&
        (QFileInfo(layer.path).isFile() || formats::TileSource::isUrl(layer.path.toStdString())))
        addTilesetMetadata(*form, layer.path);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    setMinimumWidth(420);
}

void LayerPropertiesDialog::addTilesetMetadata(QFormLayout& form, const QString& location) {
    // tileset.json is read again (the loader keeps only what it draws), on
    // a worker: over HTTP it may wait for the server or the tile cache.
    auto* reading = new QLabel(tr("Reading %1…").arg(location), this);
    reading->setObjectName("propertyTilesetMetadataReading");
    form.addRow(tr("Tileset metadata:"), reading);
    using Rows = geo::Result<std::vector<formats::TilesetMetadataRow>>;
    auto* watcher = new QFutureWatcher<Rows>(this);
    connect(watcher, &QFutureWatcher<Rows>::finished, this, [this, &form, reading, watcher] {
        const Rows rows = watcher->result();
        watcher->deleteLater();
        QWidget* shown = rows ? metadataTable(*rows) : nullptr;
        if (!rows) {
            auto* problem = new QLabel(QString::fromStdString(rows.messages()), this);
            problem->setObjectName("propertyTilesetMetadataError");
            problem->setWordWrap(true);
            shown = problem;
        }
        if (!shown) {                 // no metadata at all
            form.removeRow(reading);  // deletes the label
        } else {
            delete form.replaceWidget(reading, shown);
            delete reading;
            shown->show();  // added after the dialog was shown
            adjustSize();
        }
        emit metadataShown();
    });
    watcher->setFuture(QtConcurrent::run(
        [path = location.toStdString()] { return formats::readTilesetMetadata(path); }));
}

QWidget* LayerPropertiesDialog::metadataTable(
    const std::vector<formats::TilesetMetadataRow>& rows) {
    if (rows.empty())
        return nullptr;
    auto* table = new QTableWidget(int(rows.size()), 2, this);
    table->setObjectName("propertyTilesetMetadata");
    table->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    for (int r = 0; r < int(rows.size()); ++r) {
        table->setItem(r, 0, new QTableWidgetItem(QString::fromStdString(rows[r].name)));
        table->setItem(r, 1, new QTableWidgetItem(QString::fromStdString(rows[r].value)));
    }
    table->resizeColumnToContents(0);
    table->setMinimumHeight(160);
    return table;
}

}  // namespace citytwin::app
