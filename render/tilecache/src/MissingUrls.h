#pragma once
// Negative caching: the URLs a server answered 404 or 410 for, each
// remembered for a bounded time so that a pager asking for the same missing
// tile every frame sends one request, not one per frame. In memory only (a
// new session asks again), at most `capacity` URLs (the expired, then the
// oldest, are forgotten first). Thread safe.

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>

namespace citytwin::tilecache::detail {

class MissingUrls {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    MissingUrls(std::chrono::seconds remembered, std::size_t capacity, Clock clock = {});

    /// The server said `url` is not there (status 404 or 410).
    void remember(const std::string& url, long status);
    /// The status remembered for `url` if it has not expired yet, else 0.
    long statusOf(const std::string& url);
    /// From now on times come from `clock` (tests: no sleeping).
    void setClock(Clock clock);

private:
    struct Missing {
        long status;
        std::chrono::steady_clock::time_point until;
        std::chrono::steady_clock::time_point since;
    };
    void forgetExpiredOrOldest(std::chrono::steady_clock::time_point now);

    std::chrono::seconds _remembered;
    std::size_t _capacity;
    Clock _clock;
    std::mutex _mutex;
    std::map<std::string, Missing> _urls;
};

}  // namespace citytwin::tilecache::detail
