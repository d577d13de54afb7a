#include <gtest/gtest.h>
#include <proj.h>

#include <osg/ComputeBoundsVisitor>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/MatrixTransform>
#include <osgDB/ReadFile>
#include <osgDB/Registry>
#include <osgDB/WriteFile>

#include <filesystem>
#include <fstream>

#include "PageEveryLevel.h"
#include "ScratchDir.h"
#include "citytwin/geo/Log.h"
#include "citytwin/render/IsolatedTileReader.h"
#include "citytwin/render/ModelSurvey.h"
#include "citytwin/render/OsgbPyramidLoader.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;
namespace fs = std::filesystem;

using citytwin::test::ScratchDir;

namespace {

const fs::path kSample =
    fs::path(test::kSharedDataDir) / "07_oblique_osgb_citygml/osgb_Production_5_subset";

std::string metadataXml(const std::string& srs, const std::string& origin) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ModelMetadata version=\"1\">\n  <SRS>" +
           srs + "</SRS>\n  <SRSOrigin>" + origin + "</SRSOrigin>\n</ModelMetadata>\n";
}

/// A one-tile pyramid whose root holds a single 1000 m grid-north triangle strip.
void writeLineTile(const fs::path& dataDir) {
    osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
    osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
    v->push_back({0, 0, 0});
    v->push_back({10, 0, 0});
    v->push_back({0, 1000, 20});
    g->setVertexArray(v);
    g->addPrimitiveSet(new osg::DrawArrays(GL_TRIANGLES, 0, 3));
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(g);
    fs::create_directories(dataDir / "Tile_+000_+000");
    ASSERT_TRUE(
        osgDB::writeNodeFile(*geode, (dataDir / "Tile_+000_+000/Tile_+000_+000.osgb").string()));
}

struct ProjPoint {
    double lon, lat;
};

/// The georeference computed independently of citytwin: PROJ's C API on the
/// SRS text, in longitude/latitude order.
ProjPoint projToWgs84(const std::string& srs, double x, double y) {
    PJ_CONTEXT* ctx = proj_context_create();
    PJ* raw = proj_create_crs_to_crs(ctx, srs.c_str(), "EPSG:4326", nullptr);
    PJ* pj = proj_normalize_for_visualization(ctx, raw);
    const PJ_COORD c = proj_trans(pj, PJ_FWD, proj_coord(x, y, 0, 0));
    proj_destroy(pj);
    proj_destroy(raw);
    proj_context_destroy(ctx);
    return {c.xy.x, c.xy.y};
}

std::string readText(const fs::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string srsOf(const std::string& xml) {
    const auto b = xml.find("<SRS>") + 5;
    return xml.substr(b, xml.find("</SRS>") - b);
}

}  // namespace

TEST(OsgbPyramidLoader, loadsTheProductionSampleWithItsTilesAndPagedLevels) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSample);
    const geo::LocalFrame frame({113.38, 22.50, 0.0});
    for (const fs::path& input : {kSample / "metadata.xml", kSample, kSample / "Data"}) {
        auto model = render::loadOsgbPyramid(input.string(), frame);
        ASSERT_TRUE(model) << input << ": " << model.messages();
        EXPECT_EQ(model->format, "OSGB");
        EXPECT_NE(model->crsLabel.find("113.36E"), std::string::npos) << model->crsLabel;
        const auto survey = render::surveyModel(*model->node);
        EXPECT_GT(survey.triangles, 1000u);
        EXPECT_GE(survey.pagedLods, 2u);
        EXPECT_GE(survey.unloadedChildFiles, 2u);  // the L15 levels wait for the pager
    }
    EXPECT_TRUE(render::isOsgbPyramidPath((kSample / "metadata.xml").string()));
    EXPECT_TRUE(render::isOsgbPyramidPath((kSample / "Data").string()));
    EXPECT_FALSE(render::isOsgbPyramidPath(test::kTestDataDir));
}

