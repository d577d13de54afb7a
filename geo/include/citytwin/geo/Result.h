#pragma once
// Result<T>: a value and/or the diagnostics that explain it. Bad input that is
// common and predictable (a broken file, a wrong CRS) is reported through this
// type, never by throwing across a module boundary.

#include <optional>
#include <string>
#include <type_traits>
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

/// The diagnostics of a failed operation on their way to a caller whose
/// result has another value type: `return geo::failedFrom(sub);` in a function
/// returning Result<T> hands sub's errors and warnings on unchanged.
struct Failure {
    std::vector<Diagnostic> diagnostics;
};

namespace detail {
/// Ends the process naming the diagnostics: value() on a failed Result is a
/// programming error (the caller did not check ok()), never a bad input.
[[noreturn]] void failUncheckedValue(const std::vector<Diagnostic>& diagnostics);
}  // namespace detail

/// A value (present on success) and the diagnostics gathered producing it.
/// Warnings may accompany a value; an error without a value means failure.
template <typename T>
class Result {
public:
    Result() = default;
    Result(T value) : _maybeValue(std::move(value)) {}  // NOLINT: implicit by design
    Result(Diagnostic error) { _diagnostics.push_back(std::move(error)); }
    /// A failure carrying another result's diagnostics (see geo::failedFrom).
    Result(Failure failed) : _diagnostics(std::move(failed.diagnostics)) {  // NOLINT: implicit
        if (!hasErrors())
            _diagnostics.push_back(makeError("failed without a reason"));
    }

    static Result failure(std::string message, std::string source = {}, long line = 0,
                          std::string field = {}) {
        return Result(makeError(std::move(message), std::move(source), line, std::move(field)));
    }

    bool ok() const { return _maybeValue.has_value(); }
    explicit operator bool() const { return ok(); }

    T& value() & { return checked(); }
    const T& value() const& { return checked(); }
    T&& value() && { return std::move(checked()); }
    T& operator*() & { return checked(); }
    const T& operator*() const& { return checked(); }
    T* operator->() { return &checked(); }
    const T* operator->() const { return &checked(); }

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
    T& checked() {
        if (!_maybeValue)
            detail::failUncheckedValue(_diagnostics);
        return *_maybeValue;
    }
    const T& checked() const {
        if (!_maybeValue)
            detail::failUncheckedValue(_diagnostics);
        return *_maybeValue;
    }

    std::optional<T> _maybeValue;
    std::vector<Diagnostic> _diagnostics;
};

/// For operations with no value of their own.
struct Done {};
using Status = Result<Done>;

/// Hands a failed result's diagnostics on to a Result of another type.
template <typename U>
Failure failedFrom(const Result<U>& failed) {
    return Failure{failed.diagnostics()};
}

/// Returns from the enclosing function (whose type is any Result) when expr,
/// a Result, failed; its diagnostics go with it.
#define CITYTWIN_RETURN_IF_FAILED(expr)                          \
    do {                                                         \
        const auto& citytwinResult_ = (expr);                    \
        if (!citytwinResult_.ok())                               \
            return ::citytwin::geo::failedFrom(citytwinResult_); \
    } while (false)

}  // namespace citytwin::geo
