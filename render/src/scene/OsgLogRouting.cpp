#include "citytwin/render/OsgLogRouting.h"

#include <osg/Notify>

#include <string>

#include "citytwin/geo/Log.h"

namespace citytwin::render {
namespace {

geo::LogLevel logLevelOf(osg::NotifySeverity severity) {
    switch (severity) {
        case osg::FATAL:
            return geo::LogLevel::Error;
        case osg::WARN:
            return geo::LogLevel::Warning;
        case osg::ALWAYS:
        case osg::NOTICE:
            return geo::LogLevel::Info;
        case osg::INFO:
        case osg::DEBUG_INFO:
        case osg::DEBUG_FP:
            return geo::LogLevel::Debug;
    }
    return geo::LogLevel::Info;
}

class LogNotifyHandler : public osg::NotifyHandler {
public:
    void notify(osg::NotifySeverity severity, const char* message) override {
        std::string text = message ? message : "";
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
            text.pop_back();
        if (!text.empty())
            geo::log(logLevelOf(severity), "OSG: " + text);
    }
};

}  // namespace

void routeOsgNotifyToLog() {
    osg::setNotifyHandler(new LogNotifyHandler);
}

}  // namespace citytwin::render
