// CityGML through libcitygml: buildings, polygons, LoDs and attributes of our
// own small files (tests/data/citygml), placement by srsName checked against
// PROJ's transform of known corners, files without srsName at the anchor,
// picking, bad input; and the public samples in ../shared/data (Berlin open
// data in EPSG:25833, TU Delft test buildings without CRS), cut at many
// offsets.

#include <gtest/gtest.h>
#include <proj.h>
#include <sys/wait.h>

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/MatrixTransform>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

#include "ScratchDir.h"
#include "citytwin/formats/CityGmlModel.h"
#include "citytwin/render/CityGmlModelLoader.h"
#include "citytwin/render/FeaturePickData.h"
#include "citytwin/render/ModelFileLoader.h"
#include "citytwin/render/ModelPlacement.h"
#include "citytwin/render/ModelSurvey.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin;
using citytwin::test::ScratchDir;
namespace fs = std::filesystem;

namespace {

const fs::path kOwn = fs::path(test::kTestDataDir) / "citygml";
const fs::path kSamples =
    fs::path(test::kSharedDataDir) / "07_oblique_osgb_citygml/citygml_from_libcitygml";
const geo::LocalFrame kShanghai({121.4737, 31.2304, 0.0});

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const std::string* attribute(const formats::CityGmlBuilding& b, const std::string& name) {
    for (const auto& a : b.attributes)
        if (a.name == name)
            return &a.value;
    return nullptr;
}

/// Every vertex of the node in the city frame, and the geometries' pick data.
struct Drawn {
    std::vector<osg::Vec3d> vertices;
    std::vector<osg::ref_ptr<osg::Geometry>> geometries;
};
Drawn drawnOf(osg::Node& node) {
    Drawn out;
    auto* placed = node.asTransform()->asMatrixTransform();
    const osg::Matrixd m = placed->getMatrix();
    for (unsigned i = 0; i < placed->getNumChildren(); ++i) {
        auto* geode = placed->getChild(i)->asGeode();
        for (unsigned d = 0; geode && d < geode->getNumDrawables(); ++d) {
            auto* g = geode->getDrawable(d)->asGeometry();
            out.geometries.push_back(g);
            for (const auto& v : *static_cast<const osg::Vec3Array*>(g->getVertexArray()))
                out.vertices.push_back(osg::Vec3d(v) * m);
        }
    }
    return out;
}

double nearest(const Drawn& d, const osg::Vec3d& p) {
    double best = std::numeric_limits<double>::infinity();
    for (const auto& v : d.vertices)
        best = std::min(best, (v - p).length());
    return best;
}

/// Where PROJ itself puts an easting/northing of `crs` in `frame`.
osg::Vec3d projInFrame(const char* crs, double e, double n, double h,
                       const geo::LocalFrame& frame) {
    PJ_CONTEXT* ctx = proj_context_create();
    PJ* raw = proj_create_crs_to_crs(ctx, crs, "EPSG:4326", nullptr);
    PJ* op = proj_normalize_for_visualization(ctx, raw);
    const PJ_COORD g = proj_trans(op, PJ_FWD, proj_coord(e, n, h, 0));
    proj_destroy(op);
    proj_destroy(raw);
    proj_context_destroy(ctx);
    const geo::Vec3d local = frame.toLocal({g.xyz.x, g.xyz.y, h});
    return {local.x, local.y, local.z};
}

constexpr double kE = 641005.800, kN = 3457973.610;  // SH_B1's corner, EPSG:4549

}  // namespace

