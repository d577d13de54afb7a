#pragma once
// GDAL set-up shared by every reader: drivers registered once, and GDAL's
// error handler captured per call so that its messages reach our Result and
// log instead of stderr.

#include <string>
#include <vector>

namespace citytwin::geo {

/// Registers GDAL/OGR drivers once per process; safe to call from any thread.
void ensureGdalInitialised();

/// While alive, GDAL errors raised on this thread are collected (and not
/// printed). Nestable.
class GdalErrorCapture {
public:
    GdalErrorCapture();
    ~GdalErrorCapture();
    GdalErrorCapture(const GdalErrorCapture&) = delete;
    GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;

    const std::vector<std::string>& errors() const { return _errors; }
    const std::vector<std::string>& warnings() const { return _warnings; }
    /// The last error, or the fallback if GDAL said nothing.
    std::string lastError(const std::string& fallback) const;

private:
    std::vector<std::string> _errors;
    std::vector<std::string> _warnings;
};

}  // namespace citytwin::geo
