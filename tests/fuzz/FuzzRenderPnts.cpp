// Fuzz target: arbitrary bytes as a pnts point cloud tile, batch table included.

#include <cstddef>
#include <cstdint>
#include <span>

#include "citytwin/formats/BatchTable.h"
#include "citytwin/formats/PntsTile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto tile = citytwin::formats::parsePnts(std::span(data, size), "fuzz");
    if (tile)
        (void)citytwin::formats::buildBatchTableLayer(tile->batchTableJson, tile->batchTableBinary,
                                                      tile->batchLength, "fuzz", "fuzz");
    return 0;
}
