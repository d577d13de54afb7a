#pragma once
// Geometry for the overlays' marks (inspection, scenario): lines, points and
// triangles in one geode at the overlay's own origin (float vertices near
// it), drawn over the city, unlit, blended. Private to render/src/overlays.

#include <osg/BlendFunc>
#include <osg/Depth>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/LineWidth>
#include <osg/MatrixTransform>
#include <osg/Point>

#include <cstdint>
#include <vector>

namespace citytwin::render {

class Drawing {
public:
    explicit Drawing(osg::Vec3d origin) : _origin(origin) {}

    void line(const std::vector<osg::Vec3d>& points, const osg::Vec4& colour, float width,
              GLenum mode = GL_LINE_STRIP) {
        if (points.size() < 2)
            return;
        add(points, colour, mode, width);
    }
    void points(const std::vector<osg::Vec3d>& points, const osg::Vec4& colour, float size) {
        if (points.empty())
            return;
        osg::ref_ptr<osg::Geometry> g = add(points, colour, GL_POINTS, 1.0f);
        g->getOrCreateStateSet()->setAttributeAndModes(new osg::Point(size));
    }
    void triangles(const std::vector<osg::Vec3d>& vertices, const std::vector<std::uint32_t>& idx,
                   const osg::Vec4& colour) {
        if (idx.size() < 3)
            return;
        osg::ref_ptr<osg::Geometry> g = makeGeometry(vertices, colour);
        auto* elements = new osg::DrawElementsUInt(GL_TRIANGLES, idx.begin(), idx.end());
        g->addPrimitiveSet(elements);
        _geode->addDrawable(g);
    }
    unsigned drawableCount() const { return _geode->getNumDrawables(); }
    osg::ref_ptr<osg::Node> finish() {
        osg::StateSet* ss = _geode->getOrCreateStateSet();
        ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
        ss->setMode(GL_BLEND, osg::StateAttribute::ON);
        ss->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
        // Drawn after the city and over it: the marks are what the inspector
        // is looking at, even where a tower stands in front.
        ss->setAttributeAndModes(new osg::Depth(osg::Depth::ALWAYS, 0.0, 1.0, false));
        ss->setRenderBinDetails(1000, "RenderBin");
        auto* xf = new osg::MatrixTransform(osg::Matrixd::translate(_origin));
        xf->addChild(_geode);
        return xf;
    }

private:
    osg::ref_ptr<osg::Geometry> makeGeometry(const std::vector<osg::Vec3d>& points,
                                             const osg::Vec4& colour) {
        osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
        auto* v = new osg::Vec3Array;
        v->reserve(points.size());
        for (const auto& p : points)
            v->push_back(osg::Vec3(p - _origin));
        g->setVertexArray(v);
        auto* c = new osg::Vec4Array;
        c->push_back(colour);
        g->setColorArray(c, osg::Array::BIND_OVERALL);
        g->setUseDisplayList(false);
        g->setUseVertexBufferObjects(true);
        return g;
    }
    osg::ref_ptr<osg::Geometry> add(const std::vector<osg::Vec3d>& points, const osg::Vec4& colour,
                                    GLenum mode, float width) {
        osg::ref_ptr<osg::Geometry> g = makeGeometry(points, colour);
        g->addPrimitiveSet(new osg::DrawArrays(mode, 0, GLsizei(points.size())));
        if (mode != GL_POINTS)
            g->getOrCreateStateSet()->setAttributeAndModes(new osg::LineWidth(width));
        _geode->addDrawable(g);
        return g;
    }

    osg::Vec3d _origin;
    osg::ref_ptr<osg::Geode> _geode = new osg::Geode;
};

}  // namespace citytwin::render