TEST(CityGmlLoader, readsBuildingsPolygonsLodsAndAttributes) {
    const auto model = formats::readCityGml((kOwn / "shanghai_epsg4549_lod1_lod2.gml").string());
    ASSERT_TRUE(model) << model.messages();
    EXPECT_EQ(model->srsName, "urn:ogc:def:crs:EPSG::4549");
    ASSERT_EQ(model->buildings.size(), 2u);
    EXPECT_EQ(model->polygonCount(), 12u);

    const auto& tower = model->buildings[0];
    EXPECT_EQ(tower.id, "SH_B1");
    EXPECT_EQ(tower.objectClass, "Building");
    EXPECT_EQ(tower.lod, 1u);
    std::multiset<std::string> kinds;
    for (const auto& s : tower.surfaces) {
        EXPECT_FALSE(s.fromSemantics);  // an LoD1 solid: faces sorted by where they face
        kinds.insert(formats::toString(s.kind));
    }
    EXPECT_EQ(kinds,
              (std::multiset<std::string>{"ground", "roof", "wall", "wall", "wall", "wall"}));
    ASSERT_TRUE(attribute(tower, "gml:id"));
    EXPECT_EQ(*attribute(tower, "gml:id"), "SH_B1");
    EXPECT_EQ(*attribute(tower, "class"), "Building");
    EXPECT_EQ(*attribute(tower, "lod"), "1");
    ASSERT_TRUE(attribute(tower, "gml:name"));
    EXPECT_EQ(*attribute(tower, "gml:name"), "Bund tower");
    ASSERT_TRUE(attribute(tower, "district"));  // generic attributes
    EXPECT_EQ(*attribute(tower, "district"), "Huangpu");
    EXPECT_EQ(*attribute(tower, "floors"), "8");
    ASSERT_TRUE(attribute(tower, "bldg:function"));
    EXPECT_EQ(*attribute(tower, "bldg:function"), "1010");
    ASSERT_TRUE(attribute(tower, "bldg:measuredheight"));  // libcitygml's lower case
    EXPECT_EQ(*attribute(tower, "bldg:measuredheight"), "24.5");

    // LoD1 solid and LoD2 surfaces: the finest is drawn, by its semantics.
    const auto& hall = model->buildings[1];
    EXPECT_EQ(hall.lod, 2u);
    ASSERT_EQ(hall.surfaces.size(), 6u);
    kinds.clear();
    for (const auto& s : hall.surfaces) {
        EXPECT_TRUE(s.fromSemantics);
        kinds.insert(formats::toString(s.kind));
    }
    EXPECT_EQ(kinds,
              (std::multiset<std::string>{"ground", "roof", "wall", "wall", "wall", "wall"}));
}

TEST(CityGmlLoader, placesEveryVertexWhereProjPutsIt) {
    const auto path = (kOwn / "shanghai_epsg4549_lod1_lod2.gml").string();
    const auto model = render::loadCityGmlModel(path, {}, kShanghai);
    ASSERT_TRUE(model) << model.messages();
    EXPECT_EQ(model->format, "CityGML");
    EXPECT_TRUE(model->missingGeoreference.empty());
    EXPECT_NE(model->crsLabel.find("4549"), std::string::npos) << model->crsLabel;
    EXPECT_EQ(model->cityObjectSummary, "Building 2 (LoD1 1, LoD2 1); 12 polygons");
    const Drawn drawn = drawnOf(*model->node);
    // Two corners a kilometre apart, each within a centimetre of PROJ's answer
    // (an exact per-vertex transform, not one matrix for the whole file).
    EXPECT_LT(nearest(drawn, projInFrame("EPSG:4549", kE, kN, 4.0, kShanghai)), 0.01);
    EXPECT_LT(nearest(drawn, projInFrame("EPSG:4549", kE + 1040, kN + 520, 16.0, kShanghai)), 0.01);
    EXPECT_LT(nearest(drawn, projInFrame("EPSG:4549", kE + 20, kN + 30, 28.5, kShanghai)), 0.01);
    EXPECT_NEAR(model->minHeight, 4.0, 0.05);
    EXPECT_NEAR(model->maxHeight, 28.5, 0.05);

    // CityGML 1.0 in Bavaria's Gauss-Krueger zone 4, in a frame at Munich.
    const geo::LocalFrame munich({11.575, 48.137, 500.0});
    const auto old = render::loadCityGmlModel(
        (kOwn / "munich_citygml1_epsg31468_lod1.gml").string(), {}, munich);
    ASSERT_TRUE(old) << old.messages();
    const Drawn oldDrawn = drawnOf(*old->node);
    EXPECT_LT(nearest(oldDrawn, projInFrame("EPSG:31468", 4468475.474, 5333305.224, 519.0, munich)),
              0.01);
    EXPECT_LT(nearest(oldDrawn, projInFrame("EPSG:31468", 4468490.474, 5333315.224, 528.0, munich)),
              0.01);
    EXPECT_NEAR(old->wgs84Extent.minX, 11.575, 0.001);
    EXPECT_NEAR(old->wgs84Extent.minY, 48.137, 0.001);
}

