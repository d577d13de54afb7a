// Fuzz target: arbitrary bytes as an i3dm instanced tile; the embedded glTF
// is built too.

#include <cstddef>
#include <cstdint>
#include <span>

#include "citytwin/render/BatchTable.h"
#include "citytwin/render/GltfModelLoader.h"
#include "citytwin/render/I3dmTile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto tile = citytwin::render::parseI3dm(std::span(data, size), "fuzz");
    if (!tile)
        return 0;
    (void)citytwin::render::buildBatchTableLayer(tile->batchTableJson, tile->batchTableBinary,
                                                 tile->batchLength, "fuzz", "fuzz");
    if (tile->embeddedGltf)
        (void)citytwin::render::buildGltfNode(tile->glb, "", "fuzz");
    return 0;
}
