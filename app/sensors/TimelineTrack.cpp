#include "sensors/TimelineTrack.h"

#include <QDateTime>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTimeZone>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace citytwin::app {

namespace {
constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;
/// Label steps in time of day; past the last, calendar units.
constexpr qint64 kSteps[] = {5 * kMinute, 15 * kMinute, 30 * kMinute, kHour,     2 * kHour,
                             3 * kHour,   6 * kHour,    12 * kHour,   24 * kHour};
/// Shanghai has no daylight saving: a fixed offset needs no tz database.
const QTimeZone& shanghai() {
    static const QTimeZone tz(8 * 3600);
    return tz;
}
}  // namespace

TimelineTrack::TimelineTrack(QWidget* parent) : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Timeline"));
}

void TimelineTrack::setRange(qint64 fromMs, qint64 toMs) {
    if (toMs <= fromMs)
        toMs = fromMs + kMinute;
    if (fromMs == _from && toMs == _to)
        return;
    const qint64 oldFrom = viewFrom(), oldTo = viewTo();
    // A window showing the range's end follows it (live); another stays put.
    const bool followsEnd = zoomed() && _viewTo == _to;
    _from = fromMs;
    _to = toMs;
    if (zoomed()) {  // keep the zoomed window inside the (moving) range
        const qint64 span = std::min(_viewTo - _viewFrom, _to - _from);
        _viewFrom = followsEnd ? _to - span : std::clamp(_viewFrom, _from, _to - span);
        _viewTo = _viewFrom + span;
        if (span >= _to - _from)
            _viewFrom = _viewTo = 0;
    }
    update();
    viewMaybeChanged(oldFrom, oldTo);
}

void TimelineTrack::viewMaybeChanged(qint64 oldFrom, qint64 oldTo) {
    if (viewFrom() != oldFrom || viewTo() != oldTo)
        emit viewChanged(viewFrom(), viewTo());
}

void TimelineTrack::zoom(double factor, qint64 aroundMs) {
    const qint64 from = viewFrom(), to = viewTo();
    const qint64 span = std::max<qint64>(
        10 * kMinute, qint64(std::llround(double(to - from) * std::max(factor, 1e-6))));
    if (span >= _to - _from) {
        _viewFrom = _viewTo = 0;
        update();
        viewMaybeChanged(from, to);
        return;
    }
    // The time under the pointer stays under the pointer.
    const double f = double(aroundMs - from) / double(std::max<qint64>(1, to - from));
    const qint64 start = aroundMs - qint64(std::llround(f * double(span)));
    _viewFrom = std::clamp(start, _from, _to - span);
    _viewTo = _viewFrom + span;
    update();
    viewMaybeChanged(from, to);
}

void TimelineTrack::wheelEvent(QWheelEvent* e) {
    const int steps = e->angleDelta().y() / 120;
    if (steps == 0)
        return QWidget::wheelEvent(e);
    zoom(std::pow(0.5, steps), timeAt(int(e->position().x())));
    e->accept();
}

void TimelineTrack::setCursorTime(qint64 t) {
    if (t == _cursor)
        return;
    _cursor = t;
    update();
}

void TimelineTrack::setAlerts(std::vector<TimelineMark> marks) {
    _alerts = std::move(marks);
    update();
}

void TimelineTrack::setGaps(std::vector<TimelineMark> gaps) {
    _gaps = std::move(gaps);
    update();
}

void TimelineTrack::setCoverage(std::vector<TimelineMark> coverage) {
    _coverage = std::move(coverage);
    update();
}

QColor TimelineTrack::coverageColour() {
    return QColor(70, 175, 125);
}

std::pair<int, int> TimelineTrack::coverageBandRows() const {
    const QRect r = trackRect();
    return {r.bottom() - 3, r.bottom()};
}

void TimelineTrack::setEvents(std::vector<TimelineEvent> events) {
    _events = std::move(events);
    update();
}

QRect TimelineTrack::trackRect() const {
    return rect().adjusted(6, 4, -6, -16);
}

