#pragma once
// SkyLook: the colours and the light of one moment — where the sun (or, at
// night, the moon) shines from, how bright, and the sky's zenith and horizon
// colours that the sky gradient and the distance haze use.

#include <osg/Vec3>
#include <osg/Vec4>

#include "citytwin/geo/SolarPosition.h"

namespace citytwin::render {

struct SkyLook {
    /// Unit vector towards the light in the local east-north-up frame.
    osg::Vec3 lightDirection{0.f, 0.f, 1.f};
    osg::Vec4 lightDiffuse{0.8f, 0.8f, 0.8f, 1.f};
    /// The scene's ambient light (the sky's scattered light).
    osg::Vec4 ambient{0.4f, 0.4f, 0.4f, 1.f};
    osg::Vec4 zenith{0.3f, 0.5f, 0.8f, 1.f};
    /// The horizon's colour, also the haze's: far geometry fades into it.
    osg::Vec4 horizon{0.78f, 0.86f, 0.94f, 1.f};
    /// 1 in full day, 0 at night (the sun 6 degrees or more below the horizon).
    float daylight = 1.f;

    bool operator==(const SkyLook&) const = default;
};

/// The look of the sky with the sun at `sun`: day, golden hour, twilight, night.
SkyLook skyLookFor(const geo::SolarPosition& sun);

/// The light a user who does not want the clock to change it gets: a bright
/// morning sun from the south-east, whatever the time.
SkyLook fixedPleasantLook();

/// A night for the night style: the sky of a moonlit night.
SkyLook nightLook();

}  // namespace citytwin::render
