#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "GeoTestSupport.h"
#include "citytwin/geo/ChineseOffsets.h"
#include "citytwin/geo/ProjectStore.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::geo;
using citytwin::test::ScratchDir;
namespace fs = std::filesystem;

namespace {

std::string dataFile(const std::string& name) {
    return std::string(citytwin::test::kTestDataDir) + "/geo/" + name;
}
std::string sharedFile(const std::string& name) {
    return std::string(citytwin::test::kSharedDataDir) + "/" + name;
}

ImportOptions named(const std::string& layer) {
    ImportOptions o;
    o.layerName = layer;
    return o;
}

bool mentions(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
}

const LayerInfo* findLayer(const std::vector<LayerInfo>& layers, const std::string& name) {
    for (const auto& l : layers)
        if (l.name == name)
            return &l;
    return nullptr;
}

/// The three landmarks of tests/data/geo/points_*: name -> WGS 84 lon/lat.
void expectLandmarks(const FeatureLayer& layer, double tolerance) {
    ASSERT_EQ(layer.features.size(), 3u);
    int found = 0;
    for (const auto& f : layer.features) {
        const std::string* name = f.find("name");
        if (!name)
            name = f.find("Name");  // KML's placemark name
        ASSERT_NE(name, nullptr);
        ASSERT_EQ(f.geometry.points.size(), 1u);
        const GeoPoint& p = f.geometry.points.front();
        if (*name == "东方明珠") {
            EXPECT_NEAR(p.x, 121.4997, tolerance);
            EXPECT_NEAR(p.y, 31.2397, tolerance);
            ++found;
        } else if (*name == "上海中心大厦") {
            EXPECT_NEAR(p.x, 121.5055, tolerance);
            ++found;
        } else if (*name == "人民广场") {
            EXPECT_NEAR(p.y, 31.2304, tolerance);
            ++found;
        }
    }
    EXPECT_EQ(found, 3) << "Chinese names must survive the import as UTF-8";
}

}  // namespace

TEST(ProjectStore, createsAProjectWithItsCrsAndRefusesToOverwriteAFile) {
    ScratchDir dir("store");
    const std::string path = (dir / "p.gpkg").string();
    auto created = ProjectStore::create(path, Crs::fromString("EPSG:4549").value());
    ASSERT_TRUE(created) << created.messages();
    auto opened = ProjectStore::open(path);
    ASSERT_TRUE(opened) << opened.messages();
    EXPECT_EQ(opened->crs().authorityCode(), "EPSG:4549");
    EXPECT_TRUE(opened->layers()->empty());
    EXPECT_FALSE(ProjectStore::create(path));
    EXPECT_FALSE(ProjectStore::create((dir / "g.gpkg").string(), Crs::gcj02()));
}

TEST(ProjectStore, refusesFilesThatAreNotProjects) {
    ScratchDir dir("store");
    EXPECT_TRUE(mentions(ProjectStore::open((dir / "none.gpkg").string()).messages(), "no such"));
    EXPECT_TRUE(mentions(ProjectStore::open(dir.path().string()).messages(), "directory"));
    citytwin::test::writeFile(dir / "junk.gpkg", "not sqlite at all");
    EXPECT_FALSE(ProjectStore::open((dir / "junk.gpkg").string()));
    // A GeoPackage of someone else's is not taken for a project.
    auto plain = ProjectStore::open(dataFile("points_gk120.gpkg"));
    EXPECT_FALSE(plain);
    EXPECT_TRUE(mentions(plain.messages(), "not a citytwin project")) << plain.messages();
}

