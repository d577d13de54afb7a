#pragma once
// The client side of tiles served over HTTP(S): a disk cache in front of the
// server. A read
//   - with nothing cached: GET, store (crash-safe: body written to a temp
//     file, synced, renamed, then indexed), serve;
//   - with a cached copy: a conditional GET (If-None-Match / If-Modified-Since
//     from the stored ETag / Last-Modified): 304 serves the cached bytes, 200
//     replaces them; a copy still fresh by Cache-Control max-age is served
//     without asking;
//   - offline: the cached copy, or an error naming the URL that is missing;
//   - a 404 or 410 from the server: remembered for settings().missingSeconds
//     (default 60 s; at most 10,000 URLs, in memory) and answered as the same
//     error without a request, so a pager asking for a missing tile every
//     frame does not ask the server every frame. A tile added to the server
//     is seen after that time, or at once by a new session.
// Every cached copy is checked against its SHA-256 before it is served: a
// damaged or half-written file is dropped and fetched again. When the total
// passes the cap, the least recently used entries are removed.
//
// Thread safety: all methods may run concurrently (pager and worker threads);
// several processes may share one folder (SQLite locking). fetch() blocks on
// the network: never call it on the render or GUI thread.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "citytwin/geo/Result.h"
#include "citytwin/tilecache/CacheSettings.h"

namespace citytwin::tilecache {

/// What the cache did, for tests, benches and the log.
struct CacheStats {
    std::uint64_t requests = 0;     ///< HTTP requests sent
    std::uint64_t fullFetches = 0;  ///< 200 responses
    std::uint64_t revalidated = 0;  ///< 304 responses (cached bytes served)
    std::uint64_t freshHits = 0;    ///< served without asking (max-age)
    std::uint64_t offlineHits = 0;  ///< served offline
    std::uint64_t damaged = 0;      ///< cached copies that failed their digest
    std::uint64_t evicted = 0;      ///< entries removed for the cap
    std::uint64_t missingHits = 0;  ///< a remembered 404/410 answered without asking
    std::uint64_t bytesDownloaded = 0;
};

class TileCache {
public:
    /// Opens (creating) the cache folder and its index; a folder of "" gives a
    /// cache that stores nothing (reads go straight to the server).
    static geo::Result<std::shared_ptr<TileCache>> open(const CacheSettings& settings);
    ~TileCache();
    TileCache(const TileCache&) = delete;
    TileCache& operator=(const TileCache&) = delete;

    /// The body at `url` (http or https), through the cache.
    geo::Result<std::vector<std::uint8_t>> fetch(const std::string& url);
    /// The path of a verified cached copy of `url` (for readers that want a
    /// file, e.g. GDAL rasters). The file stays valid while open even if
    /// the entry is later replaced or evicted. Needs a disk cache.
    geo::Result<std::string> fetchToFile(const std::string& url);

    const CacheSettings& settings() const { return _settings; }
    CacheStats stats() const;
    /// Bytes the index holds (the entries' bodies).
    std::uint64_t storedBytes() const;
    /// True when `url` has an indexed entry (not checked against its digest).
    bool contains(const std::string& url) const;
    /// Tests: the clock that ages remembered 404s (default: steady_clock).
    void setMissingClock(std::function<std::chrono::steady_clock::time_point()> clock);

private:
    struct Impl;
    explicit TileCache(CacheSettings settings);
    CacheSettings _settings;
    std::unique_ptr<Impl> _impl;
};

/// The process's cache, opened on first use with the settings given to
/// configureSharedCache() or else cacheSettingsFromEnvironment(). nullptr
/// (with a warning logged once) if the folder cannot be used.
std::shared_ptr<TileCache> sharedCache();
/// Sets the settings of the process's cache (command-line options); takes
/// effect for reads after the call (an open cache with other settings is
/// replaced).
void configureSharedCache(const CacheSettings& settings);

/// Reads `url` through sharedCache(), or straight from the server if there
/// is none.
geo::Result<std::vector<std::uint8_t>> fetchShared(const std::string& url);

}  // namespace citytwin::tilecache
