#include "ZoneDetectors.h"

#include <algorithm>
#include <cmath>

#include "ScenarioInterpolation.h"
#include "citytwin/assets/MetricPlane.h"

namespace citytwin::assets::detail {
namespace {

std::int64_t ceilSeconds(geo::TimeMs t) {
    return t >= 0 ? (t + 999) / 1000 : -((-t) / 1000);
}
std::int64_t floorSeconds(geo::TimeMs t) {
    return t >= 0 ? t / 1000 : -((-t + 999) / 1000);
}

using PlaneLine = std::vector<PlanePoint>;

double pointPolylineDistance(PlanePoint p, const PlaneLine& line) {
    if (line.size() == 1)
        return std::hypot(p.east - line[0].east, p.north - line[0].north);
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i + 1 < line.size(); ++i)
        best = std::min(best, plane::pointSegmentDistance(p, line[i], line[i + 1]));
    return best;
}

double pointCableDistance(PlanePoint p, const std::vector<PlaneLine>& parts) {
    double best = std::numeric_limits<double>::infinity();
    for (const auto& part : parts)
        best = std::min(best, pointPolylineDistance(p, part));
    return best;
}

std::vector<PlaneLine> cableInPlane(const Cable& cable, const MetricPlane& plane) {
    std::vector<PlaneLine> parts;
    for (const auto& line : cable.lines)
        if (!line.empty())
            parts.push_back(plane.toPlane(line));
    return parts;
}

geo::Extent cableExtent(const Cable& cable) {
    geo::Extent e;
    for (const auto& line : cable.lines)
        for (const auto& p : line)
            e.add(p.x, p.y);
    return e;
}

/// True if the extents come within marginM metres of each other (a generous
/// prefilter in degrees: a degree of latitude is at least 110 km).
bool extentsNear(const geo::Extent& a, const geo::Extent& b, double marginM) {
    if (a.isEmpty() || b.isEmpty())
        return false;
    const double dLat = marginM / 110000.0;
    const double cosLat = std::max(0.1, std::cos(a.centerY() * M_PI / 180.0));
    const double dLon = marginM / (110000.0 * cosLat);
    return a.minX - dLon <= b.maxX && b.minX <= a.maxX + dLon && a.minY - dLat <= b.maxY &&
           b.minY <= a.maxY + dLat;
}

geo::GeoPoint ringCentroid(const geo::Polygon& polygon) {
    geo::GeoPoint c;
    if (polygon.rings.empty() || polygon.rings[0].empty())
        return c;
    const auto& ring = polygon.rings[0];
    std::size_t n = ring.size();
    // The closing vertex repeats the first one.
    if (n > 1 && ring.front().x == ring.back().x && ring.front().y == ring.back().y)
        --n;
    for (std::size_t i = 0; i < n; ++i) {
        c.x += ring[i].x;
        c.y += ring[i].y;
    }
    c.x /= static_cast<double>(n);
    c.y /= static_cast<double>(n);
    return c;
}

bool ruleApplies(const RuleSet& rules, const char* code, std::optional<WorksKind> kind,
                 CableClass cls) {
    const RuleDefinition* d = rules.find(code);
    if (!d)
        return false;
    if (kind && !d->worksKinds.empty() &&
        std::find(d->worksKinds.begin(), d->worksKinds.end(), *kind) == d->worksKinds.end())
        return false;
    if (!d->cableClasses.empty() &&
        std::find(d->cableClasses.begin(), d->cableClasses.end(), cls) == d->cableClasses.end())
        return false;
    return true;
}

std::string metres(double m) {
    return formatFixed(m, m == std::round(m) ? 0 : 1);
}

}  // namespace

std::vector<SecondInterval> intervalsWhere(const std::function<bool(std::int64_t)>& holds,
                                           std::int64_t first, std::int64_t last,
                                           std::int64_t stepS) {
    std::vector<SecondInterval> out;
    if (last < first)
        return out;
    stepS = std::max<std::int64_t>(1, stepS);
    bool state = holds(first);
    std::int64_t begin = first;
    std::int64_t prev = first;
    // First second in (lo, hi] whose value differs from holds(lo).
    const auto change = [&](std::int64_t lo, std::int64_t hi) {
        const bool at = holds(lo);
        while (hi - lo > 1) {
            const std::int64_t mid = lo + (hi - lo) / 2;
            if (holds(mid) == at)
                lo = mid;
            else
                hi = mid;
        }
        return hi;
    };
    while (prev < last) {
        const std::int64_t s = std::min(last, prev + stepS);
        const bool v = holds(s);
        if (v != state) {
            const std::int64_t c = change(prev, s);
            if (state)
                out.push_back({begin, c});
            else
                begin = c;
            state = v;
        }
        prev = s;
    }
    if (state)
        out.push_back({begin, last + 1});
    return out;
}