TEST(ProjectStore, importsGeoPackageInGaussKrugerReprojectedToWgs84WithMetadata) {
    ScratchDir dir("store");
    auto store = ProjectStore::create((dir / "p.gpkg").string());
    ASSERT_TRUE(store);
    auto r = store->importVector(dataFile("points_gk120.gpkg"), named("landmarks"));
    ASSERT_TRUE(r) << r.messages();
    EXPECT_EQ(r->featuresRead, 3);
    EXPECT_EQ(r->featuresWritten, 3);
    EXPECT_EQ(r->sourceCrs.authorityCode(), "EPSG:4549");
    auto layers = store->layers();
    ASSERT_TRUE(layers) << layers.messages();
    const LayerInfo* info = findLayer(layers.value(), "landmarks");
    ASSERT_NE(info, nullptr);
    EXPECT_EQ(info->featureCount, 3);
    EXPECT_EQ(info->crs.authorityCode(), "EPSG:4326");
    EXPECT_NEAR(info->extent.minX, 121.4737, 1e-6);
    EXPECT_NEAR(info->extent.maxY, 31.2397, 1e-6);
    ASSERT_EQ(info->imports.size(), 1u);
    EXPECT_EQ(info->imports[0].sourceCrs, "EPSG:4549");
    EXPECT_EQ(info->imports[0].importedAtUtc.size(), 20u);  // 2026-11-26T06:10:00Z
    auto layer = store->readLayer("landmarks");
    ASSERT_TRUE(layer) << layer.messages();
    expectLandmarks(layer.value(), 1e-8);
    EXPECT_EQ(layer->sourceCrs.authorityCode(), "EPSG:4549");
}

TEST(ProjectStore, storesAnRtreeSpatialIndexPerLayer) {
    ScratchDir dir("store");
    const std::string path = (dir / "p.gpkg").string();
    auto store = ProjectStore::create(path);
    ASSERT_TRUE(store->importVector(dataFile("points_wgs84.geojson"), named("pts")));
    auto sql =
        citytwin::test::runProcess("sqlite3 " + citytwin::test::shellQuote(path) +
                                   " \"SELECT count(*) FROM rtree_pts_geom; SELECT extension_name "
                                   "FROM gpkg_extensions WHERE table_name='pts'\"");
    ASSERT_EQ(sql.exitCode, 0) << sql.err;
    EXPECT_TRUE(mentions(sql.out, "3\n")) << sql.out;
    EXPECT_TRUE(mentions(sql.out, "gpkg_rtree_index")) << sql.out;
}

TEST(ProjectStore, importsEveryCommonFormat) {
    ScratchDir dir("store");
    auto store = ProjectStore::create((dir / "p.gpkg").string());
    ASSERT_TRUE(store);
    struct Case {
        const char* file;
        const char* layer;
    };
    for (const Case c :
         {Case{"points_wgs84.geojson", "geojson"}, Case{"points_utf8.shp", "shp_cpg_utf8"},
          Case{"points_gbk.shp", "shp_cpg_gbk"}, Case{"points.kml", "kml"}}) {
        auto r = store->importVector(dataFile(c.file), named(c.layer));
        ASSERT_TRUE(r) << c.file << ": " << r.messages();
        EXPECT_FALSE(r.hasErrors());
        auto layer = store->readLayer(c.layer);
        ASSERT_TRUE(layer) << layer.messages();
        expectLandmarks(layer.value(), 1e-9);
    }
    // CSV: lon/lat columns are found, but the datum must be given.
    auto noCrs = store->importVector(dataFile("towers_lonlat.csv"), named("csv"));
    EXPECT_FALSE(noCrs);
    EXPECT_TRUE(mentions(noCrs.messages(), "--src-crs")) << noCrs.messages();
    ImportOptions o = named("csv");
    o.maybeSourceCrs = Crs::wgs84();
    auto csv = store->importVector(dataFile("towers_lonlat.csv"), o);
    ASSERT_TRUE(csv) << csv.messages();
    expectLandmarks(store->readLayer("csv").value(), 1e-9);
    EXPECT_EQ(store->layers()->size(), 5u);
}