TEST(OsgbPyramidLoader, landsWhereItsMetadataSays) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSample);
    const std::string xml = readText(kSample / "metadata.xml");
    const std::string srs = srsOf(xml);
    // cs2cs on the SRSOrigin (501027.524 2488718.808, tmerc CM 113.37 E, false
    // northing 90, CGCS2000) gives 113.37998567 E, 22.49513679 N.
    const ProjPoint origin = projToWgs84(srs, 501027.524, 2488718.808);
    ASSERT_NEAR(origin.lon, 113.37998567, 1e-7);
    ASSERT_NEAR(origin.lat, 22.49513679, 1e-7);

    // The tiles' own extent, read with plain OSG, taken through PROJ.
    osg::BoundingBox local;
    for (const char* tile : {"Tile_+000_+012", "Tile_+000_+013"}) {
        auto node = osgDB::readRefNodeFile(
            (kSample / "Data" / tile / (std::string(tile) + ".osgb")).string());
        ASSERT_TRUE(node);
        osg::ComputeBoundsVisitor cbv;
        node->accept(cbv);
        local.expandBy(cbv.getBoundingBox());
    }
    geo::Extent expected;
    for (const auto& [x, y] :
         {std::pair{local.xMin(), local.yMin()}, std::pair{local.xMax(), local.yMin()},
          std::pair{local.xMin(), local.yMax()}, std::pair{local.xMax(), local.yMax()}}) {
        const ProjPoint p = projToWgs84(srs, 501027.524 + x, 2488718.808 + y);
        expected.add(p.lon, p.lat);
    }

    // Near the model and 800 km away in Shanghai: the place must not depend on the frame.
    for (const geo::GeoPoint& frameOrigin :
         {geo::GeoPoint{113.38, 22.50, 0.0}, geo::GeoPoint{121.4737, 31.2304, 4.0}}) {
        const geo::LocalFrame frame(frameOrigin);
        auto model = render::loadOsgbPyramid(kSample.string(), frame);
        ASSERT_TRUE(model) << model.messages();
        const auto& got = model->wgs84Extent;
        constexpr double kTol = 2e-6;  // degrees, ~0.2 m
        EXPECT_NEAR(got.minX, expected.minX, kTol);
        EXPECT_NEAR(got.maxX, expected.maxX, kTol);
        EXPECT_NEAR(got.minY, expected.minY, kTol);
        EXPECT_NEAR(got.maxY, expected.maxY, kTol);
        EXPECT_NEAR(model->minHeight, local.zMin(), 0.5);
        EXPECT_NEAR(model->maxHeight, local.zMax(), 0.5);
        EXPECT_LT(model->placementErrorMetres, 0.01);
    }
}

TEST(OsgbPyramidLoader, gridNorthIsTurnedByTheConvergenceOfTheZone) {
    // Shanghai in CGCS2000 / 3-degree GK CM 120E (EPSG:4549): the tile's
    // 1000 m grid-north edge must land where PROJ puts its end points.
    ScratchDir dir("osgb_convergence");
    dir.write("metadata.xml", metadataXml("EPSG:4549", "640000,3457000,0"));
    writeLineTile(dir.path() / "Data");
    const geo::LocalFrame frame({121.4737, 31.2304, 0.0});
    auto model = render::loadOsgbPyramid(dir.path().string(), frame);
    ASSERT_TRUE(model) << model.messages();
    const ProjPoint end = projToWgs84("EPSG:4549", 640000, 3458000);
    const ProjPoint start = projToWgs84("EPSG:4549", 640000, 3457000);
    const geo::Vec3d e = frame.toLocal({end.lon, end.lat, 20.0});
    const geo::Vec3d s = frame.toLocal({start.lon, start.lat, 0.0});
    auto* placed = dynamic_cast<osg::MatrixTransform*>(model->node.get());
    ASSERT_NE(placed, nullptr);
    const osg::Vec3d gotStart = osg::Vec3d(0, 0, 0) * placed->getMatrix();
    const osg::Vec3d gotEnd = osg::Vec3d(0, 1000, 20) * placed->getMatrix();
    EXPECT_LT((gotStart - osg::Vec3d(s.x, s.y, s.z)).length(), 0.02);
    EXPECT_LT((gotEnd - osg::Vec3d(e.x, e.y, e.z)).length(), 0.02);
    EXPECT_GT(std::abs(e.x - s.x), 10.0);  // ~13 m of convergence over 1 km
}

