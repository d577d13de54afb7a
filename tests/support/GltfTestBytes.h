#pragma once
// Writes a small glTF 2.0 box (GLB bytes) for tests: 24 vertices with
// normals, 12 triangles, one material; sized and centred as asked, in glTF's
// own axes (Y up), so that tests build tilesets and models around it.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "TileTestBytes.h"

namespace citytwin::test {

/// A box from `min` to `max` (glTF axes, metres) as a GLB.
inline std::string makeBoxGlb(std::array<float, 3> min, std::array<float, 3> max) {
    std::vector<float> pos, nrm;
    std::vector<std::uint16_t> idx;
    // Each face: its axis, its side, the two other axes.
    for (int axis = 0; axis < 3; ++axis)
        for (int side = 0; side < 2; ++side) {
            const int u = (axis + 1) % 3, v = (axis + 2) % 3;
            const auto base = std::uint16_t(pos.size() / 3);
            for (int corner = 0; corner < 4; ++corner) {
                std::array<float, 3> p{};
                p[axis] = side ? max[axis] : min[axis];
                p[u] = (corner == 1 || corner == 2) ? max[u] : min[u];
                p[v] = (corner >= 2) ? max[v] : min[v];
                pos.insert(pos.end(), p.begin(), p.end());
                std::array<float, 3> n{};
                n[axis] = side ? 1.f : -1.f;
                nrm.insert(nrm.end(), n.begin(), n.end());
            }
            // Counter-clockwise seen from outside.
            const std::array<std::uint16_t, 6> a{0, 1, 2, 0, 2, 3}, b{0, 2, 1, 0, 3, 2};
            for (std::uint16_t i : side ? a : b)
                idx.push_back(std::uint16_t(base + i));
        }
    std::string bin;
    bin.append(reinterpret_cast<const char*>(pos.data()), pos.size() * 4);
    bin.append(reinterpret_cast<const char*>(nrm.data()), nrm.size() * 4);
    bin.append(reinterpret_cast<const char*>(idx.data()), idx.size() * 2);
    while (bin.size() % 4)
        bin.push_back('\0');
    auto f = [](float x) { return std::to_string(x); };
    const std::size_t posBytes = pos.size() * 4, nrmBytes = nrm.size() * 4,
                      idxBytes = idx.size() * 2;
    std::string json =
        R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"mesh":0}],)"
        R"("meshes":[{"primitives":[{"attributes":{"POSITION":0,"NORMAL":1},"indices":2,"material":0}]}],)"
        R"("materials":[{"pbrMetallicRoughness":{"baseColorFactor":[0.8,0.5,0.3,1]}}],)"
        R"("buffers":[{"byteLength":)" +
        std::to_string(bin.size()) + R"(}],"bufferViews":[)" +
        R"({"buffer":0,"byteOffset":0,"byteLength":)" + std::to_string(posBytes) + "}," +
        R"({"buffer":0,"byteOffset":)" + std::to_string(posBytes) + R"(,"byteLength":)" +
        std::to_string(nrmBytes) + "}," + R"({"buffer":0,"byteOffset":)" +
        std::to_string(posBytes + nrmBytes) + R"(,"byteLength":)" + std::to_string(idxBytes) +
        "}]," + R"("accessors":[)" +
        R"({"bufferView":0,"componentType":5126,"count":24,"type":"VEC3","min":[)" + f(min[0]) +
        "," + f(min[1]) + "," + f(min[2]) + "],\"max\":[" + f(max[0]) + "," + f(max[1]) + "," +
        f(max[2]) + "]}," + R"({"bufferView":1,"componentType":5126,"count":24,"type":"VEC3"},)" +
        R"({"bufferView":2,"componentType":5123,"count":36,"type":"SCALAR"}]})";
    while (json.size() % 4)
        json.push_back(' ');
    std::string out = "glTF";
    appendU32(out, 2);
    appendU32(out, std::uint32_t(12 + 8 + json.size() + 8 + bin.size()));
    appendU32(out, std::uint32_t(json.size()));
    appendU32(out, 0x4E4F534A);  // JSON
    out += json;
    appendU32(out, std::uint32_t(bin.size()));
    appendU32(out, 0x004E4942);  // BIN
    out += bin;
    return out;
}

/// The same box as a b3dm tile (no batch table).
inline std::string makeBoxB3dm(std::array<float, 3> min, std::array<float, 3> max) {
    return makeTile("b3dm", R"({"BATCH_LENGTH":0})", "", "", "", makeBoxGlb(min, max));
}

}  // namespace citytwin::test
