#pragma once
// Private: runs f(0..n-1) on up to `threads` threads. Each call writes only
// its own slot of a result vector, so the merged result does not depend on
// which thread ran what.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace citytwin::assets::detail {

inline unsigned effectiveThreads(unsigned requested) {
    if (requested != 0)
        return requested;
    return std::max(1u, std::thread::hardware_concurrency());
}

template <typename F>
void parallelFor(std::size_t n, unsigned threads, F&& f) {
    const std::size_t workers = std::min<std::size_t>(effectiveThreads(threads), n);
    if (workers <= 1) {
        for (std::size_t i = 0; i < n; ++i)
            f(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> pool;
    pool.reserve(workers);
    for (std::size_t w = 0; w < workers; ++w)
        pool.emplace_back([&] {
            for (std::size_t i = next++; i < n; i = next++)
                f(i);
        });
    for (auto& t : pool)
        t.join();
}

}  // namespace citytwin::assets::detail
