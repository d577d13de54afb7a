#pragma once
// Builds small 3D Tiles binaries (pnts, i3dm, cmpt, subtree) for tests, with
// the header lengths the spec asks for, so that tests can then break them.

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <span>
#include <string>
#include <vector>

namespace citytwin::test {

inline void appendU32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
        out.push_back(char(v >> (8 * i)));
}
inline void appendU64(std::string& out, std::uint64_t v) {
    appendU32(out, std::uint32_t(v));
    appendU32(out, std::uint32_t(v >> 32));
}
template <typename T>
void appendValues(std::string& out, std::initializer_list<T> values) {
    for (T v : values)
        out.append(reinterpret_cast<const char*>(&v), sizeof(T));
}
inline std::string padded(std::string s, std::size_t offset, char pad = ' ') {
    while ((offset + s.size()) % 8)
        s.push_back(pad);
    return s;
}
inline std::span<const std::uint8_t> bytesOf(const std::string& s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}
inline std::string readText(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// b3dm, pnts (headerExtra empty) or i3dm (headerExtra = gltfFormat).
inline std::string makeTile(const std::string& magic, std::string ftJson,
                            const std::string& ftBinary, std::string btJson,
                            const std::string& btBinary, const std::string& body,
                            const std::string& headerExtra = "") {
    const std::size_t header = 28 + headerExtra.size();
    ftJson = padded(ftJson, header);
    btJson = padded(btJson, 0);
    std::string out = magic;
    appendU32(out, 1);
    appendU32(out, std::uint32_t(header + ftJson.size() + ftBinary.size() + btJson.size() +
                                 btBinary.size() + body.size()));
    appendU32(out, std::uint32_t(ftJson.size()));
    appendU32(out, std::uint32_t(ftBinary.size()));
    appendU32(out, std::uint32_t(btJson.size()));
    appendU32(out, std::uint32_t(btBinary.size()));
    return out + headerExtra + ftJson + ftBinary + btJson + btBinary + body;
}

inline std::string makeCmpt(const std::vector<std::string>& tiles) {
    std::size_t length = 16;
    for (const auto& t : tiles)
        length += t.size();
    std::string out = "cmpt";
    appendU32(out, 1);
    appendU32(out, std::uint32_t(length));
    appendU32(out, std::uint32_t(tiles.size()));
    for (const auto& t : tiles)
        out += t;
    return out;
}

inline std::string makeSubtree(std::string json, const std::string& binary) {
    json = padded(json, 24);
    std::string out = "subt";
    appendU32(out, 1);
    appendU64(out, json.size());
    appendU64(out, binary.size());
    return out + json + binary;
}

}  // namespace citytwin::test
