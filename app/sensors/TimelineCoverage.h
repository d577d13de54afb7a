#pragma once
// TimelineCoverage: keeps a TimelineTrack's coverage band (where the store
// has data) up to date for the window it shows, at that window's pixel
// resolution: from the store's hour index zoomed out, from the raw
// readings' minutes zoomed in. Queries run on SensorQueries' worker, one at
// a time; the latest window wins, the GUI never waits.

#include <QObject>

#include <memory>
#include <optional>
#include <utility>

namespace citytwin::app {

class SensorQueries;
class TimelineTrack;

class TimelineCoverage : public QObject {
    Q_OBJECT
public:
    TimelineCoverage(TimelineTrack& track, QObject* parent = nullptr);

    void setQueries(std::shared_ptr<SensorQueries> queries);
    /// Asks again for the shown window (new data arrived).
    void refresh();
    /// The window of the coverage the track shows (tests wait for it).
    std::optional<std::pair<qint64, qint64>> shownWindow() const { return _shown; }

signals:
    void coverageShown();

private:
    void viewChanged(qint64 from, qint64 to);
    void request(qint64 from, qint64 to);

    TimelineTrack& _track;
    std::shared_ptr<SensorQueries> _queries;
    bool _inFlight = false;
    std::optional<std::pair<qint64, qint64>> _wanted;  ///< asked while a query ran
    std::optional<std::pair<qint64, qint64>> _asked, _shown;
};

}  // namespace citytwin::app
