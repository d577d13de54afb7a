#include "view/SunLighting.h"

#include <QDateTime>

#include <algorithm>

#include "citytwin/geo/SolarPosition.h"
#include "view/OsgView.h"

namespace citytwin::app {

SunLighting::SunLighting(OsgView& view)
    : _view(view), _minute(QDateTime::currentMSecsSinceEpoch() / 60000) {
    update();
}

void SunLighting::setPlace(double longitudeDeg, double latitudeDeg) {
    _longitude = longitudeDeg;
    _latitude = latitudeDeg;
    update();
}

void SunLighting::setSceneTime(qint64 utcMs) {
    const qint64 minute = utcMs / 60000;
    if (minute == _minute)
        return;
    _minute = minute;
    if (_mode == Mode::SceneClock)
        update();
}

void SunLighting::setMode(Mode mode) {
    _mode = mode;
    update();
}

void SunLighting::update() {
    render::SkyLook look;
    switch (_mode) {
        case Mode::SceneClock:
            look = render::skyLookFor(geo::solarPositionAt(_minute * 60000, _longitude, _latitude));
            break;
        case Mode::FixedPleasant:
            look = render::fixedPleasantLook();
            break;
        case Mode::Night:
            look = render::nightLook();
            break;
    }
    // The same look again is no change and draws no frame.
    _view.atmosphere().setLook(look);
    // Windows light up as the day fades: from half daylight to full night.
    _view.setNightWindows(std::clamp((0.5f - look.daylight) / 0.5f, 0.f, 1.f));
}

}  // namespace citytwin::app
