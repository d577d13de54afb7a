// Fuzzes the kiosk tour parser: bytes in, a Result out, never a crash; a
// tour it accepts has stops, every stop's values are in their ranges, and
// writeTour's text of it parses back with as many stops.

#include <cmath>
#include <cstdint>
#include <string_view>

#include "kiosk/TourFile.h"

using namespace citytwin::app::kiosk;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto tour = parseTour(text, "fuzz.json");
    if (!tour.ok())
        return 0;
    if (tour->stops.empty() || !isValidChord(tour->exit.chord))
        __builtin_trap();
    for (const TourStop& s : tour->stops)
        if (!std::isfinite(s.camera.lon) || s.camera.pitch < -90 || s.camera.pitch > 90 ||
            s.flySeconds < 0 || s.dwellSeconds <= 0 || s.caption.zh.empty() || s.caption.en.empty())
            __builtin_trap();
    // What the writer makes of an accepted tour reads back (bookmarks export through it).
    const auto again = parseTour(writeTour(*tour), "fuzz-written.json");
    if (!again.ok() || again->stops.size() != tour->stops.size())
        __builtin_trap();
    return 0;
}
