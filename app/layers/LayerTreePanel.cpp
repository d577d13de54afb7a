#include "layers/LayerTreePanel.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QMenu>
#include <QMetaMethod>
#include <QPainter>
#include <QPixmap>
#include <QSlider>
#include <QWidgetAction>

#include <cmath>

#include "layers/LayerPropertiesDialog.h"

namespace citytwin::app {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kSourceNameRole = Qt::UserRole + 2;
/// Layers the window itself owns (the sensors' pins): not removable.
bool isBuiltIn(const LoadedLayer& info) {
    return info.role == QLatin1String("sensors");
}

/// A model's features (batch tables, glTF feature properties) can be tabulated.
bool isModel(const LoadedLayer& info) {
    static const QStringList formats{"3D Tiles", "glTF", "GLB", "OSGB"};
    return formats.contains(info.role);
}
}  // namespace

LayerTreePanel::LayerTreePanel(QWidget* parent) : QTreeWidget(parent) {
    setObjectName("layerTree");
    setColumnCount(4);
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    // Rename edits in place, from the menu or F2 only (not on a click).
    setEditTriggers(QAbstractItemView::EditKeyPressed);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    retranslate();
    connect(this, &QTreeWidget::itemChanged, this, &LayerTreePanel::onItemChanged);
    // An edit ended (committed or not): the row is not editable again until Rename.
    connect(itemDelegate(), &QAbstractItemDelegate::closeEditor, this, [this] {
        QSignalBlocker block(this);
        for (int i = 0; i < topLevelItemCount(); ++i)
            topLevelItem(i)->setFlags(topLevelItem(i)->flags() & ~Qt::ItemIsEditable);
    });
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QTreeWidgetItem* it = itemAt(pos);
        if (it && it->parent())  // a legend row: its layer's menu
            it = it->parent();
        if (!it)
            return;
        QMenu* menu = contextMenuFor(it->data(0, kIdRole).toString());
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(viewport()->mapToGlobal(pos));
    });
}

void LayerTreePanel::retranslate() {
    setHeaderLabels({tr("Layer"), tr("CRS"), tr("Features"), tr("Memory")});
    QSignalBlocker block(this);
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem* it = topLevelItem(i);
        const QString id = it->data(0, kIdRole).toString();
        if (auto r = _rows.find(id); r != _rows.end() && r->second.renamed)
            continue;  // the user's own name is not translated
        const QByteArray src = it->data(0, kSourceNameRole).toString().toUtf8();
        it->setText(0, QCoreApplication::translate("Layers", src.constData()));
        _rows[id].shownName = it->text(0);
    }
}

void LayerTreePanel::addLayer(const LoadedLayer& layer, bool visible) {
    QSignalBlocker block(this);
    QTreeWidgetItem* it = itemFor(layer.id);
    if (!it)
        it = new QTreeWidgetItem(this);
    Row& row = _rows[layer.id];
    row.info = layer;
    row.renamed = false;
    const QByteArray src = layer.displayName.toUtf8();
    it->setData(0, kIdRole, layer.id);
    it->setData(0, kSourceNameRole, layer.displayName);
    it->setText(0, QCoreApplication::translate("Layers", src.constData()));
    row.shownName = it->text(0);
    it->setText(1, layer.crsLabel.section(' ', 0, 0));
    it->setToolTip(1, layer.crsLabel);
    it->setText(2, QString::number(layer.featureCount));
    it->setFlags(it->flags() | Qt::ItemIsUserCheckable);
    it->setCheckState(0, visible ? Qt::Checked : Qt::Unchecked);
    showTooltip(it);
}

namespace {

QIcon swatchIcon(const QColor& c) {
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setPen(QColor(60, 60, 60));
    p.setBrush(c);
    p.drawRect(1, 1, 11, 11);
    return QIcon(pm);
}

}  // namespace

void LayerTreePanel::setLegend(const QString& layerId, const QColor& swatch,
                               const std::vector<LegendLine>& classes) {
    QTreeWidgetItem* it = itemFor(layerId);
    if (!it)
        return;
    QSignalBlocker block(this);
    // One swatch on the row says a single-colour layer; classes go below it.
    it->setIcon(0, classes.empty() ? swatchIcon(swatch) : QIcon());
    qDeleteAll(it->takeChildren());
    for (const LegendLine& line : classes) {
        auto* child = new QTreeWidgetItem(it);
        child->setText(0, line.text);
        child->setIcon(0, swatchIcon(line.colour));
        child->setData(0, Qt::DecorationPropertyRole, line.colour);
        child->setFlags(Qt::ItemIsEnabled);
    }
}

std::vector<LegendLine> LayerTreePanel::legendOf(const QString& layerId) const {
    std::vector<LegendLine> out;
    if (QTreeWidgetItem* it = itemFor(layerId))
        for (int i = 0; i < it->childCount(); ++i)
            out.push_back({it->child(i)->text(0),
                           it->child(i)->data(0, Qt::DecorationPropertyRole).value<QColor>()});
    return out;
}

void LayerTreePanel::removeLayer(const QString& layerId) {
    delete itemFor(layerId);
    _rows.erase(layerId);
}

