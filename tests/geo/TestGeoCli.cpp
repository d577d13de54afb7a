// citytwin-cli transform / import / layers, run as subprocesses exactly as a
// user or script runs them.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "GeoTestSupport.h"
#include "ShapefileFixture.h"
#include "citytwin/geo/ChineseOffsets.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::test;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        out.push_back(l);
    return out;
}

std::vector<Triple> numbers(const std::string& text) {
    std::vector<Triple> out;
    for (const auto& l : lines(text)) {
        std::istringstream in(l);
        Triple t{};
        in >> t[0] >> t[1] >> t[2];
        out.push_back(t);
    }
    return out;
}

std::string dataFile(const std::string& name) {
    return std::string(kTestDataDir) + "/geo/" + name;
}

bool mentions(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
}

}  // namespace

TEST(CliTransform, matchesCs2csAcrossShanghaiInGisAxisOrder) {
    const std::pair<const char*, const char*> pairs[] = {{"EPSG:4326", "EPSG:4549"},
                                                         {"EPSG:4490", "EPSG:3857"},
                                                         {"EPSG:4549", "EPSG:4326"},
                                                         {"EPSG:3857", "EPSG:4490"},
                                                         {"EPSG:4326", "EPSG:4490"}};
    for (const auto& [from, to] : pairs) {
        // Build input in `from` through cs2cs itself, starting from lon/lat.
        std::vector<Triple> lonLat = shanghaiLonLatGrid();
        std::vector<Triple> auth;
        for (const auto& p : lonLat)
            auth.push_back({p[1], p[0], p[2]});
        std::vector<Triple> inFrom =
            std::string(from) == "EPSG:4326" ? auth : runCs2cs("EPSG:4326", from, auth);
        std::string input;
        std::vector<Triple> authIn;
        for (const auto& p : inFrom) {
            const Triple gis = northFirst(from) ? Triple{p[1], p[0], p[2]} : p;
            char line[128];
            std::snprintf(line, sizeof line, "%.12f %.12f %.6f\n", gis[0], gis[1], gis[2]);
            input += line;
            authIn.push_back(northFirst(from) ? Triple{gis[1], gis[0], gis[2]} : gis);
        }
        const auto cli =
            runProcess(citytwinCli() + " transform --from " + from + " --to " + to, input);
        ASSERT_EQ(cli.exitCode, 0) << cli.err;
        const auto got = numbers(cli.out);
        const auto expected = runCs2cs(from, to, authIn);
        ASSERT_EQ(got.size(), expected.size());
        const double tol = northFirst(to) && std::string(to) != "EPSG:4549" ? 1e-9 : 1e-4;
        for (std::size_t i = 0; i < got.size(); ++i) {
            const Triple e = northFirst(to) ? Triple{expected[i][1], expected[i][0], expected[i][2]}
                                            : expected[i];
            EXPECT_NEAR(got[i][0], e[0], tol) << from << "->" << to << " line " << i + 1;
            EXPECT_NEAR(got[i][1], e[1], tol) << from << "->" << to << " line " << i + 1;
            EXPECT_NEAR(got[i][2], e[2], 1e-4);
        }
    }
}

TEST(CliTransform, badLinesAreNamedOnStderrAndTheRestStillConverted) {
    const std::string input =
        "121.4737 31.2304\n"
        "hello world\n"
        "\n"
        "# a comment\n"
        "121.5 31.2 10\n"
        "121.5\n"
        "121.5 nan\n"
        "121.6 31.3";  // no final newline
    const auto r = runProcess(citytwinCli() + " transform --from EPSG:4326 --to EPSG:4549", input);
    EXPECT_EQ(r.exitCode, 1);
    const auto out = lines(r.out);
    ASSERT_EQ(out.size(), 8u) << r.out;
    EXPECT_EQ(out[1], "* * *");
    EXPECT_EQ(out[2], "");
    EXPECT_EQ(out[3], "# a comment");
    EXPECT_EQ(out[5], "* * *");
    EXPECT_EQ(out[6], "* * *");
    const auto first = numbers(out[0]).front();
    EXPECT_GT(first[0], 600000.0);
    EXPECT_EQ(numbers(out[4]).front()[2], 10.0);
    EXPECT_GT(numbers(out[7]).front()[0], 600000.0);
    EXPECT_TRUE(mentions(r.err, "line 2:")) << r.err;
    EXPECT_TRUE(mentions(r.err, "line 6:")) << r.err;
    EXPECT_TRUE(mentions(r.err, "line 7:")) << r.err;
    EXPECT_FALSE(mentions(r.err, "line 1:"));
}

