#pragma once
// Little-endian reads from tile bytes whose bounds the caller has checked.

#include <cstdint>
#include <cstring>

namespace citytwin::formats::detail {

inline std::uint32_t readU32(const std::uint8_t* p) {
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 |
           std::uint32_t(p[3]) << 24;
}

inline std::uint64_t readU64(const std::uint8_t* p) {
    return std::uint64_t(readU32(p)) | std::uint64_t(readU32(p + 4)) << 32;
}

inline bool hasMagic(const std::uint8_t* p, std::size_t size, const char (&magic)[5]) {
    return size >= 4 && std::memcmp(p, magic, 4) == 0;
}

}  // namespace citytwin::formats::detail
