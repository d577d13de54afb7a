// Fuzz target: arbitrary bytes as an i3dm instanced tile; the embedded glTF
// is built too.

#include <cstddef>
#include <cstdint>
#include <span>

#include "citytwin/formats/BatchTable.h"
#include "citytwin/formats/I3dmTile.h"
#include "citytwin/render/GltfModelLoader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto tile = citytwin::formats::parseI3dm(std::span(data, size), "fuzz");
    if (!tile)
        return 0;
    (void)citytwin::formats::buildBatchTableLayer(tile->batchTableJson, tile->batchTableBinary,
                                                  tile->batchLength, "fuzz", "fuzz");
    if (tile->embeddedGltf)
        (void)citytwin::render::buildGltfNode(tile->glb, "", "fuzz");
    return 0;
}
