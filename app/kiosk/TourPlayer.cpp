#include "kiosk/TourPlayer.h"

#include <cassert>

#include "kiosk/CameraFlight.h"

namespace citytwin::app::kiosk {

TourPlayer::TourPlayer(std::vector<TourStop> stops) : _stops(std::move(stops)) {
    assert(!_stops.empty());
}

void TourPlayer::flyTo(std::size_t index, const render::CameraPose& from, double now) {
    _stop = index % _stops.size();
    _from = from;
    _phase = Phase::Flying;
    _phaseStart = now;
    _maybePendingBegan = _stop;
}

TourPlayer::Step TourPlayer::advance(double now) {
    Step step;
    step.maybeFlightBegan = _maybePendingBegan;
    _maybePendingBegan.reset();
    // A long step (a slow frame, a test's big tick) may pass several phases.
    for (int guard = 0; guard < 4 * int(_stops.size()) + 4; ++guard) {
        const TourStop& stop = _stops[_stop];
        if (_phase == Phase::Flying && now - _phaseStart >= stop.flySeconds) {
            _phaseStart += stop.flySeconds;
            _phase = Phase::Dwelling;
            step.maybeArrived = _stop;
        } else if (_phase == Phase::Dwelling && now - _phaseStart >= stop.dwellSeconds) {
            step.maybeLeft = _stop;
            _phaseStart += stop.dwellSeconds;
            _from = stop.camera;
            _stop = next(_stop);
            _phase = Phase::Flying;
            step.maybeFlightBegan = _stop;
            step.maybeArrived.reset();
        } else {
            break;
        }
    }
    const TourStop& stop = _stops[_stop];
    step.stop = _stop;
    step.phase = _phase;
    if (_phase == Phase::Flying)
        step.pose = interpolatePose(
            _from, stop.camera, stop.flySeconds > 0 ? (now - _phaseStart) / stop.flySeconds : 1.0);
    else
        step.pose = stop.camera;
    return step;
}

void TourPlayer::pause() {
    _phase = Phase::Paused;
    _maybePendingBegan.reset();
}

void TourPlayer::resume(const render::CameraPose& from, double now) {
    flyTo(next(_stop), from, now);
}

}  // namespace citytwin::app::kiosk
