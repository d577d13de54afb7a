#include "citytwin/render/FarGround.h"

#include <osg/MatrixTransform>

#include <algorithm>
#include <cmath>

#include "citytwin/render/LayerNodeBuilder.h"
#include "citytwin/render/LocalVertical.h"

namespace citytwin::render {

osg::Matrixd farGroundFrameAt(const geo::LocalFrame& frame, const osg::Vec3d& centre) {
    const LocalVertical v = verticalAt(frame, centre);
    return v.toFrameAt(v.ground);
}

bool needsFarGround(const osg::BoundingSphere& bound) {
    return bound.valid() &&
           std::hypot(bound.center().x(), bound.center().y()) - bound.radius() > kFarGroundFrom;
}

osg::ref_ptr<osg::Node> buildFarGround(const osg::BoundingBoxd& enuBox,
                                       const osg::Matrixd& enuToFrame) {
    if (!enuBox.valid())
        return nullptr;
    const double size = std::max(enuBox.xMax() - enuBox.xMin(), enuBox.yMax() - enuBox.yMin());
    const double half =
        std::clamp(kFarGroundSizeFactor * size, kFarGroundMinHalfM, kFarGroundMaxHalfM);
    // The city's ground plane, in the far layer's own east-north-up frame.
    osg::ref_ptr<osg::Node> plane =
        buildGroundPlane(-half, -half, half, half, osg::Vec4(0.86f, 0.86f, 0.84f, 1.f));
    const osg::Vec3d under(enuBox.center().x(), enuBox.center().y(), enuBox.zMin());
    osg::ref_ptr<osg::MatrixTransform> xf =
        new osg::MatrixTransform(osg::Matrixd::translate(under) * enuToFrame);
    xf->setName("far ground");
    xf->addChild(plane);
    return xf;
}

}  // namespace citytwin::render