TEST(CityGmlLoader, aFileWithoutSrsNameStandsAtTheAnchorAndSaysSo) {
    const auto path = (kOwn / "local_no_srsname_lod2.gml").string();
    EXPECT_FALSE(render::cityGmlGeoreferenceProblem(path).empty());
    EXPECT_TRUE(
        render::cityGmlGeoreferenceProblem((kOwn / "shanghai_epsg4549_lod1_lod2.gml").string())
            .empty());
    const render::ModelAnchor anchor{{121.49, 31.24, 3.0}, 90.0, 1.0};
    const auto model = render::loadCityGmlModel(path, anchor, kShanghai);
    ASSERT_TRUE(model) << model.messages();
    // Six faces; the ClosureSurface (virtual, at 3 m) is not drawn.
    EXPECT_EQ(model->cityObjectSummary, "Building 1 (LoD2 1); 6 polygons");
    EXPECT_NE(model->missingGeoreference.find("srsName"), std::string::npos);
    bool warned = false;
    for (const auto& d : model.diagnostics())
        warned = warned || (d.severity == geo::Severity::Warning &&
                            d.toString().find("srsName") != std::string::npos &&
                            d.toString().find("local_no_srsname_lod2.gml") != std::string::npos);
    EXPECT_TRUE(warned) << model.messages();
    // The file's origin at the anchor; heading 90: its x (10 m) points south.
    const Drawn drawn = drawnOf(*model->node);
    const geo::Vec3d at = kShanghai.toLocal(anchor.lonLatH);
    EXPECT_LT(nearest(drawn, {at.x, at.y, at.z}), 0.01);
    const osg::Vec3d farCorner =
        osg::Vec3d(10, 8, 6) * render::enuPlacement(anchor.lonLatH, 90.0, kShanghai);
    EXPECT_LT(nearest(drawn, farCorner), 0.01);
    const osg::Vec3d south =
        osg::Vec3d(10, 0, 0) * render::enuPlacement(anchor.lonLatH, 90.0, kShanghai);
    EXPECT_LT(south.y() - at.y, -9.9);
}

TEST(CityGmlLoader, eachBuildingIsPickedWithItsAttributesAndSurfacesAreColouredApart) {
    const auto model = render::loadCityGmlModel((kOwn / "shanghai_epsg4549_lod1_lod2.gml").string(),
                                                {}, kShanghai);
    ASSERT_TRUE(model) << model.messages();
    const Drawn drawn = drawnOf(*model->node);
    ASSERT_EQ(drawn.geometries.size(), 1u);
    const auto& g = drawn.geometries.front();
    const auto* pick = dynamic_cast<const render::FeaturePickData*>(g->getUserData());
    ASSERT_NE(pick, nullptr);
    ASSERT_EQ(pick->featureCount(), 2u);
    const unsigned triangles = unsigned(g->getVertexArray()->getNumElements() / 3);
    EXPECT_EQ(render::surveyModel(*model->node).triangles, triangles);
    ASSERT_EQ(pick->featureAt(0), 0u);
    ASSERT_EQ(pick->featureAt(triangles - 1), 1u);
    const auto& hall = pick->layer()->features[1];
    ASSERT_TRUE(hall.find("gml:id"));
    EXPECT_EQ(*hall.find("gml:id"), "SH_B2");
    EXPECT_EQ(*hall.find("gml:name"), "Riverside hall");
    EXPECT_EQ(*pick->layer()->features[0].find("bldg:measuredheight"), "24.5");
    // Roof, wall and ground in three colours.
    std::set<std::tuple<float, float, float>> colours;
    for (const auto& c : *static_cast<const osg::Vec4Array*>(g->getColorArray()))
        colours.insert({c.r(), c.g(), c.b()});
    EXPECT_EQ(colours.size(), 3u);
}

