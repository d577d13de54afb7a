#include "citytwin/geo/Log.h"

#include <cstdlib>
#include <iostream>
#include <mutex>
#include <string_view>

namespace citytwin::geo {
namespace {

std::mutex& sinkMutex() {
    static std::mutex m;
    return m;
}
LogSink& sinkRef() {
    static LogSink sink;
    return sink;
}
LogLevel initialLevel() {
    const char* env = std::getenv("CITYTWIN_LOG");
    if (env && std::string_view(env) == "debug")
        return LogLevel::Debug;
    return LogLevel::Info;
}
LogLevel& levelRef() {
    static LogLevel level = initialLevel();
    return level;
}
const char* levelName(LogLevel l) {
    switch (l) {
        case LogLevel::Debug:
            return "debug";
        case LogLevel::Info:
            return "info";
        case LogLevel::Warning:
            return "warning";
        case LogLevel::Error:
            return "error";
    }
    return "?";
}

}  // namespace

void setLogSink(LogSink sink) {
    std::lock_guard lock(sinkMutex());
    sinkRef() = std::move(sink);
}

void setLogLevel(LogLevel level) {
    std::lock_guard lock(sinkMutex());
    levelRef() = level;
}

void log(LogLevel level, const std::string& message) {
    std::lock_guard lock(sinkMutex());
    if (level < levelRef())
        return;
    if (sinkRef()) {
        sinkRef()(level, message);
    } else {
        std::cerr << "citytwin " << levelName(level) << ": " << message << '\n';
    }
}

}  // namespace citytwin::geo
