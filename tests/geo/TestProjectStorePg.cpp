// Projects in PostgreSQL/PostGIS (label pg): the same imports into a
// GeoPackage and into a real PostGIS database read back alike; failed and
// cancelled imports leave nothing; bad connections are clear errors with the
// password masked; the NOTIFY trigger reaches a ProjectChangeWatcher.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>

#include "GeoTestSupport.h"
#include "PostgresServer.h"
#include "TestProcess.h"
#include "citytwin/geo/PostgresLocation.h"
#include "citytwin/geo/ProjectChangeWatcher.h"
#include "citytwin/geo/ProjectStore.h"
#include "citytwin/geo/VectorReader.h"
#include "citytwin/test/TestPaths.h"

using namespace citytwin::geo;
using citytwin::test::PostgresServer;
using citytwin::test::ScratchDir;

namespace {

std::string dataFile(const std::string& name) {
    return std::string(citytwin::test::kTestDataDir) + "/geo/" + name;
}

bool mentions(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
}

ImportOptions named(const std::string& layer) {
    ImportOptions o;
    o.layerName = layer;
    return o;
}

/// One cluster for the whole program; each test takes a database of its own.
class ProjectStorePg : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!PostgresServer::missingReason().empty() || !PostgresServer::hasPostgis())
            return;
        server = new PostgresServer("geo_projects");
        if (!server->start()) {
            startError = server->error();
            delete server;
            server = nullptr;
        }
    }
    static void TearDownTestSuite() {
        delete server;
        server = nullptr;
    }
    void SetUp() override {
        if (const auto why = PostgresServer::missingReason(); !why.empty())
            GTEST_SKIP() << why;
        if (!PostgresServer::hasPostgis())
            GTEST_SKIP() << "PostGIS is not installed (Debian: postgresql-15-postgis-3)";
        ASSERT_NE(server, nullptr) << startError;
    }
    /// A new PostGIS database named after the test, as "PG:..." or a URI.
    std::string database(bool asUri = false) {
        const std::string db =
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + std::to_string(++n);
        EXPECT_TRUE(server->createDatabase(db)) << server->error();
        return asUri ? server->uri(db) : server->gdalName(db);
    }

    static PostgresServer* server;
    static std::string startError;
    int n = 0;
};
PostgresServer* ProjectStorePg::server = nullptr;
std::string ProjectStorePg::startError;

/// A layer's features as text (id, attributes, coordinates to 1e-9), in id order.
std::string describe(const FeatureLayer& layer) {
    std::vector<std::string> rows;
    for (const auto& f : layer.features) {
        std::string row = std::to_string(f.id) + ":";
        for (const auto& a : f.attributes)
            row += a.name + "=" + a.value + ";";
        char buf[64];
        for (const auto& p : f.geometry.points) {
            std::snprintf(buf, sizeof buf, "(%.9f %.9f)", p.x, p.y);
            row += buf;
        }
        for (const auto& poly : f.geometry.polygons)
            for (const auto& ring : poly.rings)
                for (const auto& p : ring) {
                    std::snprintf(buf, sizeof buf, "(%.9f %.9f)", p.x, p.y);
                    row += buf;
                }
        rows.push_back(row);
    }
    std::sort(rows.begin(), rows.end());
    std::string out;
    for (const auto& r : rows)
        out += r + "\n";
    return out;
}

}  // namespace