TEST(OsgbPyramidLoader, enuSrsPlacesTheModelAtItsOrigin) {
    ScratchDir dir("osgb_enu");
    dir.write("metadata.xml", metadataXml("ENU:31.2304,121.4737", "100,200,5"));
    writeLineTile(dir.path() / "Data");
    const geo::LocalFrame frame({121.4737, 31.2304, 0.0});
    auto model = render::loadOsgbPyramid((dir.path() / "metadata.xml").string(), frame);
    ASSERT_TRUE(model) << model.messages();
    const auto survey = render::surveyModel(*model->node);
    EXPECT_NEAR(survey.bounds.xMin(), 100.0, 1e-3);
    EXPECT_NEAR(survey.bounds.yMin(), 200.0, 1e-3);
    EXPECT_NEAR(survey.bounds.yMax(), 1200.0, 0.2);  // the frames share their origin
    EXPECT_EQ(model->crsLabel, "ENU:31.2304,121.4737");
}

TEST(OsgbPyramidLoader, thePagerLoadsEveryLevelAndSurvivesMissingChildren) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSample);
    const geo::LocalFrame frame({113.38, 22.50, 0.0});
    auto model = render::loadOsgbPyramid(kSample.string(), frame);
    ASSERT_TRUE(model) << model.messages();

    // OSG's own DatabasePager (its threads, not ours) pages in every child the
    // pyramid names, level after level, as a camera close enough would.
    const std::size_t requested = test::pageEveryLevel(*model->node);
    const auto survey = render::surveyModel(*model->node);
    // 25 files exist under the two tiles besides the roots; the L19 nodes name
    // absent L20 children, which the pager skipped without harm.
    EXPECT_EQ(survey.pagedLods > 20, true) << survey.pagedLods;
    EXPECT_GT(requested, 25u);
    EXPECT_GT(survey.triangles, 100000u);
}

TEST(OsgbPyramidLoader, unknownSrsIsAnErrorNamingTheFileAndTheSrs) {
    ScratchDir dir("osgb_unknown_srs");
    dir.write("metadata.xml", metadataXml("EPSG:999999", "0,0,0"));
    writeLineTile(dir.path() / "Data");
    auto model =
        render::loadOsgbPyramid(dir.path().string(), geo::LocalFrame({121.47, 31.23, 0.0}));
    ASSERT_FALSE(model);
    const std::string msg = model.messages();
    EXPECT_NE(msg.find("metadata.xml"), std::string::npos) << msg;
    EXPECT_NE(msg.find("unknown SRS 'EPSG:999999'"), std::string::npos) << msg;

    dir.write("metadata.xml", metadataXml("EPSG:4326", "121.47,31.23,0"));
    model = render::loadOsgbPyramid(dir.path().string(), geo::LocalFrame({121.47, 31.23, 0.0}));
    ASSERT_FALSE(model);
    EXPECT_NE(model.messages().find("geographic"), std::string::npos) << model.messages();

    dir.write("metadata.xml", metadataXml("ENU:north,east", "0,0,0"));
    model = render::loadOsgbPyramid(dir.path().string(), geo::LocalFrame({121.47, 31.23, 0.0}));
    ASSERT_FALSE(model);
    EXPECT_NE(model.messages().find("ENU:latitude,longitude"), std::string::npos)
        << model.messages();
}

TEST(OsgbPyramidLoader, brokenXmlAndBadOriginAreErrorsNamingTheFile) {
    ScratchDir dir("osgb_bad_xml");
    writeLineTile(dir.path() / "Data");
    const geo::LocalFrame frame({121.47, 31.23, 0.0});
    for (const std::string& text :
         {std::string("<ModelMetadata><SRS>EPSG:4549</SRS>"), std::string(""),
          std::string("\x89PNG\r\n"), std::string("<Other><SRS>EPSG:4549</SRS></Other>"),
          metadataXml("", "0,0,0"), metadataXml("EPSG:4549", "1,x,3"),
          metadataXml("EPSG:4549", "1")}) {
        dir.write("metadata.xml", text);
        auto model = render::loadOsgbPyramid(dir.path().string(), frame);
        ASSERT_FALSE(model) << text;
        const std::string msg = model.messages();
        EXPECT_NE(msg.find((dir.path() / "metadata.xml").string()), std::string::npos) << msg;
    }
}

