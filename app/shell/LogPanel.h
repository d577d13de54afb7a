#pragma once
// The log panel: the app's log (see LogChannel) as a table of time, level
// and message, newest last, at most kMaxEntries rows (the oldest go).

#include <QWidget>

class QTreeWidget;

namespace citytwin::app {

class LogPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxEntries = 2000;

    explicit LogPanel(QWidget* parent = nullptr);

    /// Adds a row; GUI thread only (LogChannel::logged arrives queued).
    void append(qint64 msecsSinceEpoch, int level, const QString& message);
    int entryCount() const;
    void clear();
    void retranslate();

private:
    QTreeWidget* _table = nullptr;
};

}  // namespace citytwin::app