TEST(ProjectStore, gbkShapefileWithoutCpgNeedsEncodingAndSaysSo) {
    ScratchDir dir("store");
    auto store = ProjectStore::create((dir / "p.gpkg").string());
    auto wrong = store->importVector(dataFile("points_gbk_nocpg.shp"), named("wrong"));
    ASSERT_TRUE(wrong) << wrong.messages();  // imported, but not silently
    EXPECT_TRUE(mentions(wrong.messages(), "--encoding GBK")) << wrong.messages();
    EXPECT_TRUE(mentions(wrong.messages(), "name")) << wrong.messages();
    ImportOptions o = named("right");
    o.encoding = "GBK";
    auto right = store->importVector(dataFile("points_gbk_nocpg.shp"), o);
    ASSERT_TRUE(right) << right.messages();
    EXPECT_FALSE(mentions(right.messages(), "encoding"));
    expectLandmarks(store->readLayer("right").value(), 1e-9);
    ImportOptions bogus = named("bogus");
    bogus.encoding = "NO-SUCH-ENCODING";
    EXPECT_FALSE(store->importVector(dataFile("points_gbk_nocpg.shp"), bogus));
}

TEST(ProjectStore, refusesAShapefileWithoutPrjNamingSrcCrs) {
    ScratchDir dir("store");
    auto store = ProjectStore::create((dir / "p.gpkg").string());
    auto r = store->importVector(dataFile("points_noprj.shp"), named("x"));
    EXPECT_FALSE(r);
    EXPECT_TRUE(mentions(r.messages(), "--src-crs")) << r.messages();
    EXPECT_TRUE(mentions(r.messages(), ".prj")) << r.messages();
    EXPECT_TRUE(store->layers()->empty());
    ImportOptions o = named("x");
    o.maybeSourceCrs = Crs::cgcs2000();
    auto ok = store->importVector(dataFile("points_noprj.shp"), o);
    ASSERT_TRUE(ok) << ok.messages();
    EXPECT_EQ(ok->featuresWritten, 3);
}

TEST(ProjectStore, invalidGeometriesAreRepairedSkippedOrFailReportedById) {
    ScratchDir dir("store");
    auto store = ProjectStore::create((dir / "p.gpkg").string());
    ImportOptions repair = named("repair");
    auto r = store->importVector(dataFile("invalid_polygons.geojson"), repair);
    ASSERT_TRUE(r) << r.messages();
    EXPECT_EQ(r->featuresWritten, 3);
    EXPECT_EQ(r->featuresRepaired, 1);
    EXPECT_TRUE(mentions(r.messages(), "feature 11")) << r.messages();

    ImportOptions skip = named("skip");
    skip.invalid = InvalidGeometryPolicy::Skip;
    auto s = store->importVector(dataFile("invalid_polygons.geojson"), skip);
    ASSERT_TRUE(s) << s.messages();
    EXPECT_EQ(s->featuresWritten, 2);
    EXPECT_EQ(s->featuresSkipped, 1);
    EXPECT_TRUE(mentions(s.messages(), "feature 11"));

    ImportOptions fail = named("fail");
    fail.invalid = InvalidGeometryPolicy::Fail;
    auto f = store->importVector(dataFile("invalid_polygons.geojson"), fail);
    EXPECT_FALSE(f);
    EXPECT_TRUE(mentions(f.messages(), "feature 11")) << f.messages();
    EXPECT_EQ(findLayer(store->layers().value(), "fail"), nullptr);
    EXPECT_EQ(store->layers()->size(), 2u);
}

TEST(ProjectStore, existingLayerIsNeverReplacedSilently) {
    ScratchDir dir("store");
    auto store = ProjectStore::create((dir / "p.gpkg").string());
    ASSERT_TRUE(store->importVector(dataFile("points_wgs84.geojson"), named("pts")));
    auto again = store->importVector(dataFile("invalid_polygons.geojson"), named("pts"));
    EXPECT_FALSE(again);
    EXPECT_TRUE(mentions(again.messages(), "--overwrite")) << again.messages();
    EXPECT_EQ(store->layers()->front().featureCount, 3);

    ImportOptions append = named("pts");
    append.existing = ExistingLayerPolicy::Append;
    ASSERT_TRUE(store->importVector(dataFile("points.kml"), append));
    auto info = store->layers().value();
    EXPECT_EQ(info.front().featureCount, 6);
    EXPECT_EQ(info.front().imports.size(), 2u);

    ImportOptions overwrite = named("pts");
    overwrite.existing = ExistingLayerPolicy::Overwrite;
    auto o = store->importVector(dataFile("invalid_polygons.geojson"), overwrite);
    ASSERT_TRUE(o) << o.messages();
    info = store->layers().value();
    ASSERT_EQ(info.size(), 1u);
    EXPECT_EQ(info.front().featureCount, 3);
    EXPECT_EQ(info.front().imports.size(), 1u);
}

