#include "citytwin/render/SkyLook.h"

#include <algorithm>
#include <cmath>

#include <osg/Math>

namespace citytwin::render {
namespace {

osg::Vec3 directionTowards(double elevationDeg, double azimuthDeg) {
    const double el = osg::DegreesToRadians(elevationDeg);
    const double az = osg::DegreesToRadians(azimuthDeg);
    return osg::Vec3(float(std::sin(az) * std::cos(el)), float(std::cos(az) * std::cos(el)),
                     float(std::sin(el)));
}

float smoothstep(float edge0, float edge1, float x) {
    const float t = std::clamp((x - edge0) / (edge1 - edge0), 0.f, 1.f);
    return t * t * (3.f - 2.f * t);
}

osg::Vec4 mix(const osg::Vec4& a, const osg::Vec4& b, float t) {
    return a * (1.f - t) + b * t;
}

// The palette: a clear day over the Yangtze delta (a pale, slightly hazy
// horizon), the warm light of a low sun, and a moonlit night.
const osg::Vec4 kDayZenith{0.24f, 0.45f, 0.78f, 1.f};
const osg::Vec4 kDayHorizon{0.76f, 0.85f, 0.94f, 1.f};
const osg::Vec4 kDuskHorizon{0.93f, 0.68f, 0.48f, 1.f};
const osg::Vec4 kNightZenith{0.015f, 0.025f, 0.07f, 1.f};
const osg::Vec4 kNightHorizon{0.07f, 0.09f, 0.16f, 1.f};
const osg::Vec4 kNoonSun{0.78f, 0.76f, 0.72f, 1.f};
const osg::Vec4 kLowSun{0.85f, 0.55f, 0.32f, 1.f};
const osg::Vec4 kMoon{0.22f, 0.24f, 0.34f, 1.f};
const osg::Vec4 kDayAmbient{0.42f, 0.43f, 0.46f, 1.f};
// Night stays readable: a twin is watched at night too.
const osg::Vec4 kNightAmbient{0.19f, 0.20f, 0.27f, 1.f};

}  // namespace

SkyLook skyLookFor(const geo::SolarPosition& sun) {
    const auto el = float(sun.elevationDeg);
    SkyLook look;
    // Day fades into night over civil twilight (the sun 6 degrees under).
    look.daylight = smoothstep(-6.f, 4.f, el);
    // Near the horizon the light turns golden and the horizon glows.
    const float low = 1.f - smoothstep(2.f, 20.f, el);
    const osg::Vec4 dayHorizon = mix(kDayHorizon, kDuskHorizon, low * 0.8f);
    look.zenith = mix(kNightZenith, kDayZenith, look.daylight);
    look.horizon = mix(kNightHorizon, dayHorizon, look.daylight);
    look.ambient = mix(kNightAmbient, kDayAmbient, look.daylight);
    if (el > -2.f) {
        // The sun, never quite grazing: light from below the ground would
        // leave every wall black.
        look.lightDirection = directionTowards(std::max(el, 3.f), sun.azimuthDeg);
        const float strength = smoothstep(-2.f, 6.f, el);
        look.lightDiffuse = mix(kMoon, mix(kNoonSun, kLowSun, low), strength);
    } else {
        // The moon: dim and blue, high opposite the sun (where a full moon is).
        look.lightDirection = directionTowards(45.0, std::fmod(sun.azimuthDeg + 180.0, 360.0));
        look.lightDiffuse = kMoon;
    }
    return look;
}

SkyLook fixedPleasantLook() {
    // Ten in the morning in spring: high enough for bright roofs, low
    // enough that walls facing south-east and south-west differ.
    return skyLookFor(geo::SolarPosition{45.0, 135.0});
}

SkyLook nightLook() {
    return skyLookFor(geo::SolarPosition{-30.0, 0.0});
}

}  // namespace citytwin::render
