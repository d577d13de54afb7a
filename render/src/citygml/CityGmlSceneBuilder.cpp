#include "citygml/CityGmlSceneBuilder.h"

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/Material>
#include <osg/MatrixTransform>

#include <algorithm>

#include "citytwin/render/FeaturePickData.h"

namespace citytwin::render::detail {
namespace {

/// Buildings per geometry: whole blocks cull together, a city is not one draw.
constexpr std::size_t kBuildingsPerGeometry = 256;

osg::Vec4 colourOf(formats::CityGmlSurfaceKind kind, const CityGmlColours& c) {
    const float* rgba = c.other;
    switch (kind) {
        case formats::CityGmlSurfaceKind::Roof:
            rgba = c.roof;
            break;
        case formats::CityGmlSurfaceKind::Wall:
            rgba = c.wall;
            break;
        case formats::CityGmlSurfaceKind::Ground:
            rgba = c.ground;
            break;
        case formats::CityGmlSurfaceKind::Other:
            break;
    }
    return {rgba[0], rgba[1], rgba[2], rgba[3]};
}

osg::ref_ptr<osg::Geometry> blockGeometry(const formats::CityGmlModel& model, std::size_t first,
                                          std::size_t end, const osg::Vec3d& origin,
                                          const std::shared_ptr<const geo::FeatureLayer>& layer,
                                          const CityGmlColours& colours) {
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec3Array> normals = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4Array> rgba = new osg::Vec4Array;
    osg::ref_ptr<FeaturePickData> pick = new FeaturePickData(layer->name, layer);
    for (std::size_t b = first; b < end; ++b) {
        pick->addFeature(std::uint32_t(vertices->size() / 3), std::uint32_t(b));
        for (const auto& s : model.buildings[b].surfaces) {
            const osg::Vec4 colour = colourOf(s.kind, colours);
            for (std::size_t t = 0; t + 2 < s.triangles.size(); t += 3) {
                osg::Vec3d p[3];
                for (int k = 0; k < 3; ++k) {
                    const auto& g = s.points[s.triangles[t + std::size_t(k)]];
                    p[k] = osg::Vec3d(g.x, g.y, g.z) - origin;
                }
                // Flat shading: a polygon is planar, its triangles share a
                // normal. Slivers (a ring's repeated closing point) are dropped.
                osg::Vec3d n = (p[1] - p[0]) ^ (p[2] - p[0]);
                if (n.normalize() < 1e-9)
                    continue;
                for (const auto& q : p) {
                    vertices->push_back(osg::Vec3(q));
                    normals->push_back(osg::Vec3(n));
                    rgba->push_back(colour);
                }
            }
        }
    }
    osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
    g->setVertexArray(vertices);
    g->setNormalArray(normals, osg::Array::BIND_PER_VERTEX);
    g->setColorArray(rgba, osg::Array::BIND_PER_VERTEX);
    g->addPrimitiveSet(new osg::DrawArrays(GL_TRIANGLES, 0, GLsizei(vertices->size())));
    g->setUserData(pick);
    g->setDataVariance(osg::Object::STATIC);
    return g;
}

}  // namespace

osg::ref_ptr<osg::Node> buildCityGmlScene(const formats::CityGmlModel& model,
                                          const osg::Vec3d& origin,
                                          std::shared_ptr<const geo::FeatureLayer> layer,
                                          const CityGmlColours& colours) {
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    for (std::size_t first = 0; first < model.buildings.size(); first += kBuildingsPerGeometry)
        geode->addDrawable(blockGeometry(
            model, first, std::min(model.buildings.size(), first + kBuildingsPerGeometry), origin,
            layer, colours));
    // The surface colours are the vertex colours, lit (the scene lights both
    // sides, so a wall wound inwards by its exporter is not dark).
    osg::ref_ptr<osg::Material> material = new osg::Material;
    material->setColorMode(osg::Material::AMBIENT_AND_DIFFUSE);
    material->setSpecular(osg::Material::FRONT_AND_BACK, osg::Vec4(0.f, 0.f, 0.f, 1.f));
    geode->getOrCreateStateSet()->setAttributeAndModes(material);
    osg::ref_ptr<osg::MatrixTransform> placed =
        new osg::MatrixTransform(osg::Matrixd::translate(origin));
    placed->setDataVariance(osg::Object::STATIC);
    placed->addChild(geode);
    return placed;
}

}  // namespace citytwin::render::detail