TEST(ProjectStore, cancelledImportLeavesTheProjectAsItWas) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(
        sharedFile("01_buildings/shanghai_central_tilezen_buildings.geojson"));
    ScratchDir dir("store");
    auto store = ProjectStore::create((dir / "p.gpkg").string());
    ASSERT_TRUE(store->importVector(dataFile("points_wgs84.geojson"), named("pts")));
    std::atomic<bool> cancel{false};
    std::int64_t lastDone = 0, total = 0;
    ImportOptions o = named("buildings");
    o.maybeCancel = &cancel;
    o.onProgress = [&](const ImportProgress& p) {
        lastDone = p.featuresDone;
        total = p.featuresTotal;
        if (p.featuresDone >= 512)
            cancel = true;
    };
    auto r = store->importVector(
        sharedFile("01_buildings/shanghai_central_tilezen_buildings.geojson"), o);
    EXPECT_FALSE(r);
    EXPECT_TRUE(mentions(r.messages(), "cancelled")) << r.messages();
    EXPECT_GE(lastDone, 512);
    EXPECT_EQ(total, 1981);
    auto layers = store->layers();
    ASSERT_TRUE(layers) << layers.messages();
    ASSERT_EQ(layers->size(), 1u);
    EXPECT_EQ(layers->front().name, "pts");
    EXPECT_EQ(layers->front().featureCount, 3);

    // An overwrite cancelled half way keeps the old layer.
    cancel = false;
    ImportOptions ow = o;
    ow.layerName = "pts";
    ow.existing = ExistingLayerPolicy::Overwrite;
    EXPECT_FALSE(store->importVector(
        sharedFile("01_buildings/shanghai_central_tilezen_buildings.geojson"), ow));
    EXPECT_EQ(store->layers()->front().featureCount, 3);
    EXPECT_EQ(store->readLayer("pts")->features.size(), 3u);

    // Without cancellation the same import completes, with progress to the end.
    cancel = false;
    o.onProgress = [&](const ImportProgress& p) { lastDone = p.featuresDone; };
    auto full = store->importVector(
        sharedFile("01_buildings/shanghai_central_tilezen_buildings.geojson"), o);
    ASSERT_TRUE(full) << full.messages();
    EXPECT_EQ(full->featuresRead, 1981);
    EXPECT_EQ(lastDone, 1981);
}

TEST(ProjectStore, gcj02DistrictsLandOnOsmBoundariesAfterConversion) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(
        sharedFile("03_admin_boundaries/shanghai_districts_datav_gcj02.json"));
    ScratchDir dir("store");
    auto store = ProjectStore::create((dir / "p.gpkg").string());
    const std::string districts =
        sharedFile("03_admin_boundaries/shanghai_districts_datav_gcj02.json");
    ImportOptions o = named("districts");
    o.maybeSourceCrs = Crs::gcj02();
    auto r = store->importVector(districts, o);
    ASSERT_TRUE(r) << r.messages();
    EXPECT_EQ(r->featuresWritten, 16);
    ImportOptions raw = named("districts_raw");
    raw.maybeSourceCrs = Crs::wgs84();  // what a naive import would do
    ASSERT_TRUE(store->importVector(districts, raw));

    const FeatureLayer converted = store->readLayer("districts").value();
    const FeatureLayer unconverted = store->readLayer("districts_raw").value();
    EXPECT_EQ(converted.sourceCrs.kind(), Crs::Kind::Gcj02);
    // Every vertex is the exact GCJ-02 inverse of the source vertex ...
    ASSERT_EQ(converted.features.size(), unconverted.features.size());
    double worst = 0.0;
    for (std::size_t i = 0; i < converted.features.size(); ++i) {
        const auto& a = converted.features[i].geometry.polygons;
        const auto& b = unconverted.features[i].geometry.polygons;
        ASSERT_EQ(a.size(), b.size());
        for (std::size_t k = 0; k < a.size(); ++k) {
            const auto& ra = a[k].rings.front();
            const auto& rb = b[k].rings.front();
            ASSERT_EQ(ra.size(), rb.size());
            for (std::size_t v = 0; v < ra.size(); v += 7) {
                const GeoPoint expect = gcj02ToWgs84(rb[v]);
                worst =
                    std::max({worst, std::abs(expect.x - ra[v].x), std::abs(expect.y - ra[v].y)});
            }
        }
    }
    EXPECT_LT(worst, 1e-9);
    // ... and moved by the few hundred metres GCJ-02 shifts Shanghai.
    const Extent ea = converted.extent(), eb = unconverted.extent();
    const double shiftM = std::hypot((eb.centerX() - ea.centerX()) * 95000.0,
                                     (eb.centerY() - ea.centerY()) * 111000.0);
    EXPECT_GT(shiftM, 300.0);
    EXPECT_LT(shiftM, 800.0);
}