TEST_F(ProjectStorePg, importsReadBackAsFromAGeoPackage) {
    ScratchDir dir("pgstore");
    const std::string pg = database();
    auto gpkg = ProjectStore::create((dir / "p.gpkg").string());
    // The first import makes the database a project (as citytwin-cli import does).
    auto store = ProjectStore::openOrCreate(pg);
    ASSERT_TRUE(gpkg) << gpkg.messages();
    ASSERT_TRUE(store) << store.messages();
    for (const char* file : {"points_gk120.gpkg", "invalid_polygons.geojson", "points_utf8.shp"}) {
        const std::string layer = std::string("l_") + std::to_string(std::strlen(file));
        auto a = gpkg->importVector(dataFile(file), named(layer));
        auto b = store->importVector(dataFile(file), named(layer));
        ASSERT_TRUE(a) << a.messages();
        ASSERT_TRUE(b) << b.messages();
        EXPECT_EQ(a->featuresWritten, b->featuresWritten) << file;
        EXPECT_EQ(a->featuresRepaired, b->featuresRepaired) << file;
        auto ra = gpkg->readLayer(layer);
        auto rb = store->readLayer(layer);
        ASSERT_TRUE(ra) << ra.messages();
        ASSERT_TRUE(rb) << rb.messages();
        EXPECT_EQ(describe(ra.value()), describe(rb.value())) << file;
        EXPECT_EQ(ra->sourceCrs.definition(), rb->sourceCrs.definition());
    }
    auto la = gpkg->layers();
    auto lb = store->layers();
    ASSERT_TRUE(la && lb) << lb.messages();
    ASSERT_EQ(la->size(), lb->size());
    for (std::size_t i = 0; i < la->size(); ++i) {
        const LayerInfo* b = nullptr;
        for (const auto& l : lb.value())
            if (l.name == (*la)[i].name)
                b = &l;
        ASSERT_NE(b, nullptr) << (*la)[i].name;
        EXPECT_EQ((*la)[i].featureCount, b->featureCount);
        EXPECT_EQ((*la)[i].crs.definition(), b->crs.definition());
        EXPECT_NEAR((*la)[i].extent.minX, b->extent.minX, 1e-9);
        EXPECT_NEAR((*la)[i].extent.maxY, b->extent.maxY, 1e-9);
        ASSERT_EQ(b->imports.size(), 1u);
        EXPECT_EQ((*la)[i].imports[0].sourcePath, b->imports[0].sourcePath);
        EXPECT_EQ((*la)[i].imports[0].sourceCrs, b->imports[0].sourceCrs);
    }
    // Opened again (another workstation), by its URI: the same project.
    auto again = ProjectStore::open(server->uri(pg.substr(pg.rfind('=') + 1)));
    ASSERT_TRUE(again) << again.messages();
    EXPECT_EQ(again->layers()->size(), la->size());
    // A spatial index per layer table, and the trigger that tells the windows.
    EXPECT_TRUE(server->execute(
        "DO $$ BEGIN IF (SELECT count(*) FROM pg_indexes WHERE indexdef LIKE '%gist%') < 3 OR "
        "(SELECT count(*) FROM pg_trigger WHERE tgname = 'citytwin_notify') < 3 THEN RAISE "
        "EXCEPTION 'no index or trigger'; END IF; END $$",
        pg.substr(pg.rfind('=') + 1)))
        << server->error();
}

TEST_F(ProjectStorePg, failedOrCancelledImportsLeaveNothingHalfWritten) {
    auto store = ProjectStore::openOrCreate(database());
    ASSERT_TRUE(store) << store.messages();
    ASSERT_TRUE(store->importVector(dataFile("points_wgs84.geojson"), named("pts")));

    ImportOptions fail = named("fail");
    fail.invalid = InvalidGeometryPolicy::Fail;
    auto f = store->importVector(dataFile("invalid_polygons.geojson"), fail);
    EXPECT_FALSE(f);
    EXPECT_TRUE(mentions(f.messages(), "feature 11")) << f.messages();

    // An overwrite that fails keeps the old layer and its history.
    ImportOptions ow = named("pts");
    ow.existing = ExistingLayerPolicy::Overwrite;
    ow.invalid = InvalidGeometryPolicy::Fail;
    EXPECT_FALSE(store->importVector(dataFile("invalid_polygons.geojson"), ow));

    // A cancelled import stops at the next feature and rolls back.
    std::atomic<bool> cancel{true};
    ImportOptions c = named("cancelled");
    c.maybeCancel = &cancel;
    auto r = store->importVector(dataFile("points_gk120.gpkg"), c);
    EXPECT_FALSE(r);
    EXPECT_TRUE(mentions(r.messages(), "cancelled")) << r.messages();

    auto layers = store->layers();
    ASSERT_TRUE(layers) << layers.messages();
    ASSERT_EQ(layers->size(), 1u);
    EXPECT_EQ(layers->front().name, "pts");
    EXPECT_EQ(layers->front().featureCount, 3);
    EXPECT_EQ(layers->front().imports.size(), 1u);
    EXPECT_EQ(store->readLayer("pts")->features.size(), 3u);

    // Append keeps the history; a clash without a policy is refused.
    EXPECT_TRUE(mentions(store->importVector(dataFile("points.kml"), named("pts")).messages(),
                         "--overwrite"));
    ImportOptions append = named("pts");
    append.existing = ExistingLayerPolicy::Append;
    ASSERT_TRUE(store->importVector(dataFile("points.kml"), append));
    EXPECT_EQ(store->layers()->front().featureCount, 6);
    EXPECT_EQ(store->layers()->front().imports.size(), 2u);
    ow.invalid = InvalidGeometryPolicy::Repair;
    ASSERT_TRUE(store->importVector(dataFile("invalid_polygons.geojson"), ow));
    EXPECT_EQ(store->layers()->front().imports.size(), 1u);
    // Names PostgreSQL cannot hold are refused before anything is written.
    auto longName = store->importVector(dataFile("points.kml"), named(std::string(64, 'a')));
    EXPECT_TRUE(mentions(longName.messages(), "63 bytes")) << longName.messages();
    EXPECT_TRUE(mentions(
        store->importVector(dataFile("points.kml"), named("citytwin_x")).messages(), "reserved"));
}