int TimelineTrack::xOf(qint64 t) const {
    const QRect r = trackRect();
    const qint64 from = viewFrom(), to = viewTo();
    const double f = double(t - from) / double(to - from);
    return r.left() + int(std::lround(std::clamp(f, 0.0, 1.0) * r.width()));
}

qint64 TimelineTrack::timeAt(int x) const {
    const QRect r = trackRect();
    const qint64 from = viewFrom(), to = viewTo();
    const double f = std::clamp(double(x - r.left()) / std::max(1, r.width()), 0.0, 1.0);
    return from + qint64(std::llround(f * double(to - from)));
}

void TimelineTrack::drawCalendarLabels(QPainter& p, const QRect& r, double msPerPixel) {
    // Days, months or years in Shanghai time, at least ~56 px apart.
    struct Unit {
        int days, months, years;
        const char* format;
    };
    static const Unit units[] = {{1, 0, 0, "MM-dd"},   {2, 0, 0, "MM-dd"},   {7, 0, 0, "MM-dd"},
                                 {0, 1, 0, "yyyy-MM"}, {0, 3, 0, "yyyy-MM"}, {0, 6, 0, "yyyy-MM"},
                                 {0, 0, 1, "yyyy"},    {0, 0, 2, "yyyy"},    {0, 0, 5, "yyyy"},
                                 {0, 0, 10, "yyyy"}};
    const double day = 24.0 * double(kHour);
    const Unit* unit = &units[std::size(units) - 1];
    for (const Unit& u : units)
        if ((u.days + u.months * 30.44 + u.years * 365.25) * day / msPerPixel >= 56.0) {
            unit = &u;
            break;
        }
    const qint64 from = viewFrom(), to = viewTo();
    QDate d = QDateTime::fromMSecsSinceEpoch(from, shanghai()).date();
    d = unit->years    ? QDate(d.year() - d.year() % unit->years, 1, 1)
        : unit->months ? QDate(d.year(), 1 + (d.month() - 1) / unit->months * unit->months, 1)
                       : d;
    for (int guard = 0; guard < 2000; ++guard) {
        const qint64 t = QDateTime(d, QTime(0, 0), shanghai()).toMSecsSinceEpoch();
        if (t > to)
            break;
        if (t >= from) {
            const int x = xOf(t);
            p.setPen(QColor(90, 98, 115));
            p.drawLine(x, r.bottom() - 8, x, r.bottom());
            p.setPen(palette().color(QPalette::WindowText));
            p.drawText(QRect(x - 30, r.bottom() + 1, 60, 14), Qt::AlignHCenter | Qt::AlignTop,
                       d.toString(QString::fromLatin1(unit->format)));
        }
        d = unit->years    ? d.addYears(unit->years)
            : unit->months ? d.addMonths(unit->months)
                           : d.addDays(unit->days);
    }
}

void TimelineTrack::drawHourLabels(QPainter& p, const QRect& r, double msPerPixel,
                                   qint64 labelEvery) {
    qint64 tickEvery = labelEvery;
    for (qint64 s : kSteps)
        if (s < labelEvery && labelEvery % s == 0 && double(s) / msPerPixel >= 8.0) {
            tickEvery = s;
            break;
        }
    const qint64 offset = 8 * kHour;  // label in Shanghai time
    qint64 first = ((viewFrom() + offset) / tickEvery + 1) * tickEvery - offset;
    p.setFont(font());
    for (qint64 t = first; t <= viewTo(); t += tickEvery) {
        const int x = xOf(t);
        const bool labelled = (t + offset) % labelEvery == 0;
        p.setPen(QColor(90, 98, 115));
        p.drawLine(x, r.bottom() - (labelled ? 8 : 4), x, r.bottom());
        if (labelled) {
            p.setPen(palette().color(QPalette::WindowText));
            const QString text =
                QDateTime::fromMSecsSinceEpoch(t, shanghai()).toString(QStringLiteral("HH:mm"));
            p.drawText(QRect(x - 30, r.bottom() + 1, 60, 14), Qt::AlignHCenter | Qt::AlignTop,
                       text);
        }
    }
}