TEST(CliTransform, outOfDomainPointsAreBadLinesToo) {
    const auto r = runProcess(citytwinCli() + " transform --from EPSG:4326 --to EPSG:3857",
                              "121.5 31.2\n121.5 91\n");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(mentions(r.err, "line 2:")) << r.err;
    EXPECT_EQ(lines(r.out).size(), 2u);
}

TEST(CliTransform, knowsGcj02AndBd09) {
    const auto r =
        runProcess(citytwinCli() + " transform --from EPSG:4326 --to GCJ02", "116.404 39.915\n");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto p = numbers(r.out).front();
    EXPECT_NEAR(p[0], 116.41024449916938, 1e-12);
    EXPECT_NEAR(p[1], 39.91640428150164, 1e-12);
    const auto back =
        runProcess(citytwinCli() + " transform --from BD09 --to EPSG:4326", "121.48 31.24\n");
    ASSERT_EQ(back.exitCode, 0) << back.err;
    const auto w = numbers(back.out).front();
    const auto bd = citytwin::geo::wgs84ToBd09({w[0], w[1], 0.0});
    EXPECT_NEAR(bd.x, 121.48, 1e-9);
    EXPECT_NEAR(bd.y, 31.24, 1e-9);
}

TEST(CliTransform, usageErrorsExitTwo) {
    EXPECT_EQ(runProcess(citytwinCli() + " transform --from EPSG:4326").exitCode, 2);
    const auto bad = runProcess(citytwinCli() + " transform --from EPSG:999999 --to EPSG:4326");
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(mentions(bad.err, "EPSG:999999"));
    const auto help = runProcess(citytwinCli() + " transform --help");
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(mentions(help.out, "--from CRS --to CRS"));
}

TEST(CliImport, printsTheSummaryAndLayersListsTheLayer) {
    ScratchDir dir("cli");
    const std::string project = shellQuote((dir / "p.gpkg").string());
    const auto r =
        runProcess(citytwinCli() + " import " + shellQuote(dataFile("invalid_polygons.geojson")) +
                   " --project " + project + " --layer parcels --invalid repair");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(mentions(r.out, "features read: 3\n")) << r.out;
    EXPECT_TRUE(mentions(r.out, "features written: 3\n"));
    EXPECT_TRUE(mentions(r.out, "features repaired: 1\n"));
    EXPECT_TRUE(mentions(r.out, "features skipped: 0\n"));
    EXPECT_TRUE(mentions(r.err, "feature 11")) << r.err;

    const auto gk =
        runProcess(citytwinCli() + " import " + shellQuote(dataFile("points_gk120.gpkg")) +
                   " --project " + project + " --layer landmarks");
    ASSERT_EQ(gk.exitCode, 0) << gk.err;

    const auto l = runProcess(citytwinCli() + " layers --project " + project);
    ASSERT_EQ(l.exitCode, 0) << l.err;
    const auto out = lines(l.out);
    ASSERT_EQ(out.size(), 4u) << l.out;
    EXPECT_TRUE(mentions(out[0], "EPSG:4326"));
    EXPECT_TRUE(mentions(l.out,
                         "parcels\tEPSG:4326 WGS "
                         "84\tPolygon\t3\t121.500000000,31.230000000,121.530000000,31.240000000"))
        << l.out;
    EXPECT_TRUE(mentions(l.out, "landmarks\tEPSG:4326 WGS 84\tPoint\t3\t")) << l.out;
    EXPECT_TRUE(mentions(l.out, "EPSG:4549")) << "source CRS of landmarks: " << l.out;
}

