#include "citytwin/assets/Auditor.h"

#include <algorithm>
#include <limits>
#include <unordered_set>

#include "CheckSupport.h"

namespace citytwin::assets {
namespace {

RelatedItem itself(const BaseStation& s) {
    return {layers::kBaseStations, s.id, 0.0, s.position};
}

bool isStanding(const BaseStation& s) {
    return s.maybeStatus == SiteStatus::Active || s.maybeStatus == SiteStatus::Decommissioned;
}

void sortById(std::vector<Finding>& findings, std::size_t from) {
    std::stable_sort(findings.begin() + static_cast<std::ptrdiff_t>(from), findings.end(),
                     [](const Finding& a, const Finding& b) {
                         return a.related.front().id < b.related.front().id;
                     });
}

}  // namespace

Auditor::Auditor(const AssetIndex& index, const RuleSet& rules) : _index(index), _rules(rules) {}

std::vector<Finding> Auditor::audit(IsoDate date) const {
    std::vector<Finding> out;
    auditInspections(date, out);
    auditRemovals(out);
    auditDecommissioned(date, out);
    auditSigns(out);
    auditCoverage(out);
    return out;
}

void Auditor::auditInspections(IsoDate date, std::vector<Finding>& out) const {
    const auto* rule = _rules.find(rulecodes::kInspection);
    if (!rule)
        return;
    const std::size_t from = out.size();
    for (const auto& s : _index.project().baseStations) {
        if (!isStanding(s))
            continue;
        const long interval =
            s.maybeInspectionIntervalDays.value_or(_rules.defaultInspectionIntervalDays);
        // Never inspected: the clock runs from the status date, if known.
        const std::optional<IsoDate> since =
            s.maybeLastInspection ? s.maybeLastInspection : s.maybeStatusDate;
        std::string days = "?";
        if (since) {
            const long overdue = date.days - (since->days + interval);
            if (overdue <= 0)
                continue;
            days = std::to_string(overdue);
        }
        const std::string last =
            s.maybeLastInspection ? s.maybeLastInspection->toString() : "never";
        out.push_back(makeFinding(
            *rule,
            {{"id", s.id}, {"days", days}, {"last", last}, {"interval", std::to_string(interval)}},
            {itself(s)}));
    }
    sortById(out, from);
}

void Auditor::auditRemovals(std::vector<Finding>& out) const {
    const auto* rule = _rules.find(rulecodes::kRemovedWithoutReplacement);
    if (!rule)
        return;
    const auto& sites = _index.project().baseStations;
    std::unordered_set<std::string> ids;
    for (const auto& s : sites)
        ids.insert(s.id);
    const std::size_t from = out.size();
    for (const auto& s : sites) {
        if (s.maybeStatus != SiteStatus::Removed)
            continue;
        if (!s.replacementId.empty() && ids.count(s.replacementId) && s.replacementId != s.id)
            continue;
        out.push_back(makeFinding(*rule, {{"id", s.id}}, {itself(s)}));
    }
    sortById(out, from);
}

void Auditor::auditDecommissioned(IsoDate date, std::vector<Finding>& out) const {
    const auto* rule = _rules.find(rulecodes::kDecommissioned);
    if (!rule)
        return;
    const std::size_t from = out.size();
    for (const auto& s : _index.project().baseStations) {
        if (s.maybeStatus != SiteStatus::Decommissioned || !s.maybeStatusDate)
            continue;
        const long overdue = date.days - (s.maybeStatusDate->days + _rules.decommissionGraceDays);
        if (overdue <= 0)
            continue;
        out.push_back(makeFinding(*rule,
                                  {{"id", s.id},
                                   {"date", s.maybeStatusDate->toString()},
                                   {"days", std::to_string(overdue)},
                                   {"grace_days", std::to_string(_rules.decommissionGraceDays)}},
                                  {itself(s)}));
    }
    sortById(out, from);
}

void Auditor::auditSigns(std::vector<Finding>& out) const {
    const auto* rule = _rules.find(rulecodes::kSigns);
    if (!rule)
        return;
    const std::size_t from = out.size();
    for (const auto& s : _index.project().baseStations) {
        if (!isStanding(s) || !s.maybeSignStatus || *s.maybeSignStatus == SignStatus::Ok)
            continue;
        const bool missing = *s.maybeSignStatus == SignStatus::Missing;
        out.push_back(makeFinding(*rule,
                                  {{"id", s.id},
                                   {"sign", missing ? "missing" : "damaged"},
                                   {"sign_zh", missing ? "缺失" : "损坏"}},
                                  {itself(s)}));
    }
    sortById(out, from);
}

void Auditor::auditCoverage(std::vector<Finding>& out) const {
    const auto* rule = _rules.find(rulecodes::kCoverageGap);
    if (!rule)
        return;
    const AssetProject& project = _index.project();
    double maxRadius = _rules.defaultCoverageRadiusM;
    for (const auto& s : project.baseStations)
        if (s.maybeStatus == SiteStatus::Active && s.maybeCoverageRadiusM)
            maxRadius = std::max(maxRadius, *s.maybeCoverageRadiusM);
    const std::size_t from = out.size();
    for (const auto& t : project.coverageTargets) {
        geo::Extent box;
        for (const auto& p : t.polygons)
            for (const auto& q : p.rings[0])
                box.add(q.x, q.y);
        const MetricPlane plane(geo::GeoPoint{box.centerX(), box.centerY(), 0.0});
        std::vector<plane::PlanePolygon> area;
        for (const auto& p : t.polygons)
            area.push_back(detail::toPlanePolygon(plane, p));
        bool covered = false;
        std::optional<RelatedItem> nearest;
        for (auto i : _index.baseStations(box, maxRadius)) {
            const auto& s = project.baseStations[i];
            if (s.maybeStatus != SiteStatus::Active)
                continue;
            double d = std::numeric_limits<double>::infinity();
            const PlanePoint at = plane.toPlane(s.position);
            for (const auto& a : area)
                d = std::min(d, plane::pointPolygonDistance(at, a));
            if (d <= s.maybeCoverageRadiusM.value_or(_rules.defaultCoverageRadiusM)) {
                covered = true;
                break;
            }
            if (!nearest || d < nearest->distanceM)
                nearest = RelatedItem{layers::kBaseStations, s.id, d, s.position};
        }
        if (covered)
            continue;
        std::vector<RelatedItem> related = {
            {layers::kCoverageTargets, t.id, 0.0, detail::polygonsCentre(t.polygons)}};
        if (nearest)
            related.push_back(*nearest);
        out.push_back(
            makeFinding(*rule,
                        {{"id", t.id},
                         {"name", t.name.empty() ? t.id : t.name},
                         {"kind", t.maybeKind ? std::string(toString(*t.maybeKind)) : "other"}},
                        std::move(related)));
    }
    sortById(out, from);
}

}  // namespace citytwin::assets
