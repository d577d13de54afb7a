#include <gtest/gtest.h>

#include <cmath>

#include "citytwin/geo/CrsTransform.h"
#include "citytwin/render/ModelPlacement.h"

using namespace citytwin;

namespace {

osg::Vec3d toOsg(const geo::Vec3d& v) {
    return {v.x, v.y, v.z};
}

}  // namespace

TEST(ModelPlacement, ecefPlacementAgreesWithTheLocalFrame) {
    const geo::LocalFrame frame({121.4737, 31.2304, 10.0});
    for (const geo::GeoPoint& p :
         {geo::GeoPoint{121.50, 31.24, 30.0}, geo::GeoPoint{113.38, 22.49, 0.0},
          geo::GeoPoint{121.4737, 31.2304, 10.0}}) {
        const osg::Vec3d ecef = toOsg(geo::LocalFrame::geographicToEcef(p));
        const osg::Vec3d expected = toOsg(frame.toLocal(p));
        EXPECT_LT((ecef * render::ecefPlacement(frame) - expected).length(), 1e-4);
    }
}

TEST(ModelPlacement, enuPlacementPutsTheAnchorAndAxesWhereTheyBelong) {
    const geo::LocalFrame frame({121.4737, 31.2304, 0.0});
    const geo::GeoPoint anchor{121.50, 31.25, 12.0};
    const osg::Matrixd m = render::enuPlacement(anchor, 0.0, frame);
    EXPECT_LT((osg::Vec3d(0, 0, 0) * m - toOsg(frame.toLocal(anchor))).length(), 1e-6);
    // 100 m north of the anchor, in the anchor's own ENU, lands where the
    // geodesy says (a small-distance check: 100 m north is ~0.000902 degrees).
    const geo::GeoPoint north =
        frame.toGeographic({(osg::Vec3d(0, 100, 0) * m).x(), (osg::Vec3d(0, 100, 0) * m).y(),
                            (osg::Vec3d(0, 100, 0) * m).z()});
    EXPECT_NEAR(north.x, anchor.x, 1e-7);
    EXPECT_NEAR(north.y - anchor.y, 100.0 / 110860.0, 2e-6);
    EXPECT_NEAR(north.z, anchor.z, 1e-3);
}

TEST(ModelPlacement, headingTurnsClockwiseFromNorth) {
    const geo::LocalFrame frame({121.4737, 31.2304, 0.0});
    const osg::Matrixd m = render::enuPlacement(frame.origin(), 90.0, frame);
    // Heading 90: the model's north axis now points east.
    const osg::Vec3d north = osg::Vec3d(0, 1, 0) * m - osg::Vec3d(0, 0, 0) * m;
    EXPECT_NEAR(north.x(), 1.0, 1e-9);
    EXPECT_NEAR(north.y(), 0.0, 1e-9);
}

TEST(ModelPlacement, gltfUpBecomesLocalUp) {
    const osg::Vec3d up = osg::Vec3d(0, 1, 0) * render::gltfYUpToZUp();
    EXPECT_EQ(up, osg::Vec3d(0, 0, 1));
    const osg::Vec3d forward = osg::Vec3d(0, 0, 1) * render::gltfYUpToZUp();
    EXPECT_EQ(forward, osg::Vec3d(0, -1, 0));
}

TEST(ModelPlacement, projectedPlacementFollowsGridConvergence) {
    // Shanghai in the 3-degree Gauss-Kruger zone of CM 120E: grid north is
    // turned ~0.76 degrees from true north, so a 1 km grid-north line must
    // end ~13 m east of a true-north one.
    auto crs = geo::Crs::fromString("EPSG:4549");
    ASSERT_TRUE(crs) << crs.messages();
    const geo::LocalFrame frame({121.4737, 31.2304, 0.0});
    const geo::GeoPoint origin{640000.0, 3457000.0, 0.0};
    osg::BoundingBox box(0, 0, 0, 1000, 1000, 50);
    auto placement = render::fitProjectedPlacement(crs.value(), origin, box, frame, "test");
    ASSERT_TRUE(placement) << placement.messages();
    auto toWgs = geo::CrsTransform::create(crs.value(), geo::Crs::wgs84());
    ASSERT_TRUE(toWgs);
    for (const osg::Vec3d& local : {osg::Vec3d(0, 0, 0), osg::Vec3d(1000, 0, 0),
                                    osg::Vec3d(0, 1000, 50), osg::Vec3d(500, 500, 25)}) {
        auto g = toWgs->transform({origin.x + local.x(), origin.y + local.y(), local.z()});
        ASSERT_TRUE(g);
        const osg::Vec3d exact = toOsg(frame.toLocal(g.value()));
        EXPECT_LT((local * placement->localToCity - exact).length(), 0.05)
            << local.x() << ',' << local.y();
    }
    const osg::Vec3d gridNorth = osg::Vec3d(0, 1000, 0) * placement->localToCity -
                                 osg::Vec3d(0, 0, 0) * placement->localToCity;
    EXPECT_GT(std::abs(gridNorth.x()), 10.0);  // convergence is not ignored
    EXPECT_LT(placement->maxErrorMetres, 0.05);
}
