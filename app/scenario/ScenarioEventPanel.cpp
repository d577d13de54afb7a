#include "scenario/ScenarioEventPanel.h"

#include <QHeaderView>

#include "scenario/ScenarioText.h"
#include "sensors/PlaybackBar.h"

namespace citytwin::app {
namespace {
enum Column { kTime, kEvent, kId, kAffected, kArticle, kColumns };
}

ScenarioEventPanel::ScenarioEventPanel(QWidget* parent) : QTableWidget(parent) {
    setObjectName("scenarioEvents");
    setColumnCount(kColumns);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    verticalHeader()->setVisible(false);
    horizontalHeader()->setStretchLastSection(true);
    connect(this, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (const assets::LogEntry* e = entryAt(row))
            emit seekRequested(e->t);
    });
    retranslate();
}

void ScenarioEventPanel::retranslate() {
    setHorizontalHeaderLabels(
        {tr("Time"), tr("Event"), tr("Id"), tr("Affected"), tr("Article cited")});
}

void ScenarioEventPanel::clearLog() {
    _entries.clear();
    setRowCount(0);
    _shownTime = -1;
}

void ScenarioEventPanel::setLog(const std::vector<assets::LogEntry>& log,
                                const assets::RuleSet& rules) {
    clearLog();
    for (const auto& e : log)
        if (e.kind != assets::LogEventKind::SensorReading)
            _entries.push_back(e);
    setRowCount(int(_entries.size()));
    for (int r = 0; r < int(_entries.size()); ++r) {
        const assets::LogEntry& e = _entries[std::size_t(r)];
        auto set = [this, r](int c, const QString& text) {
            auto* item = new QTableWidgetItem(text);
            item->setToolTip(text);
            setItem(r, c, item);
        };
        set(kTime, shanghaiTimeText(e.t));
        set(kEvent, eventKindText(e.kind));
        set(kId, QString::fromStdString(e.id));
        QString affected = QString::number(affectedCount(e));
        if (e.maybeAreaKm2)
            affected += QStringLiteral(" (%1 km²)").arg(*e.maybeAreaKm2, 0, 'f', 2);
        set(kAffected, affected);
        set(kArticle, articleText(e, rules));
        if (!e.detail.empty())
            item(r, kEvent)->setToolTip(QString::fromStdString(e.detail));
    }
    resizeColumnsToContents();
}

const assets::LogEntry* ScenarioEventPanel::entryAt(int row) const {
    if (row < 0 || row >= int(_entries.size()))
        return nullptr;
    return &_entries[std::size_t(row)];
}

void ScenarioEventPanel::setCurrentTime(qint64 t) {
    if (t == _shownTime)
        return;
    _shownTime = t;
    const QColor later = palette().color(QPalette::Disabled, QPalette::Text);
    const QColor done = palette().color(QPalette::Active, QPalette::Text);
    for (int r = 0; r < rowCount(); ++r) {
        const QColor c = _entries[std::size_t(r)].t <= t ? done : later;
        for (int col = 0; col < kColumns; ++col)
            if (QTableWidgetItem* it = item(r, col); it && it->foreground().color() != c)
                it->setForeground(c);
    }
}

}  // namespace citytwin::app