void TimelineTrack::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QRect r = trackRect();
    p.fillRect(rect(), palette().window());
    p.fillRect(r, QColor(38, 44, 56));

    // Stream gaps (disconnects, overflows): nothing is known there.
    for (const TimelineMark& g : _gaps) {
        const int x0 = xOf(g.fromMs);
        const int x1 = xOf(g.open ? viewTo() : g.toMs);
        p.fillRect(QRect(x0, r.top(), std::max(2, x1 - x0), r.height()),
                   QBrush(QColor(140, 140, 150), Qt::BDiagPattern));
    }

    // Coverage: a band where the store has data, dark where it has none.
    {
        const auto [top, bottom] = coverageBandRows();
        for (const TimelineMark& c : _coverage) {
            if (c.toMs < viewFrom() || c.fromMs > viewTo())
                continue;
            const int x0 = xOf(c.fromMs), x1 = xOf(c.toMs);
            p.fillRect(QRect(x0, top, std::max(1, x1 - x0), bottom - top + 1), coverageColour());
        }
    }

    // Hour ticks, labelled every few hours so that labels never overlap.
    // Labels at least ~56 px apart, on round Shanghai hours or minutes;
    // past a day per label, calendar days, months and years.
    const qint64 span = viewTo() - viewFrom();
    const double msPerPixel = double(span) / std::max(1, r.width());
    qint64 labelEvery = 0;
    for (qint64 s : kSteps)
        if (double(s) / msPerPixel >= 56.0) {
            labelEvery = s;
            break;
        }
    if (labelEvery == 0)
        drawCalendarLabels(p, r, msPerPixel);
    else
        drawHourLabels(p, r, msPerPixel, labelEvery);
    // Alerts: a band from raise to clear, a tick at the raise.
    const int bandTop = r.top() + 4;
    for (const TimelineMark& a : _alerts) {
        const int x0 = xOf(a.fromMs);
        const int x1 = xOf(a.open ? viewTo() : a.toMs);
        const QColor c = a.acknowledged ? QColor(230, 150, 60) : QColor(235, 45, 45);
        p.fillRect(QRect(x0, bandTop, std::max(2, x1 - x0), 6), c);
        p.fillRect(QRect(x0 - 1, bandTop, 3, r.height() - 8), c);
    }

    // Scenario events: diamonds on the lower half, beside the alert bands.
    p.setRenderHint(QPainter::Antialiasing, true);
    const int ey = r.top() + r.height() * 2 / 3;
    for (const TimelineEvent& ev : _events) {
        const int x = xOf(ev.t);
        p.setPen(QPen(QColor(20, 20, 20), 1));
        p.setBrush(ev.rule ? QColor(215, 60, 200) : QColor(250, 200, 40));
        p.drawPolygon(
            QPolygon({QPoint(x, ey - 5), QPoint(x + 4, ey), QPoint(x, ey + 5), QPoint(x - 4, ey)}));
    }
    p.setRenderHint(QPainter::Antialiasing, false);

    // The cursor.
    const int xc = xOf(_cursor);
    p.setPen(QPen(QColor(80, 170, 255), 2));
    p.drawLine(xc, r.top() - 2, xc, r.bottom() + 2);
    p.setBrush(QColor(80, 170, 255));
    p.drawPolygon(QPolygon(
        {QPoint(xc - 5, r.top() - 4), QPoint(xc + 5, r.top() - 4), QPoint(xc, r.top() + 3)}));
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void TimelineTrack::mousePressEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton)
        emit seekRequested(timeAt(int(e->position().x())));
}

void TimelineTrack::mouseMoveEvent(QMouseEvent* e) {
    if (e->buttons() & Qt::LeftButton)
        emit seekRequested(timeAt(int(e->position().x())));
}

void TimelineTrack::keyPressEvent(QKeyEvent* e) {
    const qint64 step = (e->modifiers() & Qt::ShiftModifier) ? kHour : kMinute;
    if (e->key() == Qt::Key_Left)
        emit seekRequested(std::max(_from, _cursor - step));
    else if (e->key() == Qt::Key_Right)
        emit seekRequested(std::min(_to, _cursor + step));
    else if (e->key() == Qt::Key_Home)
        emit seekRequested(_from);
    else
        QWidget::keyPressEvent(e);
}

}  // namespace citytwin::app