TEST_F(ProjectStorePg, badConnectionsAreClearErrorsWithThePasswordMasked) {
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    // Nothing listens on the port (the server's, stopped? no: a free port of our own).
    const int port = citytwin::test::findFreePort();
    auto refused = ProjectStore::open("PG:host=127.0.0.1 port=" + std::to_string(port) +
                                      " user=citytwin password=hunter2 dbname=x");
    EXPECT_FALSE(refused);
    EXPECT_TRUE(mentions(refused.messages(), "port=" + std::to_string(port))) << refused.messages();
    EXPECT_TRUE(mentions(refused.messages(), "refused")) << refused.messages();
    EXPECT_FALSE(mentions(refused.messages(), "hunter2")) << refused.messages();
    EXPECT_TRUE(mentions(refused.messages(), "password=***")) << refused.messages();

    auto role = ProjectStore::openOrCreate(
        "postgresql://nobody:hunter2@127.0.0.1:" + std::to_string(server->port()) + "/citytwin");
    EXPECT_FALSE(role);
    EXPECT_TRUE(mentions(role.messages(), "postgresql://nobody:***@127.0.0.1")) << role.messages();
    EXPECT_TRUE(mentions(role.messages(), "role \"nobody\" does not exist")) << role.messages();
    EXPECT_FALSE(mentions(role.messages(), "hunter2"));

    ASSERT_TRUE(server->execute("CREATE DATABASE plain", "postgres")) << server->error();
    auto plain = ProjectStore::openOrCreate(server->gdalName("plain"));
    EXPECT_FALSE(plain);
    EXPECT_TRUE(mentions(plain.messages(), "dbname=plain")) << plain.messages();
    EXPECT_TRUE(mentions(plain.messages(), "no PostGIS")) << plain.messages();

    auto notProject = ProjectStore::open(server->gdalName());
    EXPECT_TRUE(mentions(notProject.messages(), "not a citytwin project")) << notProject.messages();
    auto garbled = ProjectStore::open("PG:host='127.0.0.1 dbname=x password=hunter2");
    EXPECT_TRUE(mentions(garbled.messages(), "not a valid PostgreSQL connection string"))
        << garbled.messages();
    EXPECT_FALSE(mentions(garbled.messages(), "hunter2")) << garbled.messages();
    // None of it waited for a timeout.
    EXPECT_LT(clock::now() - t0, std::chrono::seconds(10));
}

TEST(PostgresLocation, uriAndKeyValueFormsBecomeGdalsPgNameWithATimeout) {
    EXPECT_TRUE(isPostgresLocation("PG:dbname=x"));
    EXPECT_TRUE(isPostgresLocation("pg:dbname=x"));
    EXPECT_TRUE(isPostgresLocation("postgresql://h/db"));
    EXPECT_TRUE(isPostgresLocation("postgres://h/db"));
    EXPECT_FALSE(isPostgresLocation("/data/p.gpkg"));
    EXPECT_FALSE(isPostgresLocation("PGdata.gpkg"));
    auto uri = gdalPostgresName("postgresql://twin:s3cret@db.example:5433/city?sslmode=require");
    ASSERT_TRUE(uri) << uri.messages();
    EXPECT_EQ(uri.value(),
              "PG:user=twin password=s3cret dbname=city host=db.example port=5433 "
              "sslmode=require connect_timeout=10");
    auto kv = gdalPostgresName("PG:host=h dbname='my city' connect_timeout=3");
    ASSERT_TRUE(kv) << kv.messages();
    // libpq's order of keywords; the given timeout kept.
    EXPECT_EQ(kv.value(), "PG:connect_timeout=3 dbname='my city' host=h");
    EXPECT_EQ(maskedLocation("postgresql://twin:s3cret@h/db?password=x&sslmode=require"),
              "postgresql://twin:***@h/db?password=***&sslmode=require");
    EXPECT_EQ(maskedLocation("PG:host=h password='a b' dbname=d"),
              "PG:password=*** dbname=d host=h");
    EXPECT_EQ(maskedLocation("/data/p.gpkg"), "/data/p.gpkg");
    EXPECT_FALSE(gdalPostgresName("PG:nonsense"));
}