TEST(CliImport, failuresExitNonZeroWithAClearMessage) {
    ScratchDir dir("cli");
    const std::string project = shellQuote((dir / "p.gpkg").string());
    const auto noPrj =
        runProcess(citytwinCli() + " import " + shellQuote(dataFile("points_noprj.shp")) +
                   " --project " + project + " --layer x");
    EXPECT_EQ(noPrj.exitCode, 1);
    EXPECT_TRUE(mentions(noPrj.err, "--src-crs")) << noPrj.err;
    const auto withCrs =
        runProcess(citytwinCli() + " import " + shellQuote(dataFile("points_noprj.shp")) +
                   " --project " + project + " --layer x --src-crs EPSG:4490");
    EXPECT_EQ(withCrs.exitCode, 0) << withCrs.err;
    const auto again =
        runProcess(citytwinCli() + " import " + shellQuote(dataFile("points_wgs84.geojson")) +
                   " --project " + project + " --layer x");
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_TRUE(mentions(again.err, "--overwrite")) << again.err;
    const auto fail =
        runProcess(citytwinCli() + " import " + shellQuote(dataFile("invalid_polygons.geojson")) +
                   " --project " + project + " --layer y --invalid fail");
    EXPECT_EQ(fail.exitCode, 1);
    EXPECT_TRUE(mentions(fail.err, "feature 11")) << fail.err;
    EXPECT_EQ(
        runProcess(citytwinCli() + " import x --project " + project + " --layer z --invalid maybe")
            .exitCode,
        2);
    EXPECT_EQ(runProcess(citytwinCli() + " import --project " + project).exitCode, 2);
    const auto gbk =
        runProcess(citytwinCli() + " import " + shellQuote(dataFile("points_gbk_nocpg.shp")) +
                   " --project " + project + " --layer gbk --encoding GBK");
    EXPECT_EQ(gbk.exitCode, 0) << gbk.err;
    const auto layers = runProcess(citytwinCli() + " layers --project " + project);
    EXPECT_EQ(lines(layers.out).size(), 4u) << layers.out;  // CRS line, header, x, gbk
    EXPECT_EQ(
        runProcess(citytwinCli() + " layers --project " + shellQuote((dir / "none.gpkg").string()))
            .exitCode,
        1);
}

TEST(CliImport, gcj02DistrictsFromSharedDataConvertWithSrcCrs) {
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(std::string(kSharedDataDir) +
                                      "/03_admin_boundaries/shanghai_districts_datav_gcj02.json");
    ScratchDir dir("cli");
    const std::string project = shellQuote((dir / "p.gpkg").string());
    const auto r =
        runProcess(citytwinCli() + " import " +
                   shellQuote(std::string(kSharedDataDir) +
                              "/03_admin_boundaries/shanghai_districts_datav_gcj02.json") +
                   " --project " + project + " --layer districts --src-crs GCJ02");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(mentions(r.out, "source CRS: GCJ-02")) << r.out;
    EXPECT_TRUE(mentions(r.out, "features written: 16")) << r.out;
}

TEST(CliInfoAndImport, unparsableKmlCoordinatesAreAnErrorNotAPointAtZero) {
    ScratchDir dir("cli_kml");
    const std::string kml = (dir / "bad.kml").string();
    std::ofstream(kml) << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>\n"
                          "<Placemark><name>x</name><Point>\n"
                          "<coordinates>abc,def,ghi</coordinates></Point></Placemark>\n"
                          "</Document></kml>\n";
    const auto info = runProcess(citytwinCli() + " info " + shellQuote(kml));
    EXPECT_EQ(info.exitCode, 1);
    EXPECT_TRUE(mentions(info.err, "bad.kml:4: error: coordinates: unparsable coordinate 'abc'"))
        << info.err;
    const auto import = runProcess(citytwinCli() + " import " + shellQuote(kml) + " --project " +
                                   shellQuote((dir / "p.gpkg").string()) + " --layer x");
    EXPECT_EQ(import.exitCode, 1);
    EXPECT_TRUE(mentions(import.err, "unparsable coordinate 'abc'")) << import.err;
}

