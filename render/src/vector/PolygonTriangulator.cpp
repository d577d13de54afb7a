#include "citytwin/render/PolygonTriangulator.h"

#include <osg/Geometry>
#include <osg/TriangleIndexFunctor>
#include <osgUtil/Tessellator>

#include <cmath>

namespace citytwin::render {
namespace {

struct CollectTriangles {
    std::vector<std::uint32_t>* out = nullptr;
    void operator()(unsigned a, unsigned b, unsigned c) {
        out->push_back(a);
        out->push_back(b);
        out->push_back(c);
    }
};

double signedArea(const std::vector<osg::Vec2d>& v, std::size_t n) {
    double a = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& p = v[i];
        const auto& q = v[(i + 1) % n];
        a += p.x() * q.y() - q.x() * p.y();
    }
    return 0.5 * a;
}

}  // namespace

Triangulation triangulatePolygon(const std::vector<std::vector<osg::Vec2d>>& rings) {
    Triangulation t;
    if (rings.empty())
        return t;

    // Work relative to the first vertex so the float tessellator keeps
    // centimetre precision whatever the caller's origin.
    const osg::Vec2d ref = rings.front().empty() ? osg::Vec2d() : rings.front().front();

    osg::ref_ptr<osg::Geometry> geom = new osg::Geometry;
    osg::ref_ptr<osg::Vec3Array> verts = new osg::Vec3Array;
    geom->setVertexArray(verts);
    for (const auto& ring : rings) {
        std::size_t n = ring.size();
        if (n >= 2 && ring.front() == ring.back())
            --n;
        if (n < 3)
            continue;
        const GLint first = static_cast<GLint>(verts->size());
        for (std::size_t i = 0; i < n; ++i) {
            const osg::Vec2d d = ring[i] - ref;
            verts->push_back(osg::Vec3(float(d.x()), float(d.y()), 0.f));
        }
        geom->addPrimitiveSet(new osg::DrawArrays(GL_POLYGON, first, static_cast<GLsizei>(n)));
    }
    if (geom->getNumPrimitiveSets() == 0)
        return t;

    // A lone triangle needs no tessellator.
    if (geom->getNumPrimitiveSets() == 1 && verts->size() == 3) {
        std::vector<osg::Vec2d> tri;
        for (const auto& v : *verts)
            tri.emplace_back(v.x() + ref.x(), v.y() + ref.y());
        const double area = signedArea(tri, 3);
        if (std::abs(area) < 1e-9)
            return t;
        t.vertices = tri;
        t.indices =
            area > 0 ? std::vector<std::uint32_t>{0, 1, 2} : std::vector<std::uint32_t>{0, 2, 1};
        return t;
    }

    osg::ref_ptr<osgUtil::Tessellator> tess = new osgUtil::Tessellator;
    tess->setTessellationType(osgUtil::Tessellator::TESS_TYPE_GEOMETRY);
    tess->setWindingType(osgUtil::Tessellator::TESS_WINDING_ODD);
    tess->setBoundaryOnly(false);
    tess->setTessellationNormal(osg::Vec3(0.f, 0.f, 1.f));
    tess->retessellatePolygons(*geom);

    const auto* out = dynamic_cast<const osg::Vec3Array*>(geom->getVertexArray());
    if (!out)
        return t;
    t.vertices.reserve(out->size());
    for (const auto& v : *out)
        t.vertices.emplace_back(v.x() + ref.x(), v.y() + ref.y());

    osg::TriangleIndexFunctor<CollectTriangles> collect;
    collect.out = &t.indices;
    geom->accept(collect);

    // Orient every triangle counter-clockwise (roof normals point up).
    for (std::size_t i = 0; i + 2 < t.indices.size(); i += 3) {
        const auto& a = t.vertices[t.indices[i]];
        const auto& b = t.vertices[t.indices[i + 1]];
        const auto& c = t.vertices[t.indices[i + 2]];
        const double cross = (b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x());
        if (cross < 0)
            std::swap(t.indices[i + 1], t.indices[i + 2]);
    }
    return t;
}

}  // namespace citytwin::render
