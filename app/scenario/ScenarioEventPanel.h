#pragma once
// The open scenario's event log as a table: time (Shanghai), event, id,
// affected count, the article cited (rule code and its text from the rule
// set). A click on a row asks to seek there; rows up to the clock's time
// are drawn normally, later ones greyed.

#include <QTableWidget>

#include <vector>

#include "citytwin/assets/RuleSet.h"
#include "citytwin/assets/scenario/EventLog.h"

namespace citytwin::app {

class ScenarioEventPanel : public QTableWidget {
    Q_OBJECT
public:
    explicit ScenarioEventPanel(QWidget* parent = nullptr);

    /// The log's entries, except the synthetic sensor readings (too many to list).
    void setLog(const std::vector<assets::LogEntry>& log, const assets::RuleSet& rules);
    void clearLog();
    /// Greys the rows after t.
    void setCurrentTime(qint64 t);
    /// The entry shown in row r.
    const assets::LogEntry* entryAt(int row) const;

    void retranslate();

signals:
    void seekRequested(qint64 t);

private:
    std::vector<assets::LogEntry> _entries;
    qint64 _shownTime = -1;
};

}  // namespace citytwin::app
