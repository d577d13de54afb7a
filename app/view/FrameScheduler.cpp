#include "view/FrameScheduler.h"

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
    if (_requested) {
        _lastReason = _requestReason;
        return true;
    }
    for (const Named& d : _demands)
        if (d.demand()) {
            _lastReason = d.name;
            return true;
        }
    return false;
}

}  // namespace citytwin::app
