#include "Sqlite.h"

namespace citytwin::sensors::detail {

Statement::Statement(sqlite3* db, std::string_view sql) : _db(db) {
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &_stmt, nullptr) != SQLITE_OK) {
        // A statement of ours that does not prepare is a programming error or
        // a store of a foreign schema; callers check valid().
        _stmt = nullptr;
    }
}

Statement& Statement::operator=(Statement&& o) noexcept {
    if (this != &o) {
        sqlite3_finalize(_stmt);
        _stmt = o._stmt;
        _db = o._db;
        o._stmt = nullptr;
    }
    return *this;
}

Statement::~Statement() {
    sqlite3_finalize(_stmt);
}

Statement& Statement::bind(int i, std::int64_t v) {
    sqlite3_bind_int64(_stmt, i, v);
    return *this;
}
Statement& Statement::bind(int i, double v) {
    sqlite3_bind_double(_stmt, i, v);
    return *this;
}
Statement& Statement::bind(int i, std::string_view v) {
    sqlite3_bind_text(_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement& Statement::bindBlob(int i, std::string_view bytes) {
    sqlite3_bind_blob(_stmt, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement& Statement::bindNull(int i) {
    sqlite3_bind_null(_stmt, i);
    return *this;
}

int Statement::step() {
    return sqlite3_step(_stmt);
}

void Statement::reset() {
    sqlite3_reset(_stmt);
    sqlite3_clear_bindings(_stmt);
}

std::string Statement::text(int col) const {
    const auto* p = sqlite3_column_text(_stmt, col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(_stmt, col)))
             : std::string();
}

std::string exec(sqlite3* db, const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string message = err ? err : sqlite3_errmsg(db);
        sqlite3_free(err);
        return message;
    }
    return {};
}

}  // namespace citytwin::sensors::detail
