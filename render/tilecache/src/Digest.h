#pragma once
// SHA-256 of a byte range as 64 hex digits: what a cache entry must match
// before it is served, and (of the URL) the entry's file name.

#include <cstddef>
#include <cstdint>
#include <string>

namespace citytwin::tilecache::detail {

std::string sha256Hex(const void* data, std::size_t size);
inline std::string sha256Hex(const std::string& s) {
    return sha256Hex(s.data(), s.size());
}

}  // namespace citytwin::tilecache::detail
