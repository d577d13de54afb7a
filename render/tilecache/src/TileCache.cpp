#include "citytwin/tilecache/TileCache.h"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>

#include "CacheIndex.h"
#include "Digest.h"
#include "HttpFetcher.h"
#include "MissingUrls.h"
#include "citytwin/geo/Log.h"

namespace citytwin::tilecache {
namespace {

namespace fs = std::filesystem;
using detail::CacheEntry;

std::int64_t nowSeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

/// Writes and syncs a whole file; false on any failure (the file is removed).
bool writeSynced(const fs::path& path, const std::vector<std::uint8_t>& bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    std::size_t done = 0;
    bool ok = true;
    while (ok && done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        ok = n > 0;
        if (ok)
            done += std::size_t(n);
    }
    ok = ok && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (!ok) {
        std::error_code ec;
        fs::remove(path, ec);
    }
    return ok;
}

std::optional<std::vector<std::uint8_t>> readWhole(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
    if (in.bad())
        return std::nullopt;
    return bytes;
}

/// Removes what a crashed writer left: temp files, and bodies no row names
/// (renamed, but the process died before indexing them). Only old ones:
/// another process sharing the folder may be writing right now.
void sweepLeftovers(const fs::path& folder, detail::CacheIndex& index) {
    const auto cutoff = fs::file_time_type::clock::now() - std::chrono::hours(1);
    std::error_code ec;
    for (fs::directory_iterator it(folder / "tmp", ec), end; !ec && it != end; it.increment(ec))
        if (it->last_write_time(ec) < cutoff)
            fs::remove(it->path(), ec);
    const auto named = index.allFiles();
    const std::set<std::string> known(named.begin(), named.end());
    for (fs::recursive_directory_iterator it(folder / "data", ec), end; !ec && it != end;
         it.increment(ec)) {
        if (!it->is_regular_file(ec))
            continue;
        const std::string rel = it->path().lexically_relative(folder).string();
        if (!known.count(rel) && it->last_write_time(ec) < cutoff)
            fs::remove(it->path(), ec);
    }
}

constexpr std::size_t kMissingUrlsKept = 10000;

geo::Result<std::vector<std::uint8_t>> statusFailure(long status, const std::string& url) {
    return geo::Result<std::vector<std::uint8_t>>::failure("HTTP status " + std::to_string(status),
                                                           url);
}

bool isMissing(long status) {
    return status == 404 || status == 410;
}

}  // namespace

struct TileCache::Impl {
    explicit Impl(std::uint32_t missingSeconds)
        : missing(std::chrono::seconds(missingSeconds), kMissingUrlsKept) {}
    fs::path folder;
    std::unique_ptr<detail::CacheIndex> index;  ///< null: no disk cache
    detail::MissingUrls missing;
    mutable std::mutex statsMutex;
    CacheStats stats;
    std::atomic<std::uint64_t> counter{0};