std::string polygonsToWkt(const std::vector<geo::Polygon>& polygons) {
    const auto ringsText = [](const geo::Polygon& p) {
        std::string out = "(";
        for (std::size_t r = 0; r < p.rings.size(); ++r) {
            out += r ? ",(" : "(";
            for (std::size_t i = 0; i < p.rings[r].size(); ++i) {
                if (i)
                    out += ',';
                out += formatFixed(p.rings[r][i].x, 7) + " " + formatFixed(p.rings[r][i].y, 7);
            }
            out += ')';
        }
        return out + ")";
    };
    if (polygons.empty())
        return {};
    if (polygons.size() == 1)
        return "POLYGON " + ringsText(polygons[0]);
    std::string out = "MULTIPOLYGON (";
    for (std::size_t i = 0; i < polygons.size(); ++i) {
        if (i)
            out += ',';
        out += ringsText(polygons[i]);
    }
    return out + ")";
}

std::vector<LogEntry> detectExcavation(const ExcavationEvent& e, std::size_t eventIndex,
                                       const std::vector<Cable>& cables, const RuleSet& rules,
                                       geo::TimeMs scenarioEnd) {
    std::vector<LogEntry> out;
    if (e.keyframes.empty() || e.keyframes[0].polygon.rings.empty() ||
        e.keyframes[0].polygon.rings[0].empty())
        return out;
    const MetricPlane plane(e.keyframes[0].polygon.rings[0][0]);
    geo::Extent works;
    for (const auto& k : e.keyframes)
        for (const auto& ring : k.polygon.rings)
            for (const auto& p : ring)
                works.add(p.x, p.y);
    const std::int64_t first = ceilSeconds(e.keyframes.front().at);
    const std::int64_t last = floorSeconds(scenarioEnd);
    const auto toPlane = [&](const geo::Polygon& p) {
        plane::PlanePolygon out;
        for (const auto& ring : p.rings)
            out.rings.push_back(plane.toPlane(ring));
        return out;
    };
    for (const auto& cable : cables) {
        if (!cable.maybeCableClass || *cable.maybeCableClass == CableClass::Submarine)
            continue;
        const double halfWidth = rules.halfWidthM(cable.maybeCableClass, cable.maybeWaters);
        if (halfWidth <= 0.0 || !extentsNear(works, cableExtent(cable), halfWidth + 10.0))
            continue;
        const auto parts = cableInPlane(cable, plane);
        const auto inside = [&](std::int64_t s) {
            const auto polygon = excavationAt(e, s * 1000);
            if (!polygon)
                return false;
            const auto p = toPlane(*polygon);
            for (const auto& part : parts)
                if (plane::polylinePolygonDistance(part, p) <= halfWidth)
                    return true;
            return false;
        };
        const bool applies =
            ruleApplies(rules, rulecodes::kLandProtection, e.kind, *cable.maybeCableClass);
        // After the last keyframe the shape holds: sample up to it and carry
        // its state on to the scenario's end.
        const std::int64_t lastShape = std::min(last, ceilSeconds(e.keyframes.back().at));
        auto intervals = intervalsWhere(inside, first, lastShape, kExcavationStepS);
        if (!intervals.empty() && intervals.back().end == lastShape + 1)
            intervals.back().end = last + 1;
        for (const auto& iv : intervals) {
            LogEntry in;
            in.t = iv.begin * 1000;
            in.kind = LogEventKind::ZoneEntered;
            in.id = e.id;
            if (applies) {
                in.rule = rulecodes::kLandProtection;
                in.rules = {rulecodes::kLandProtection};
                if (rules.find(rulecodes::kWorksNotice))
                    in.rules.push_back(rulecodes::kWorksNotice);
            }
            in.related = {cable.id};
            in.operatorName = cable.operatorName;
            in.maybeZoneHalfWidthM = halfWidth;
            in.scenarioEvent = eventIndex;
            if (const auto polygon = excavationAt(e, in.t)) {
                in.maybePosition = ringCentroid(*polygon);
                in.wkt = polygonsToWkt({*polygon});
            }
            in.detail = std::string(toString(e.kind)) + " " + e.id + " entered the " +
                        metres(halfWidth) + " m protection range of " +
                        std::string(toString(*cable.maybeCableClass)) + " cable " + cable.id +
                        (applies ? "" : " (the rule does not cover this works kind)");
            out.push_back(in);
            if (iv.end <= last) {
                LogEntry left = in;
                left.t = iv.end * 1000;
                left.kind = LogEventKind::ZoneLeft;
                left.maybeDurationS = static_cast<double>(iv.end - iv.begin);
                left.wkt.clear();
                if (const auto polygon = excavationAt(e, left.t))
                    left.maybePosition = ringCentroid(*polygon);
                left.detail = std::string(toString(e.kind)) + " " + e.id +
                              " left the protection range of cable " + cable.id;
                out.push_back(left);
            }
        }
    }
    return out;
}

