// The PostgreSQL fixture itself: a cluster of its own that starts, answers,
// has PostGIS, keeps its data over a restart and survives a crash.
#include <gtest/gtest.h>

#include "PostgresServer.h"

using citytwin::test::PostgresServer;

class PostgresServerTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (const auto why = PostgresServer::missingReason(); !why.empty())
            GTEST_SKIP() << why;
    }
};

TEST_F(PostgresServerTest, startsAnswersAndKeepsItsDataOverARestartAndACrash) {
    PostgresServer server("fixture");
    ASSERT_TRUE(server.start()) << server.error();
    EXPECT_GT(server.port(), 0);
    EXPECT_NE(server.conninfo().find("port=" + std::to_string(server.port())), std::string::npos);
    ASSERT_TRUE(server.execute("CREATE TABLE kept (n integer); INSERT INTO kept VALUES (42)"))
        << server.error();
    EXPECT_FALSE(server.execute("SELECT * FROM no_such_table"));
    EXPECT_NE(server.error().find("no_such_table"), std::string::npos) << server.error();

    server.stop();
    EXPECT_FALSE(server.running());
    ASSERT_TRUE(server.start()) << server.error();
    EXPECT_TRUE(
        server.execute("DO $$ BEGIN IF (SELECT n FROM kept) <> 42 THEN "
                       "RAISE EXCEPTION 'lost'; END IF; END $$"))
        << server.error();

    server.kill();
    ASSERT_TRUE(server.start()) << server.error();  // crash recovery
    EXPECT_TRUE(server.execute("SELECT n FROM kept")) << server.error();
}

TEST_F(PostgresServerTest, hasPostgisWhenItIsInstalled) {
    if (!PostgresServer::hasPostgis())
        GTEST_SKIP() << "PostGIS is not installed (Debian: postgresql-15-postgis-3)";
    PostgresServer server("postgis");
    ASSERT_TRUE(server.start()) << server.error();
    EXPECT_TRUE(
        server.execute("SELECT ST_AsText(ST_Transform(ST_SetSRID("
                       "ST_MakePoint(121.47, 31.23), 4326), 4547))"))
        << server.error();
    ASSERT_TRUE(server.createDatabase("second")) << server.error();
    EXPECT_TRUE(server.execute("SELECT PostGIS_Version()", "second")) << server.error();
}
