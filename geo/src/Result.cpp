#include "citytwin/geo/Result.h"

#include <cstdio>
#include <cstdlib>

namespace citytwin::geo {

std::string Diagnostic::toString() const {
    std::string out;
    if (!source.empty()) {
        out += source;
        if (line > 0)
            out += ":" + std::to_string(line);
        out += ": ";
    } else if (line > 0) {
        out += "line " + std::to_string(line) + ": ";
    }
    if (severity == Severity::Warning)
        out += "warning: ";
    if (severity == Severity::Error)
        out += "error: ";
    if (!field.empty())
        out += field + ": ";
    out += message;
    return out;
}

Diagnostic makeError(std::string message, std::string source, long line, std::string field) {
    return Diagnostic{Severity::Error, std::move(message), std::move(source), line,
                      std::move(field)};
}

namespace detail {
void failUncheckedValue(const std::vector<Diagnostic>& diagnostics) {
    // Not through geo::log: its sink may itself be failing, and this is the last word.
    std::fputs("citytwin: value() of a failed Result\n", stderr);
    for (const auto& d : diagnostics)
        std::fprintf(stderr, "  %s\n", d.toString().c_str());
    std::abort();
}
}  // namespace detail

Diagnostic makeWarning(std::string message, std::string source, long line, std::string field) {
    return Diagnostic{Severity::Warning, std::move(message), std::move(source), line,
                      std::move(field)};
}

}  // namespace citytwin::geo
