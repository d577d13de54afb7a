#include "citytwin/render/CityManipulator.h"

namespace citytwin::render {
namespace {

/// OSG's terrain manipulator orbits about the up of the coordinate frame
/// under its centre: the limits' vertical (the ellipsoid's, far from the
/// frame's origin), so a far tileset turns about its own up.
class VerticalFrame : public osgGA::CameraManipulator::CoordinateFrameCallback {
public:
    explicit VerticalFrame(const CityManipulator& owner) : _owner(owner) {}
    osg::CoordinateFrame getCoordinateFrame(const osg::Vec3d& position) const override {
        return _owner.limits().vertical(position).toFrameAt(position);
    }

private:
    const CityManipulator& _owner;
};

}  // namespace

CityManipulator::CityManipulator() {
    setAllowThrow(false);
    setAutoComputeHomePosition(false);
    setCoordinateFrameCallback(new VerticalFrame(*this));
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
