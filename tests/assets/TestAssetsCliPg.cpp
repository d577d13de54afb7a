// The asset commands on a project in PostGIS (label pg): the demo's asset
// layers imported with `citytwin-cli import` into a GeoPackage project and
// into a real PostgreSQL + PostGIS database give the same check-site,
// check-works, audit, zones and network output, byte for byte.

#include <gtest/gtest.h>

#include "AssetTestSupport.h"
#include "PostgresServer.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::assets::test;
using citytwin::test::PostgresServer;

namespace {

const char* kLayers[] = {"base_stations", "public_facilities",    "public_places",    "cables",
                         "works",         "interference_sources", "coverage_targets", "core_nodes"};

std::string demo() {
    return std::string(citytwin::test::kRepoDataDir) + "/demo/demo.gpkg";
}

std::string quoted(const std::string& s) {
    return "'" + s + "'";
}

}  // namespace

TEST(AssetsCliPg, checksAndAuditOnPostgisMatchTheGeoPackage) {
    if (const auto why = PostgresServer::missingReason(); !why.empty())
        GTEST_SKIP() << why;
    if (!PostgresServer::hasPostgis())
        GTEST_SKIP() << "PostGIS is not installed (Debian: postgresql-15-postgis-3)";
    PostgresServer server("assets_cli");
    ASSERT_TRUE(server.start()) << server.error();
    const std::string gpkg = tempDir("cli_pg") + "/imported.gpkg";
    // Both forms of the location: GDAL's for the import, the URI for the checks.
    const std::string pg = quoted(server.gdalName());
    const std::string uri = quoted(server.uri());
    for (const char* layer : kLayers) {
        for (const std::string& project : {quoted(gpkg), pg}) {
            const CliRun run = runCli("import " + demo() + " --src-layer " + layer + " --layer " +
                                          layer + " --project " + project,
                                      true);
            ASSERT_EQ(run.exitCode, 0) << project << ": " << run.out;
        }
    }
    const CliRun layers = runCli("layers --project " + uri);
    ASSERT_EQ(layers.exitCode, 0) << layers.out;
    EXPECT_NE(layers.out.find("base_stations\tEPSG:4326"), std::string::npos) << layers.out;

    const std::string trench =
        "'POLYGON((121.5085223 31.2388317,121.5088373 31.2388317,121.5088373 31.2391023,"
        "121.5085223 31.2391023,121.5085223 31.2388317))'";
    const std::vector<std::string> commands = {
        "check-site --lon 121.504481 --lat 31.238967 --operator 'China Mobile' --host-type tower",
        "check-site --lon 122.4 --lat 31.5575",
        "check-site --crs EPSG:4550 --lon 357521.4 --lat 3458433.4 --format text",
        "check-works --wkt " + trench + " --kind excavation --start 2026-07-01 --end 2026-07-20",
        "audit --date 2026-06-30",
        "audit --date 2027-01-01 --format text",
        "network --format json",
    };
    for (const auto& c : commands) {
        const CliRun a = runCli(c + " --project " + quoted(gpkg));
        const CliRun b = runCli(c + " --project " + uri);
        ASSERT_EQ(a.exitCode, 0) << c << ": " << a.out;
        EXPECT_EQ(b.exitCode, 0) << c;
        EXPECT_GT(a.out.size(), 40u) << c;
        // network names the project it read; the rest must be the same.
        std::string same = a.out;
        if (const auto at = same.find(quoted(gpkg).substr(1, gpkg.size())); at != std::string::npos)
            same.replace(at, gpkg.size(), server.uri());
        EXPECT_EQ(same, b.out) << c;
    }
    // Zones: the same summary from either project (the output paths aside).
    const std::string da = tempDir("cli_pg_zones_a"), db = tempDir("cli_pg_zones_b");
    CliRun za = runCli("zones --project " + quoted(gpkg) + " --out " + da + "/z.gpkg");
    CliRun zb = runCli("zones --project " + pg + " --out " + db + "/z.gpkg");
    ASSERT_EQ(za.exitCode, 0) << za.out;
    ASSERT_EQ(zb.exitCode, 0) << zb.out;
    EXPECT_NE(za.out.find("53 protection zones"), std::string::npos) << za.out;
    for (auto [run, d] : {std::pair{&za, da}, std::pair{&zb, db}})
        for (auto at = run->out.find(d); at != std::string::npos; at = run->out.find(d))
            run->out.erase(at, d.size());
    EXPECT_EQ(za.out, zb.out);
}
