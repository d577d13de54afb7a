#include "layers/LayerTreePanel.h"

#include <QCoreApplication>
#include <QHeaderView>

namespace citytwin::app {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kSourceNameRole = Qt::UserRole + 2;
}  // namespace

LayerTreePanel::LayerTreePanel(QWidget* parent) : QTreeWidget(parent) {
    setObjectName("layerTree");
    setColumnCount(4);
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    retranslate();
    connect(this, &QTreeWidget::itemChanged, this, &LayerTreePanel::onItemChanged);
}

void LayerTreePanel::retranslate() {
    setHeaderLabels({tr("Layer"), tr("CRS"), tr("Features"), tr("Memory")});
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem* it = topLevelItem(i);
        const QByteArray src = it->data(0, kSourceNameRole).toString().toUtf8();
        it->setText(0, QCoreApplication::translate("Layers", src.constData()));
    }
}

void LayerTreePanel::addLayer(const LoadedLayer& layer, bool visible) {
    QSignalBlocker block(this);
    QTreeWidgetItem* it = itemFor(layer.id);
    if (!it)
        it = new QTreeWidgetItem(this);
    const QByteArray src = layer.displayName.toUtf8();
    it->setData(0, kIdRole, layer.id);
    it->setData(0, kSourceNameRole, layer.displayName);
    it->setText(0, QCoreApplication::translate("Layers", src.constData()));
    it->setToolTip(0, layer.path);
    it->setText(1, layer.crsLabel.section(' ', 0, 0));
    it->setToolTip(1, layer.crsLabel);
    it->setText(2, QString::number(layer.featureCount));
    it->setFlags(it->flags() | Qt::ItemIsUserCheckable);
    it->setCheckState(0, visible ? Qt::Checked : Qt::Unchecked);
}

QTreeWidgetItem* LayerTreePanel::itemFor(const QString& layerId) const {
    for (int i = 0; i < topLevelItemCount(); ++i)
        if (topLevelItem(i)->data(0, kIdRole).toString() == layerId)
            return topLevelItem(i);
    return nullptr;
}

void LayerTreePanel::setLayerChecked(const QString& layerId, bool checked) {
    if (QTreeWidgetItem* it = itemFor(layerId))
        it->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
}

void LayerTreePanel::setLayerMemory(const QString& layerId, std::size_t bytes) {
    QTreeWidgetItem* it = itemFor(layerId);
    if (!it)
        return;
    QSignalBlocker block(this);
    const QString text = tr("%1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
    if (it->text(3) != text)
        it->setText(3, text);
}

void LayerTreePanel::onItemChanged(QTreeWidgetItem* item, int column) {
    if (column != 0)
        return;
    emit visibilityChanged(item->data(0, kIdRole).toString(), item->checkState(0) == Qt::Checked);
}

}  // namespace citytwin::app
