#pragma once
// A tiny process-wide log: one sink (stderr by default) that the GUI can
// replace with its own. GDAL and PROJ messages are routed here, never printed
// behind the user's back.

#include <functional>
#include <string>

namespace citytwin::geo {

enum class LogLevel { Debug, Info, Warning, Error };

using LogSink = std::function<void(LogLevel, const std::string&)>;

/// Replaces the sink; thread-safe. Passing an empty function restores stderr.
void setLogSink(LogSink sink);
/// Messages below this level are dropped (default Info; CITYTWIN_LOG=debug lowers it).
void setLogLevel(LogLevel level);
void log(LogLevel level, const std::string& message);

inline void logDebug(const std::string& m) { log(LogLevel::Debug, m); }
inline void logInfo(const std::string& m) { log(LogLevel::Info, m); }
inline void logWarning(const std::string& m) { log(LogLevel::Warning, m); }
inline void logError(const std::string& m) { log(LogLevel::Error, m); }

}  // namespace citytwin::geo
