#pragma once
// Triangulates a polygon with holes (GLU's tessellator through
// osgUtil::Tessellator, odd winding), for roofs and flat areas.

#include <osg/Vec2d>

#include <cstdint>
#include <vector>

namespace citytwin::render {

struct Triangulation {
    /// The input vertices, plus any the tessellator added where edges cross.
    std::vector<osg::Vec2d> vertices;
    /// Three indices into vertices per triangle, counter-clockwise seen from +z.
    std::vector<std::uint32_t> indices;
};

/// rings[0] is the outer ring; the others are holes. Rings may be open or
/// closed (a repeated last point is dropped). Degenerate input gives no
/// triangles, never an error.
Triangulation triangulatePolygon(const std::vector<std::vector<osg::Vec2d>>& rings);

}  // namespace citytwin::render
