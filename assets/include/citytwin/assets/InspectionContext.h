#pragma once
// A project opened for inspection: the validated AssetProject, its spatial
// index and the rules, with the checkers bound to them. What the CLI and the
// GUI hold while an inspector works on one project.
//
// Thread safety: after open(), everything is const; checks may run
// concurrently on worker threads.

#include <memory>
#include <string>

#include "citytwin/assets/AssetIndex.h"
#include "citytwin/assets/AssetRepository.h"
#include "citytwin/assets/Auditor.h"
#include "citytwin/assets/ProtectionZoneBuilder.h"
#include "citytwin/assets/RuleSet.h"
#include "citytwin/assets/SiteChecker.h"
#include "citytwin/assets/WorksChecker.h"

namespace citytwin::assets {

class InspectionContext {
public:
    /// Loads the project through `repository` and the rules from rulesPath
    /// (empty: the shipped defaults). Fails if either cannot be read; the
    /// validation diagnostics of the project come with the value.
    static geo::Result<std::unique_ptr<InspectionContext>> open(const AssetRepository& repository,
                                                                const std::string& rulesPath = {});
    /// The same with an already loaded project (e.g. generated data).
    static std::unique_ptr<InspectionContext> fromProject(
        AssetProject project, RuleSet rules, AssetIndex::Mode mode = AssetIndex::Mode::RTree);

    InspectionContext(const InspectionContext&) = delete;
    InspectionContext& operator=(const InspectionContext&) = delete;

    const AssetProject& project() const { return *_project; }
    const AssetIndex& index() const { return *_index; }
    const RuleSet& rules() const { return _rules; }

    SiteChecker siteChecker() const { return SiteChecker(*_index, _rules); }
    WorksChecker worksChecker() const { return WorksChecker(*_index, _rules); }
    Auditor auditor() const { return Auditor(*_index, _rules); }
    /// Protection zones of every cable (WGS 84 polygons); see ProtectionZoneBuilder.
    geo::Result<std::vector<ProtectionZone>> buildZones() const;

private:
    InspectionContext(AssetProject project, RuleSet rules, AssetIndex::Mode mode);

    std::unique_ptr<AssetProject> _project;
    RuleSet _rules;
    std::unique_ptr<AssetIndex> _index;
};

}  // namespace citytwin::assets
