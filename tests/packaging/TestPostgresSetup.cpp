// packaging/postgresql/setup-postgresql (run by citytwin-postgresql-setup.service)
// against a real PostgreSQL + PostGIS (label pg): it makes the owning role,
// the project database with PostGIS and the sensor store database; a second
// run changes nothing; the owner can then import a layer and make tables in
// the sensor database; a name that is not a plain SQL name is refused, naming it.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "PostgresServer.h"
#include "ScratchDir.h"
#include "TestProcess.h"
#include "citytwin/test/TestPaths.h"

using citytwin::test::PostgresServer;
using citytwin::test::runProcess;
using citytwin::test::ScratchDir;

namespace {

std::string readAll(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The script with the server and the names in its environment; its exit status.
int runSetup(const PostgresServer& server, const std::string& project, const std::string& log) {
    return runProcess({"env", "PGHOST=127.0.0.1", "PGPORT=" + std::to_string(server.port()),
                       "PGUSER=citytwin", "CITYTWIN_DB_OWNER=twin",
                       "CITYTWIN_PROJECT_DB=" + project, "CITYTWIN_SENSOR_DB=twin_sensors",
                       std::string(CITYTWIN_SOURCE_DIR) + "/packaging/postgresql/setup-postgresql"},
                      log);
}

/// Fails (execute() false) unless `condition` holds in `db`.
std::string check(const std::string& condition, const std::string& what) {
    return "DO $$ BEGIN IF NOT (" + condition + ") THEN RAISE EXCEPTION '" + what +
           "'; END IF; END $$";
}

}  // namespace

TEST(PostgresSetup, makesTheDatabasesOnceAndTheOwnerCanUseThem) {
    if (const auto why = PostgresServer::postgisMissingReason(); !why.empty())
        GTEST_SKIP() << why;
    PostgresServer server("postgres_setup");
    ASSERT_TRUE(server.start()) << server.error();
    ScratchDir dir("postgres_setup_out");
    const std::string log = (dir.path() / "setup.log").string();

    ASSERT_EQ(runSetup(server, "twin_project", log), 0) << readAll(log);
    EXPECT_NE(readAll(log).find("project database twin_project (PostGIS)"), std::string::npos)
        << readAll(log);
    // Again: nothing to do, no error (CREATE DATABASE has no IF NOT EXISTS).
    ASSERT_EQ(runSetup(server, "twin_project", log), 0) << readAll(log);

    EXPECT_TRUE(server.execute(
        check("(SELECT rolcanlogin FROM pg_roles WHERE rolname = 'twin')", "no login role twin"),
        "postgres"))
        << server.error();
    EXPECT_TRUE(server.execute(check("(SELECT count(*) FROM pg_database d JOIN pg_roles r ON "
                                     "r.oid = d.datdba WHERE r.rolname = 'twin' AND d.datname IN "
                                     "('twin_project', 'twin_sensors')) = 2",
                                     "databases not owned by twin"),
                               "postgres"))
        << server.error();
    EXPECT_TRUE(server.execute(
        check("EXISTS (SELECT FROM pg_extension WHERE extname = 'postgis')", "no PostGIS"),
        "twin_project"))
        << server.error();

    // The owner (not a superuser) imports a layer: its table, index and trigger.
    const std::string cliLog = (dir.path() / "cli.log").string();
    const std::string cli = std::string(citytwin::test::kBinDir) + "/citytwin-cli";
    const std::string asOwner =
        "PG:host=127.0.0.1 port=" + std::to_string(server.port()) + " user=twin dbname=";
    EXPECT_EQ(runProcess({cli, "import",
                          std::string(citytwin::test::kTestDataDir) + "/geo/points_wgs84.geojson",
                          "--project", asOwner + "twin_project", "--layer", "points"},
                         cliLog),
              0)
        << readAll(cliLog);
    EXPECT_TRUE(server.execute(
        check("EXISTS (SELECT FROM pg_tables WHERE tablename = 'points' AND tableowner = 'twin')",
              "no layer table owned by twin"),
        "twin_project"))
        << server.error();
    // ... and can make tables in the sensor database (the store makes its own
    // on the first ingest; `stats` only opens an existing one).
    EXPECT_EQ(runProcess({"psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
                          std::to_string(server.port()), "-U", "twin", "-d", "twin_sensors", "-c",
                          "CREATE TABLE probe (x int); DROP TABLE probe"},
                         cliLog),
              0)
        << readAll(cliLog);

    // A name that is not a plain SQL name: refused before anything runs.
    EXPECT_EQ(runSetup(server, "x;drop", log), 1);
    EXPECT_NE(readAll(log).find("'x;drop' is not a plain SQL name"), std::string::npos)
        << readAll(log);
}