namespace {

/// What a watcher reported, waited for by the test thread.
struct Reports {
    std::mutex m;
    std::condition_variable cv;
    std::vector<std::string> changed;
    std::vector<std::string> problems;
    int listening = 0;

    ProjectWatchCallbacks callbacks() {
        ProjectWatchCallbacks c;
        c.changed = [this](const std::string& l) { add([&] { changed.push_back(l); }); };
        c.listening = [this] { add([&] { ++listening; }); };
        c.problem = [this](const std::string& p) { add([&] { problems.push_back(p); }); };
        return c;
    }
    template <typename F>
    void add(F f) {
        std::lock_guard lock(m);
        f();
        cv.notify_all();
    }
    template <typename P>
    bool waitFor(P p, std::chrono::seconds within = std::chrono::seconds(20)) {
        std::unique_lock lock(m);
        return cv.wait_for(lock, within, p);
    }
};

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST(PostgresLocation, gdalsSchemaOptionsPassToGdalAndNotToLibpq) {
    auto kv = postgresConninfo("PG:host=h active_schema=field dbname=d schemas=field,public");
    ASSERT_TRUE(kv) << kv.messages();
    EXPECT_EQ(kv.value(), "dbname=d host=h connect_timeout=10");
    auto gdal = gdalPostgresName("PG:host=h active_schema=field dbname=d schemas=field,public");
    ASSERT_TRUE(gdal) << gdal.messages();
    EXPECT_EQ(gdal.value(),
              "PG:dbname=d host=h connect_timeout=10 active_schema=field schemas=field,public");
    auto uri = gdalPostgresName("postgresql://twin@h/city?schemas=field&sslmode=require");
    ASSERT_TRUE(uri) << uri.messages();
    EXPECT_EQ(uri.value(),
              "PG:user=twin dbname=city host=h sslmode=require connect_timeout=10 "
              "schemas=field");
    EXPECT_EQ(maskedLocation("PG:password=x dbname=d active_schema='field'"),
              "PG:password=*** dbname=d active_schema='field'");
    // Anything else libpq does not know is still its error.
    auto bad = postgresConninfo("PG:dbname=d schema=field");
    ASSERT_FALSE(bad);
    EXPECT_TRUE(mentions(bad.messages(), "schema")) << bad.messages();
}

TEST_F(ProjectStorePg, aProjectInASchemaOfItsOwnWithActiveSchemaOrSchemas) {
    const std::string pg = database();
    const std::string db = pg.substr(pg.rfind('=') + 1);
    ASSERT_TRUE(server->execute("CREATE SCHEMA field", db)) << server->error();
    // The first import makes the project in the active schema, not in public.
    auto store = ProjectStore::openOrCreate(pg + " active_schema=field");
    ASSERT_TRUE(store) << store.messages();
    ASSERT_TRUE(store->importVector(dataFile("points_wgs84.geojson"), named("pts")));
    EXPECT_TRUE(server->execute(
        "DO $$ BEGIN IF to_regclass('field.pts') IS NULL OR to_regclass('field.citytwin_project') "
        "IS NULL OR to_regclass('public.pts') IS NOT NULL THEN RAISE EXCEPTION 'not in field'; "
        "END IF; END $$",
        db))
        << server->error();
    // schemas=field (one schema: also the active one) reads the same project.
    auto viaSchemas = ProjectStore::open(pg + " schemas=field");
    ASSERT_TRUE(viaSchemas) << viaSchemas.messages();
    auto listed = viaSchemas->layers();
    ASSERT_TRUE(listed) << listed.messages();
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->front().name, "pts");
    EXPECT_EQ(listed->front().imports.size(), 1u);
    auto read = viaSchemas->readLayer("pts");
    ASSERT_TRUE(read) << read.messages();
    EXPECT_EQ(describe(*read), describe(*store->readLayer("pts")));
    // The window's reader takes the same location: the layer, unprefixed.
    auto direct = readVectorFile(pg + " schemas=field", {});
    ASSERT_TRUE(direct) << direct.messages();
    ASSERT_EQ(direct->size(), 1u);
    EXPECT_EQ(direct->front().name, "pts");
    EXPECT_EQ(direct->front().features.size(), read->features.size());
    // The default schema of the same database is no project.
    auto plain = ProjectStore::open(pg);
    ASSERT_FALSE(plain);
    EXPECT_TRUE(mentions(plain.messages(), "not a citytwin project")) << plain.messages();

