#include "layers/AttributePanel.h"

#include <QHeaderView>

namespace citytwin::app {

AttributePanel::AttributePanel(QWidget* parent) : QTableWidget(parent) {
    setObjectName("attributePanel");
    setColumnCount(2);
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    retranslate();
}

void AttributePanel::retranslate() {
    setHorizontalHeaderLabels({tr("Attribute"), tr("Value")});
}

void AttributePanel::showFeature(const std::optional<render::PickHit>& hit) {
    setRowCount(0);
    if (!hit)
        return;
    const geo::Feature& f = hit->feature();
    auto addRow = [this](const QString& name, const QString& value) { appendRow(name, value); };
    addRow(tr("layer"), QString::fromStdString(hit->layerId));
    addRow(tr("feature id"), QString::number(f.id));
    for (const auto& a : f.attributes)
        addRow(QString::fromStdString(a.name), QString::fromStdString(a.value));
    resizeColumnToContents(0);
}

void AttributePanel::appendRow(const QString& name, const QString& value) {
    const int r = rowCount();
    insertRow(r);
    setItem(r, 0, new QTableWidgetItem(name));
    setItem(r, 1, new QTableWidgetItem(value));
    resizeColumnToContents(0);
}

}  // namespace citytwin::app
