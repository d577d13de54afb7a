#include "citytwin/render/ModelSurvey.h"

#include <osg/Geometry>
#include <osg/NodeVisitor>
#include <osg/PagedLOD>
#include <osg/Transform>
#include <osg/TriangleIndexFunctor>

#include <algorithm>
#include <limits>
#include <vector>

#include "citytwin/render/ModelPlacement.h"

namespace citytwin::render {
namespace {

struct TriangleCounter {
    std::size_t count = 0;
    void operator()(unsigned, unsigned, unsigned) { ++count; }
};

class SurveyVisitor : public osg::NodeVisitor {
public:
    SurveyVisitor(ModelSurvey& survey, const osg::Matrixd& toWorld)
        : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN), _survey(survey) {
        _matrices.push_back(toWorld);
    }

    void apply(osg::Node& node) override {
        ++_survey.nodes;
        traverse(node);
    }
    void apply(osg::PagedLOD& plod) override {
        ++_survey.pagedLods;
        // A PagedLOD child beyond the loaded ones is still a file name.
        for (unsigned i = plod.getNumChildren(); i < plod.getNumFileNames(); ++i)
            if (!plod.getFileName(i).empty())
                ++_survey.unloadedChildFiles;
        apply(static_cast<osg::Node&>(plod));
    }
    void apply(osg::Transform& transform) override {
        osg::Matrixd m = _matrices.back();
        transform.computeLocalToWorldMatrix(m, this);
        _matrices.push_back(m);
        apply(static_cast<osg::Node&>(transform));
        _matrices.pop_back();
    }
    void apply(osg::Drawable& drawable) override {
        ++_survey.drawables;
        auto* geometry = drawable.asGeometry();
        if (!geometry)
            return;
        osg::TriangleIndexFunctor<TriangleCounter> counter;
        geometry->accept(counter);
        _survey.triangles += counter.count;
        for (unsigned i = 0; i < geometry->getNumPrimitiveSets(); ++i)
            if (geometry->getPrimitiveSet(i)->getMode() == GL_POINTS)
                _survey.points += geometry->getPrimitiveSet(i)->getNumIndices();
        const osg::Matrixd& m = _matrices.back();
        if (auto* v = dynamic_cast<const osg::Vec3Array*>(geometry->getVertexArray())) {
            for (const auto& p : *v)
                _survey.bounds.expandBy(osg::Vec3d(p) * m);
        } else if (auto* vd = dynamic_cast<const osg::Vec3dArray*>(geometry->getVertexArray())) {
            for (const auto& p : *vd)
                _survey.bounds.expandBy(p * m);
        }
    }

private:
    ModelSurvey& _survey;
    std::vector<osg::Matrixd> _matrices;
};

}  // namespace

ModelSurvey surveyModel(osg::Node& root, const osg::Matrixd& toWorld) {
    ModelSurvey survey;
    SurveyVisitor visitor(survey, toWorld);
    root.accept(visitor);
    return survey;
}

void computeGeographicExtent(LoadedModel& model, const geo::LocalFrame& frame) {
    model.wgs84Extent = geo::Extent{};
    if (!model.node)
        return;
    const osg::BoundingBoxd inCity = surveyModel(*model.node).bounds;
    if (!inCity.valid())
        return;
    const osg::Vec3d c = inCity.center();
    const geo::LocalFrame atModel(frame.toGeographic({c.x(), c.y(), c.z()}));
    const osg::Matrixd cityToModelFrame =
        osg::Matrixd::inverse(enuPlacement(atModel.origin(), 0.0, frame));
    const osg::BoundingBoxd box = surveyModel(*model.node, cityToModelFrame).bounds;
    model.minHeight = std::numeric_limits<double>::infinity();
    model.maxHeight = -std::numeric_limits<double>::infinity();
    for (unsigned i = 0; i < 8; ++i) {
        const osg::Vec3d corner = box.corner(i);
        const geo::GeoPoint g = atModel.toGeographic({corner.x(), corner.y(), corner.z()});
        model.wgs84Extent.add(g.x, g.y);
        model.minHeight = std::min(model.minHeight, g.z);
        model.maxHeight = std::max(model.maxHeight, g.z);
    }
}

}  // namespace citytwin::render
