#pragma once
// PlaybackClock: the scene's time. Live follows the wall clock; Paused holds
// one instant; Playing runs from a seek point at 0.1x..3600x, optionally
// looping over a range. Playing forward into the present becomes Live.
//
// Pure C++ with an injected time source, so tests drive it without sleeping.
// Thread safety: not thread-safe; owned by the GUI thread, which reads now()
// once per frame and hands that time to the scene.

#include <functional>
#include <optional>

#include "citytwin/sensors/Reading.h"

namespace citytwin::sensors {

class PlaybackClock {
public:
    enum class Mode { Live, Paused, Playing };
    /// Returns the wall-clock time, ms since the epoch.
    using TimeSource = std::function<TimeMs()>;

    static constexpr double kMinRate = 0.1;
    static constexpr double kMaxRate = 3600.0;

    /// Starts Live. The default time source is the system clock.
    explicit PlaybackClock(TimeSource wallClock = {});

    /// The scene time now, ms since the epoch.
    TimeMs now() const;
    Mode mode() const;
    /// Playback speed (1 = real time); meaningful while Playing.
    double rate() const { return _rate; }

    void goLive();
    /// Freezes at the current scene time.
    void pause();
    /// Plays from the current scene time (from now() if Live) at rate,
    /// clamped to [kMinRate, kMaxRate].
    void play(double rate = 1.0);
    /// Changes speed keeping the current scene time (stays Paused if Paused).
    void setRate(double rate);
    /// Jumps to t (clamped to the loop range, and to the present). Live
    /// becomes Paused at t; Playing keeps playing from t.
    void seek(TimeMs t);
    /// Plays [from, to) over and over; from < to, else ignored (returns false).
    bool setLoop(TimeMs from, TimeMs to);
    void clearLoop();
    std::optional<std::pair<TimeMs, TimeMs>> loop() const { return _maybeLoop; }

private:
    TimeMs wall() const;
    /// Scene time of the Playing segment before looping and clamping.
    TimeMs unclampedPlayingTime() const;
    void anchor(TimeMs sceneTime);

    TimeSource _wallClock;
    Mode _mode = Mode::Live;
    double _rate = 1.0;
    TimeMs _anchorScene = 0;  ///< scene time at _anchorWall
    TimeMs _anchorWall = 0;
    std::optional<std::pair<TimeMs, TimeMs>> _maybeLoop;
};

}  // namespace citytwin::sensors
