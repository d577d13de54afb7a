// The SQLite wrapper of the sensor store (private), on real files.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "Sqlite.h"
#include "TempDir.h"

namespace citytwin::sensors::detail {
namespace {

struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using Db = std::unique_ptr<sqlite3, Closer>;

Db openFile(const std::string& path, int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    Db owned(db);
    EXPECT_EQ(rc, SQLITE_OK) << (db ? sqlite3_errmsg(db) : "out of memory");
    return owned;
}

std::int64_t countRows(sqlite3* db) {
    Statement count(db, "SELECT count(*) FROM t");
    EXPECT_TRUE(count.valid());
    EXPECT_EQ(count.step(), SQLITE_ROW);
    return count.int64(0);
}

class TestSqlite : public ::testing::Test {
protected:
    void SetUp() override {
        _db = openFile(_dir.file("store.db"));
        ASSERT_TRUE(_db);
        ASSERT_EQ(exec(_db.get(), "CREATE TABLE t(id INTEGER, x REAL, name TEXT, raw BLOB)"), "");
    }
    test::TempDir _dir;
    Db _db;
};

TEST_F(TestSqlite, PrepareBindStepAndReadBack) {
    Statement insert(_db.get(), "INSERT INTO t VALUES(?1, ?2, ?3, ?4)");
    ASSERT_TRUE(insert.valid());
    const std::string blob("a\0b", 3);
    EXPECT_EQ(insert.bind(1, std::int64_t{1} << 40)
                  .bind(2, 2.5)
                  .bind(3, std::string_view("温度"))
                  .bindBlob(4, blob)
                  .step(),
              SQLITE_DONE);
    insert.reset();
    EXPECT_EQ(insert.bind(1, std::int64_t{2}).bindNull(2).step(), SQLITE_DONE);

    Statement select(_db.get(), "SELECT id, x, name, raw FROM t ORDER BY rowid");
    ASSERT_TRUE(select.valid());
    ASSERT_EQ(select.step(), SQLITE_ROW);
    EXPECT_EQ(select.int64(0), std::int64_t{1} << 40);
    EXPECT_DOUBLE_EQ(select.real(1), 2.5);
    EXPECT_EQ(select.text(2), "温度");
    EXPECT_EQ(select.text(3), blob);
    EXPECT_FALSE(select.isNull(1));
    ASSERT_EQ(select.step(), SQLITE_ROW);
    EXPECT_EQ(select.int64(0), 2);
    EXPECT_TRUE(select.isNull(1));
    EXPECT_TRUE(select.isNull(2)) << "reset() clears the bindings of the earlier row";
    EXPECT_EQ(select.text(2), "");
    EXPECT_EQ(select.step(), SQLITE_DONE);
}

TEST_F(TestSqlite, ResetLetsAStatementRunAgain) {
    Statement insert(_db.get(), "INSERT INTO t(id) VALUES(?1)");
    for (std::int64_t i = 0; i < 5; ++i) {
        ASSERT_EQ(insert.bind(1, i).step(), SQLITE_DONE);
        insert.reset();
    }
    EXPECT_EQ(countRows(_db.get()), 5);
}

TEST_F(TestSqlite, MovedStatementsOwnTheirHandle) {
    Statement a(_db.get(), "SELECT 7");
    Statement b(std::move(a));
    EXPECT_FALSE(a.valid());  // NOLINT(bugprone-use-after-move): moved-from state is specified
    ASSERT_TRUE(b.valid());
    Statement c;
    EXPECT_FALSE(c.valid());
    c = std::move(b);
    ASSERT_TRUE(c.valid());
    ASSERT_EQ(c.step(), SQLITE_ROW);
    EXPECT_EQ(c.int64(0), 7);
}

TEST_F(TestSqlite, RolledBackTransactionLeavesNothing) {
    ASSERT_EQ(exec(_db.get(), "BEGIN"), "");
    Statement insert(_db.get(), "INSERT INTO t(id) VALUES(?1)");
    ASSERT_EQ(insert.bind(1, std::int64_t{1}).step(), SQLITE_DONE);
    insert.reset();
    EXPECT_EQ(countRows(_db.get()), 1);
    ASSERT_EQ(exec(_db.get(), "ROLLBACK"), "");
    EXPECT_EQ(countRows(_db.get()), 0);

    ASSERT_EQ(exec(_db.get(), "BEGIN; INSERT INTO t(id) VALUES(9); COMMIT"), "");
    // Another connection on the same file sees the committed row only.
    Db other = openFile(_dir.file("store.db"), SQLITE_OPEN_READONLY);
    ASSERT_TRUE(other);
    EXPECT_EQ(countRows(other.get()), 1);
}

TEST_F(TestSqlite, ErrorsComeBackAsSqliteMessages) {
    EXPECT_NE(exec(_db.get(), "INSERT INTO missing VALUES(1)").find("no such table: missing"),
              std::string::npos);
    EXPECT_NE(exec(_db.get(), "NOT SQL").find("syntax error"), std::string::npos);
    EXPECT_NE(exec(_db.get(), "COMMIT").find("no transaction is active"), std::string::npos);

    Statement bad(_db.get(), "SELECT nope FROM t");
    EXPECT_FALSE(bad.valid());
    EXPECT_NE(std::string(sqlite3_errmsg(_db.get())).find("no such column: nope"),
              std::string::npos);

    ASSERT_EQ(exec(_db.get(), "CREATE TABLE u(k INTEGER PRIMARY KEY)"), "");
    ASSERT_EQ(exec(_db.get(), "INSERT INTO u VALUES(1)"), "");
    Statement dup(_db.get(), "INSERT INTO u VALUES(?1)");
    ASSERT_TRUE(dup.valid());
    EXPECT_EQ(dup.bind(1, std::int64_t{1}).step(), SQLITE_CONSTRAINT);
    EXPECT_NE(std::string(sqlite3_errmsg(_db.get())).find("UNIQUE constraint failed"),
              std::string::npos);
}

TEST_F(TestSqlite, AReadOnlyConnectionRefusesWrites) {
    Db readOnly = openFile(_dir.file("store.db"), SQLITE_OPEN_READONLY);
    ASSERT_TRUE(readOnly);
    EXPECT_NE(exec(readOnly.get(), "INSERT INTO t(id) VALUES(1)").find("readonly"),
              std::string::npos);
}

}  // namespace
}  // namespace citytwin::sensors::detail