    template <typename F>
    void count(F change) {
        std::lock_guard lock(statsMutex);
        change(stats);
    }
    void removeFile(const std::string& rel) {
        std::error_code ec;
        fs::remove(folder / rel, ec);
    }
    /// The verified bytes of an entry; nullopt (and the entry dropped if it
    /// is damaged) otherwise.
    std::optional<std::vector<std::uint8_t>> cachedBytes(const CacheEntry& e) {
        auto bytes = readWhole(folder / e.file);
        if (!bytes)
            return std::nullopt;  // replaced or evicted meanwhile: fetch anew
        if (bytes->size() == e.size && detail::sha256Hex(bytes->data(), bytes->size()) == e.sha256)
            return bytes;
        count([](CacheStats& s) { ++s.damaged; });
        geo::logWarning(e.url + ": the cached copy (" + (folder / e.file).string() +
                        ") is damaged; fetched again");
        if (auto file = index->remove(e.url))
            removeFile(*file);
        return std::nullopt;
    }
    void store(const std::string& url, const detail::HttpResponse& r, std::uint64_t maxBytes) {
        const std::string unique = std::to_string(::getpid()) + "-" + std::to_string(++counter);
        const fs::path tmp = folder / "tmp" / unique;
        const std::string key = detail::sha256Hex(url);
        const fs::path rel = fs::path("data") / key.substr(0, 2) / (key + "-" + unique);
        std::error_code ec;
        fs::create_directories((folder / rel).parent_path(), ec);
        if (!writeSynced(tmp, r.body)) {
            geo::logWarning(url + ": cannot write to the tile cache in " + folder.string());
            return;
        }
        fs::rename(tmp, folder / rel, ec);
        if (ec) {
            fs::remove(tmp, ec);
            return;
        }
        CacheEntry e;
        e.url = url;
        e.file = rel.string();
        e.size = r.body.size();
        e.sha256 = detail::sha256Hex(r.body.data(), r.body.size());
        e.etag = r.etag;
        e.lastModified = r.lastModified;
        e.freshUntil = r.maxAgeSeconds > 0 ? nowSeconds() + r.maxAgeSeconds : 0;
        if (auto old = index->put(e))
            removeFile(*old);
        const auto victims = index->evictTo(maxBytes, url);
        for (const auto& f : victims)
            removeFile(f);
        if (!victims.empty())
            count([&](CacheStats& s) { s.evicted += victims.size(); });
    }
};

TileCache::TileCache(CacheSettings settings)
    : _settings(std::move(settings)), _impl(std::make_unique<Impl>(_settings.missingSeconds)) {}

TileCache::~TileCache() = default;

geo::Result<std::shared_ptr<TileCache>> TileCache::open(const CacheSettings& settings) {
    using R = geo::Result<std::shared_ptr<TileCache>>;
    std::shared_ptr<TileCache> cache(new TileCache(settings));
    if (settings.folder.empty()) {
        if (settings.offline)
            return R::failure("offline mode needs a tile cache folder", {}, 0, "offline");
        return cache;
    }
    std::error_code ec;
    const fs::path folder = fs::absolute(settings.folder, ec);
    fs::create_directories(folder / "tmp", ec);
    fs::create_directories(folder / "data", ec);
    if (ec)
        return R::failure("cannot create the tile cache folder: " + ec.message(), folder.string());
    auto index = detail::CacheIndex::open((folder / "index.sqlite").string());
    CITYTWIN_RETURN_IF_FAILED(index);
    cache->_impl->folder = folder;
    cache->_impl->index = std::move(*index);
    cache->_settings.folder = folder.string();
    sweepLeftovers(folder, *cache->_impl->index);
    return cache;
}

geo::Result<std::vector<std::uint8_t>> TileCache::fetch(const std::string& url) {
    using R = geo::Result<std::vector<std::uint8_t>>;
    Impl& m = *_impl;
    if (const long status = m.missing.statusOf(url)) {
        m.count([](CacheStats& s) { ++s.missingHits; });
        return statusFailure(status, url);
    }
    if (!m.index) {
        auto response = detail::httpGet({url, {}, {}});
        CITYTWIN_RETURN_IF_FAILED(response);
        m.count([&](CacheStats& s) {
            ++s.requests;
            if (response->status == 200) {
                ++s.fullFetches;
                s.bytesDownloaded += response->body.size();
            }
        });
        if (isMissing(response->status))
            m.missing.remember(url, response->status);
        if (response->status != 200)
            return statusFailure(response->status, url);
        return R(std::move(response->body));
    }

    std::optional<CacheEntry> entry = m.index->find(url);
    std::optional<std::vector<std::uint8_t>> cached;
    if (entry) {
        cached = m.cachedBytes(*entry);
        if (!cached)
            entry.reset();
    }
    if (_settings.offline) {
        if (!cached)
            return R::failure("offline: not in the tile cache (" + m.folder.string() + ")", url);
        m.index->touch(url);
        m.count([](CacheStats& s) { ++s.offlineHits; });
        return R(std::move(*cached));
    }
    if (cached && entry->freshUntil > nowSeconds()) {
        m.index->touch(url);
        m.count([](CacheStats& s) { ++s.freshHits; });
        return R(std::move(*cached));
    }

    detail::HttpRequest request{url, {}, {}};
    if (entry) {
        request.ifNoneMatch = entry->etag;
        request.ifModifiedSince = entry->lastModified;
    }
    auto response = detail::httpGet(request);
    if (!response) {
        if (!cached)
            return geo::failedFrom(response);
        // The server is away: what we have is better than nothing.
        m.index->touch(url);
        R r(std::move(*cached));
        r.addDiagnostic(geo::makeWarning(
            response.diagnostics().front().message + "; the cached copy is used", url));
        return r;
    }
    m.count([&](CacheStats& s) { ++s.requests; });
    if (response->status == 304 && cached) {
        m.count([](CacheStats& s) { ++s.revalidated; });
        if (response->maxAgeSeconds > 0)
            m.index->setFreshUntil(url, nowSeconds() + response->maxAgeSeconds);
        m.index->touch(url);
        return R(std::move(*cached));
    }
    if (response->status != 200) {
        if (isMissing(response->status)) {
            m.missing.remember(url, response->status);
            if (auto file = m.index->remove(url))
                m.removeFile(*file);
        }
        return statusFailure(response->status, url);
    }
    m.count([&](CacheStats& s) {
        ++s.fullFetches;
        s.bytesDownloaded += response->body.size();
    });
    if (!response->noStore && response->body.size() <= _settings.maxBytes)
        m.store(url, *response, _settings.maxBytes);
    return R(std::move(response->body));
}

geo::Result<std::string> TileCache::fetchToFile(const std::string& url) {
    using R = geo::Result<std::string>;
    if (!_impl->index)
        return R::failure("reading this file over HTTP needs the tile cache (it is off)", url);
    auto bytes = fetch(url);
    CITYTWIN_RETURN_IF_FAILED(bytes);
    auto entry = _impl->index->find(url);
    if (!entry)
        return R::failure("larger than the tile cache's cap (" +
                              std::to_string(_settings.maxBytes >> 20) +
                              " MiB) or not cacheable; raise the cap or open it as /vsicurl/" + url,
                          url);
    R r((_impl->folder / entry->file).string());
    r.addDiagnostics(bytes.diagnostics());
    return r;
}

CacheStats TileCache::stats() const {
    std::lock_guard lock(_impl->statsMutex);
    return _impl->stats;
}

std::uint64_t TileCache::storedBytes() const {
    return _impl->index ? _impl->index->totalBytes() : 0;
}

bool TileCache::contains(const std::string& url) const {
    return _impl->index && _impl->index->find(url).has_value();
}

void TileCache::setMissingClock(std::function<std::chrono::steady_clock::time_point()> clock) {
    _impl->missing.setClock(std::move(clock));
}

namespace {

struct Shared {
    std::mutex mutex;
    std::optional<CacheSettings> settings;
    std::shared_ptr<TileCache> cache;
    bool failed = false;
};

Shared& shared() {
    static Shared s;
    return s;
}

}  // namespace

std::shared_ptr<TileCache> sharedCache() {
    Shared& s = shared();
    std::lock_guard lock(s.mutex);
    if (s.cache || s.failed)
        return s.cache;
    const CacheSettings settings = s.settings ? *s.settings : cacheSettingsFromEnvironment();
    auto opened = TileCache::open(settings);
    if (!opened) {
        s.failed = true;
        geo::logWarning(opened.messages() + "; tiles are read from the server without a cache");
        return nullptr;
    }
    s.cache = *opened;
    return s.cache;
}

void configureSharedCache(const CacheSettings& settings) {
    Shared& s = shared();
    std::lock_guard lock(s.mutex);
    s.settings = settings;
    s.cache.reset();
    s.failed = false;
}

geo::Result<std::vector<std::uint8_t>> fetchShared(const std::string& url) {
    if (auto cache = sharedCache())
        return cache->fetch(url);
    // The cache could not be opened: offline has nothing to serve from, and
    // must not fall back to the network.
    {
        Shared& s = shared();
        std::lock_guard lock(s.mutex);
        const CacheSettings settings = s.settings ? *s.settings : cacheSettingsFromEnvironment();
        if (settings.offline)
            return geo::Result<std::vector<std::uint8_t>>::failure(
                "offline, and the tile cache cannot be used", url);
    }
    static const std::shared_ptr<TileCache> direct = *TileCache::open(CacheSettings{{}, 0, false});
    return direct->fetch(url);
}

}  // namespace citytwin::tilecache
