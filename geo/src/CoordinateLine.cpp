#include "citytwin/geo/CoordinateLine.h"

#include <array>
#include <charconv>
#include <cmath>

namespace citytwin::geo {
namespace {

bool isSeparator(char c) {
    return c == ' ' || c == '\t' || c == ',' || c == '\r';
}

std::string quoted(std::string_view token) {
    constexpr std::size_t kMax = 40;
    std::string t(token.substr(0, kMax));
    for (char& c : t)
        if (static_cast<unsigned char>(c) < 0x20)
            c = '?';
    return "'" + t + (token.size() > kMax ? "...'" : "'");
}

}  // namespace

CoordinateLine parseCoordinateLine(std::string_view line) {
    CoordinateLine out;
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    std::size_t i = 0;
    while (i < line.size() && isSeparator(line[i]))
        ++i;
    if (i == line.size())
        return out;  // Blank
    if (line[i] == '#') {
        out.kind = CoordinateLine::Kind::Comment;
        return out;
    }
    std::array<double, 3> values{};
    std::size_t count = 0;
    while (i < line.size()) {
        std::size_t end = i;
        while (end < line.size() && !isSeparator(line[end]))
            ++end;
        std::string_view token = line.substr(i, end - i);
        if (count == values.size()) {
            out.kind = CoordinateLine::Kind::Bad;
            out.error = "expected 'x y [z]' but found more than 3 values (" + quoted(token) + ")";
            return out;
        }
        std::string_view digits = token;
        if (!digits.empty() && digits.front() == '+')
            digits.remove_prefix(1);
        double v = 0.0;
        const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
        if (ec != std::errc() || ptr != digits.data() + digits.size() || digits.empty()) {
            out.kind = CoordinateLine::Kind::Bad;
            out.error = quoted(token) + " is not a number";
            return out;
        }
        if (!std::isfinite(v)) {
            out.kind = CoordinateLine::Kind::Bad;
            out.error = quoted(token) + " is not a finite coordinate";
            return out;
        }
        values[count++] = v;
        i = end;
        while (i < line.size() && isSeparator(line[i]))
            ++i;
    }
    if (count < 2) {
        out.kind = CoordinateLine::Kind::Bad;
        out.error = "expected 'x y [z]' but found only one value";
        return out;
    }
    out.kind = CoordinateLine::Kind::Point;
    out.x = values[0];
    out.y = values[1];
    out.z = count == 3 ? values[2] : 0.0;
    out.hasZ = count == 3;
    return out;
}

void appendCoordinate(std::string& out, double v) {
    if (!std::isfinite(v)) {
        out += '*';
        return;
    }
    // Fixed notation, shortest round-trip digits: at most ~330 characters for
    // the extreme doubles, far less for coordinates.
    char buf[400];
    const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    if (ec == std::errc())
        out.append(buf, ptr);
    else
        out += '*';
}

}  // namespace citytwin::geo