TEST(ProjectStore, cellTowerCsvWithUndocumentedDatumMustAskForACrs) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(
        sharedFile("04_cell_towers/shanghai_telecom_base_stations_3008.csv"));
    ScratchDir dir("store");
    auto store = ProjectStore::create((dir / "p.gpkg").string());
    const std::string csv = sharedFile("04_cell_towers/shanghai_telecom_base_stations_3008.csv");
    auto r = store->importVector(csv, named("towers"));
    EXPECT_FALSE(r);
    EXPECT_TRUE(mentions(r.messages(), "--src-crs")) << r.messages();
    ImportOptions o = named("towers");
    o.maybeSourceCrs = Crs::wgs84();
    auto ok = store->importVector(csv, o);
    ASSERT_TRUE(ok) << ok.messages();
    EXPECT_EQ(ok->featuresWritten, 3008);
    EXPECT_GT(ok->extent.minX, 120.5);  // longitude column found as x
    EXPECT_LT(ok->extent.maxY, 32.5);
}

TEST(ProjectStore, warnsWhenALayerLandsFarFromTheOtherData) {
    ScratchDir dir("store");
    auto store = ProjectStore::create((dir / "p.gpkg").string());
    ASSERT_TRUE(store->importVector(dataFile("points_wgs84.geojson"), named("pts")));
    // Lon/lat swapped in the file: 31.2 E, 121.5 N is out of range -> skipped;
    // here a plausible-looking but wrong CRS: Gauss-Kruger metres read as 123E zone.
    ImportOptions wrong = named("wrong_zone");
    wrong.maybeSourceCrs = Crs::fromString("EPSG:4550").value();
    auto r = store->importVector(dataFile("points_gk120.gpkg"), wrong);
    ASSERT_TRUE(r) << r.messages();
    EXPECT_TRUE(mentions(r.messages(), "km from the project's other data")) << r.messages();
    ImportOptions right = named("right_zone");
    auto ok = store->importVector(dataFile("points_gk120.gpkg"), right);
    ASSERT_TRUE(ok);
    EXPECT_FALSE(mentions(ok.messages(), "km from"));
}