TEST(CityGmlLoader, modelFileKindTellsCityGmlFromPlainGml) {
    ScratchDir dir("citygml_kind");
    const auto plain = dir.write("roads.gml",
                                 R"(<?xml version="1.0"?><ogr:FeatureCollection
        xmlns:ogr="http://ogr.maptools.org/" xmlns:gml="http://www.opengis.net/gml">
        </ogr:FeatureCollection>)");
    EXPECT_EQ(render::modelFileKind(plain.string()), render::ModelFileKind::None);
    const auto own = kOwn / "shanghai_epsg4549_lod1_lod2.gml";
    EXPECT_EQ(render::modelFileKind(own.string()), render::ModelFileKind::CityGml);
    const auto renamed = dir.write("city.citygml", readAll(own));
    const auto asXml = dir.write("city.xml", readAll(own));
    EXPECT_EQ(render::modelFileKind(renamed.string()), render::ModelFileKind::CityGml);
    EXPECT_EQ(render::modelFileKind(asXml.string()), render::ModelFileKind::CityGml);
    const auto loaded = render::loadModelFile(renamed.string(), kShanghai);
    ASSERT_TRUE(loaded) << loaded.messages();
    EXPECT_EQ(loaded->format, "CityGML");
}

TEST(CityGmlLoader, badInputIsAnErrorNamingTheFileAndWhy) {
    ScratchDir dir("citygml_bad");
    const std::string good = readAll(kOwn / "shanghai_epsg4549_lod1_lod2.gml");
    std::string unknownSrs = good;
    unknownSrs.replace(unknownSrs.find("EPSG::4549"), 10, "EPSG::999999");
    std::string noBuildings = good.substr(0, good.find("<cityObjectMember>")) + "</CityModel>\n";
    struct Case {
        std::string name, bytes, why;
    };
    for (const Case& c : std::vector<Case>{
             {"empty.gml", "", "empty"},
             {"text.gml", "hello, not XML at all", "not well-formed XML"},
             {"cut.gml", good.substr(0, good.size() / 2), "not well-formed XML"},
             {"other.gml", "<?xml version=\"1.0\"?><root><thing/></root>", "not CityGML"},
             {"unknown_srs.gml", unknownSrs, "unknown srsName 'urn:ogc:def:crs:EPSG::999999'"},
             {"nothing.gml", noBuildings, "without any city object"}}) {
        SCOPED_TRACE(c.name);
        const auto path = dir.write(c.name, c.bytes).string();
        const auto r = render::loadCityGmlModel(path, {}, kShanghai);
        ASSERT_FALSE(r);
        EXPECT_NE(r.messages().find(c.name), std::string::npos) << r.messages();
        EXPECT_NE(r.messages().find(c.why), std::string::npos) << r.messages();
    }
    const auto missing =
        render::loadCityGmlModel((dir.path() / "absent.gml").string(), {}, kShanghai);
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.messages().find("absent.gml"), std::string::npos);
    EXPECT_NE(missing.messages().find("cannot open"), std::string::npos);
    // The parser is still usable after all that.
    EXPECT_TRUE(render::loadCityGmlModel(dir.write("ok.gml", good).string(), {}, kShanghai));
}

TEST(CityGmlLoader, srsNamesInTheirUsualSpellings) {
    for (const char* name :
         {"EPSG:25833", "urn:ogc:def:crs:EPSG::25833", "urn:ogc:def:crs:EPSG:6.12:25833",
          "http://www.opengis.net/def/crs/EPSG/0/25833",
          "urn:ogc:def:crs,crs:EPSG::25833,crs:EPSG::7837",
          "urn:adv:crs:ETRS89_UTM33*DE_DHHN2016_NH"}) {
        const auto crs = formats::crsOfSrsName(name, "f.gml");
        ASSERT_TRUE(crs) << name << ": " << crs.messages();
        EXPECT_EQ(crs->authorityCode(), "EPSG:25833") << name;
    }
    const auto bad = formats::crsOfSrsName("urn:nobody:crs:LOCAL", "f.gml");
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.messages().find("f.gml"), std::string::npos);
    EXPECT_NE(bad.messages().find("urn:nobody:crs:LOCAL"), std::string::npos);
}

