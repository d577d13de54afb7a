// Fuzz target: parseScenario must never crash, hang or throw, whatever the
// text; a parsed scenario is consistent (times in range and ordered) and
// writeScenario's text parses back to the same text.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "citytwin/assets/scenario/ScenarioFile.h"

using namespace citytwin::assets;

namespace {

template <typename Track>
void checkOrdered(const Track& track, const Scenario& s) {
    for (std::size_t i = 0; i < track.size(); ++i) {
        if (track[i].at < s.start || track[i].at > s.end)
            std::abort();
        if (i > 0 && track[i].at <= track[i - 1].at)
            std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = parseScenario(text, "fuzz.json");
    if (!parsed.ok())
        return 0;
    const Scenario& s = parsed.value();
    if (s.end <= s.start)
        std::abort();
    for (const auto& e : s.events) {
        if (const auto* v = std::get_if<VesselEvent>(&e))
            checkOrdered(v->track, s);
        else if (const auto* t = std::get_if<TyphoonEvent>(&e))
            checkOrdered(t->track, s);
        else if (const auto* x = std::get_if<ExcavationEvent>(&e))
            checkOrdered(x->keyframes, s);
    }
    const std::string written = writeScenario(s);
    const auto again = parseScenario(written, "fuzz-rewritten.json");
    if (!again.ok() || writeScenario(again.value()) != written)
        std::abort();
    return 0;
}
