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
    }
    return 0;
}
