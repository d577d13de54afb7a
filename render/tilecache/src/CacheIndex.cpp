#include "CacheIndex.h"

#include <memory>

namespace citytwin::tilecache::detail {
namespace {

/// A prepared statement finalised at scope exit.
class Statement {
public:
    Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &_s, nullptr); }
    ~Statement() { sqlite3_finalize(_s); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    explicit operator bool() const { return _s != nullptr; }
    void bind(int i, const std::string& v) {
        sqlite3_bind_text(_s, i, v.c_str(), int(v.size()), SQLITE_TRANSIENT);
    }
    void bind(int i, std::int64_t v) { sqlite3_bind_int64(_s, i, v); }
    bool row() { return _s && sqlite3_step(_s) == SQLITE_ROW; }
    bool done() { return _s && sqlite3_step(_s) == SQLITE_DONE; }
    std::string text(int c) {
        const auto* t = sqlite3_column_text(_s, c);
        return t ? reinterpret_cast<const char*>(t) : "";
    }
    std::int64_t integer(int c) { return sqlite3_column_int64(_s, c); }

private:
    sqlite3_stmt* _s = nullptr;
};

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS entries("
    " url TEXT PRIMARY KEY, file TEXT NOT NULL, size INTEGER NOT NULL,"
    " sha256 TEXT NOT NULL, etag TEXT NOT NULL DEFAULT '',"
    " last_modified TEXT NOT NULL DEFAULT '', fresh_until INTEGER NOT NULL DEFAULT 0,"
    " last_used INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS entries_lru ON entries(last_used);";

}  // namespace

geo::Result<std::unique_ptr<CacheIndex>> CacheIndex::open(const std::string& path) {
    using R = geo::Result<std::unique_ptr<CacheIndex>>;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        return R::failure("cannot open the tile cache index: " + message, path);
    }
    std::unique_ptr<CacheIndex> index(new CacheIndex(db));
    sqlite3_busy_timeout(db, 10000);
    // WAL + synchronous=NORMAL: a crash loses at most the last rows, never
    // the index's consistency (and the rows come after their files).
    if (!index->exec("PRAGMA journal_mode=WAL;") || !index->exec("PRAGMA synchronous=NORMAL;") ||
        !index->exec(kSchema))
        return R::failure(std::string("cannot set up the tile cache index: ") + sqlite3_errmsg(db),
                          path);
    return R(std::move(index));
}

CacheIndex::~CacheIndex() {
    sqlite3_close(_db);
}

bool CacheIndex::exec(const char* sql) {
    return sqlite3_exec(_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

std::optional<CacheEntry> CacheIndex::find(const std::string& url) {
    std::lock_guard lock(_mutex);
    Statement s(_db,
                "SELECT file, size, sha256, etag, last_modified, fresh_until FROM entries "
                "WHERE url = ?");
    s.bind(1, url);
    if (!s.row())
        return std::nullopt;
    CacheEntry e;
    e.url = url;
    e.file = s.text(0);
    e.size = static_cast<std::uint64_t>(s.integer(1));
    e.sha256 = s.text(2);
    e.etag = s.text(3);
    e.lastModified = s.text(4);
    e.freshUntil = s.integer(5);
    return e;
}

void CacheIndex::touch(const std::string& url) {
    std::lock_guard lock(_mutex);
    Statement s(_db,
                "UPDATE entries SET last_used = (SELECT COALESCE(MAX(last_used), 0) + 1 FROM "
                "entries) WHERE url = ?");
    s.bind(1, url);
    s.done();
}

std::optional<std::string> CacheIndex::put(const CacheEntry& e) {
    std::lock_guard lock(_mutex);
    exec("BEGIN IMMEDIATE;");
    std::optional<std::string> old;
    {
        Statement q(_db, "SELECT file FROM entries WHERE url = ?");
        q.bind(1, e.url);
        if (q.row())
            old = q.text(0);
    }
    Statement s(_db,
                "INSERT OR REPLACE INTO entries(url, file, size, sha256, etag, last_modified, "
                "fresh_until, last_used) VALUES(?, ?, ?, ?, ?, ?, ?, "
                "(SELECT COALESCE(MAX(last_used), 0) + 1 FROM entries))");
    s.bind(1, e.url);
    s.bind(2, e.file);
    s.bind(3, static_cast<std::int64_t>(e.size));
    s.bind(4, e.sha256);
    s.bind(5, e.etag);
    s.bind(6, e.lastModified);
    s.bind(7, e.freshUntil);
    const bool ok = s.done();
    exec(ok ? "COMMIT;" : "ROLLBACK;");
    if (!ok || (old && *old == e.file))
        return std::nullopt;
    return old;
}

void CacheIndex::setFreshUntil(const std::string& url, std::int64_t freshUntil) {
    std::lock_guard lock(_mutex);
    Statement s(_db, "UPDATE entries SET fresh_until = ? WHERE url = ?");
    s.bind(1, freshUntil);
    s.bind(2, url);
    s.done();
}

std::optional<std::string> CacheIndex::remove(const std::string& url) {
    std::lock_guard lock(_mutex);
    Statement s(_db, "DELETE FROM entries WHERE url = ? RETURNING file");
    s.bind(1, url);
    std::optional<std::string> file;
    if (s.row())
        file = s.text(0);
    return file;
}

std::vector<std::string> CacheIndex::evictTo(std::uint64_t maxBytes, const std::string& keep) {
    std::lock_guard lock(_mutex);
    std::vector<std::string> files;
    exec("BEGIN IMMEDIATE;");
    std::int64_t total = 0;
    {
        Statement t(_db, "SELECT COALESCE(SUM(size), 0) FROM entries");
        if (t.row())
            total = t.integer(0);
    }
    std::vector<std::string> victims;
    if (static_cast<std::uint64_t>(total) > maxBytes) {
        Statement s(_db, "SELECT url, file, size FROM entries WHERE url <> ? ORDER BY last_used");
        s.bind(1, keep);
        while (static_cast<std::uint64_t>(total) > maxBytes && s.row()) {
            victims.push_back(s.text(0));
            files.push_back(s.text(1));
            total -= s.integer(2);
        }
    }
    for (const auto& url : victims) {
        Statement d(_db, "DELETE FROM entries WHERE url = ?");
        d.bind(1, url);
        d.done();
    }
    exec("COMMIT;");
    return files;
}

std::uint64_t CacheIndex::totalBytes() {
    std::lock_guard lock(_mutex);
    Statement t(_db, "SELECT COALESCE(SUM(size), 0) FROM entries");
    return t.row() ? static_cast<std::uint64_t>(t.integer(0)) : 0;
}

std::vector<std::string> CacheIndex::allFiles() {
    std::lock_guard lock(_mutex);
    Statement s(_db, "SELECT file FROM entries");
    std::vector<std::string> files;
    while (s.row())
        files.push_back(s.text(0));
    return files;
}

}  // namespace citytwin::tilecache::detail
