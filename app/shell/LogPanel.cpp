#include "shell/LogPanel.h"

#include <QDateTime>
#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "citytwin/geo/Log.h"
#include "shell/LogChannel.h"

namespace citytwin::app {

LogPanel::LogPanel(QWidget* parent) : QWidget(parent) {
    setObjectName("logPanel");
    _table = new QTreeWidget(this);
    _table->setObjectName("logTable");
    _table->setColumnCount(3);
    _table->setRootIsDecorated(false);
    _table->setUniformRowHeights(true);
    _table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    _table->header()->setStretchLastSection(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(_table);
    retranslate();
}

void LogPanel::append(qint64 msecsSinceEpoch, int level, const QString& message) {
    while (_table->topLevelItemCount() >= kMaxEntries)
        delete _table->takeTopLevelItem(0);
    const QString time = QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch).toString("HH:mm:ss.zzz");
    auto* item = new QTreeWidgetItem(
        QStringList{time, LogChannel::levelName(geo::LogLevel(level)), message});
    item->setToolTip(2, message);
    _table->addTopLevelItem(item);
    _table->scrollToItem(item);
}

int LogPanel::entryCount() const {
    return _table->topLevelItemCount();
}

void LogPanel::clear() {
    _table->clear();
}

void LogPanel::retranslate() {
    _table->setHeaderLabels({tr("Time"), tr("Level"), tr("Message")});
}

}  // namespace citytwin::app
