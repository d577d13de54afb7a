// Fuzzes the attribute table's filter parser: any bytes in, a filter or an
// error that says where, never a crash; a parsed filter evaluates on
// features with and without the attributes it names, and a text search
// matches a feature holding the searched text.

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "citytwin/assets/AttributeFilter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace citytwin;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto filter = assets::AttributeFilter::parse(text);
    if (!filter.ok()) {
        if (filter.messages().find("at character") == std::string::npos)
            std::abort();
        return 0;
    }
    geo::Feature empty;
    geo::Feature full;
    full.attributes = {{"height", "120.5"}, {"name", std::string(text)}, {"status", "planned"}};
    (void)filter->matches(empty);
    const bool hit = filter->matches(full);
    if (filter->isTextSearch() && !hit)
        std::abort();  // the searched text is the name's value
    return 0;
}