TEST(CityGmlSamples, berlinOpenDataLandsInBerlinWithItsBuildings) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples.string());
    const auto path = (kSamples / "berlin_open_data_sample_data.citygml").string();
    const auto parsed = formats::readCityGml(path);
    ASSERT_TRUE(parsed) << parsed.messages();
    EXPECT_EQ(parsed->srsName, "EPSG:25833");
    EXPECT_EQ(parsed->buildings.size(), 61u);  // MANIFEST.md: 61 buildings
    for (const auto& b : parsed->buildings)
        EXPECT_EQ(b.lod, 2u) << b.id;
    EXPECT_GT(parsed->polygonCount(), 1000u);
    // Berlin's frame, as --snapshot would choose it from the data.
    const geo::LocalFrame berlin({13.4, 52.52, 0.0});
    const auto model = render::loadModelFile(path, berlin);
    ASSERT_TRUE(model) << model.messages();
    EXPECT_EQ(model->format, "CityGML");
    const auto& e = model->wgs84Extent;
    EXPECT_GT(e.minX, 13.0);
    EXPECT_LT(e.maxX, 13.8);
    EXPECT_GT(e.minY, 52.3);
    EXPECT_LT(e.maxY, 52.7);
    // A vertex of the first and of the last building, through PROJ's own
    // transform, are drawn there to the centimetre (the file spans ~2 km).
    const Drawn drawn = drawnOf(*model->node);
    for (const auto* b : {&parsed->buildings.front(), &parsed->buildings.back()}) {
        const geo::GeoPoint& p = b->surfaces.front().points.front();
        EXPECT_LT(nearest(drawn, projInFrame("EPSG:25833", p.x, p.y, p.z, berlin)), 0.01) << b->id;
    }
}

TEST(CityGmlSamples, tuDelftBuildingsWithoutCrsKeepTheirSemantics) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples.string());
    const auto sem = formats::readCityGml((kSamples / "b1_lod2_cs_w_sem.gml").string());
    ASSERT_TRUE(sem) << sem.messages();
    EXPECT_TRUE(sem->srsName.empty());
    ASSERT_EQ(sem->buildings.size(), 1u);
    EXPECT_EQ(sem->buildings[0].lod, 2u);
    // 9 semantic surfaces and the "internal-ceiling" that splits its
    // CompositeSolid (no semantics: flat, so sorted with the roofs).
    ASSERT_EQ(sem->buildings[0].surfaces.size(), 10u);
    std::multiset<std::string> kinds;
    for (const auto& s : sem->buildings[0].surfaces)
        if (s.fromSemantics)
            kinds.insert(formats::toString(s.kind));
    EXPECT_EQ(kinds.size(), 9u);
    EXPECT_EQ(kinds.count("roof"), 4u);
    EXPECT_EQ(kinds.count("wall"), 4u);
    EXPECT_EQ(kinds.count("ground"), 1u);
    const auto plain = render::loadModelFile((kSamples / "b1_lod2_s.gml").string(), kShanghai,
                                             {{121.48, 31.235, 0.0}, 0.0, 1.0});
    ASSERT_TRUE(plain) << plain.messages();
    EXPECT_FALSE(plain->missingGeoreference.empty());
    const osg::BoundingBoxd b = render::surveyModel(*plain->node).bounds;
    EXPECT_NEAR(b.xMax() - b.xMin(), 100.0, 0.5);  // a 100 m test cube
}

