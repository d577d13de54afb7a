// Fuzz target: arbitrary bytes as a b3dm tile; the GLB inside is built too.

#include <cstddef>
#include <cstdint>
#include <span>

#include "citytwin/formats/B3dmTile.h"
#include "citytwin/render/GltfModelLoader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto tile = citytwin::formats::parseB3dm(std::span(data, size), "fuzz");
    if (tile)
        (void)citytwin::render::buildGltfNode(tile->glb, "", "fuzz");
    return 0;
}
