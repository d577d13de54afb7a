#include "tools/ToolMarks.h"

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/LineWidth>
#include <osg/MatrixTransform>
#include <osg/Point>

namespace citytwin::app {
namespace {

constexpr double kGroundLift = 3.0;     // metres: above roads, zones and the inspection fill
constexpr double kTargetHeight = 80.0;  // metres: the Go-to pin stands above the masts
const osg::Vec4 kPathColour{1.0f, 0.85f, 0.0f, 1.0f};
const osg::Vec4 kGroundColour{1.0f, 0.45f, 0.0f, 0.9f};
const osg::Vec4 kTargetColour{0.95f, 0.1f, 0.55f, 1.0f};

/// Adds one primitive of float vertices relative to `origin` (double
/// coordinates would jitter far from the frame's origin).
void add(osg::Geode& geode, const osg::Vec3d& origin, const std::vector<osg::Vec3d>& points,
         GLenum mode, const osg::Vec4& colour, float size) {
    if (points.empty())
        return;
    auto* g = new osg::Geometry;
    auto* v = new osg::Vec3Array;
    for (const auto& p : points)
        v->push_back(osg::Vec3(p - origin));
    g->setVertexArray(v);
    auto* c = new osg::Vec4Array;
    c->push_back(colour);
    g->setColorArray(c, osg::Array::BIND_OVERALL);
    g->addPrimitiveSet(new osg::DrawArrays(mode, 0, GLsizei(v->size())));
    osg::StateSet* ss = g->getOrCreateStateSet();
    if (mode == GL_POINTS)
        ss->setAttributeAndModes(new osg::Point(size));
    else
        ss->setAttributeAndModes(new osg::LineWidth(size));
    geode.addDrawable(g);
}

osg::Vec3d onGround(osg::Vec3d p) {
    p.z() = kGroundLift;
    return p;
}

}  // namespace

osg::ref_ptr<osg::Node> buildToolMarks(const ToolMarks& marks) {
    osg::Vec3d origin;
    if (!marks.path.empty())
        origin = marks.path.front();
    else if (marks.maybeTarget)
        origin = *marks.maybeTarget;
    else if (marks.maybeHeight)
        origin = marks.maybeHeight->second;
    origin.z() = 0.0;

    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    if (marks.closed) {
        std::vector<osg::Vec3d> ring;
        for (const auto& p : marks.path)
            ring.push_back(onGround(p));
        add(*geode, origin, ring, GL_LINE_LOOP, kPathColour, 3.0f);
        add(*geode, origin, ring, GL_POINTS, kPathColour, 9.0f);
    } else if (!marks.path.empty()) {
        std::vector<osg::Vec3d> ground, drops;
        for (const auto& p : marks.path) {
            ground.push_back(onGround(p));
            if (p.z() > kGroundLift) {
                drops.push_back(onGround(p));
                drops.push_back(p);
            }
        }
        add(*geode, origin, ground, GL_LINE_STRIP, kGroundColour, 2.0f);
        add(*geode, origin, drops, GL_LINES, kGroundColour, 1.0f);
        add(*geode, origin, marks.path, GL_LINE_STRIP, kPathColour, 3.0f);
        add(*geode, origin, marks.path, GL_POINTS, kPathColour, 9.0f);
    }
    if (marks.maybeHeight) {
        const auto& [top, foot] = *marks.maybeHeight;
        add(*geode, origin, {foot, top}, GL_LINES, kPathColour, 3.0f);
        add(*geode, origin, {foot, top}, GL_POINTS, kPathColour, 9.0f);
    }
    if (marks.maybeTarget) {
        const osg::Vec3d foot = onGround(*marks.maybeTarget);
        const osg::Vec3d top = foot + osg::Vec3d(0, 0, kTargetHeight);
        add(*geode, origin, {foot, top}, GL_LINES, kTargetColour, 3.0f);
        add(*geode, origin, {top}, GL_POINTS, kTargetColour, 18.0f);
        add(*geode, origin, {foot}, GL_POINTS, kTargetColour, 11.0f);
    }
    osg::StateSet* ss = geode->getOrCreateStateSet();
    ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
    ss->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
    ss->setRenderBinDetails(10000, "RenderBin");

    osg::ref_ptr<osg::MatrixTransform> root =
        new osg::MatrixTransform(osg::Matrixd::translate(origin));
    root->addChild(geode);
    return root;
}

}  // namespace citytwin::app
