// Fuzz target: parseRules must never crash, hang or throw, whatever the text;
// a parsed rule set always has every rule.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "citytwin/assets/RuleSet.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto rules = citytwin::assets::parseRules(text, "fuzz.json");
    if (rules.ok()) {
        for (const auto& code : citytwin::assets::rulecodes::all())
            if (!rules.value().rules.count(code))
                std::abort();
        if (rules.value().maxHalfWidthM() <= 0.0)
            std::abort();
        // The network section: a usable tolerance and radii (docs/assets.md).
        const auto& r = rules.value();
        if (!(r.networkSnapToleranceM >= 0.0 && r.networkSnapToleranceM <= 10000.0) ||
            !(r.coverageRadiusFor(std::nullopt) > 0.0))
            std::abort();
        for (const auto& [host, radius] : r.coverageRadiusByHostM)
            if (!(radius > 0.0))
                std::abort();
    }
    return 0;
}