    // Live refresh hears a change of the layer in its schema.
    Reports reports;
    auto watcher = std::make_unique<ProjectChangeWatcher>(pg + " active_schema=field",
                                                          reports.callbacks(), 200);
    ASSERT_TRUE(reports.waitFor([&] { return reports.listening == 1; }))
        << (reports.problems.empty() ? "never listened" : reports.problems.front());
    ASSERT_TRUE(server->execute("UPDATE field.pts SET fid = fid WHERE fid = 1", db))
        << server->error();
    ASSERT_TRUE(reports.waitFor([&] { return contains(reports.changed, "pts"); }));
}

TEST_F(ProjectStorePg, watcherHearsEachCommittedChangeOfALayerAndReconnects) {
    const std::string pg = database();
    const std::string db = pg.substr(pg.rfind('=') + 1);
    auto store = ProjectStore::openOrCreate(pg);
    ASSERT_TRUE(store) << store.messages();
    ASSERT_TRUE(store->importVector(dataFile("points_wgs84.geojson"), named("pts")));
    ASSERT_TRUE(store->importVector(dataFile("invalid_polygons.geojson"), named("areas")));

    Reports reports;
    auto watcher = std::make_unique<ProjectChangeWatcher>(pg, reports.callbacks(), 200);
    ASSERT_TRUE(reports.waitFor([&] { return reports.listening == 1; })) << "never listened";
    EXPECT_TRUE(watcher->isListening());

    // An UPDATE from another process (psql): the layer's name arrives.
    ASSERT_TRUE(server->execute("UPDATE pts SET fid = fid WHERE fid = 1", db)) << server->error();
    ASSERT_TRUE(reports.waitFor([&] { return contains(reports.changed, "pts"); }));
    EXPECT_FALSE(contains(reports.changed, "areas"));
    // A rolled-back change says nothing; the next committed one does.
    ASSERT_TRUE(
        server->execute("BEGIN; DELETE FROM areas; ROLLBACK; DELETE FROM areas WHERE "
                        "fid < 0",
                        db))
        << server->error();
    ASSERT_TRUE(reports.waitFor([&] { return contains(reports.changed, "areas"); }));
    // An import by another store instance (as citytwin-cli import in another process).
    {
        std::lock_guard lock(reports.m);
        reports.changed.clear();
    }
    ImportOptions append = named("pts");
    append.existing = ExistingLayerPolicy::Append;
    ASSERT_TRUE(ProjectStore::open(pg)->importVector(dataFile("points.kml"), append));
    ASSERT_TRUE(reports.waitFor([&] { return contains(reports.changed, "pts"); }));

    // The server goes away: a problem naming it; back: listening again and "anything changed".
    server->stop();
    ASSERT_TRUE(reports.waitFor([&] { return !reports.problems.empty(); }));
    {
        std::lock_guard lock(reports.m);
        EXPECT_TRUE(mentions(reports.problems.front(), "dbname=" + db)) << reports.problems.front();
    }
    EXPECT_FALSE(watcher->isListening());
    ASSERT_TRUE(server->start()) << server->error();
    ASSERT_TRUE(reports.waitFor([&] { return reports.listening == 2; }));
    ASSERT_TRUE(reports.waitFor([&] { return contains(reports.changed, ""); }));
    ASSERT_TRUE(server->execute("TRUNCATE areas", db)) << server->error();
    ASSERT_TRUE(reports.waitFor([&] { return contains(reports.changed, "areas"); }));

    // Stopping is prompt, also while it waits to reconnect.
    const auto t0 = std::chrono::steady_clock::now();
    watcher.reset();
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2));
    Reports lonely;
    auto unreachable = std::make_unique<ProjectChangeWatcher>(
        "PG:host=127.0.0.1 port=" + std::to_string(citytwin::test::findFreePort()) +
            " dbname=x password=hunter2",
        lonely.callbacks(), 5000);
    ASSERT_TRUE(lonely.waitFor([&] { return !lonely.problems.empty(); }));
    {
        std::lock_guard lock(lonely.m);
        EXPECT_FALSE(mentions(lonely.problems.front(), "hunter2")) << lonely.problems.front();
        EXPECT_TRUE(mentions(lonely.problems.front(), "refused")) << lonely.problems.front();
    }
    const auto t1 = std::chrono::steady_clock::now();
    unreachable.reset();
    EXPECT_LT(std::chrono::steady_clock::now() - t1, std::chrono::seconds(2));
}
