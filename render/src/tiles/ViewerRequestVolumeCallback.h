#pragma once
// 3D Tiles' viewerRequestVolume: a tile's content and refinement count only
// while the viewer is inside that volume (a point cloud shown only from
// inside the building that holds it). A cull callback on the tile's node
// skips it when the eye, taken to ECEF, lies outside.

#include <osg/Callback>
#include <osg/Matrixd>

#include "tiles/TileBoundingVolume.h"

namespace citytwin::render::detail {

class ViewerRequestVolumeCallback : public osg::NodeCallback {
public:
    /// `cityToEcef`: from the frame the tile's node is drawn in to ECEF.
    ViewerRequestVolumeCallback(TileBoundingVolume volume, const osg::Matrixd& cityToEcef)
        : _volume(std::move(volume)), _cityToEcef(cityToEcef) {}

    void operator()(osg::Node* node, osg::NodeVisitor* nv) override;

private:
    TileBoundingVolume _volume;
    osg::Matrixd _cityToEcef;
};

}  // namespace citytwin::render::detail