QStringList LayerTreePanel::layerIds() const {
    QStringList ids;
    for (int i = 0; i < topLevelItemCount(); ++i)
        ids << topLevelItem(i)->data(0, kIdRole).toString();
    return ids;
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
    _rows[layerId].memoryBytes = bytes;
    QSignalBlocker block(this);
    const QString text = tr("%1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
    if (it->text(3) != text)
        it->setText(3, text);
}

void LayerTreePanel::setLayerNote(const QString& layerId, const QString& note) {
    QTreeWidgetItem* it = itemFor(layerId);
    if (!it)
        return;
    _rows[layerId].note = note;
    QSignalBlocker block(this);
    showTooltip(it);
}

void LayerTreePanel::showTooltip(QTreeWidgetItem* it) {
    const Row& row = _rows[it->data(0, kIdRole).toString()];
    it->setToolTip(0, row.note.isEmpty() ? row.info.path : row.info.path + "\n" + row.note);
}

const LoadedLayer* LayerTreePanel::layerInfo(const QString& layerId) const {
    auto it = _rows.find(layerId);
    return it == _rows.end() ? nullptr : &it->second.info;
}

QString LayerTreePanel::layerName(const QString& layerId) const {
    const QTreeWidgetItem* it = itemFor(layerId);
    return it ? it->text(0) : QString();
}

QMenu* LayerTreePanel::contextMenuFor(const QString& layerId) {
    auto* menu = new QMenu(this);
    menu->setObjectName("layerContextMenu");
    const Row& row = _rows[layerId];

    QAction* zoom = menu->addAction(tr("&Zoom to layer"), this,
                                    [this, layerId] { emit zoomToLayerRequested(layerId); });
    zoom->setObjectName("zoomToLayerAction");

    QAction* rename = menu->addAction(tr("Re&name"), this, [this, layerId] {
        if (QTreeWidgetItem* it = itemFor(layerId)) {
            it->setFlags(it->flags() | Qt::ItemIsEditable);
            setCurrentItem(it);
            editItem(it, 0);
        }
    });
    rename->setObjectName("renameLayerAction");

    // Opacity: a slider in the menu, applied as it moves (QGIS's legend does the same).
    QMenu* opacity = menu->addMenu(tr("&Opacity"));
    opacity->setObjectName("opacityMenu");
    auto* sliderAction = new QWidgetAction(opacity);
    auto* slider = new QSlider(Qt::Horizontal);
    slider->setObjectName("opacitySlider");
    slider->setRange(0, 100);
    slider->setValue(int(std::lround(row.opacity * 100.0)));
    slider->setMinimumWidth(160);
    slider->setToolTip(tr("Opacity: %1 %").arg(slider->value()));
    connect(slider, &QSlider::valueChanged, this, [this, layerId, slider](int v) {
        _rows[layerId].opacity = v / 100.0;
        slider->setToolTip(tr("Opacity: %1 %").arg(v));
        emit opacityChanged(layerId, v / 100.0);
    });
    sliderAction->setDefaultWidget(slider);
    opacity->addAction(sliderAction);

    QAction* style =
        menu->addAction(tr("&Style…"), this, [this, layerId] { emit styleRequested(layerId); });
    style->setObjectName("layerStyleAction");
    style->setEnabled(isSignalConnected(QMetaMethod::fromSignal(&LayerTreePanel::styleRequested)) &&
                      row.info.layer != nullptr);

    QAction* table = menu->addAction(tr("Show &attribute table"), this,
                                     [this, layerId] { emit attributeTableRequested(layerId); });
    table->setObjectName("attributeTableAction");
    table->setEnabled(
        isSignalConnected(QMetaMethod::fromSignal(&LayerTreePanel::attributeTableRequested)) &&
        (row.info.layer != nullptr || isModel(row.info)));

    QAction* properties =
        menu->addAction(tr("&Properties…"), this, [this, layerId] { showProperties(layerId); });
    properties->setObjectName("layerPropertiesAction");

    menu->addSeparator();
    QAction* remove =
        menu->addAction(tr("&Remove"), this, [this, layerId] { emit removeRequested(layerId); });
    remove->setObjectName("removeLayerAction");
    remove->setEnabled(!isBuiltIn(row.info));
    return menu;
}

void LayerTreePanel::showProperties(const QString& layerId) {
    auto it = _rows.find(layerId);
    if (it == _rows.end())
        return;
    auto* dialog = new LayerPropertiesDialog(layerName(layerId), it->second.info,
                                             it->second.memoryBytes, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void LayerTreePanel::onItemChanged(QTreeWidgetItem* item, int column) {
    if (column != 0 || item->parent())  // a legend row: nothing to change
        return;
    const QString id = item->data(0, kIdRole).toString();
    Row& row = _rows[id];
    if (item->text(0) != row.shownName) {
        // A rename (the check box leaves the text alone).
        const QString name = item->text(0).trimmed();
        {
            // The item's own edits below must not come back here; the
            // blocker is gone before `renamed` is emitted.
            QSignalBlocker block(this);
            if (name.isEmpty()) {
                item->setText(0, row.shownName);
                return;
            }
            row.renamed = true;
            row.shownName = name;
            item->setText(0, name);
            item->setData(0, kSourceNameRole, name);
        }
        emit renamed(id, name);
        return;
    }
    emit visibilityChanged(id, item->checkState(0) == Qt::Checked);
}

}  // namespace citytwin::app
