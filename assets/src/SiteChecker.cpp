#include "citytwin/assets/SiteChecker.h"

#include <algorithm>
#include <cmath>

#include "CheckSupport.h"

namespace citytwin::assets {

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

    const AssetProject& project = _index.project();
    const MetricPlane plane(at);
    std::vector<Finding> findings;

    // SH-11: a stand-alone site near suitable public facilities.
    if (const auto* rule = _rules.find(rulecodes::kPublicFacilityFirst);
        rule && !(proposal.maybeHostType && isPublicFacilityHost(*proposal.maybeHostType))) {
        std::vector<RelatedItem> related;
        for (auto i : _index.publicFacilities(box, _rules.facilitySearchRadiusM)) {
            const auto& f = project.publicFacilities[i];
            if (!f.suitable)
                continue;
            const double d = plane.distanceFromOrigin(f.position);
            if (d <= _rules.facilitySearchRadiusM)
                related.push_back({layers::kPublicFacilities, f.id, d, f.position});
        }
        if (!related.empty()) {
            sortNearestFirst(related);
            findings.push_back(
                makeFinding(*rule, {{"radius_m", formatMetres(_rules.facilitySearchRadiusM)}},
                            std::move(related)));
        }
    }

    // SH-12: share an existing site with spare capacity.
    if (const auto* rule = _rules.find(rulecodes::kShareFirst)) {
        std::vector<RelatedItem> related;
        for (auto i : _index.baseStations(box, _rules.shareRadiusM)) {
            const auto& s = project.baseStations[i];
            if (s.maybeStatus == SiteStatus::Removed || s.maybeStatus == SiteStatus::Planned)
                continue;
            if (!s.maybeSpareCapacity || *s.maybeSpareCapacity <= 0)
                continue;
            const double d = plane.distanceFromOrigin(s.position);
            if (d <= _rules.shareRadiusM)
                related.push_back({layers::kBaseStations, s.id, d, s.position});
        }
        if (!related.empty()) {
            sortNearestFirst(related);
            const std::string nearest =
                related.front().id + " (" + formatMetres(related.front().distanceM) + " m)";
            findings.push_back(makeFinding(
                *rule, {{"radius_m", formatMetres(_rules.shareRadiusM)}, {"nearest", nearest}},
                std::move(related)));
        }
    }

    // SH-16: public places obliged to open.
    if (const auto* rule = _rules.find(rulecodes::kPublicPlaces)) {
        std::vector<RelatedItem> related;
        for (auto i : _index.publicPlaces(box, _rules.publicPlaceRadiusM)) {
            const auto& p = project.publicPlaces[i];
            if (!p.maybeKind)
                continue;
            const double d = plane.distanceFromOrigin(p.geometry);
            if (d <= _rules.publicPlaceRadiusM) {
                const geo::Extent e = p.geometry.extent();
                related.push_back(
                    {layers::kPublicPlaces, p.id, d, {e.centerX(), e.centerY(), 0.0}});
            }
        }
        if (!related.empty()) {
            sortNearestFirst(related);
            findings.push_back(makeFinding(*rule,
                                           {{"radius_m", formatMetres(_rules.publicPlaceRadiusM)}},
                                           std::move(related)));
        }
    }

    // SH-24-4: interference sources.
    if (const auto* rule = _rules.find(rulecodes::kInterference)) {
        std::vector<RelatedItem> related;
        for (auto i : _index.interferenceSources(box, _rules.interferenceDistanceM)) {
            const auto& s = project.interferenceSources[i];
            if (s.maybePowerW && *s.maybePowerW < _rules.interferenceMinPowerW)
                continue;
            if (!s.maybePowerW && _rules.interferenceMinPowerW > 0.0)
                continue;
            const double d = plane.distanceFromOrigin(s.position);
            if (d <= _rules.interferenceDistanceM)
                related.push_back({layers::kInterferenceSources, s.id, d, s.position});
        }
        if (!related.empty()) {
            sortNearestFirst(related);
            findings.push_back(
                makeFinding(*rule, {{"radius_m", formatMetres(_rules.interferenceDistanceM)}},
                            std::move(related)));
        }
    }

    // Protection zones the point falls in: land (SH-24-2) and submarine (SCP-7).
    const auto runs = _index.cableRuns(box, _rules.maxHalfWidthM());
    const auto distances =
        detail::cableDistances(plane, project, runs, [](const std::vector<PlanePoint>& pts) {
            double best = std::hypot(pts.front().east, pts.front().north);
            for (std::size_t k = 0; k + 1 < pts.size(); ++k)
                best = std::min(best, plane::pointSegmentDistance({0.0, 0.0}, pts[k], pts[k + 1]));
            return best;
        });
    std::vector<RelatedItem> land, submarine;
    const auto* landRule = _rules.find(rulecodes::kLandProtection);
    for (const auto& [ci, d] : distances) {
        const Cable& c = project.cables[ci];
        if (!c.maybeCableClass)
            continue;
        if (d > _rules.halfWidthM(c.maybeCableClass, c.maybeWaters))
            continue;
        RelatedItem item{layers::kCables, c.id, d, detail::cableMidpoint(c)};
        if (c.maybeCableClass == CableClass::Submarine)
            submarine.push_back(std::move(item));
        else if (landRule && std::count(landRule->cableClasses.begin(),
                                        landRule->cableClasses.end(), *c.maybeCableClass) > 0)
            land.push_back(std::move(item));
    }
    if (landRule && !land.empty()) {
        sortNearestFirst(land);
        findings.push_back(makeFinding(*landRule, {}, std::move(land)));
    }
    if (const auto* rule = _rules.find(rulecodes::kSubmarineZone); rule && !submarine.empty()) {
        sortNearestFirst(submarine);
        findings.push_back(makeFinding(*rule, {}, std::move(submarine)));
    }
    return findings;
}

}  // namespace citytwin::assets
