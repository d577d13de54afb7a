// OSG's notify output reaches geo::log with its severity mapped.

#include <gtest/gtest.h>

#include <osg/Notify>

#include <string>
#include <utility>
#include <vector>

#include "citytwin/geo/Log.h"
#include "citytwin/render/OsgLogRouting.h"

using namespace citytwin;

TEST(OsgLogRouting, osgMessagesGoToTheLogWithTheirLevel) {
    std::vector<std::pair<geo::LogLevel, std::string>> seen;
    geo::setLogSink(
        [&](geo::LogLevel level, const std::string& m) { seen.emplace_back(level, m); });
    render::routeOsgNotifyToLog();
    OSG_WARN << "a warning from OSG" << std::endl;
    OSG_FATAL << "a fatal one" << std::endl;
    OSG_NOTICE << "a notice" << std::endl;
    geo::setLogSink({});
    osg::setNotifyHandler(new osg::StandardNotifyHandler);

    auto find = [&](const std::string& text) -> const std::pair<geo::LogLevel, std::string>* {
        for (const auto& s : seen)
            if (s.second.find(text) != std::string::npos)
                return &s;
        return nullptr;
    };
    const auto* warning = find("a warning from OSG");
    ASSERT_TRUE(warning);
    EXPECT_EQ(warning->first, geo::LogLevel::Warning);
    EXPECT_EQ(warning->second.back(), 'G');  // the line's newline is dropped
    const auto* fatal = find("a fatal one");
    ASSERT_TRUE(fatal);
    EXPECT_EQ(fatal->first, geo::LogLevel::Error);
    if (osg::isNotifyEnabled(osg::NOTICE)) {
        const auto* notice = find("a notice");
        ASSERT_TRUE(notice);
        EXPECT_EQ(notice->first, geo::LogLevel::Info);
    }
}
