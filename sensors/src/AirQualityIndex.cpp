#include "citytwin/sensors/AirQualityIndex.h"

#include <array>
#include <cmath>

namespace citytwin::sensors {
namespace {

// HJ 633-2012 table 1: PM2.5 24 h average breakpoints (µg/m³) and IAQI.
constexpr std::array<double, 8> kConcentration{0, 35, 75, 115, 150, 250, 350, 500};
constexpr std::array<int, 8> kIaqi{0, 50, 100, 150, 200, 300, 400, 500};

}  // namespace

int pm25Iaqi(double c) {
    if (!(c > 0))  // negative, zero or NaN
        return 0;
    if (c >= kConcentration.back())
        return kIaqi.back();
    std::size_t i = 1;
    while (c > kConcentration[i])
        ++i;
    const double lo = kConcentration[i - 1], hi = kConcentration[i];
    const double iaqi = kIaqi[i - 1] + (kIaqi[i] - kIaqi[i - 1]) * (c - lo) / (hi - lo);
    // Rounded up (HJ 633-2012 5.2); the epsilon keeps 35.0 at exactly 50
    // despite binary fractions.
    return static_cast<int>(std::ceil(iaqi - 1e-9));
}

AqiCategory aqiCategoryOf(int iaqi) {
    if (iaqi <= 50)
        return AqiCategory::Excellent;
    if (iaqi <= 100)
        return AqiCategory::Good;
    if (iaqi <= 150)
        return AqiCategory::LightlyPolluted;
    if (iaqi <= 200)
        return AqiCategory::ModeratelyPolluted;
    if (iaqi <= 300)
        return AqiCategory::HeavilyPolluted;
    return AqiCategory::SeverelyPolluted;
}

AqiCategory pm25Category(double c) {
    return aqiCategoryOf(pm25Iaqi(c));
}

std::uint32_t aqiColourRgb(AqiCategory category) {
    switch (category) {
        case AqiCategory::Excellent:
            return 0x00E400;
        case AqiCategory::Good:
            return 0xFFFF00;
        case AqiCategory::LightlyPolluted:
            return 0xFF7E00;
        case AqiCategory::ModeratelyPolluted:
            return 0xFF0000;
        case AqiCategory::HeavilyPolluted:
            return 0x99004C;
        case AqiCategory::SeverelyPolluted:
            return 0x7E0023;
    }
    return 0x7E0023;
}

std::string_view aqiCategoryName(AqiCategory category) {
    switch (category) {
        case AqiCategory::Excellent:
            return "excellent";
        case AqiCategory::Good:
            return "good";
        case AqiCategory::LightlyPolluted:
            return "lightly polluted";
        case AqiCategory::ModeratelyPolluted:
            return "moderately polluted";
        case AqiCategory::HeavilyPolluted:
            return "heavily polluted";
        case AqiCategory::SeverelyPolluted:
            return "severely polluted";
    }
    return "severely polluted";
}

std::string_view aqiCategoryChineseName(AqiCategory category) {
    switch (category) {
        case AqiCategory::Excellent:
            return "优";
        case AqiCategory::Good:
            return "良";
        case AqiCategory::LightlyPolluted:
            return "轻度污染";
        case AqiCategory::ModeratelyPolluted:
            return "中度污染";
        case AqiCategory::HeavilyPolluted:
            return "重度污染";
        case AqiCategory::SeverelyPolluted:
            return "严重污染";
    }
    return "严重污染";
}

bool isPm25Metric(std::string_view metric) {
    return metric == "pm25" || metric == "pm2_5" || metric == "pm2.5";
}

}  // namespace citytwin::sensors
