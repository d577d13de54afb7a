#pragma once
// OSG's terrain manipulator (drag to orbit, pan and zoom) kept within
// NavigationLimits after every movement. The wheel is not handled here: the
// view zooms toward the cursor itself (zoomTowardPoint), as OSG's wheel
// zooms about the orbit centre and the wrong way round for a map.

#include <osgGA/TerrainManipulator>

#include "citytwin/render/CameraLimits.h"

namespace citytwin::render {

class CityManipulator : public osgGA::TerrainManipulator {
public:
    CityManipulator();

    void setLimits(const NavigationLimits& limits) { _limits = limits; }
    const NavigationLimits& limits() const { return _limits; }

    LookAt lookAt() const;
    /// Places the camera (no limits: programmatic views go where they are told).
    void setLookAt(const LookAt& la) { setTransformation(la.eye, la.center, la.up); }
    /// Moves the camera into the limits; true if it had to move.
    bool applyLimits();

protected:
    bool performMovement() override;
    bool handleMouseWheel(const osgGA::GUIEventAdapter&, osgGA::GUIActionAdapter&) override {
        return false;
    }

private:
    NavigationLimits _limits;
};

}  // namespace citytwin::render
