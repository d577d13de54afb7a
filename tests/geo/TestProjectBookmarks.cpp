// Bookmarks in a real project GeoPackage: stored, listed, renamed, deleted,
// kept out of the project's layers, bad rows reported by id and field.

#include <gtest/gtest.h>

#include <sqlite3.h>

#include "GeoTestSupport.h"
#include "citytwin/geo/ProjectBookmarks.h"
#include "citytwin/geo/ProjectStore.h"
#include "citytwin/geo/VectorReader.h"

using namespace citytwin::geo;
using citytwin::test::ScratchDir;

namespace {

Bookmark lujiazui() {
    Bookmark b;
    b.name = "陆家嘴 Lujiazui";
    b.lon = 121.4998;
    b.lat = 31.2397;
    b.height = 650.0;
    b.heading = 33.5;
    b.pitch = -40.0;
    b.maybeLayers = std::vector<std::string>{"buildings", "base_stations"};
    b.maybeSensorTimeMs = 1764576000000;
    return b;
}

void execSql(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
}

}  // namespace

TEST(ProjectBookmarks, storesListsRenamesAndDeletesInTheProjectFile) {
    ScratchDir dir("bookmarks");
    const std::string path = (dir / "project.gpkg").string();
    ASSERT_TRUE(ProjectStore::create(path).ok());
    const ProjectBookmarks bookmarks(path);
    auto none = bookmarks.list();
    ASSERT_TRUE(none.ok()) << none.messages();
    EXPECT_TRUE(none->empty());

    const auto first = bookmarks.add(lujiazui());
    ASSERT_TRUE(first.ok()) << first.messages();
    Bookmark live;
    live.name = "Bund";
    live.lon = 121.49;
    live.lat = 31.24;
    const auto second = bookmarks.add(live);
    ASSERT_TRUE(second.ok()) << second.messages();
    EXPECT_NE(*first, *second);

    // A new instance (as after a restart) reads them back from the file.
    auto listed = ProjectBookmarks(path).list();
    ASSERT_TRUE(listed.ok()) << listed.messages();
    ASSERT_EQ(listed->size(), 2u);
    const Bookmark& a = (*listed)[0];
    EXPECT_EQ(a.id, *first);
    EXPECT_EQ(a.name, "陆家嘴 Lujiazui");
    EXPECT_DOUBLE_EQ(a.lon, 121.4998);
    EXPECT_DOUBLE_EQ(a.lat, 31.2397);
    EXPECT_DOUBLE_EQ(a.height, 650.0);
    EXPECT_DOUBLE_EQ(a.heading, 33.5);
    EXPECT_DOUBLE_EQ(a.pitch, -40.0);
    ASSERT_TRUE(a.maybeLayers);
    EXPECT_EQ(*a.maybeLayers, (std::vector<std::string>{"buildings", "base_stations"}));
    ASSERT_TRUE(a.maybeSensorTimeMs);
    EXPECT_EQ(*a.maybeSensorTimeMs, 1764576000000);
    EXPECT_FALSE((*listed)[1].maybeLayers);
    EXPECT_FALSE((*listed)[1].maybeSensorTimeMs);

    ASSERT_TRUE(bookmarks.rename(*second, "外滩").ok());
    ASSERT_TRUE(bookmarks.remove(*first).ok());
    listed = bookmarks.list();
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ((*listed)[0].name, "外滩");
    EXPECT_FALSE(bookmarks.remove(*first).ok()) << "deleted twice";
    const auto renameGone = bookmarks.rename(*first, "x");
    EXPECT_FALSE(renameGone.ok());
    EXPECT_NE(renameGone.messages().find("no such bookmark"), std::string::npos);

    // The table is the project's own: not one of its layers.
    auto layers = ProjectStore::open(path)->layers();
    ASSERT_TRUE(layers.ok()) << layers.messages();
    for (const auto& l : *layers)
        EXPECT_NE(l.name, ProjectBookmarks::kTable);
}

TEST(ProjectBookmarks, refusesBadValuesAndReportsBadRowsByIdAndField) {
    ScratchDir dir("bookmarks-bad");
    const std::string path = (dir / "project.gpkg").string();
    ASSERT_TRUE(ProjectStore::create(path).ok());
    const ProjectBookmarks bookmarks(path);
    Bookmark b = lujiazui();
    b.pitch = 120;
    const auto refused = bookmarks.add(b);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.messages().find("pitch"), std::string::npos) << refused.messages();
    b = lujiazui();
    b.name.clear();
    EXPECT_FALSE(bookmarks.add(b).ok());
    EXPECT_FALSE(bookmarks.rename(1, "").ok());

    ASSERT_TRUE(bookmarks.add(lujiazui()).ok());
    const auto bad = bookmarks.add(lujiazui());
    ASSERT_TRUE(bad.ok());
    // Another tool broke a row: it is left out with a warning, the rest listed.
    execSql(path, "UPDATE citytwin_bookmarks SET layers = 'not json' WHERE fid = " +
                      std::to_string(*bad));
    auto listed = bookmarks.list();
    ASSERT_TRUE(listed.ok()) << listed.messages();
    EXPECT_EQ(listed->size(), 1u);
    EXPECT_NE(listed.messages().find("row " + std::to_string(*bad)), std::string::npos)
        << listed.messages();
    EXPECT_NE(listed.messages().find("layers"), std::string::npos) << listed.messages();

    // Not a project: an error naming the file.
    const auto missing = ProjectBookmarks((dir / "none.gpkg").string()).list();
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.messages().find("none.gpkg"), std::string::npos);
}
