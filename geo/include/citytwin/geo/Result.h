#pragma once
// Result<T>: a value and/or the diagnostics that explain it. Bad input that is
// common and predictable (a broken file, a wrong CRS) is reported through this
// type, never by throwing across a module boundary.

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace citytwin::geo {

enum class Severity { Info, Warning, Error };

/// One message about the input, naming where it comes from as precisely as
/// the reader knows: file, line (1-based, 0 = unknown), feature or field.
struct Diagnostic {
    Severity severity = Severity::Error;
    std::string message;
    std::string source;  ///< file path, topic or layer name
    long line = 0;       ///< 1-based line or feature number; 0 if not applicable
    std::string field;   ///< attribute or option name, if any

    /// "file:line: field: message" with the parts that are known.
    std::string toString() const;
};

Diagnostic makeError(std::string message, std::string source = {}, long line = 0,
                     std::string field = {});
Diagnostic makeWarning(std::string message, std::string source = {}, long line = 0,
                       std::string field = {});

/// A value (present on success) and the diagnostics gathered producing it.
/// Warnings may accompany a value; an error without a value means failure.
template <typename T>
class Result {
public:
    Result() = default;
    Result(T value) : _maybeValue(std::move(value)) {}  // NOLINT: implicit by design
    Result(Diagnostic error) { _diagnostics.push_back(std::move(error)); }

    static Result failure(std::string message, std::string source = {}, long line = 0,
                          std::string field = {}) {
        return Result(makeError(std::move(message), std::move(source), line, std::move(field)));
    }

    bool ok() const { return _maybeValue.has_value(); }
    explicit operator bool() const { return ok(); }

    T& value() & { return *_maybeValue; }
    const T& value() const& { return *_maybeValue; }
    T&& value() && { return std::move(*_maybeValue); }
    T& operator*() & { return *_maybeValue; }
    const T& operator*() const& { return *_maybeValue; }
    T* operator->() { return &*_maybeValue; }
    const T* operator->() const { return &*_maybeValue; }

    const std::vector<Diagnostic>& diagnostics() const { return _diagnostics; }
    void addDiagnostic(Diagnostic d) { _diagnostics.push_back(std::move(d)); }
    void addDiagnostics(const std::vector<Diagnostic>& ds) {
        _diagnostics.insert(_diagnostics.end(), ds.begin(), ds.end());
    }

    bool hasErrors() const {
        for (const auto& d : _diagnostics)
            if (d.severity == Severity::Error)
                return true;
        return false;
    }
    /// All diagnostics, one per line, for a message box or stderr.
    std::string messages() const {
        std::string out;
        for (const auto& d : _diagnostics) {
            if (!out.empty())
                out += '\n';
            out += d.toString();
        }
        return out;
    }

private:
    std::optional<T> _maybeValue;
    std::vector<Diagnostic> _diagnostics;
};

/// For operations with no value of their own.
struct Done {};
using Status = Result<Done>;

}  // namespace citytwin::geo
