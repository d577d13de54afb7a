// The client tile cache against a real nginx on 127.0.0.1 (label http): a
// first pass fills it with 200s, the second only revalidates (304s, counted
// in nginx's access log), a changed file is fetched again, the cap evicts
// the least recently used entries, offline mode serves what is cached and
// names what is not, a damaged entry is detected and fetched again, and a
// 404 is remembered for a bounded time (negative caching).

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <thread>

#include "NginxServer.h"
#include "ScratchDir.h"
#include "citytwin/tilecache/TileCache.h"

using namespace citytwin;
namespace fs = std::filesystem;

namespace {

std::string text(const std::vector<std::uint8_t>& bytes) {
    return std::string(bytes.begin(), bytes.end());
}

class TileCacheHttp : public ::testing::Test {
protected:
    void SetUp() override {
        if (const std::string why = test::NginxServer::unavailableReason(); !why.empty())
            GTEST_SKIP() << why;
        for (int i = 0; i < 8; ++i)
            site.write("tiles/t" + std::to_string(i) + ".b3dm", std::string(1000, char('a' + i)));
        nginx = std::make_unique<test::NginxServer>((site.path() / "tiles").string(),
                                                    work.path().string());
        ASSERT_TRUE(nginx->start()) << nginx->errorLog();
    }
    std::shared_ptr<tilecache::TileCache> openCache(std::uint64_t cap = 1 << 20,
                                                    bool offline = false) {
        auto cache = tilecache::TileCache::open({(work.path() / "cache").string(), cap, offline});
        EXPECT_TRUE(cache) << cache.messages();
        return cache ? *cache : nullptr;
    }
    std::string url(int i) const { return nginx->baseUrl() + "/t" + std::to_string(i) + ".b3dm"; }
    /// Touches a served file with new bytes and a later modification time.
    void change(int i, const std::string& bytes) {
        const fs::path p = site.path() / "tiles" / ("t" + std::to_string(i) + ".b3dm");
        const auto before = fs::last_write_time(p);
        std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
        fs::last_write_time(p, before + std::chrono::seconds(10));
    }

    test::ScratchDir site{"tilecache_site"};
    test::ScratchDir work{"tilecache_work"};
    std::unique_ptr<test::NginxServer> nginx;
};

}  // namespace

TEST_F(TileCacheHttp, aSecondPassOnlyRevalidatesAndServesTheSameBytes) {
    auto cache = openCache();
    ASSERT_TRUE(cache);
    for (int i = 0; i < 8; ++i) {
        auto bytes = cache->fetch(url(i));
        ASSERT_TRUE(bytes) << bytes.messages();
        EXPECT_EQ(text(*bytes), std::string(1000, char('a' + i)));
    }
    ASSERT_TRUE(nginx->waitForRequests(8));
    EXPECT_EQ(nginx->countStatus(200), 8);
    nginx->clearLog();

    // A new cache object on the same folder: as a second session would.
    cache = openCache();
    for (int i = 0; i < 8; ++i) {
        auto bytes = cache->fetch(url(i));
        ASSERT_TRUE(bytes) << bytes.messages();
        EXPECT_EQ(text(*bytes), std::string(1000, char('a' + i)));
    }
    ASSERT_TRUE(nginx->waitForRequests(8));
    EXPECT_EQ(nginx->countStatus(304), 8);
    EXPECT_EQ(nginx->requests().size(), 8u);
    EXPECT_EQ(cache->stats().revalidated, 8u);
    EXPECT_EQ(cache->stats().bytesDownloaded, 0u);
}

TEST_F(TileCacheHttp, aChangedFileIsFetchedAgainAndItsNewBytesServed) {
    auto cache = openCache();
    ASSERT_TRUE(cache->fetch(url(3)));
    change(3, "new bytes");
    nginx->waitForRequests(1);
    nginx->clearLog();
    auto bytes = cache->fetch(url(3));
    ASSERT_TRUE(bytes) << bytes.messages();
    EXPECT_EQ(text(*bytes), "new bytes");
    ASSERT_TRUE(nginx->waitForRequests(1));
    EXPECT_EQ(nginx->countStatus(200), 1);
    // ... and stored: the next read is a 304 with the new bytes.
    nginx->clearLog();
    bytes = cache->fetch(url(3));
    ASSERT_TRUE(bytes);
    EXPECT_EQ(text(*bytes), "new bytes");
    ASSERT_TRUE(nginx->waitForRequests(1));
    EXPECT_EQ(nginx->countStatus(304), 1);
}

