#include <gtest/gtest.h>

#include "citytwin/render/PolygonTriangulator.h"

using citytwin::render::triangulatePolygon;

namespace {
double area(const citytwin::render::Triangulation& t) {
    double a = 0.0;
    for (std::size_t i = 0; i + 2 < t.indices.size(); i += 3) {
        const auto& p = t.vertices[t.indices[i]];
        const auto& q = t.vertices[t.indices[i + 1]];
        const auto& r = t.vertices[t.indices[i + 2]];
        a += 0.5 * ((q.x() - p.x()) * (r.y() - p.y()) - (q.y() - p.y()) * (r.x() - p.x()));
    }
    return a;
}
}  // namespace

TEST(PolygonTriangulator, squareWithHoleKeepsTheRightArea) {
    std::vector<osg::Vec2d> outer{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    std::vector<osg::Vec2d> hole{{4, 4}, {4, 6}, {6, 6}, {6, 4}};
    const auto t = triangulatePolygon({outer, hole});
    EXPECT_NEAR(area(t), 96.0, 1e-6);  // all triangles counter-clockwise
}

TEST(PolygonTriangulator, concaveClockwiseRingFarFromOrigin) {
    // An L-shape given clockwise, at Shanghai-sized local offsets.
    const osg::Vec2d o(35000.0, -42000.0);
    std::vector<osg::Vec2d> l{o + osg::Vec2d(0, 0),   o + osg::Vec2d(0, 20),
                              o + osg::Vec2d(10, 20), o + osg::Vec2d(10, 10),
                              o + osg::Vec2d(20, 10), o + osg::Vec2d(20, 0)};
    const auto t = triangulatePolygon({l});
    EXPECT_NEAR(area(t), 300.0, 1e-3);
}

TEST(PolygonTriangulator, degenerateInputGivesNothing) {
    EXPECT_TRUE(triangulatePolygon({}).indices.empty());
    EXPECT_TRUE(triangulatePolygon({{{0, 0}, {1, 1}}}).indices.empty());
    EXPECT_TRUE(triangulatePolygon({{{0, 0}, {1, 1}, {2, 2}}}).indices.empty());
}
