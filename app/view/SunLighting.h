#pragma once
// SunLighting: sets the view's sky from the scene clock. The sun stands where
// it stands in Shanghai (the local frame's origin) at the clock's date and
// time; at night a dim moonlight. A user may prefer a fixed pleasant light
// whatever the time, and the night style holds a night sky.
//
// The sun is placed to the minute of scene time, so a live clock changes the
// light (and draws a frame) once a minute, not at every tick.

#include <QtGlobal>

namespace citytwin::app {

class OsgView;

class SunLighting {
public:
    enum class Mode { SceneClock, FixedPleasant, Night };

    explicit SunLighting(OsgView& view);

    /// Where the sun is seen from (degrees, WGS 84); Shanghai by default.
    void setPlace(double longitudeDeg, double latitudeDeg);
    /// The scene clock's time, ms since the epoch.
    void setSceneTime(qint64 utcMs);
    void setMode(Mode mode);
    Mode mode() const { return _mode; }

private:
    void update();

    OsgView& _view;
    Mode _mode = Mode::SceneClock;
    double _longitude = 121.4737;
    double _latitude = 31.2304;
    qint64 _minute = 0;  ///< the scene time, in whole minutes since the epoch
};

}  // namespace citytwin::app
