// Fuzz target: parseReportModelJson must never crash, hang or throw; a
// parsed model writes back to JSON that parses to the same findings, and
// its HTML and map can be produced.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "citytwin/assets/ReportHtml.h"
#include "citytwin/assets/ReportModelJson.h"
#include "citytwin/assets/SvgMapCanvas.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto model = citytwin::assets::parseReportModelJson(text, "fuzz.json");
    if (model.ok()) {
        const auto again = citytwin::assets::parseReportModelJson(
            citytwin::assets::reportModelToJson(model.value()), "again.json");
        if (!again.ok() || again.value().findings.size() != model.value().findings.size())
            std::abort();
        citytwin::assets::reportHtmlDocument(
            model.value(), citytwin::assets::reportMapSvg(model.value(), 180, 150));
    }
    return 0;
}