TEST(OsgbPyramidLoader, missingDataOrTilesAreErrors) {
    ScratchDir dir("osgb_no_data");
    const geo::LocalFrame frame({121.47, 31.23, 0.0});
    dir.write("metadata.xml", metadataXml("EPSG:4549", "640000,3457000,0"));
    auto model = render::loadOsgbPyramid(dir.path().string(), frame);
    ASSERT_FALSE(model);
    EXPECT_NE(model.messages().find("no Data folder"), std::string::npos) << model.messages();

    fs::create_directories(dir.path() / "Data/Tile_+000_+000");
    model = render::loadOsgbPyramid(dir.path().string(), frame);
    ASSERT_FALSE(model);
    EXPECT_NE(model.messages().find("no root tiles"), std::string::npos) << model.messages();

    dir.write("Data/Tile_+000_+000/Tile_+000_+000.osgb", "this is not an osgb file");
    model = render::loadOsgbPyramid(dir.path().string(), frame);
    ASSERT_FALSE(model);
    EXPECT_NE(model.messages().find("could be read"), std::string::npos) << model.messages();
    EXPECT_NE(model.messages().find("Tile_+000_+000.osgb"), std::string::npos) << model.messages();

    model = render::loadOsgbPyramid((dir.path() / "nowhere").string(), frame);
    ASSERT_FALSE(model);
    EXPECT_NE(model.messages().find("nowhere"), std::string::npos);
}

TEST(OsgbPyramidLoader, metadataWithoutSrsOriginWarnsNamingTheField) {
    ScratchDir dir("osgb_no_origin");
    dir.write("metadata.xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ModelMetadata version=\"1\">\n"
              "  <SRS>ENU:31.2304,121.4737</SRS>\n</ModelMetadata>\n");
    writeLineTile(dir.path() / "Data");
    const geo::LocalFrame frame({121.4737, 31.2304, 0.0});
    auto model = render::loadOsgbPyramid((dir.path() / "metadata.xml").string(), frame);
    ASSERT_TRUE(model) << model.messages();
    bool warned = false;
    for (const auto& d : model.diagnostics())
        warned = warned || (d.field == "SRSOrigin" && d.severity == geo::Severity::Warning);
    EXPECT_TRUE(warned) << model.messages();
    // With the origin given there is nothing to say about it.
    dir.write("metadata.xml", metadataXml("ENU:31.2304,121.4737", "0,0,0"));
    model = render::loadOsgbPyramid((dir.path() / "metadata.xml").string(), frame);
    ASSERT_TRUE(model) << model.messages();
    EXPECT_EQ(model.messages().find("SRSOrigin"), std::string::npos) << model.messages();
}

TEST(OsgbPyramidLoader, aMissingChildTileIsOneWarningAndAnEmptyNodeNotARequestEveryFrame) {
    ScratchDir dir("osgb_missing_child");
    render::installIsolatedTileReading();
    std::vector<std::string> warnings;
    geo::setLogSink([&](geo::LogLevel level, const std::string& m) {
        if (level == geo::LogLevel::Warning)
            warnings.push_back(m);
    });
    osg::ref_ptr<osgDB::Options> options = new osgDB::Options;
    options->setDatabasePath(dir.path().string());
    // As the pager asks for an absent L20 node, again and again.
    for (int frame = 0; frame < 5; ++frame) {
        osg::ref_ptr<osg::Node> node =
            osgDB::Registry::instance()->readNode("Tile_L20_0.osgb", options.get()).getNode();
        ASSERT_NE(node, nullptr) << "a missing child is an empty node, not a failed read";
        EXPECT_EQ(node->asGroup()->getNumChildren(), 0u);
    }
    geo::setLogSink(nullptr);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find((dir.path() / "Tile_L20_0.osgb").string()), std::string::npos)
        << "names the file: " << warnings[0];
    EXPECT_NE(warnings[0].find("no such tile file"), std::string::npos) << "says why";
}