TEST(CityGmlSamples, truncatedSamplesFailClearlyNeverCrash) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(kSamples.string());
    ScratchDir dir("citygml_cut");
    for (const char* name : {"berlin_open_data_sample_data.citygml", "b1_lod2_cs_w_sem.gml"}) {
        const std::string bytes = readAll(kSamples / name);
        constexpr int kCuts = 12;
        for (int i = 1; i < kCuts; ++i) {
            const std::size_t at = bytes.size() * std::size_t(i) / kCuts;
            const std::string file = "cut_" + std::to_string(at) + "_" + name;
            SCOPED_TRACE(file);
            const auto path = dir.write(file, bytes.substr(0, at)).string();
            const auto r = render::loadCityGmlModel(path, {}, kShanghai);
            ASSERT_FALSE(r) << "a cut file cannot be whole";
            EXPECT_NE(r.messages().find(file), std::string::npos) << r.messages();
            EXPECT_NE(r.messages().find("not well-formed XML"), std::string::npos) << r.messages();
        }
    }
}

namespace {

/// citytwin-cli's stdout (stderr to `err`) and exit status.
std::pair<std::string, int> runCli(const std::string& args, const fs::path& err) {
    const std::string command = "'" + (fs::path(test::kBinDir) / "citytwin-cli").string() + "' " +
                                args + " 2>'" + err.string() + "'";
    FILE* pipe = popen(command.c_str(), "r");
    std::string out;
    char buffer[4096];
    while (pipe && std::fgets(buffer, sizeof buffer, pipe))
        out += buffer;
    const int status = pipe ? pclose(pipe) : -1;
    return {out, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

}  // namespace

TEST(CityGmlLoader, modelInfoSaysWhatTheFileHoldsAndWhereItLands) {
    ScratchDir dir("citygml_cli");
    const auto err = dir.path() / "err.txt";
    const auto own = kOwn / "shanghai_epsg4549_lod1_lod2.gml";
    const auto [out, status] = runCli("model-info '" + own.string() + "'", err);
    ASSERT_EQ(status, 0) << readAll(err);
    EXPECT_NE(out.find("format\tCityGML\n"), std::string::npos) << out;
    EXPECT_NE(out.find("crs\tEPSG:4549"), std::string::npos) << out;
    EXPECT_NE(out.find("city-objects\tBuilding 2 (LoD1 1, LoD2 1); 12 polygons\n"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("georeference\tyes\n"), std::string::npos) << out;
    // The bounding box holds PROJ's longitude/latitude of the file's corner.
    const auto at = out.find("wgs84-bbox\t");
    ASSERT_NE(at, std::string::npos) << out;
    double minLon = 0, minLat = 0, maxLon = 0, maxLat = 0;
    ASSERT_EQ(std::sscanf(out.c_str() + at, "wgs84-bbox\t%lf,%lf,%lf,%lf", &minLon, &minLat,
                          &maxLon, &maxLat),
              4);
    EXPECT_NEAR(minLon, 121.48, 0.0005);
    EXPECT_NEAR(minLat, 31.235, 0.0005);
    EXPECT_GT(maxLon, 121.49);

    const auto local = runCli("model-info --at 121.5,31.2 --frame-origin 121.5,31.2 '" +
                                  (kOwn / "local_no_srsname_lod2.gml").string() + "'",
                              err);
    ASSERT_EQ(local.second, 0) << readAll(err);
    EXPECT_NE(local.first.find("georeference\tno srsName"), std::string::npos) << local.first;
    EXPECT_NE(local.first.find("wgs84-bbox\tno georeference"), std::string::npos);
    EXPECT_NE(local.first.find("size\t10.00 x 8.00 x 6.00 m"), std::string::npos) << local.first;
    EXPECT_NE(readAll(err).find("srsName"), std::string::npos);

    const auto bad = dir.write("broken.citygml", "<CityModel xmlns=\"http://www.opengis.net/");
    const auto failed = runCli("model-info '" + bad.string() + "'", err);
    EXPECT_EQ(failed.second, 1);
    EXPECT_NE(readAll(err).find("broken.citygml"), std::string::npos) << readAll(err);
    EXPECT_NE(readAll(err).find("not well-formed XML"), std::string::npos) << readAll(err);

    const auto help = runCli("model-info --help", err);
    EXPECT_NE(help.first.find("CityGML"), std::string::npos);
    EXPECT_NE(help.first.find("city-objects"), std::string::npos);
}
