#include "view/FrameScheduler.h"

#include <utility>

namespace citytwin::app {

void FrameScheduler::addDemand(const QString& name, Demand demand) {
    _demands.push_back({name, std::move(demand)});
}

void FrameScheduler::request(const QString& why) {
    if (!_requested)
        _requestReason = why;
    _requested = true;
}

bool FrameScheduler::due() {
    QString why = pending();
    if (why.isEmpty())
        return false;
    _lastReason = std::move(why);
    return true;
}

QString FrameScheduler::pending() const {
    if (_requested)
        return _requestReason;
    for (const Named& d : _demands)
        if (d.demand())
            return d.name;
    return {};
}

}  // namespace citytwin::app
