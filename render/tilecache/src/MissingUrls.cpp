#include "MissingUrls.h"

#include <algorithm>

namespace citytwin::tilecache::detail {

MissingUrls::MissingUrls(std::chrono::seconds remembered, std::size_t capacity, Clock clock)
    : _remembered(remembered), _capacity(std::max<std::size_t>(capacity, 1)) {
    setClock(std::move(clock));
}

void MissingUrls::setClock(Clock clock) {
    std::lock_guard lock(_mutex);
    _clock = clock ? std::move(clock) : Clock([] { return std::chrono::steady_clock::now(); });
}

void MissingUrls::remember(const std::string& url, long status) {
    if (_remembered.count() <= 0)
        return;  // negative caching switched off
    std::lock_guard lock(_mutex);
    const auto now = _clock();
    if (_urls.size() >= _capacity && !_urls.count(url))
        forgetExpiredOrOldest(now);
    _urls[url] = {status, now + _remembered, now};
}

long MissingUrls::statusOf(const std::string& url) {
    std::lock_guard lock(_mutex);
    const auto it = _urls.find(url);
    if (it == _urls.end())
        return 0;
    if (_clock() < it->second.until)
        return it->second.status;
    _urls.erase(it);  // expired: the server is asked again
    return 0;
}

void MissingUrls::forgetExpiredOrOldest(std::chrono::steady_clock::time_point now) {
    std::erase_if(_urls, [&](const auto& kv) { return kv.second.until <= now; });
    if (_urls.size() < _capacity)
        return;
    const auto oldest = std::min_element(
        _urls.begin(), _urls.end(),
        [](const auto& a, const auto& b) { return a.second.since < b.second.since; });
    _urls.erase(oldest);
}

}  // namespace citytwin::tilecache::detail
