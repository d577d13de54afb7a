#pragma once
// Plays a tour: fly to a stop, dwell there, fly to the next, forever. It owns
// no clock: the caller passes the time (seconds on any monotonic scale) to
// every call, so tests step it and the kiosk scales it. No Qt, no OSG.

#include <cstddef>
#include <optional>
#include <vector>

#include "kiosk/Tour.h"

namespace citytwin::app::kiosk {

class TourPlayer {
public:
    enum class Phase { Flying, Dwelling, Paused };

    /// What one advance() found: the pose to show and what changed.
    struct Step {
        render::CameraPose pose;
        std::size_t stop = 0;  ///< the stop flown to or dwelt at
        Phase phase = Phase::Flying;
        /// A flight towards this stop began since the last step (the last one
        /// if several passed).
        std::optional<std::size_t> maybeFlightBegan;
        /// The camera arrived at this stop since the last step.
        std::optional<std::size_t> maybeArrived;
        /// The camera left this stop since the last step.
        std::optional<std::size_t> maybeLeft;
    };

    /// `stops` must not be empty.
    explicit TourPlayer(std::vector<TourStop> stops);

    /// Flies from `from` to stop `index` starting at `now`.
    void flyTo(std::size_t index, const render::CameraPose& from, double now);
    /// Where the tour is at `now` (not before the last call's time).
    Step advance(double now);
    /// A visitor took over: the player stops driving the camera.
    void pause();
    /// Back into the tour from the camera's pose `from`: flies to the stop
    /// after the one it was at or flying to.
    void resume(const render::CameraPose& from, double now);

    Phase phase() const { return _phase; }
    std::size_t currentStop() const { return _stop; }
    const std::vector<TourStop>& stops() const { return _stops; }

private:
    std::size_t next(std::size_t i) const { return (i + 1) % _stops.size(); }

    std::vector<TourStop> _stops;
    Phase _phase = Phase::Paused;
    std::size_t _stop = 0;
    render::CameraPose _from;
    double _phaseStart = 0.0;
    std::optional<std::size_t> _maybePendingBegan;
};

}  // namespace citytwin::app::kiosk
