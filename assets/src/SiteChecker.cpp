#include "citytwin/assets/SiteChecker.h"

#include "citytwin/assets/AssetDisplayNames.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "CheckSupport.h"

namespace citytwin::assets {
namespace {

/// What every siting rule looks at: the proposal, the project near it and
/// the plane in which distances from the proposed site are measured.
struct SiteQuery {
    const SiteProposal& proposal;
    const AssetIndex& index;
    const RuleSet& rules;
    const AssetProject& project;
    const MetricPlane& plane;  ///< centred on the proposed site
    const geo::Extent& box;    ///< the proposed site, for the index
};

/// The finding of rule for related (nearest first), if anything is related.
void addFinding(std::vector<Finding>& findings, const RuleDefinition& rule,
                std::map<std::string, std::string> parameters, std::vector<RelatedItem> related) {
    if (related.empty())
        return;
    sortNearestFirst(related);
    findings.push_back(makeFinding(rule, std::move(parameters), std::move(related)));
}

/// SH-11: a proposed site not on a public facility, near suitable public facilities.
void checkPublicFacilityFirst(const SiteQuery& q, std::vector<Finding>& findings) {
    const auto* rule = q.rules.find(rulecodes::kPublicFacilityFirst);
    if (!rule || (q.proposal.maybeHostType && isPublicFacilityHost(*q.proposal.maybeHostType)))
        return;
    std::vector<RelatedItem> related;
    for (auto i : q.index.publicFacilities(q.box, q.rules.facilitySearchRadiusM)) {
        const auto& f = q.project.publicFacilities[i];
        if (!f.suitable)
            continue;
        const double d = q.plane.distanceFromOrigin(f.position);
        if (d <= q.rules.facilitySearchRadiusM)
            related.push_back({layers::kPublicFacilities, f.id, d, f.position});
    }
    // Named for what it is: a rooftop or pole site is not "stand-alone".
    const DisplayName site = proposedSiteWording(q.proposal.maybeHostType);
    addFinding(findings, *rule,
               {{"radius_m", formatMetres(q.rules.facilitySearchRadiusM)},
                {"site", site.en},
                {"site_zh", site.zh}},
               std::move(related));
}

/// SH-12: share an existing site with spare capacity.
void checkShareFirst(const SiteQuery& q, std::vector<Finding>& findings) {
    const auto* rule = q.rules.find(rulecodes::kShareFirst);
    if (!rule)
        return;
    std::vector<RelatedItem> related;
    for (auto i : q.index.baseStations(q.box, q.rules.shareRadiusM)) {
        const auto& s = q.project.baseStations[i];
        if (s.maybeStatus == SiteStatus::Removed || s.maybeStatus == SiteStatus::Planned)
            continue;
        if (!s.maybeSpareCapacity || *s.maybeSpareCapacity <= 0)
            continue;
        const double d = q.plane.distanceFromOrigin(s.position);
        if (d <= q.rules.shareRadiusM)
            related.push_back({layers::kBaseStations, s.id, d, s.position});
    }
    if (related.empty())
        return;
    sortNearestFirst(related);
    const std::string nearest =
        related.front().id + " (" + formatMetres(related.front().distanceM) + " m)";
    findings.push_back(
        makeFinding(*rule, {{"radius_m", formatMetres(q.rules.shareRadiusM)}, {"nearest", nearest}},
                    std::move(related)));
}

/// SH-16: public places obliged to open.
void checkPublicPlaces(const SiteQuery& q, std::vector<Finding>& findings) {
    const auto* rule = q.rules.find(rulecodes::kPublicPlaces);
    if (!rule)
        return;
    std::vector<RelatedItem> related;
    for (auto i : q.index.publicPlaces(q.box, q.rules.publicPlaceRadiusM)) {
        const auto& p = q.project.publicPlaces[i];
        if (!p.maybeKind)
            continue;
        const double d = q.plane.distanceFromOrigin(p.geometry);
        if (d <= q.rules.publicPlaceRadiusM) {
            const geo::Extent e = p.geometry.extent();
            related.push_back({layers::kPublicPlaces, p.id, d, {e.centerX(), e.centerY(), 0.0}});
        }
    }
    addFinding(findings, *rule, {{"radius_m", formatMetres(q.rules.publicPlaceRadiusM)}},
               std::move(related));
}

/// SH-24-4: interference sources.
void checkInterference(const SiteQuery& q, std::vector<Finding>& findings) {
    const auto* rule = q.rules.find(rulecodes::kInterference);
    if (!rule)
        return;
    std::vector<RelatedItem> related;
    for (auto i : q.index.interferenceSources(q.box, q.rules.interferenceDistanceM)) {
        const auto& s = q.project.interferenceSources[i];
        if (s.maybePowerW && *s.maybePowerW < q.rules.interferenceMinPowerW)
            continue;
        if (!s.maybePowerW && q.rules.interferenceMinPowerW > 0.0)
            continue;
        const double d = q.plane.distanceFromOrigin(s.position);
        if (d <= q.rules.interferenceDistanceM)
            related.push_back({layers::kInterferenceSources, s.id, d, s.position});
    }
    addFinding(findings, *rule, {{"radius_m", formatMetres(q.rules.interferenceDistanceM)}},
               std::move(related));
}

/// Protection zones the point falls in: land (SH-24-2) and submarine (SCP-7).
void checkProtectionZones(const SiteQuery& q, std::vector<Finding>& findings) {
    const auto runs = q.index.cableRuns(q.box, q.rules.maxHalfWidthM());
    const auto distances =
        detail::cableDistances(q.plane, q.project, runs, [](const std::vector<PlanePoint>& pts) {
            double best = std::hypot(pts.front().east, pts.front().north);
            for (std::size_t k = 0; k + 1 < pts.size(); ++k)
                best = std::min(best, plane::pointSegmentDistance({0.0, 0.0}, pts[k], pts[k + 1]));
            return best;
        });
    std::vector<RelatedItem> land, submarine;
    const auto* landRule = q.rules.find(rulecodes::kLandProtection);
    for (const auto& [ci, d] : distances) {
        const Cable& c = q.project.cables[ci];
        if (!c.maybeCableClass)
            continue;
        if (d > q.rules.halfWidthM(c.maybeCableClass, c.maybeWaters))
            continue;
        RelatedItem item{layers::kCables, c.id, d, detail::cableMidpoint(c)};
        if (c.maybeCableClass == CableClass::Submarine)
            submarine.push_back(std::move(item));
        else if (landRule && std::count(landRule->cableClasses.begin(),
                                        landRule->cableClasses.end(), *c.maybeCableClass) > 0)
            land.push_back(std::move(item));
    }
    if (landRule)
        addFinding(findings, *landRule, {}, std::move(land));
    if (const auto* rule = q.rules.find(rulecodes::kSubmarineZone))
        addFinding(findings, *rule, {}, std::move(submarine));
}

}  // namespace

SiteChecker::SiteChecker(const AssetIndex& index, const RuleSet& rules)
    : _index(index), _rules(rules) {}

double SiteChecker::maxSearchRadiusM() const {
    return std::max({_rules.facilitySearchRadiusM, _rules.shareRadiusM, _rules.publicPlaceRadiusM,
                     _rules.interferenceDistanceM, _rules.maxHalfWidthM()});
}

geo::Result<std::vector<Finding>> SiteChecker::check(const SiteProposal& proposal) const {
    using R = geo::Result<std::vector<Finding>>;
    const geo::GeoPoint& at = proposal.position;
    if (!std::isfinite(at.x) || !std::isfinite(at.y) || std::fabs(at.y) > 90.0 ||
        std::fabs(at.x) > 180.0)
        return R::failure("not a WGS 84 longitude/latitude", {}, 0, "position");
    const geo::Extent box = AssetIndex::boxOf(at);
    if (auto why = detail::outsideProjectExtent(_index, box, maxSearchRadiusM()))
        return R::failure("the proposed site is " + *why, {}, 0, "position");

    const MetricPlane plane(at);
    const SiteQuery query{proposal, _index, _rules, _index.project(), plane, box};
    std::vector<Finding> findings;
    checkPublicFacilityFirst(query, findings);
    checkShareFirst(query, findings);
    checkPublicPlaces(query, findings);
    checkInterference(query, findings);
    checkProtectionZones(query, findings);
    return findings;
}

}  // namespace citytwin::assets
