#include "citytwin/render/CityManipulator.h"

namespace citytwin::render {

CityManipulator::CityManipulator() {
    setAllowThrow(false);
    setAutoComputeHomePosition(false);
}

LookAt CityManipulator::lookAt() const {
    LookAt la;
    getTransformation(la.eye, la.center, la.up);
    return la;
}

bool CityManipulator::applyLimits() {
    const LookAt now = lookAt();
    const LookAt limited = limitedLookAt(now, _limits);
    constexpr double kTolerance = 1e-3;  // metres: no work for a camera already inside
    if ((limited.eye - now.eye).length() < kTolerance &&
        (limited.center - now.center).length() < kTolerance)
        return false;
    setLookAt(limited);
    return true;
}

bool CityManipulator::performMovement() {
    const bool moved = osgGA::TerrainManipulator::performMovement();
    if (moved)
        applyLimits();
    return moved;
}

}  // namespace citytwin::render