TEST(CliInfoAndImport, anUnknownDeclaredCrsIsAnErrorNotWgs84) {
    ScratchDir dir("cli_unknown_crs");
    const std::string path = (dir / "p.geojson").string();
    std::ofstream(path) << R"({"type":"FeatureCollection","crs":{"type":"name","properties":)"
                        << R"({"name":"urn:ogc:def:crs:EPSG::999999"}},"features":[{"type":)"
                        << R"("Feature","properties":{},"geometry":{"type":"Point",)"
                        << R"("coordinates":[121.5,31.2]}}]})";
    const auto info = runProcess(citytwinCli() + " info " + shellQuote(path));
    EXPECT_EQ(info.exitCode, 1) << info.out;
    EXPECT_TRUE(mentions(info.err, "declared CRS is unknown")) << info.err;
    EXPECT_FALSE(mentions(info.out, "WGS 84")) << info.out;
    const auto given =
        runProcess(citytwinCli() + " info " + shellQuote(path) + " --src-crs EPSG:4326");
    EXPECT_EQ(given.exitCode, 0) << given.err;
    const auto import = runProcess(citytwinCli() + " import " + shellQuote(path) + " --project " +
                                   shellQuote((dir / "p.gpkg").string()) + " --layer x");
    EXPECT_EQ(import.exitCode, 1);
}

TEST(CliInfo, aTruncatedShapefileExitsOneUnlessPartialDataIsAllowed) {
    ScratchDir dir("cli_shp_cut");
    const auto shp = dir / "squares.shp";
    writeSquaresShapefile(shp, 4326, {{121.40, 31.20}, {121.41, 31.21}, {121.42, 31.22}}, 0.005);
    const auto whole = runProcess(citytwinCli() + " info " + shellQuote(shp.string()));
    EXPECT_EQ(whole.exitCode, 0) << whole.err;
    EXPECT_TRUE(mentions(whole.out, "\tpolygon\t3\t")) << whole.out;
    auto dbf = shp;
    dbf.replace_extension(".dbf");
    truncateFile(dbf, std::filesystem::file_size(dbf) - 10);  // into the last record

    const auto refused = runProcess(citytwinCli() + " info " + shellQuote(shp.string()));
    EXPECT_EQ(refused.exitCode, 1) << refused.out;
    EXPECT_TRUE(mentions(refused.err, "squares.dbf")) << refused.err;
    EXPECT_TRUE(mentions(refused.err, "--allow-partial")) << refused.err;
    EXPECT_FALSE(mentions(refused.out, "polygon")) << refused.out;

    const auto partial =
        runProcess(citytwinCli() + " info --allow-partial " + shellQuote(shp.string()));
    EXPECT_EQ(partial.exitCode, 0) << partial.err;
    EXPECT_TRUE(mentions(partial.err, "partial data")) << partial.err;
    EXPECT_TRUE(mentions(partial.out, "\tpolygon\t2\t")) << partial.out;
    EXPECT_TRUE(mentions(runProcess(citytwinCli() + " info --help").out, "--allow-partial"));

    // An import is all or nothing: the cut file imports nothing.
    const auto import =
        runProcess(citytwinCli() + " import " + shellQuote(shp.string()) + " --project " +
                   shellQuote((dir / "p.gpkg").string()) + " --layer squares");
    EXPECT_EQ(import.exitCode, 1) << import.out;
    EXPECT_TRUE(mentions(import.err, "squares.dbf: its header declares")) << import.err;
}

TEST(CliInfo, lonLatUnderAWebMercatorPrjWarnsNamingWgs84) {
    ScratchDir dir("cli_shp_3857");
    const auto shp = dir / "lonlat.shp";
    writeSquaresShapefile(shp, 3857, {{121.40, 31.20}}, 0.005);
    const auto info = runProcess(citytwinCli() + " info " + shellQuote(shp.string()));
    EXPECT_EQ(info.exitCode, 0) << info.err;  // a warning: the file is read
    EXPECT_TRUE(mentions(info.err, "warning: crs: coordinates")) << info.err;
    EXPECT_TRUE(mentions(info.err, "likely in EPSG:4326")) << info.err;
}
