#pragma once
// TimelineTrack: the time axis under the 3D view. Hour ticks in Shanghai
// time, stream gaps shaded, one marker per alert (from raise to clear), the
// open scenario's events as diamonds, and the playback cursor; clicking or dragging asks to seek
// there, the arrow keys step a minute (Shift: an hour). The wheel zooms the
// shown window inside the range (years down to ten minutes) around the
// pointer; labels switch from minutes to days, months and years. A band
// along the bottom shows where the store has data (TimelineCoverage fills
// it off the GUI thread); where it is dark, nothing was recorded.

#include <QColor>
#include <QWidget>

#include <utility>
#include <vector>

namespace citytwin::app {

struct TimelineMark {
    qint64 fromMs = 0;
    qint64 toMs = 0;  ///< == fromMs while still open (drawn to the range end)
    bool open = false;
    bool acknowledged = false;
};

/// A scenario event on the axis: a diamond above the alert band.
struct TimelineEvent {
    qint64 t = 0;
    bool rule = false;  ///< cites a rule (drawn in the rule colour)
};

class TimelineTrack : public QWidget {
    Q_OBJECT
public:
    explicit TimelineTrack(QWidget* parent = nullptr);

    void setRange(qint64 fromMs, qint64 toMs);
    qint64 rangeFrom() const { return _from; }
    qint64 rangeTo() const { return _to; }
    /// The window shown (the whole range until zoomed), ms.
    qint64 viewFrom() const { return zoomed() ? _viewFrom : _from; }
    qint64 viewTo() const { return zoomed() ? _viewTo : _to; }
    /// Zooms by factor (< 1: in) around time t; clamped to the range and to
    /// at least ten minutes. factor >= the range shows the whole range again.
    void zoom(double factor, qint64 aroundMs);
    void setCursorTime(qint64 t);
    qint64 cursorTime() const { return _cursor; }
    void setAlerts(std::vector<TimelineMark> marks);
    void setGaps(std::vector<TimelineMark> gaps);
    /// Periods with data (fromMs..toMs), drawn as the coverage band.
    void setCoverage(std::vector<TimelineMark> coverage);
    const std::vector<TimelineMark>& coverage() const { return _coverage; }
    /// The band's rows, widget y (tests look at its pixels).
    std::pair<int, int> coverageBandRows() const;
    static QColor coverageColour();
    const std::vector<TimelineMark>& alerts() const { return _alerts; }
    /// The open scenario's events (empty: none open).
    void setEvents(std::vector<TimelineEvent> events);
    const std::vector<TimelineEvent>& events() const { return _events; }

    /// Widget x of a time, and back (tests click where a time is).
    int xOf(qint64 t) const;
    qint64 timeAt(int x) const;

    QSize sizeHint() const override { return {600, 46}; }
    QSize minimumSizeHint() const override { return {200, 40}; }

signals:
    void seekRequested(qint64 t);
    /// The shown window changed (zoom, or the range moved under it).
    void viewChanged(qint64 fromMs, qint64 toMs);

protected:
    void paintEvent(QPaintEvent* e) override;
    void mousePressEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void keyPressEvent(QKeyEvent* e) override;
    void wheelEvent(QWheelEvent* e) override;

private:
    QRect trackRect() const;
    bool zoomed() const { return _viewTo > _viewFrom; }
    void viewMaybeChanged(qint64 oldFrom, qint64 oldTo);
    void drawCalendarLabels(QPainter& p, const QRect& r, double msPerPixel);
    void drawHourLabels(QPainter& p, const QRect& r, double msPerPixel, qint64 labelEvery);

    qint64 _from = 0, _to = 1;
    qint64 _viewFrom = 0, _viewTo = 0;  ///< zoomed window; empty: the whole range
    qint64 _cursor = 0;
    std::vector<TimelineMark> _alerts;
    std::vector<TimelineMark> _gaps;
    std::vector<TimelineMark> _coverage;
    std::vector<TimelineEvent> _events;
};

}  // namespace citytwin::app
