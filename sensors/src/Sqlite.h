#pragma once
// Minimal RAII over the SQLite C API for the store: a connection and
// prepared statements that reset themselves. Private to sensors/.

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace citytwin::sensors::detail {

class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, std::string_view sql);
    Statement(Statement&& o) noexcept : _stmt(o._stmt), _db(o._db) { o._stmt = nullptr; }
    Statement& operator=(Statement&& o) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    bool valid() const { return _stmt != nullptr; }
    /// Parameters are 1-based, as in SQLite.
    Statement& bind(int i, std::int64_t v);
    Statement& bind(int i, double v);
    Statement& bind(int i, std::string_view v);
    Statement& bindBlob(int i, std::string_view bytes);
    Statement& bindNull(int i);
    /// SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    /// Resets and clears bindings for the next use.
    void reset();

    std::int64_t int64(int col) const { return sqlite3_column_int64(_stmt, col); }
    double real(int col) const { return sqlite3_column_double(_stmt, col); }
    bool isNull(int col) const { return sqlite3_column_type(_stmt, col) == SQLITE_NULL; }
    std::string text(int col) const;
    /// Binds this row's column col, whatever its type, as parameter i of to.
    void copyColumnTo(int col, Statement& to, int i) const {
        sqlite3_bind_value(to._stmt, i, sqlite3_column_value(_stmt, col));
    }

private:
    sqlite3_stmt* _stmt = nullptr;
    sqlite3* _db = nullptr;
};

/// Executes SQL with no result rows; returns an error message or empty.
std::string exec(sqlite3* db, const char* sql);

}  // namespace citytwin::sensors::detail
