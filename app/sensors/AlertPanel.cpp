#include "sensors/AlertPanel.h"

#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

#include "sensors/PlaybackBar.h"

namespace citytwin::app {

namespace {
enum Column { Raised, Sensor, Kind, Value, Limit, Cleared, Acknowledged, ColumnCount };
constexpr int kIdRole = Qt::UserRole + 1;
}  // namespace

QString alertKindText(const sensors::AlertRecord& a) {
    const QString metric = QString::fromStdString(a.metric);
    switch (a.kind) {
        case sensors::AlertKind::High:
            return AlertPanel::tr("%1 above limit").arg(metric);
        case sensors::AlertKind::Low:
            return AlertPanel::tr("%1 below limit").arg(metric);
        case sensors::AlertKind::RateOfChange:
            return AlertPanel::tr("%1 changing too fast").arg(metric);
        case sensors::AlertKind::Stale:
            return AlertPanel::tr("silent too long");
    }
    return {};
}

AlertPanel::AlertPanel(QWidget* parent) : QWidget(parent) {
    setObjectName("alertPanel");
    auto* col = new QVBoxLayout(this);
    col->setContentsMargins(2, 2, 2, 2);
    _summary = new QLabel(this);
    _summary->setObjectName("alertSummary");
    _table = new QTableWidget(0, ColumnCount, this);
    _table->setObjectName("alertTable");
    _table->setSelectionBehavior(QAbstractItemView::SelectRows);
    _table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    _table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    _table->verticalHeader()->setVisible(false);
    _table->horizontalHeader()->setStretchLastSection(true);
    _table->setWordWrap(false);
    _ack = new QPushButton(this);
    _ack->setObjectName("acknowledgeButton");
    col->addWidget(_summary);
    col->addWidget(_table, 1);
    col->addWidget(_ack);
    connect(_table, &QTableWidget::itemSelectionChanged, this, &AlertPanel::updateButtons);
    connect(_ack, &QPushButton::clicked, this, [this] {
        const auto ids = selectedUnacknowledged();
        if (!ids.empty())
            emit acknowledgeRequested(ids);
    });
    // One click goes to the alert (Ctrl/Shift-clicks only select, for acknowledging).
    connect(_table, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (QApplication::keyboardModifiers() & (Qt::ControlModifier | Qt::ShiftModifier))
            return;
        const qint64 id = _table->item(row, 0)->data(kIdRole).toLongLong();
        for (const auto& a : _alerts)
            if (a.id == id)
                emit alertActivated(a);
    });
    retranslate();
}

void AlertPanel::setAlerts(std::vector<sensors::AlertRecord> alerts, qint64 sceneTime) {
    std::sort(alerts.begin(), alerts.end(), [](const auto& a, const auto& b) {
        return a.raisedMs != b.raisedMs ? a.raisedMs > b.raisedMs : a.id > b.id;
    });
    _alerts = std::move(alerts);
    _sceneTime = sceneTime;
    fill();
}

void AlertPanel::setSceneTime(qint64 t) {
    if (t == _sceneTime)
        return;
    _sceneTime = t;
    for (int row = 0; row < _table->rowCount() && row < int(_alerts.size()); ++row) {
        const bool active = _alerts[std::size_t(row)].isActiveAt(t);
        for (int c = 0; c < ColumnCount; ++c) {
            QTableWidgetItem* it = _table->item(row, c);
            QFont f = it->font();
            if (f.bold() != active) {
                f.setBold(active);
                it->setFont(f);
                it->setForeground(active ? QColor(200, 30, 30) : palette().color(QPalette::Text));
            }
        }
    }
}

void AlertPanel::fill() {
    // Keep the selection across refreshes: the operator may be about to
    // acknowledge while new alerts arrive.
    std::vector<std::int64_t> selected;
    for (QTableWidgetItem* it : _table->selectedItems())
        if (it->column() == 0)
            selected.push_back(it->data(kIdRole).toLongLong());
    _table->setUpdatesEnabled(false);
    _table->clearContents();
    _table->setRowCount(int(_alerts.size()));
    int unacked = 0, active = 0;
    for (std::size_t i = 0; i < _alerts.size(); ++i) {
        const auto& a = _alerts[i];
        const int row = int(i);
        const bool isActive = a.isActiveAt(_sceneTime);
        unacked += a.maybeAckMs ? 0 : 1;
        active += isActive ? 1 : 0;
        auto cell = [&](int c, const QString& text) {
            auto* it = new QTableWidgetItem(text);
            if (isActive) {
                QFont f = it->font();
                f.setBold(true);
                it->setFont(f);
                it->setForeground(QColor(200, 30, 30));
            }
            _table->setItem(row, c, it);
            return it;
        };
        QTableWidgetItem* raised = cell(Raised, shanghaiTimeText(a.raisedMs).mid(5));
        raised->setData(kIdRole, qint64(a.id));
        raised->setToolTip(shanghaiTimeText(a.raisedMs));
        cell(Sensor, QString::fromStdString(a.sensorId));
        cell(Kind, alertKindText(a))->setToolTip(QString::fromStdString(a.message));
        cell(Value, QString::number(a.value, 'g', 5));
        cell(Limit, QString::number(a.limit, 'g', 5));
        cell(Cleared, a.maybeClearedMs ? shanghaiTimeText(*a.maybeClearedMs).mid(5) : tr("active"));
        cell(Acknowledged, a.maybeAckMs ? tr("%1 by %2")
                                              .arg(shanghaiTimeText(*a.maybeAckMs, false),
                                                   QString::fromStdString(a.ackBy))
                                        : QString());
        if (std::find(selected.begin(), selected.end(), a.id) != selected.end())
            _table->selectRow(row);
    }
    _table->setUpdatesEnabled(true);
    _table->resizeColumnsToContents();
    _summary->setText(
        tr("%n alert(s) in the period", nullptr, int(_alerts.size())) + " · " +
        tr("%1 active at the scene time, %2 not acknowledged").arg(active).arg(unacked));
    updateButtons();
}

std::vector<std::int64_t> AlertPanel::selectedUnacknowledged() const {
    std::vector<std::int64_t> ids;
    for (QTableWidgetItem* it : _table->selectedItems()) {
        if (it->column() != 0)
            continue;
        const qint64 id = it->data(kIdRole).toLongLong();
        for (const auto& a : _alerts)
            if (a.id == id && !a.maybeAckMs)
                ids.push_back(id);
    }
    return ids;
}

void AlertPanel::updateButtons() {
    _ack->setEnabled(!selectedUnacknowledged().empty());
}

void AlertPanel::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void AlertPanel::retranslate() {
    _table->setHorizontalHeaderLabels({tr("Raised"), tr("Sensor"), tr("Alert"), tr("Value"),
                                       tr("Limit"), tr("Cleared"), tr("Acknowledged")});
    _ack->setText(tr("Acknowledge selected"));
    _ack->setToolTip(tr("Record that you have seen the selected alerts"));
    fill();
}

}  // namespace citytwin::app
