#include "ScenarioInterpolation.h"

#include <algorithm>
#include <cmath>

#include "citytwin/assets/MetricPlane.h"

namespace citytwin::assets::detail {
namespace {

/// Index of the last element with at <= t (the caller knows t >= front().at).
template <typename T>
std::size_t segmentOf(const std::vector<T>& items, geo::TimeMs t) {
    const auto it = std::upper_bound(items.begin(), items.end(), t,
                                     [](geo::TimeMs v, const T& item) { return v < item.at; });
    return static_cast<std::size_t>(it - items.begin()) - 1;
}

double fraction(geo::TimeMs a, geo::TimeMs b, geo::TimeMs t) {
    return static_cast<double>(t - a) / static_cast<double>(b - a);
}

double lerp(double a, double b, double f) {
    return a + (b - a) * f;
}

bool sameShape(const geo::Polygon& a, const geo::Polygon& b) {
    if (a.rings.size() != b.rings.size())
        return false;
    for (std::size_t r = 0; r < a.rings.size(); ++r)
        if (a.rings[r].size() != b.rings[r].size())
            return false;
    return true;
}

}  // namespace

std::optional<geo::Polygon> excavationAt(const ExcavationEvent& e, geo::TimeMs t) {
    if (e.keyframes.empty() || t < e.keyframes.front().at)
        return std::nullopt;
    const std::size_t i = segmentOf(e.keyframes, t);
    const auto& a = e.keyframes[i];
    if (i + 1 >= e.keyframes.size() || t == a.at)
        return a.polygon;
    const auto& b = e.keyframes[i + 1];
    if (!sameShape(a.polygon, b.polygon))
        return a.polygon;
    const double f = fraction(a.at, b.at, t);
    geo::Polygon out = a.polygon;
    for (std::size_t r = 0; r < out.rings.size(); ++r)
        for (std::size_t k = 0; k < out.rings[r].size(); ++k) {
            out.rings[r][k].x = lerp(a.polygon.rings[r][k].x, b.polygon.rings[r][k].x, f);
            out.rings[r][k].y = lerp(a.polygon.rings[r][k].y, b.polygon.rings[r][k].y, f);
        }
    return out;
}

std::optional<VesselSample> vesselAt(const VesselEvent& e, geo::TimeMs t) {
    if (e.track.empty() || t < e.track.front().at || t > e.track.back().at)
        return std::nullopt;
    const std::size_t i = segmentOf(e.track, t);
    const auto& a = e.track[i];
    VesselSample s;
    s.position = a.position;
    s.sogKn = a.sogKn;
    s.status = a.status;
    // The heading of the leg being sailed (the last leg at the final fix).
    const std::size_t legFrom = i + 1 < e.track.size() ? i : (i > 0 ? i - 1 : i);
    if (legFrom + 1 < e.track.size()) {
        const MetricPlane plane(e.track[legFrom].position);
        const auto d = plane.toPlane(e.track[legFrom + 1].position);
        if (d.east != 0.0 || d.north != 0.0) {
            s.headingDeg = std::atan2(d.east, d.north) * 180.0 / M_PI;
            if (s.headingDeg < 0)
                s.headingDeg += 360.0;
        }
    }
    if (i + 1 < e.track.size() && t > a.at) {
        const auto& b = e.track[i + 1];
        const double f = fraction(a.at, b.at, t);
        s.position.x = lerp(a.position.x, b.position.x, f);
        s.position.y = lerp(a.position.y, b.position.y, f);
        s.sogKn = lerp(a.sogKn, b.sogKn, f);
    }
    return s;
}

std::optional<TyphoonFix> typhoonAt(const TyphoonEvent& e, geo::TimeMs t) {
    if (e.track.empty() || t < e.track.front().at || t > e.track.back().at)
        return std::nullopt;
    const std::size_t i = segmentOf(e.track, t);
    TyphoonFix s = e.track[i];
    s.at = t;
    if (i + 1 < e.track.size() && t > e.track[i].at) {
        const auto& a = e.track[i];
        const auto& b = e.track[i + 1];
        const double f = fraction(a.at, b.at, t);
        s.centre.x = lerp(a.centre.x, b.centre.x, f);
        s.centre.y = lerp(a.centre.y, b.centre.y, f);
        s.radiusKm = lerp(a.radiusKm, b.radiusKm, f);
        s.windMs = lerp(a.windMs, b.windMs, f);
    }
    return s;
}

}  // namespace citytwin::assets::detail
