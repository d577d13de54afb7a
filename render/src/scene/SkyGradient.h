#pragma once
// SkyGradient: the sky behind the scene, a screen-wide band of colours
// recomputed in each cull from the camera: each row takes the colour of the
// direction it looks in (the horizon's colour at and below the horizon, the
// zenith's straight up). It also places the haze: the fog starts further
// away the higher the eye, so a view from above stays clear and a view along
// the streets fades into the horizon.
//
// Drawn after the opaque bin at the far plane (depth tested, not written),
// without lighting or fog, over the rows that look above the horizon only
// (the clear colour, set to the horizon's, is the sky below it); invisible
// to every visitor
// but the cull (pickers do not hit the sky).

#include <osg/Fog>
#include <osg/Geometry>
#include <osg/Group>
#include <osg/ref_ptr>

#include "citytwin/render/LocalVertical.h"
#include "citytwin/render/SkyLook.h"

namespace citytwin::render {

class SkyGradient : public osg::Group {
public:
    explicit SkyGradient(osg::Fog* fog);

    /// Render thread: the colours of the sky from now on.
    void setColors(const osg::Vec4& zenith, const osg::Vec4& horizon);
    /// Render thread: which way is up (and where the ground is) under what
    /// the camera looks at: far round the globe it is not the frame's z.
    void setVertical(const LocalVertical& v) { _vertical = v; }

    void traverse(osg::NodeVisitor& nv) override;

    /// Where the haze begins and is full, for an eye `eyeHeight` metres up.
    static std::pair<float, float> hazeRange(double eyeHeight);

private:
    void recolor(const osg::Matrixd& view, const osg::Matrixd& projection);

    osg::ref_ptr<osg::Fog> _fog;
    osg::ref_ptr<osg::Geometry> _band;
    osg::ref_ptr<osg::Vec4Array> _colors;
    osg::ref_ptr<osg::DrawArrays> _strip;  ///< the rows drawn: from below the horizon up
    osg::Vec4 _zenith;
    osg::Vec4 _horizon;
    LocalVertical _vertical;
};

}  // namespace citytwin::render