std::vector<LogEntry> detectVessel(const VesselEvent& e, std::size_t eventIndex,
                                   const std::vector<Cable>& cables, const RuleSet& rules) {
    std::vector<LogEntry> out;
    if (e.track.empty())
        return out;
    const MetricPlane plane(e.track[0].position);
    geo::Extent track;
    for (const auto& f : e.track)
        track.add(f.position.x, f.position.y);
    const std::int64_t first = ceilSeconds(e.track.front().at);
    const std::int64_t last = floorSeconds(e.track.back().at);
    const auto sample = [&](std::int64_t s) { return vesselAt(e, s * 1000); };
    const std::int64_t durationS =
        static_cast<std::int64_t>(std::ceil(std::max(0.0, rules.anchorMinDurationS)));
    const std::string who =
        e.name.empty() ? "vessel " + e.id : "vessel " + e.id + " (" + e.name + ")";
    for (const auto& cable : cables) {
        if (cable.maybeCableClass != CableClass::Submarine)
            continue;
        const auto waters = cable.maybeWaters.value_or(Waters::Open);
        const double halfWidth = rules.halfWidthM(CableClass::Submarine, waters);
        if (halfWidth <= 0.0 || !extentsNear(track, cableExtent(cable), halfWidth + 10.0))
            continue;
        const auto parts = cableInPlane(cable, plane);
        const auto inside = [&](std::int64_t s) {
            const auto v = sample(s);
            return v && pointCableDistance(plane.toPlane(v->position), parts) <= halfWidth;
        };
        // Strictly below the threshold, or anchored by status.
        const auto anchoring = [&](std::int64_t s) {
            const auto v = sample(s);
            return v &&
                   (v->sogKn < rules.anchorSogThresholdKn || v->status == VesselStatus::Anchored) &&
                   pointCableDistance(plane.toPlane(v->position), parts) <= halfWidth;
        };
        LogEntry base;
        base.id = e.id;
        base.related = {cable.id};
        base.operatorName = cable.operatorName;
        base.maybeZoneHalfWidthM = halfWidth;
        base.scenarioEvent = eventIndex;
        for (const auto& iv : intervalsWhere(inside, first, last, kVesselStepS)) {
            LogEntry in = base;
            in.t = iv.begin * 1000;
            in.kind = LogEventKind::ZoneEntered;
            in.rule = rulecodes::kSubmarineZone;
            in.rules = {rulecodes::kSubmarineZone};
            if (const auto v = sample(iv.begin))
                in.maybePosition = v->position;
            in.detail = who + " entered the " + metres(halfWidth) + " m zone (" +
                        std::string(toString(waters)) + " waters) of submarine cable " + cable.id;
            out.push_back(in);

            for (const auto& a : intervalsWhere(anchoring, iv.begin, iv.end - 1, kVesselStepS)) {
                const std::int64_t fire = a.begin + durationS;
                if (fire >= a.end)
                    continue;  // did not hold for the whole duration
                LogEntry anchor = base;
                anchor.t = fire * 1000;
                anchor.kind = LogEventKind::AnchoringInZone;
                anchor.rule = rulecodes::kSubmarineProhibited;
                anchor.rules = {rulecodes::kSubmarineProhibited, rulecodes::kUnderwaterProhibited};
                anchor.maybeDurationS = static_cast<double>(durationS);
                if (const auto v = sample(fire)) {
                    anchor.maybePosition = v->position;
                    anchor.maybeValue = v->sogKn;
                }
                anchor.detail =
                    who + " anchoring (below " + formatFixed(rules.anchorSogThresholdKn, 1) +
                    " kn or anchored) for " + std::to_string(durationS) + " s inside the " +
                    metres(halfWidth) + " m zone of submarine cable " + cable.id;
                out.push_back(anchor);
            }

            LogEntry left = base;
            left.kind = LogEventKind::ZoneLeft;
            left.rule = rulecodes::kSubmarineZone;
            left.rules = {rulecodes::kSubmarineZone};
            if (iv.end <= last) {
                left.t = iv.end * 1000;
                left.detail = who + " left the zone of submarine cable " + cable.id;
            } else {
                left.t = e.track.back().at;
                left.detail = who + "'s track ends inside the zone of submarine cable " + cable.id;
            }
            left.maybeDurationS = static_cast<double>(left.t - in.t) / 1000.0;
            if (const auto v = vesselAt(e, left.t))
                left.maybePosition = v->position;
            out.push_back(left);
        }
    }
    return out;
}

