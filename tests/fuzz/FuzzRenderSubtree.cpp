// Fuzz target: arbitrary bytes as a 3D Tiles 1.1 subtree (binary or JSON)
// of a 3-level quadtree; external buffers are answered with a few bytes.

#include <cstddef>
#include <cstdint>
#include <span>

#include "citytwin/formats/SubtreeFile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto fetch = [](const std::string&) -> citytwin::geo::Result<std::vector<std::uint8_t>> {
        return std::vector<std::uint8_t>(16, 0xFF);
    };
    auto subtree = citytwin::formats::parseSubtree(std::span(data, size), "fuzz", 21, 64, fetch);
    if (subtree)
        for (std::uint64_t i = 0; i < 64; ++i)
            (void)subtree->childSubtrees.isAvailable(i);
    return 0;
}
