#pragma once
// The cache's index: one SQLite row per URL naming its body file, size,
// SHA-256, validators and when it was last used (a counter, for LRU). A row
// is written only after its file is complete, so a row never names a
// half-written body. WAL journal: readers in other processes are not blocked.
//
// Thread safety: serialised by an internal mutex.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "citytwin/geo/Result.h"

namespace citytwin::tilecache::detail {

struct CacheEntry {
    std::string url;
    std::string file;  ///< relative to the cache folder
    std::uint64_t size = 0;
    std::string sha256;
    std::string etag;
    std::string lastModified;
    std::int64_t freshUntil = 0;  ///< unix seconds; 0 = revalidate every time
};

class CacheIndex {
public:
    static geo::Result<std::unique_ptr<CacheIndex>> open(const std::string& path);
    ~CacheIndex();

    std::optional<CacheEntry> find(const std::string& url);
    /// Marks the entry most recently used.
    void touch(const std::string& url);
    /// Inserts or replaces; the file of the entry replaced (to delete), if any.
    std::optional<std::string> put(const CacheEntry& entry);
    void setFreshUntil(const std::string& url, std::int64_t freshUntil);
    /// Removes the row; its file (to delete), if there was one.
    std::optional<std::string> remove(const std::string& url);
    /// Removes least recently used rows (never `keep`) until the total is at
    /// most `maxBytes`; the files to delete.
    std::vector<std::string> evictTo(std::uint64_t maxBytes, const std::string& keep);
    std::uint64_t totalBytes();
    /// Every file the index names (to sweep orphans at open).
    std::vector<std::string> allFiles();

private:
    explicit CacheIndex(sqlite3* db) : _db(db) {}
    bool exec(const char* sql);
    std::mutex _mutex;
    sqlite3* _db;
};

}  // namespace citytwin::tilecache::detail