TEST_F(TileCacheHttp, theCapEvictsTheLeastRecentlyUsedEntries) {
    auto cache = openCache(3500);  // room for three 1000-byte tiles
    for (int i = 0; i < 3; ++i)
        ASSERT_TRUE(cache->fetch(url(i)));
    ASSERT_TRUE(cache->fetch(url(0)));  // 0 is now the most recently used
    ASSERT_TRUE(cache->fetch(url(3)));  // over the cap: 1 goes
    EXPECT_TRUE(cache->contains(url(0)));
    EXPECT_FALSE(cache->contains(url(1)));
    EXPECT_TRUE(cache->contains(url(2)));
    EXPECT_TRUE(cache->contains(url(3)));
    EXPECT_LE(cache->storedBytes(), 3500u);
    EXPECT_EQ(cache->stats().evicted, 1u);
    // The evicted body is gone from the disk too.
    std::size_t files = 0;
    for (const auto& e : fs::recursive_directory_iterator(work.path() / "cache/data"))
        files += e.is_regular_file();
    EXPECT_EQ(files, 3u);
}

TEST_F(TileCacheHttp, offlineServesWhatIsCachedAndNamesTheUrlThatIsNot) {
    {
        auto cache = openCache();
        ASSERT_TRUE(cache->fetch(url(0)));
    }
    nginx->waitForRequests(1);
    nginx->stop();  // no server at all: offline must not need one
    auto offline = openCache(1 << 20, true);
    auto cached = offline->fetch(url(0));
    ASSERT_TRUE(cached) << cached.messages();
    EXPECT_EQ(text(*cached), std::string(1000, 'a'));
    auto missing = offline->fetch(url(5));
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.messages().find(url(5)), std::string::npos) << missing.messages();
    EXPECT_NE(missing.messages().find("offline"), std::string::npos) << missing.messages();
    EXPECT_EQ(offline->stats().requests, 0u);
}

TEST_F(TileCacheHttp, aDamagedEntryIsDetectedAndFetchedAgain) {
    auto cache = openCache();
    ASSERT_TRUE(cache->fetch(url(2)));
    // Flip the stored body (a disk error, a half-written file).
    for (const auto& e : fs::recursive_directory_iterator(work.path() / "cache/data"))
        if (e.is_regular_file())
            std::ofstream(e.path(), std::ios::binary | std::ios::trunc) << "garbage";
    nginx->waitForRequests(1);
    nginx->clearLog();
    auto bytes = cache->fetch(url(2));
    ASSERT_TRUE(bytes) << bytes.messages();
    EXPECT_EQ(text(*bytes), std::string(1000, 'c'));
    EXPECT_EQ(cache->stats().damaged, 1u);
    ASSERT_TRUE(nginx->waitForRequests(1));
    EXPECT_EQ(nginx->countStatus(200), 1);  // a full fetch, not a revalidation
}

TEST_F(TileCacheHttp, aMissingFileIsAnErrorNamingItsStatusAndUrl) {
    auto cache = openCache();
    auto missing = cache->fetch(nginx->baseUrl() + "/nope.b3dm");
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.messages().find("404"), std::string::npos) << missing.messages();
    EXPECT_NE(missing.messages().find("/nope.b3dm"), std::string::npos);
}

/// A clock the test moves by hand: the remembered 404s age without sleeping.
struct HandClock {
    std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now();
    std::function<std::chrono::steady_clock::time_point()> function() {
        return [this] { return now; };
    }
};

/// The 404s nginx logged once the request for `marker` (a file that
/// exists, asked for last) is in the log: everything before it is logged too.
int missingAnswersBefore(const test::NginxServer& nginx, const std::string& marker) {
    test::waitFor([&] {
        for (const auto& r : nginx.requests())
            if (r.uri == marker)
                return true;
        return false;
    });
    return nginx.countStatus(404);
}

TEST_F(TileCacheHttp, aMissingTileIsAskedForOnceWithinTheRememberedTime) {
    for (const bool onDisk : {true, false}) {
        SCOPED_TRACE(onDisk ? "disk cache" : "no disk cache");
        nginx->clearLog();
        auto opened = tilecache::TileCache::open(
            {onDisk ? (work.path() / "cache").string() : std::string(), 1 << 20, false});
        ASSERT_TRUE(opened) << opened.messages();
        auto cache = *opened;
        EXPECT_EQ(cache->settings().missingSeconds, 60u);  // the documented default
        HandClock clock;
        cache->setMissingClock(clock.function());
        const std::string missing = nginx->baseUrl() + "/t99.b3dm";
        // A pager asking every frame: the same error each time, one request.
        for (int frame = 0; frame < 20; ++frame) {
            auto r = cache->fetch(missing);
            ASSERT_FALSE(r);
            EXPECT_NE(r.messages().find("HTTP status 404"), std::string::npos) << r.messages();
        }
        ASSERT_TRUE(cache->fetch(url(0)));
        EXPECT_EQ(missingAnswersBefore(*nginx, "/t0.b3dm"), 1);
        EXPECT_EQ(cache->stats().missingHits, 19u);

        // The tile appears on the server: still remembered as missing within the time ...
        site.write("tiles/t99.b3dm", "late tile");
        clock.now += std::chrono::seconds(59);
        EXPECT_FALSE(cache->fetch(missing));
        // ... asked again (and served) after it.
        clock.now += std::chrono::seconds(2);
        auto late = cache->fetch(missing);
        ASSERT_TRUE(late) << late.messages();
        EXPECT_EQ(text(*late), "late tile");
        ASSERT_TRUE(cache->fetch(url(1)));
        EXPECT_EQ(missingAnswersBefore(*nginx, "/t1.b3dm"), 1);
        EXPECT_EQ(nginx->countStatus(200), 3) << "t0, t99 and t1";
        fs::remove(site.path() / "tiles" / "t99.b3dm");
    }
}

