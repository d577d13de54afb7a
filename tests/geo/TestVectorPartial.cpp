// Issue #19 item 6: a shapefile cut short is an error (or, when allowed, a
// partial read that says so), and coordinates that cannot be in the CRS the
// file declares are a warning naming the CRS they are likely in. Real
// shapefiles written with GDAL, cut the way an interrupted copy cuts them.

#include <gtest/gtest.h>

#include <filesystem>

#include "GeoTestSupport.h"
#include "ShapefileFixture.h"
#include "citytwin/geo/VectorReader.h"

using namespace citytwin::geo;
using namespace citytwin::test;
namespace fs = std::filesystem;

namespace {

constexpr int kSquares = 6;

fs::path writeShanghaiSquares(const ScratchDir& dir) {
    std::vector<std::pair<double, double>> corners;
    for (int i = 0; i < kSquares; ++i)
        corners.emplace_back(121.40 + 0.01 * i, 31.20 + 0.01 * i);
    const fs::path shp = dir / "squares.shp";
    writeSquaresShapefile(shp, 4326, corners, 0.005);
    return shp;
}

bool mentions(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
}

const Diagnostic* findField(const std::vector<Diagnostic>& ds, const std::string& field) {
    for (const auto& d : ds)
        if (d.field == field)
            return &d;
    return nullptr;
}

std::size_t featureCount(const Result<std::vector<FeatureLayer>>& r) {
    return r ? r->front().features.size() : 0;
}

/// GDAL hands a record it cannot read whole on as a feature without geometry.
std::size_t withGeometry(const Result<std::vector<FeatureLayer>>& r) {
    std::size_t n = 0;
    if (r)
        for (const auto& f : r->front().features)
            n += f.geometry.isEmpty() ? 0 : 1;
    return n;
}

}  // namespace

TEST(VectorReaderPartial, aWholeShapefileReadsWithoutPartialOrCrsWarnings) {
    ScratchDir dir("shp_whole");
    const fs::path shp = writeShanghaiSquares(dir);
    auto r = readVectorFile(shp.string());
    ASSERT_TRUE(r) << r.messages();
    EXPECT_EQ(featureCount(r), std::size_t(kSquares));
    EXPECT_TRUE(r.diagnostics().empty()) << r.messages();
}

// Every one of the three files, cut mid-record and on a record boundary
// (the cut GDAL reads without any error of its own).
TEST(VectorReaderPartial, aTruncatedShapefileIsRefusedUnlessPartialDataIsAllowed) {
    ScratchDir dir("shp_cut");
    const fs::path whole = writeShanghaiSquares(dir);
    struct Cut {
        std::string ext;
        std::uintmax_t keep;  // bytes cut off the end
    };
    // .shp: 100-byte header, each square 8 + 128 bytes; .shx: 100 + 8 per
    // record; .dbf: header + 33-byte records (+ the 0x1A end marker).
    const std::vector<Cut> cuts = {{".shp", 60}, {".shp", 136}, {".shx", 8},
                                   {".shx", 3},  {".dbf", 34},  {".dbf", 10}};
    int n = 0;
    for (const auto& cut : cuts) {
        SCOPED_TRACE(cut.ext + " minus " + std::to_string(cut.keep) + " bytes");
        const fs::path shp = copyShapefile(whole, dir / ("cut" + std::to_string(++n)));
        fs::path damaged = shp;
        damaged.replace_extension(cut.ext);
        truncateFile(damaged, fs::file_size(damaged) - cut.keep);

        auto refused = readVectorFile(shp.string());
        EXPECT_FALSE(refused) << "features: " << featureCount(refused);
        EXPECT_TRUE(mentions(refused.messages(), damaged.filename().string()) ||
                    mentions(refused.messages(), shp.string()))
            << refused.messages();
        EXPECT_TRUE(mentions(refused.messages(), "truncated") ||
                    mentions(refused.messages(), "cannot open"))
            << refused.messages();

        VectorReadOptions allow;
        allow.allowPartial = true;
        auto partial = readVectorFile(shp.string(), allow);
        if (!partial) {  // nothing readable at all: an error either way
            EXPECT_TRUE(partial.hasErrors());
            continue;
        }
        EXPECT_LT(withGeometry(partial), std::size_t(kSquares));
        EXPECT_GT(withGeometry(partial), 0u);
        EXPECT_FALSE(partial.hasErrors()) << partial.messages();
        const Diagnostic* w = findField(partial.diagnostics(), "partial");
        ASSERT_NE(w, nullptr) << partial.messages();
        EXPECT_EQ(w->severity, Severity::Warning);
        EXPECT_TRUE(mentions(w->message, "partial data")) << w->message;
        // The refusal says how many could be read and how to take them.
        EXPECT_TRUE(mentions(refused.messages(), "--allow-partial")) << refused.messages();
        EXPECT_TRUE(
            mentions(refused.messages(), std::to_string(featureCount(partial)) + " features"))
            << refused.messages();
    }
}

