#include "citytwin/render/ModelFeatureHighlight.h"

#include <osg/Depth>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/NodeVisitor>
#include <osg/Point>
#include <osg/PolygonOffset>
#include <osg/TriangleIndexFunctor>

#include "citytwin/render/FeatureHighlight.h"
#include "citytwin/render/FeaturePickData.h"

namespace citytwin::render {
namespace {

const osg::Vec4 kTint{1.f, 0.86f, 0.1f, 0.9f};  // the pick tint of FeatureHighlight

/// Collects the triangles' corners of a geometry in the intersector's
/// primitive order (as pickDataFromIds numbered them).
struct TriangleCorners {
    std::vector<unsigned>* out = nullptr;
    void operator()(unsigned a, unsigned b, unsigned c) {
        out->push_back(a);
        out->push_back(b);
        out->push_back(c);
    }
};

/// Copies the feature's primitives of every matching geometry, each into
/// the model's frame through the transforms above it.
class FeaturePrimitiveCopier : public osg::NodeVisitor {
public:
    FeaturePrimitiveCopier(const std::string& layerId, std::uint32_t featureIndex)
        : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN), _layerId(layerId), _feature(featureIndex) {}

    void apply(osg::Node& node) override {
        // Instanced content: the pick data of a transform covers all below it.
        const bool owns = _wholeDepth == 0 && isFeature(node.getUserData(), 0);
        if (owns)
            _wholeDepth = getNodePath().size();
        traverse(node);
        if (owns)
            _wholeDepth = 0;
    }

    void apply(osg::Geometry& g) override {
        const osg::Vec3Array* v = dynamic_cast<const osg::Vec3Array*>(g.getVertexArray());
        if (v && g.getNumPrimitiveSets() == 1) {
            auto* data = dynamic_cast<const FeaturePickData*>(g.getUserData());
            const bool mine = data && data->layerId() == _layerId;
            if (_wholeDepth != 0 || mine)
                copy(g, *v, _wholeDepth != 0 ? nullptr : data);
        }
        apply(static_cast<osg::Node&>(g));
    }

    osg::ref_ptr<osg::Vec3Array> triangles = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec3Array> points = new osg::Vec3Array;

private:
    bool isFeature(const osg::Referenced* userData, std::uint32_t primitive) const {
        auto* data = dynamic_cast<const FeaturePickData*>(userData);
        return data && data->layerId() == _layerId && data->featureAt(primitive) == _feature;
    }

    /// `data` null: every primitive is the feature's.
    void copy(osg::Geometry& g, const osg::Vec3Array& v, const FeaturePickData* data) {
        const osg::Matrixd toModel = osg::computeLocalToWorld(getNodePath());
        auto wanted = [&](std::size_t primitive) {
            return !data || data->featureAt(std::uint32_t(primitive)) == _feature;
        };
        const osg::PrimitiveSet* ps = g.getPrimitiveSet(0);
        if (ps->getMode() == GL_POINTS) {
            for (unsigned i = 0; i < ps->getNumIndices(); ++i)
                if (ps->index(i) < v.size() && wanted(i))
                    points->push_back(v[ps->index(i)] * toModel);
            return;
        }
        std::vector<unsigned> corners;
        osg::TriangleIndexFunctor<TriangleCorners> f;
        f.out = &corners;
        g.accept(f);
        for (std::size_t t = 0; t + 2 < corners.size(); t += 3) {
            if (!wanted(t / 3))
                continue;
            for (std::size_t k = 0; k < 3; ++k)
                if (corners[t + k] < v.size())
                    triangles->push_back(v[corners[t + k]] * toModel);
        }
        if (triangles->size() % 3 != 0)
            triangles->resize(triangles->size() - triangles->size() % 3);
    }

    std::string _layerId;
    std::uint32_t _feature;
    std::size_t _wholeDepth = 0;  ///< depth of the instance node that is the feature, or 0
};

osg::ref_ptr<osg::Geometry> tinted(osg::Vec3Array* vertices, GLenum mode) {
    osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
    g->setVertexArray(vertices);
    osg::ref_ptr<osg::Vec4Array> colour = new osg::Vec4Array;
    colour->push_back(kTint);
    g->setColorArray(colour, osg::Array::BIND_OVERALL);
    g->addPrimitiveSet(new osg::DrawArrays(mode, 0, GLsizei(vertices->size())));
    return g;
}

}  // namespace

osg::ref_ptr<osg::Node> buildModelFeatureHighlight(osg::Node& modelRoot, const std::string& layerId,
                                                   std::uint32_t featureIndex) {
    FeaturePrimitiveCopier copier(layerId, featureIndex);
    // The path starts at the model's root: the copies land in its frame.
    modelRoot.accept(copier);
    osg::ref_ptr<osg::Geode> node = new osg::Geode;
    node->setName(kHighlightLayerId);
    if (!copier.triangles->empty())
        node->addDrawable(tinted(copier.triangles.get(), GL_TRIANGLES));
    if (!copier.points->empty())
        node->addDrawable(tinted(copier.points.get(), GL_POINTS));
    if (node->getNumDrawables() == 0)
        return node;
    // Flat and bright over the tile's own copy of the same surfaces.
    osg::StateSet* ss = node->getOrCreateStateSet();
    ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::OVERRIDE);
    ss->setMode(GL_CULL_FACE, osg::StateAttribute::OFF);
    ss->setAttributeAndModes(new osg::PolygonOffset(-2.f, -16.f),
                             osg::StateAttribute::ON | osg::StateAttribute::OVERRIDE);
    ss->setAttributeAndModes(new osg::Depth(osg::Depth::LEQUAL, 0.0, 1.0, true));
    ss->setAttribute(new osg::Point(6.f));
    return node;
}

}  // namespace citytwin::render