TEST_F(TileCacheHttp, negativeCachingOffAsksEveryTime) {
    tilecache::CacheSettings settings{(work.path() / "cache").string(), 1 << 20, false};
    settings.missingSeconds = 0;
    auto cache = tilecache::TileCache::open(settings);
    ASSERT_TRUE(cache) << cache.messages();
    for (int i = 0; i < 3; ++i)
        EXPECT_FALSE((*cache)->fetch(nginx->baseUrl() + "/t99.b3dm"));
    ASSERT_TRUE((*cache)->fetch(url(2)));
    EXPECT_EQ(missingAnswersBefore(*nginx, "/t2.b3dm"), 3);
    EXPECT_EQ((*cache)->stats().missingHits, 0u);
}

TEST_F(TileCacheHttp, workerThreadsShareOneCache) {
    auto cache = openCache();
    std::vector<std::thread> workers;
    std::atomic<int> good{0};
    for (int t = 0; t < 4; ++t)
        workers.emplace_back([&] {
            for (int round = 0; round < 3; ++round)
                for (int i = 0; i < 8; ++i)
                    if (auto b = cache->fetch(url(i)); b && b->size() == 1000)
                        ++good;
        });
    for (auto& w : workers)
        w.join();
    EXPECT_EQ(good.load(), 4 * 3 * 8);
    EXPECT_EQ(cache->stats().damaged, 0u);
    EXPECT_EQ(cache->storedBytes(), 8000u);
}

TEST(CacheSettings, sizesAndOptionsAreReadOrRefusedNamingTheOption) {
    EXPECT_EQ(*tilecache::parseCacheSize("512", "x"), 512ull << 20);
    EXPECT_EQ(*tilecache::parseCacheSize("2G", "x"), 2ull << 30);
    EXPECT_EQ(*tilecache::parseCacheSize("300KiB", "x"), 300ull << 10);
    EXPECT_EQ(*tilecache::parseCacheSize("64MB", "x"), 64ull << 20);
    auto bad = tilecache::parseCacheSize("12Q", "--tile-cache-size");
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.messages().find("--tile-cache-size"), std::string::npos) << bad.messages();
    EXPECT_FALSE(tilecache::parseCacheSize("", "x"));
    EXPECT_FALSE(tilecache::parseCacheSize("99999999999999999G", "x"));

    auto s = tilecache::cacheSettingsWithOptions(std::string("/tmp/c"), std::string("1G"), true);
    ASSERT_TRUE(s) << s.messages();
    EXPECT_EQ(s->folder, "/tmp/c");
    EXPECT_EQ(s->maxBytes, 1ull << 30);
    EXPECT_TRUE(s->offline);
    auto off = tilecache::cacheSettingsWithOptions(std::string("off"), std::nullopt, false);
    ASSERT_TRUE(off);
    EXPECT_TRUE(off->folder.empty());
    auto offlineWithout =
        tilecache::cacheSettingsWithOptions(std::string("off"), std::nullopt, true);
    ASSERT_FALSE(offlineWithout);
    EXPECT_NE(offlineWithout.messages().find("--offline"), std::string::npos);
}

TEST(CacheSettings, theDefaultFolderFollowsXdgCacheHome) {
    const char* saved = std::getenv("XDG_CACHE_HOME");
    const char* savedFolder = std::getenv("CITYTWIN_TILE_CACHE");
    const std::string keepXdg = saved ? saved : "", keepFolder = savedFolder ? savedFolder : "";
    ::unsetenv("CITYTWIN_TILE_CACHE");
    ::setenv("XDG_CACHE_HOME", "/var/tmp/xdg", 1);
    EXPECT_EQ(tilecache::cacheSettingsFromEnvironment().folder, "/var/tmp/xdg/citytwin/tiles");
    ::setenv("CITYTWIN_TILE_CACHE", "/srv/c", 1);
    EXPECT_EQ(tilecache::cacheSettingsFromEnvironment().folder, "/srv/c");
    if (saved)
        ::setenv("XDG_CACHE_HOME", keepXdg.c_str(), 1);
    else
        ::unsetenv("XDG_CACHE_HOME");
    if (savedFolder)
        ::setenv("CITYTWIN_TILE_CACHE", keepFolder.c_str(), 1);
    else
        ::unsetenv("CITYTWIN_TILE_CACHE");
}
