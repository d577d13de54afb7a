#pragma once
// China's air quality index for PM2.5 (HJ 633-2012, "Technical Regulation on
// Ambient Air Quality Index", table 1 and table 2): the individual AQI
// (IAQI) of a PM2.5 concentration and its category and colour. Table and
// source: docs/sensors.md "AQI colours".
//
//   PM2.5 µg/m³   0    35    75    115   150   250   350   500
//   IAQI          0    50    100   150   200   300   400   500
//   category      excellent | good | lightly | moderately | heavily | severely polluted
//   colour        #00E400   #FFFF00 #FF7E00   #FF0000     #99004C   #7E0023
// A concentration on a breakpoint belongs to the band below it (IAQI is
// rounded up, HJ 633-2012 5.2: 35 µg/m³ is IAQI 50, excellent; 35.1 is 51,
// good). The standard gives the 24 h average breakpoints; hourly values are
// classified with the same table, as China's real-time AQI does for PM2.5.
// Pure functions: any thread.

#include <cstdint>
#include <string_view>

namespace citytwin::sensors {

enum class AqiCategory {
    Excellent,           ///< 优, IAQI 0-50
    Good,                ///< 良, 51-100
    LightlyPolluted,     ///< 轻度污染, 101-150
    ModeratelyPolluted,  ///< 中度污染, 151-200
    HeavilyPolluted,     ///< 重度污染, 201-300
    SeverelyPolluted,    ///< 严重污染, above 300
};

/// IAQI of a PM2.5 concentration (µg/m³), rounded up to an integer; 500 for
/// concentrations above 500 (the table's end); 0 for negative or NaN input.
int pm25Iaqi(double microgramsPerCubicMetre);

/// The category of an IAQI (or AQI) value.
AqiCategory aqiCategoryOf(int iaqi);

/// The category of a PM2.5 concentration (µg/m³).
AqiCategory pm25Category(double microgramsPerCubicMetre);

/// The standard colour of a category as 0xRRGGBB.
std::uint32_t aqiColourRgb(AqiCategory category);

/// English name, e.g. "lightly polluted"; chineseName: e.g. "轻度污染" (UTF-8).
std::string_view aqiCategoryName(AqiCategory category);
std::string_view aqiCategoryChineseName(AqiCategory category);

/// True for the metric names the AQI colours apply to ("pm25", "pm2_5").
bool isPm25Metric(std::string_view metric);

}  // namespace citytwin::sensors
