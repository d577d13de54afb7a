#pragma once
// audit: the whole project at a date.
//   SH-18/22 overdue inspections (active and decommissioned sites; interval
//            from the site or the rules' default);
//   SH-20    removed without a replacement (or with a replacement_id that
//            names no base station);
//   SH-21    decommissioned and not removed after the grace period;
//   SH-23    missing or damaged warning signs (sites still standing);
//   SH-17    coverage targets wholly outside every active site's coverage
//            radius (the site's own, else the rules' default).
// One finding per asset; the asset itself is the first related item
// (distance 0). Findings come in rule order, then by asset id.
//
// Thread safety: audit() is const and may run concurrently.

#include <vector>

#include "citytwin/assets/AssetIndex.h"
#include "citytwin/assets/Finding.h"
#include "citytwin/assets/IsoDate.h"
#include "citytwin/assets/RuleSet.h"

namespace citytwin::assets {

class Auditor {
public:
    Auditor(const AssetIndex& index, const RuleSet& rules);

    std::vector<Finding> audit(IsoDate date) const;

private:
    void auditInspections(IsoDate date, std::vector<Finding>& out) const;
    void auditRemovals(std::vector<Finding>& out) const;
    void auditDecommissioned(IsoDate date, std::vector<Finding>& out) const;
    void auditSigns(std::vector<Finding>& out) const;
    void auditCoverage(std::vector<Finding>& out) const;

    const AssetIndex& _index;
    const RuleSet& _rules;
};

}  // namespace citytwin::assets
