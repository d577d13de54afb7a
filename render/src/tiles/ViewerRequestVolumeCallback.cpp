#include "tiles/ViewerRequestVolumeCallback.h"

#include <osg/NodeVisitor>

namespace citytwin::render::detail {

void ViewerRequestVolumeCallback::operator()(osg::Node* node, osg::NodeVisitor* nv) {
    const osg::Vec3d eye(nv->getEyePoint());
    if (_volume.containsEcef(eye * _cityToEcef))
        traverse(node, nv);
}

}  // namespace citytwin::render::detail
