#pragma once
// What a node says it will cover before its content is read: the corners of
// a paged tileset's root bounding volume. Framing fits these (with what is
// loaded) instead of the node's bound sphere, whose box, for a tileset far
// round the globe and tilted in the city frame, is several times its size.

#include <osg/Array>
#include <osg/Matrixd>
#include <osg/Node>

#include <vector>

namespace citytwin::render {

/// Attaches `points` (in the node's parent coordinates) to `node`.
void declareHull(osg::Node& node, const std::vector<osg::Vec3d>& points);

/// The points declareHull() attached to `node`, or null.
const osg::Vec3dArray* declaredHullOf(const osg::Node& node);

/// The box round what `node` draws now and what it declares, in the frame
/// `toFrame` maps its parent coordinates to: the drawables' boxes through
/// every transform below, and the declared hulls of any node below.
osg::BoundingBoxd boundsIn(osg::Node& node, const osg::Matrixd& toFrame);

}  // namespace citytwin::render