TEST(ProjectStore, badInputsAreClearErrorsAndLeaveTheProjectUnchanged) {
    ScratchDir dir("store");
    auto store = ProjectStore::create((dir / "p.gpkg").string());
    ASSERT_TRUE(store->importVector(dataFile("points_wgs84.geojson"), named("pts")));

    auto missing = store->importVector((dir / "nope.geojson").string(), named("a"));
    EXPECT_TRUE(mentions(missing.messages(), "no such file"));
    auto directory = store->importVector(dir.path().string(), named("a"));
    EXPECT_TRUE(mentions(directory.messages(), "directory"));

    // Truncated GeoJSON and a shapefile cut in the middle of a record.
    citytwin::test::writeFile(
        dir / "cut.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[121.5,)");
    EXPECT_FALSE(store->importVector((dir / "cut.geojson").string(), named("a")));
    for (const char* ext : {"shx", "dbf", "prj", "cpg"})
        fs::copy_file(dataFile(std::string("points_utf8.") + ext),
                      dir / (std::string("cut.") + ext));
    {
        std::ifstream in(dataFile("points_utf8.shp"), std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        citytwin::test::writeFile(dir / "cut.shp", bytes.substr(0, bytes.size() - 10));
    }
    auto cutShp = store->importVector((dir / "cut.shp").string(), named("a"));
    EXPECT_FALSE(cutShp) << "a truncated shapefile must not import as if complete";
    EXPECT_TRUE(mentions(cutShp.messages(), "cut.shp")) << cutShp.messages();

    // Out-of-range and NaN coordinates: reported by feature, never stored.
    citytwin::test::writeFile(dir / "range.geojson", R"({"type":"FeatureCollection","features":[
 {"type":"Feature","id":7,"properties":{},"geometry":{"type":"Point","coordinates":[31.2,121.5]}},
 {"type":"Feature","id":8,"properties":{},"geometry":{"type":"Point","coordinates":[121.5,31.2]}}]})");
    auto range = store->importVector((dir / "range.geojson").string(), named("range"));
    ASSERT_TRUE(range) << range.messages();
    EXPECT_EQ(range->featuresSkipped, 1);
    EXPECT_TRUE(mentions(range.messages(), "feature 7")) << range.messages();
    EXPECT_TRUE(mentions(range.messages(), "swapped axes"));
    citytwin::test::writeFile(dir / "nan.geojson", R"({"type":"FeatureCollection","features":[
 {"type":"Feature","id":5,"properties":{},"geometry":{"type":"Point","coordinates":[NaN,31.2]}},
 {"type":"Feature","id":6,"properties":{},"geometry":{"type":"LineString","coordinates":[[121.5,31.2],[1e400,31.3]]}},
 {"type":"Feature","id":9,"properties":{},"geometry":{"type":"Point","coordinates":[121.5,31.2]}}]})");
    auto nanJson = store->importVector((dir / "nan.geojson").string(), named("nanjson"));
    ASSERT_TRUE(nanJson) << nanJson.messages();
    EXPECT_EQ(nanJson->featuresWritten, 1) << nanJson.messages();
    EXPECT_EQ(nanJson->featuresSkipped, 2) << nanJson.messages();
    EXPECT_TRUE(mentions(nanJson.messages(), "feature 6: coordinate is NaN or infinite"))
        << nanJson.messages();
    citytwin::test::writeFile(dir / "nan.csv", "id,lon,lat\n1,121.5,31.2\n2,nan,31.2\n");
    ImportOptions nanOptions = named("nan");
    nanOptions.maybeSourceCrs = Crs::wgs84();
    nanOptions.invalid = InvalidGeometryPolicy::Fail;
    auto nan = store->importVector((dir / "nan.csv").string(), nanOptions);
    EXPECT_FALSE(nan);
    EXPECT_TRUE(mentions(nan.messages(), "not a finite number")) << nan.messages();
    EXPECT_TRUE(mentions(nan.messages(), "feature 2")) << nan.messages();

    // Bad layer names.
    EXPECT_FALSE(store->importVector(dataFile("points_wgs84.geojson"), named("")));
    EXPECT_FALSE(store->importVector(dataFile("points_wgs84.geojson"), named("gpkg_contents")));
    EXPECT_FALSE(store->importVector(dataFile("points_wgs84.geojson"), named("a\"b")));

    auto layers = store->layers().value();
    ASSERT_EQ(layers.size(), 3u);  // pts, range and nanjson
    EXPECT_EQ(findLayer(layers, "pts")->featureCount, 3);
}

TEST(ProjectStore, projectInGaussKrugerStoresMetres) {
    ScratchDir dir("store");
    auto store =
        ProjectStore::create((dir / "p.gpkg").string(), Crs::fromString("EPSG:4549").value());
    auto r = store->importVector(dataFile("points_wgs84.geojson"), named("pts"));
    ASSERT_TRUE(r) << r.messages();
    const auto layer = store->readLayer("pts").value();
    for (const auto& f : layer.features) {
        EXPECT_GT(f.geometry.points.front().x, 600000.0);   // easting first
        EXPECT_GT(f.geometry.points.front().y, 3400000.0);  // northing second
    }
}