TyphoonResult detectTyphoon(const TyphoonEvent& e, std::size_t eventIndex,
                            const std::vector<Cable>& cables, const RuleSet& rules,
                            geo::TimeMs scenarioEnd) {
    TyphoonResult out;
    if (e.track.empty())
        return out;
    const std::int64_t first = ceilSeconds(e.track.front().at);
    const std::int64_t last = floorSeconds(e.track.back().at);
    double maxRadiusM = 0;
    geo::Extent path;
    for (const auto& f : e.track) {
        maxRadiusM = std::max(maxRadiusM, f.radiusKm * 1000.0);
        path.add(f.centre.x, f.centre.y);
    }
    for (const auto& cable : cables) {
        if (cable.maybeCableClass != CableClass::Aerial || cable.lines.empty() ||
            cable.lines[0].empty())
            continue;
        if (!extentsNear(path, cableExtent(cable), maxRadiusM + 1000.0))
            continue;
        const MetricPlane plane(cable.lines[0][0]);
        const auto parts = cableInPlane(cable, plane);
        const auto within = [&](std::int64_t s, double minWind) {
            const auto f = typhoonAt(e, s * 1000);
            return f && f->windMs >= minWind &&
                   pointCableDistance(plane.toPlane(f->centre), parts) <= f->radiusKm * 1000.0;
        };
        for (const auto& iv : intervalsWhere(
                 [&](std::int64_t s) { return within(s, rules.typhoonExposureMinWindMs); }, first,
                 last, kTyphoonStepS)) {
            LogEntry x;
            x.t = iv.begin * 1000;
            x.kind = LogEventKind::TyphoonExposure;
            x.id = cable.id;
            x.rule = rulecodes::kIncident;
            x.rules = {rulecodes::kIncident};
            x.related = {e.id};
            x.operatorName = cable.operatorName;
            x.scenarioEvent = eventIndex;
            x.maybeDurationS = static_cast<double>(iv.end - iv.begin);
            if (const auto f = typhoonAt(e, x.t)) {
                x.maybeValue = f->windMs;
                x.maybePosition = f->centre;
            }
            x.detail = "aerial cable " + cable.id + " exposed to typhoon " + e.id +
                       " (wind >= " + formatFixed(rules.typhoonExposureMinWindMs, 1) + " m/s)";
            out.entries.push_back(x);
        }
        if (!e.maybeDamageWindMs)
            continue;
        const auto damaged =
            intervalsWhere([&](std::int64_t s) { return within(s, *e.maybeDamageWindMs); }, first,
                           last, kTyphoonStepS);
        if (damaged.empty())
            continue;
        CableDamage d;
        d.cableId = cable.id;
        d.at = damaged.front().begin * 1000;
        const auto repair =
            d.at + static_cast<geo::TimeMs>(std::llround(e.repairAfterH * 3600000.0));
        if (repair <= scenarioEnd)
            d.maybeRepairAt = repair;
        if (const auto f = typhoonAt(e, d.at))
            d.windMs = f->windMs;
        out.damage.push_back(d);
    }
    std::sort(out.damage.begin(), out.damage.end(),
              [](const CableDamage& a, const CableDamage& b) { return a.cableId < b.cableId; });
    return out;
}

}  // namespace citytwin::assets::detail
