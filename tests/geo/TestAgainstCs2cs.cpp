// The library against PROJ's own cs2cs, run as a subprocess on the same
// points: same numbers, but in GIS axis order whatever the EPSG order.

#include <gtest/gtest.h>

#include <cmath>

#include "GeoTestSupport.h"
#include "citytwin/geo/CrsTransform.h"

using namespace citytwin::geo;
using namespace citytwin::test;

namespace {

const char* kCrss[] = {"EPSG:4326", "EPSG:4490", "EPSG:4549", "EPSG:3857"};

double tolerance(const std::string& crs) {
    return crs == "EPSG:4326" || crs == "EPSG:4490" ? 1e-9 : 1e-4;
}

/// GIS-order points in `crs` made from the lon/lat grid by the library.
std::vector<Triple> gridIn(const std::string& crs) {
    auto t = CrsTransform::create(Crs::wgs84(), Crs::fromString(crs).value());
    std::vector<Triple> out;
    for (const auto& p : shanghaiLonLatGrid()) {
        auto q = t->transform({p[0], p[1], p[2]});
        out.push_back({q->x, q->y, q->z});
    }
    return out;
}

}  // namespace

TEST(AgainstCs2cs, libraryMatchesCs2csForEveryPairOfShanghaiCrss) {
    for (const std::string from : kCrss) {
        for (const std::string to : kCrss) {
            if (from == to)
                continue;
            const auto input = gridIn(from);
            std::vector<Triple> authorityInput;
            for (const auto& p : input)
                authorityInput.push_back(northFirst(from) ? Triple{p[1], p[0], p[2]} : p);
            const auto expected = runCs2cs(from, to, authorityInput);
            ASSERT_EQ(expected.size(), input.size()) << from << " -> " << to;

            auto t =
                CrsTransform::create(Crs::fromString(from).value(), Crs::fromString(to).value());
            ASSERT_TRUE(t) << t.messages();
            std::vector<double> xs, ys, zs;
            for (const auto& p : input) {
                xs.push_back(p[0]);
                ys.push_back(p[1]);
                zs.push_back(p[2]);
            }
            ASSERT_EQ(t->transformInPlace(xs, ys, zs), 0u);
            for (std::size_t i = 0; i < input.size(); ++i) {
                const Triple e = northFirst(to)
                                     ? Triple{expected[i][1], expected[i][0], expected[i][2]}
                                     : expected[i];
                EXPECT_NEAR(xs[i], e[0], tolerance(to)) << from << " -> " << to << " point " << i;
                EXPECT_NEAR(ys[i], e[1], tolerance(to)) << from << " -> " << to << " point " << i;
                EXPECT_NEAR(zs[i], e[2], 1e-4) << from << " -> " << to << " point " << i;
            }
        }
    }
}

TEST(AgainstCs2cs, gaussKrugerEastingIsXWhereEpsgSaysNorthingFirst) {
    // cs2cs prints EPSG:4549 as "northing easting"; we give "easting northing".
    const auto cs = runCs2cs("EPSG:4326", "EPSG:4549", {{31.2304, 121.4737, 0.0}});
    ASSERT_EQ(cs.size(), 1u);
    auto t = CrsTransform::create(Crs::wgs84(), Crs::fromString("EPSG:4549").value());
    auto p = t->transform({121.4737, 31.2304, 0.0});
    ASSERT_TRUE(p);
    EXPECT_NEAR(p->x, cs[0][1], 1e-4);
    EXPECT_NEAR(p->y, cs[0][0], 1e-4);
    EXPECT_GT(p->x, 500000.0);
    EXPECT_LT(p->x, 800000.0);
}
