#include "citytwin/sensors/PlaybackClock.h"

#include <algorithm>
#include <cmath>

#include "citytwin/sensors/TimeFormat.h"

namespace citytwin::sensors {

PlaybackClock::PlaybackClock(TimeSource wallClock)
    : _wallClock(wallClock ? std::move(wallClock) : TimeSource(systemNowMs)) {
    anchor(wall());
}

TimeMs PlaybackClock::wall() const {
    return _wallClock();
}

void PlaybackClock::anchor(TimeMs sceneTime) {
    _anchorScene = sceneTime;
    _anchorWall = wall();
}

TimeMs PlaybackClock::unclampedPlayingTime() const {
    const double elapsed = static_cast<double>(wall() - _anchorWall) * _rate;
    return _anchorScene + static_cast<TimeMs>(std::llround(elapsed));
}

TimeMs PlaybackClock::now() const {
    switch (_mode) {
        case Mode::Live:
            return wall();
        case Mode::Paused:
            return _anchorScene;
        case Mode::Playing:
            break;
    }
    TimeMs t = unclampedPlayingTime();
    if (_maybeLoop) {
        const auto [from, to] = *_maybeLoop;
        if (t >= to)
            t = from + (t - from) % (to - from);
        return std::min(t, wall());
    }
    return std::min(t, wall());
}

PlaybackClock::Mode PlaybackClock::mode() const {
    // Playing forward without a loop catches up with the present: live.
    if (_mode == Mode::Playing && !_maybeLoop && unclampedPlayingTime() >= wall())
        return Mode::Live;
    return _mode;
}

void PlaybackClock::goLive() {
    _mode = Mode::Live;
    anchor(wall());
}

void PlaybackClock::pause() {
    const TimeMs t = now();
    _mode = Mode::Paused;
    anchor(t);
}

void PlaybackClock::play(double rate) {
    const TimeMs t = now();
    _rate = std::clamp(rate, kMinRate, kMaxRate);
    _mode = Mode::Playing;
    anchor(t);
}

void PlaybackClock::setRate(double rate) {
    const TimeMs t = now();
    if (mode() == Mode::Live)
        _mode = Mode::Live;
    _rate = std::clamp(rate, kMinRate, kMaxRate);
    anchor(t);
}

void PlaybackClock::seek(TimeMs t) {
    if (_maybeLoop)
        t = std::clamp(t, _maybeLoop->first, _maybeLoop->second - 1);
    t = std::min(t, wall());
    if (mode() == Mode::Live)
        _mode = Mode::Paused;
    anchor(t);
}

bool PlaybackClock::setLoop(TimeMs from, TimeMs to) {
    if (from >= to)
        return false;
    const TimeMs t = now();
    _maybeLoop = std::make_pair(from, to);
    anchor(std::clamp(t, from, to - 1));
    return true;
}

void PlaybackClock::clearLoop() {
    const TimeMs t = now();
    _maybeLoop.reset();
    anchor(t);
}

}  // namespace citytwin::sensors
