#include "citytwin/geo/Result.h"

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

Diagnostic makeWarning(std::string message, std::string source, long line, std::string field) {
    return Diagnostic{Severity::Warning, std::move(message), std::move(source), line,
                      std::move(field)};
}

}  // namespace citytwin::geo
