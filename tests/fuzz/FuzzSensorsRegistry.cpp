// Fuzz target: arbitrary bytes as a sensor registry CSV
// (sensors/src/SensorRegistry.cpp: header, rows, numbers, CRS per row).
// Never a crash; every sensor of an accepted registry has an id, a known
// kind, a WGS 84 position and ordered thresholds, and is found by its id.

#include <cmath>
#include <cstdint>
#include <string>

#include "citytwin/sensors/SensorRegistry.h"

using namespace citytwin::sensors;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto registry = SensorRegistry::parseCsv(text, "fuzz.csv");
    if (!registry.ok())
        return 0;
    for (const SensorInfo& s : registry->sensors()) {
        if (s.id.empty() || registry->find(s.id) != &s)
            __builtin_trap();
        if (!(std::abs(s.position.x) <= 180.0 && std::abs(s.position.y) <= 90.0))
            __builtin_trap();
        const auto& t = s.thresholds;
        if (t.low && t.high && *t.low > *t.high)
            __builtin_trap();
        if (t.onDelaySeconds && *t.onDelaySeconds < 0)
            __builtin_trap();
    }
    return 0;
}
