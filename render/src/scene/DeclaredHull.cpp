#include "citytwin/render/DeclaredHull.h"

#include <osg/ComputeBoundsVisitor>
#include <osg/Transform>
#include <osg/UserDataContainer>

namespace citytwin::render {
namespace {

const char* const kHullName = "citytwin.declaredHull";

/// ComputeBoundsVisitor (drawables through the matrix stack) that also
/// takes the declared hulls it passes.
class HullBoundsVisitor : public osg::ComputeBoundsVisitor {
public:
    explicit HullBoundsVisitor(const osg::Matrixd& toFrame) {
        osg::Matrix m(toFrame);
        pushMatrix(m);
    }

    using osg::ComputeBoundsVisitor::apply;
    // Groups, switches and paged LODs come here too (NodeVisitor's chain).
    void apply(osg::Node& node) override {
        addHull(node);
        traverse(node);
    }
    void apply(osg::Transform& transform) override {
        addHull(transform);
        osg::ComputeBoundsVisitor::apply(transform);
    }

    osg::BoundingBoxd box() {
        const osg::BoundingBox& b = getBoundingBox();
        osg::BoundingBoxd all = _hulls;
        if (b.valid())
            all.expandBy(osg::BoundingBoxd(b._min, b._max));
        return all;
    }

private:
    void addHull(const osg::Node& node) {
        const osg::Vec3dArray* hull = declaredHullOf(node);
        if (!hull)
            return;
        const osg::Matrixd m = _matrixStack.empty() ? osg::Matrixd() : _matrixStack.back();
        for (const osg::Vec3d& p : *hull)
            _hulls.expandBy(p * m);
    }

    osg::BoundingBoxd _hulls;  // in double: ECEF-sized frames lose metres in float
};

}  // namespace

void declareHull(osg::Node& node, const std::vector<osg::Vec3d>& points) {
    osg::ref_ptr<osg::Vec3dArray> hull = new osg::Vec3dArray(points.begin(), points.end());
    hull->setName(kHullName);
    osg::UserDataContainer* udc = node.getOrCreateUserDataContainer();
    if (const unsigned at = udc->getUserObjectIndex(kHullName); at < udc->getNumUserObjects())
        udc->removeUserObject(at);
    udc->addUserObject(hull);
}

const osg::Vec3dArray* declaredHullOf(const osg::Node& node) {
    const osg::UserDataContainer* udc = node.getUserDataContainer();
    if (!udc)
        return nullptr;
    const unsigned at = udc->getUserObjectIndex(kHullName);
    return at < udc->getNumUserObjects()
               ? dynamic_cast<const osg::Vec3dArray*>(udc->getUserObject(at))
               : nullptr;
}

osg::BoundingBoxd boundsIn(osg::Node& node, const osg::Matrixd& toFrame) {
    HullBoundsVisitor visitor(toFrame);
    node.accept(visitor);
    return visitor.box();
}

}  // namespace citytwin::render
