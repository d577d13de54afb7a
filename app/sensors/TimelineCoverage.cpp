#include "sensors/TimelineCoverage.h"

#include <cmath>
#include <cstdlib>

#include "sensors/SensorQueries.h"
#include "sensors/TimelineTrack.h"

namespace citytwin::app {

TimelineCoverage::TimelineCoverage(TimelineTrack& track, QObject* parent)
    : QObject(parent), _track(track) {
    connect(&_track, &TimelineTrack::viewChanged, this, &TimelineCoverage::viewChanged);
}

void TimelineCoverage::setQueries(std::shared_ptr<SensorQueries> queries) {
    _queries = std::move(queries);
    refresh();
}

void TimelineCoverage::refresh() {
    request(_track.viewFrom(), _track.viewTo());
}

void TimelineCoverage::viewChanged(qint64 from, qint64 to) {
    // A live window creeps forward every tick: ask again once it has moved
    // a pixel's worth or changed its span (zoom).
    if (_asked) {
        const qint64 span = to - from, askedSpan = _asked->second - _asked->first;
        const qint64 pixel = span / std::max(1, _track.width());
        if (span == askedSpan && std::abs(from - _asked->first) < std::max<qint64>(pixel, 1))
            return;
    }
    request(from, to);
}

void TimelineCoverage::request(qint64 from, qint64 to) {
    if (!_queries || to <= from)
        return;
    if (_inFlight) {
        _wanted = {from, to};
        return;
    }
    _inFlight = true;
    _asked = {from, to};
    const qint64 resolution = std::max<qint64>(1, (to - from) / std::max(1, _track.width()));
    _queries->coverage(from, to, resolution)
        .then(this, [this, from, to](SensorQueries::Answer<std::vector<sensors::Coverage>> r) {
            _inFlight = false;
            if (r->ok()) {
                std::vector<TimelineMark> marks;
                marks.reserve(r->value().size());
                for (const auto& c : r->value())
                    marks.push_back({c.fromMs, c.toMs, false, false});
                _track.setCoverage(std::move(marks));
                _shown = {from, to};
                emit coverageShown();
            }
            if (_wanted) {
                const auto next = *_wanted;
                _wanted.reset();
                request(next.first, next.second);
            }
        });
}

}  // namespace citytwin::app
