// Fuzz target: arbitrary bytes as a GLB or glTF JSON document in memory
// (no external files). Must return an error or a node, never crash or hang.

#include <cstddef>
#include <cstdint>
#include <span>

#include "citytwin/render/GltfModelLoader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto node = citytwin::render::buildGltfNode(std::span(data, size), "", "fuzz");
    (void)node;
    return 0;
}
