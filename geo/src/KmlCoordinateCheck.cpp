#include "KmlCoordinateCheck.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace citytwin::geo::detail {
namespace {

bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isFiniteNumber(std::string_view token) {
    if (token.empty() || token.size() > 64)
        return false;
    const std::string s(token);
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size() && std::isfinite(v);
}

long lineOf(std::string_view text, std::size_t pos) {
    return 1 + static_cast<long>(std::count(text.begin(), text.begin() + pos, '\n'));
}

}  // namespace

Status checkKmlCoordinates(std::string_view kml, const std::string& source) {
    constexpr std::string_view kOpen = "<coordinates>", kClose = "</coordinates>";
    for (std::size_t at = kml.find(kOpen); at != std::string_view::npos; at = kml.find(kOpen, at)) {
        const std::size_t begin = at + kOpen.size();
        const std::size_t end = kml.find(kClose, begin);
        if (end == std::string_view::npos)
            return Status::failure("<coordinates> is not closed", source, lineOf(kml, at),
                                   "coordinates");
        // Tuples "lon,lat[,alt]" separated by blanks; a blank may follow a comma.
        std::size_t i = begin;
        while (i < end) {
            while (i < end && (isBlank(kml[i]) || kml[i] == ','))
                ++i;
            std::size_t j = i;
            while (j < end && !isBlank(kml[j]) && kml[j] != ',')
                ++j;
            if (j > i && !isFiniteNumber(kml.substr(i, j - i)))
                return Status::failure(
                    "unparsable coordinate '" +
                        std::string(kml.substr(i, std::min<std::size_t>(j - i, 40))) +
                        "' in <coordinates> (numbers lon,lat[,alt] expected)",
                    source, lineOf(kml, i), "coordinates");
            i = j;
        }
        at = end + kClose.size();
    }
    return Done{};
}

Status checkKmlFile(const std::string& path) {
    std::string ext = path.size() >= 4 ? path.substr(path.size() - 4) : std::string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext != ".kml")
        return Done{};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Done{};  // the driver's open says why
    std::ostringstream text;
    text << in.rdbuf();
    return checkKmlCoordinates(text.str(), path);
}

}  // namespace citytwin::geo::detail
