// Fuzzes the 'x y [z]' line parser of citytwin-cli transform: any bytes,
// split into lines; a parsed point must format and read back unchanged.

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "citytwin/geo/CoordinateLine.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view all(reinterpret_cast<const char*>(data), size);
    std::size_t start = 0;
    while (start <= all.size()) {
        std::size_t nl = all.find('\n', start);
        if (nl == std::string_view::npos)
            nl = all.size();
        const auto line = citytwin::geo::parseCoordinateLine(all.substr(start, nl - start));
        if (line.kind == citytwin::geo::CoordinateLine::Kind::Point) {
            if (!std::isfinite(line.x) || !std::isfinite(line.y) || !std::isfinite(line.z))
                std::abort();
            for (double v : {line.x, line.y, line.z}) {
                std::string s;
                citytwin::geo::appendCoordinate(s, v);
                double back = 0.0;
                const auto r = std::from_chars(s.data(), s.data() + s.size(), back);
                if (r.ec != std::errc() || back != v)
                    std::abort();
            }
        } else if (line.kind == citytwin::geo::CoordinateLine::Kind::Bad && line.error.empty()) {
            std::abort();
        }
        start = nl + 1;
    }
    return 0;
}
