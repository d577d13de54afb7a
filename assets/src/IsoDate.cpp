#include "citytwin/assets/IsoDate.h"

#include <chrono>
#include <cstdio>

namespace citytwin::assets {

std::optional<IsoDate> IsoDate::parse(std::string_view text) {
    // OGR renders Date fields as YYYY/MM/DD; GeoPackage and users write YYYY-MM-DD.
    if (text.size() < 10 || !(text[4] == '-' || text[4] == '/') || text[7] != text[4])
        return std::nullopt;
    if (text.size() > 10 && text[10] != 'T' && text[10] != ' ')
        return std::nullopt;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int i = 0; i < 3; ++i)
        for (std::size_t k = 0; k < lengths[i]; ++k) {
            const char c = text[starts[i] + k];
            if (c < '0' || c > '9')
                return std::nullopt;
            parts[i] = parts[i] * 10 + (c - '0');
        }
    const std::chrono::year_month_day ymd{std::chrono::year{parts[0]},
                                          std::chrono::month{static_cast<unsigned>(parts[1])},
                                          std::chrono::day{static_cast<unsigned>(parts[2])}};
    if (!ymd.ok())
        return std::nullopt;
    return IsoDate{std::chrono::sys_days{ymd}.time_since_epoch().count()};
}

IsoDate IsoDate::today() {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return IsoDate{now.time_since_epoch().count()};
}

std::string IsoDate::toString() const {
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buffer;
}

}  // namespace citytwin::assets