TEST(VectorReaderPartial, degreesUnderAPrjOfWebMercatorWarnAndNameWgs84) {
    ScratchDir dir("shp_3857");
    const fs::path shp = dir / "lonlat_as_3857.shp";
    writeSquaresShapefile(shp, 3857, {{121.40, 31.20}, {121.45, 31.25}}, 0.005);
    auto r = readVectorFile(shp.string());
    ASSERT_TRUE(r) << r.messages();
    const Diagnostic* w = findField(r.diagnostics(), "crs");
    ASSERT_NE(w, nullptr) << r.messages();
    EXPECT_EQ(w->severity, Severity::Warning);
    EXPECT_TRUE(mentions(w->message, "look like degrees")) << w->message;
    EXPECT_TRUE(mentions(w->message, "EPSG:3857")) << w->message;
    EXPECT_TRUE(mentions(w->message, "likely in EPSG:4326")) << w->message;
    EXPECT_TRUE(mentions(w->source, shp.string())) << w->source;
}

TEST(VectorReaderPartial, zonePrefixedGaussKrugerUnderCm120EWarnsOutsideItsAreaOfUse) {
    // Lujiazui in CGCS2000 3-degree Gauss-Kruger zone 40 (EPSG:4528, easting
    // with the zone number in front) declared as the same projection
    // without the prefix (EPSG:4549): 40,000 km east of its area of use.
    ScratchDir dir("shp_gk");
    const fs::path shp = dir / "zone40_as_cm120.shp";
    writeSquaresShapefile(shp, 4549, {{40642000.0, 3460000.0}, {40643000.0, 3461000.0}}, 200.0);
    auto r = readVectorFile(shp.string());
    const Diagnostic* w = findField(r.diagnostics(), "crs");
    ASSERT_NE(w, nullptr) << r.messages();
    EXPECT_EQ(w->severity, Severity::Warning);
    EXPECT_TRUE(mentions(w->message, "area of use of EPSG:4549")) << w->message;
    EXPECT_TRUE(mentions(w->message, "likely in EPSG:4528")) << w->message;
}

TEST(VectorReaderPartial, dataInsideItsCrsAreaOfUseGetsNoCrsWarning) {
    // The same place in EPSG:4549 itself, east of 121.5 E (Pudong: a little
    // beyond the zone's nominal area, as Shanghai data in it often is).
    ScratchDir dir("shp_gk_ok");
    const fs::path shp = dir / "cm120.shp";
    writeSquaresShapefile(shp, 4549, {{642000.0, 3460000.0}, {650000.0, 3455000.0}}, 200.0);
    auto r = readVectorFile(shp.string());
    ASSERT_TRUE(r) << r.messages();
    EXPECT_EQ(findField(r.diagnostics(), "crs"), nullptr) << r.messages();
    EXPECT_NEAR(r->front().extent().minX, 121.5, 0.2);
}

TEST(VectorReaderPartial, metresUnderAGeographicCrsNameTheLikelyProjectedCrs) {
    ScratchDir dir("shp_m_as_deg");
    const fs::path shp = dir / "metres_as_4326.shp";
    writeSquaresShapefile(shp, 4326, {{642000.0, 3460000.0}}, 200.0);
    auto r = readVectorFile(shp.string());
    const Diagnostic* w = findField(r.diagnostics(), "crs");
    ASSERT_NE(w, nullptr) << r.messages();
    EXPECT_TRUE(mentions(w->message, "are not degrees")) << w->message;
    EXPECT_TRUE(mentions(w->message, "EPSG:4549")) << w->message;
}
