// Fuzz target: one line through the CSV splitter and number parser shared by
// the registry and readings readers (sensors/src/CsvLine.cpp). Never a
// crash; the split is lossless: the fields written back as quoted CSV split
// into the same fields; parseDouble returns finite numbers only.

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "CsvLine.h"

using namespace citytwin::sensors::detail;

namespace {

std::string quoted(const std::vector<std::string>& fields) {
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i)
            line += ',';
        line += '"';
        for (char c : fields[i]) {
            if (c == '"')
                line += '"';
            line += c;
        }
        line += '"';
    }
    return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    if (const auto fields = splitCsvLine(line)) {
        if (fields->empty() || splitCsvLine(quoted(*fields)) != fields)
            __builtin_trap();
        for (const auto& f : *fields)
            if (const auto v = parseDouble(f); v && !std::isfinite(*v))
                __builtin_trap();
    }
    const std::string_view t = trim(line);
    if (!t.empty() && (t.front() == ' ' || t.front() == '\t' || t.back() == ' ' ||
                       t.back() == '\t' || t.back() == '\r'))
        __builtin_trap();
    return 0;
}
