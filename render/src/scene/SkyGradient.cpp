#include "SkyGradient.h"

#include <algorithm>
#include <cmath>

#include <osg/Camera>
#include <osg/Depth>
#include <osg/Geode>
#include <osgUtil/CullVisitor>
#include <osgUtil/RenderStage>

namespace citytwin::render {
namespace {

// Rows of the band: the gradient is smooth at any pitch with this many.
constexpr int kRows = 32;

osg::ref_ptr<osg::Geometry> makeBand(osg::Vec4Array* colors, osg::DrawArrays* strip) {
    osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
    osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
    for (int i = 0; i <= kRows; ++i) {
        const float y = float(i) / kRows;
        // z = -1: at the far plane of the screen camera (depth 1.0).
        v->push_back({0.f, y, -1.f});
        v->push_back({1.f, y, -1.f});
    }
    colors->resize(v->size(), osg::Vec4(1, 1, 1, 1));
    g->setVertexArray(v);
    g->setColorArray(colors, osg::Array::BIND_PER_VERTEX);
    strip->set(GL_TRIANGLE_STRIP, 0, GLsizei(v->size()));
    g->addPrimitiveSet(strip);
    g->setDataVariance(osg::Object::DYNAMIC);
    g->setUseDisplayList(false);
    g->setUseVertexBufferObjects(true);
    return g;
}

/// Elevation (radians) above the plane normal to `up` of the direction
/// through the vertical centre line of the screen at normalised height y in
/// [-1, 1].
double elevationAt(const osg::Matrixd& inverseViewProjection, double y, const osg::Vec3d& up) {
    const osg::Vec3d nearPoint = osg::Vec3d(0.0, y, -1.0) * inverseViewProjection;
    const osg::Vec3d farPoint = osg::Vec3d(0.0, y, 1.0) * inverseViewProjection;
    osg::Vec3d d = farPoint - nearPoint;
    d.normalize();
    return std::asin(std::clamp(d * up, -1.0, 1.0));
}

}  // namespace

SkyGradient::SkyGradient(osg::Fog* fog)
    : _fog(fog), _colors(new osg::Vec4Array), _strip(new osg::DrawArrays) {
    setName("sky");
    setCullingActive(false);
    _band = makeBand(_colors.get(), _strip.get());

    osg::ref_ptr<osg::Camera> screen = new osg::Camera;
    screen->setReferenceFrame(osg::Transform::ABSOLUTE_RF);
    screen->setProjectionMatrixAsOrtho2D(0.0, 1.0, 0.0, 1.0);
    screen->setViewMatrix(osg::Matrixd::identity());
    screen->setRenderOrder(osg::Camera::NESTED_RENDER);
    screen->setClearMask(0);
    screen->setComputeNearFarMode(osg::CullSettings::DO_NOT_COMPUTE_NEAR_FAR);
    screen->setAllowEventFocus(false);
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(_band);
    screen->addChild(geode);

    osg::StateSet* ss = screen->getOrCreateStateSet();
    constexpr auto kOff = osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED;
    ss->setMode(GL_LIGHTING, kOff);
    ss->setMode(GL_FOG, kOff);
    // After the opaque bin, at the far plane, tested but not written: only
    // the pixels nothing opaque covered are filled (the depth test rejects
    // the rest before shading), where a sky drawn first would fill every
    // pixel of every frame. Translucent bins (10 and up) come after it.
    ss->setAttributeAndModes(new osg::Depth(osg::Depth::LEQUAL, 0.0, 1.0, false),
                             osg::StateAttribute::ON | osg::StateAttribute::PROTECTED);
    ss->setRenderBinDetails(5, "RenderBin");
    addChild(screen);
}

void SkyGradient::setColors(const osg::Vec4& zenith, const osg::Vec4& horizon) {
    _zenith = zenith;
    _horizon = horizon;
}

std::pair<float, float> SkyGradient::hazeRange(double eyeHeight) {
    const double h = std::max(0.0, eyeHeight);
    const double start = 2500.0 + 1.5 * h;
    return {float(start), float(start * 5.0)};
}

void SkyGradient::recolor(const osg::Matrixd& view, const osg::Matrixd& projection) {
    const osg::Matrixd inverse = osg::Matrixd::inverse(view * projection);
    int firstAbove = kRows + 1;  // the lowest row that looks above the horizon
    for (int i = 0; i <= kRows; ++i) {
        const double el = elevationAt(inverse, -1.0 + 2.0 * i / kRows, _vertical.up);
        // A pale band just above the horizon, the deep colour high up.
        const float t = el <= 0.0 ? 0.f : float(std::pow(std::sin(el), 0.6));
        const osg::Vec4 c = _horizon * (1.f - t) + _zenith * t;
        (*_colors)[2 * i] = c;
        (*_colors)[2 * i + 1] = c;
        if (el > 0.0)
            firstAbove = std::min(firstAbove, i);
    }
    _colors->dirty();
    // Below the horizon the band is the horizon's colour, which the clear
    // colour gives too (recolor sets it): the band covers only the rows
    // from the one below the horizon up, and none when the view looks down
    // past it, so llvmpipe does not rasterise and depth-test a full screen.
    const int fromRow = std::max(0, firstAbove - 1);
    _strip->setFirst(GLint(2 * fromRow));
    _strip->setCount(firstAbove > kRows ? 0 : GLsizei(2 * (kRows - fromRow + 1)));
    _strip->dirty();
    const osg::Vec3d eye = osg::Vec3d() * osg::Matrixd::inverse(view);
    const auto [start, end] = hazeRange(_vertical.heightOf(eye));
    _fog->setStart(start);
    _fog->setEnd(end);
    _fog->setColor(_horizon);
}

void SkyGradient::traverse(osg::NodeVisitor& nv) {
    if (nv.getVisitorType() != osg::NodeVisitor::CULL_VISITOR)
        return;
    if (auto* cv = nv.asCullVisitor()) {
        if (cv->getModelViewMatrix() && cv->getProjectionMatrix()) {
            recolor(*cv->getModelViewMatrix(), *cv->getProjectionMatrix());
            // The camera's clear is the sky below the horizon (see recolor);
            // set on this frame's render stage, so it never lags a look.
            if (osgUtil::RenderStage* stage = cv->getCurrentRenderStage())
                stage->setClearColor(_horizon);
        }
    }
    osg::Group::traverse(nv);
}

}  // namespace citytwin::render
