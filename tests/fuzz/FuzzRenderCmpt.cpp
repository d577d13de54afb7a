// Fuzz target: arbitrary bytes as a cmpt composite tile; inner tiles go
// through their own parsers, nested composites recursively.

#include <cstddef>
#include <cstdint>
#include <span>

#include "citytwin/formats/B3dmTile.h"
#include "citytwin/formats/CmptTile.h"
#include "citytwin/formats/I3dmTile.h"
#include "citytwin/formats/PntsTile.h"

namespace {

void parseAny(std::span<const std::uint8_t> bytes, int depth) {
    using namespace citytwin::formats;
    if (hasCmptMagic(bytes) && depth < 8) {
        if (auto inner = parseCmpt(bytes, "fuzz"))
            for (auto tile : *inner)
                parseAny(tile, depth + 1);
    } else if (hasPntsMagic(bytes)) {
        (void)parsePnts(bytes, "fuzz");
    } else if (hasI3dmMagic(bytes)) {
        (void)parseI3dm(bytes, "fuzz");
    } else if (hasB3dmMagic(bytes)) {
        (void)parseB3dm(bytes, "fuzz");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    parseAny(std::span(data, size), 0);
    return 0;
}
